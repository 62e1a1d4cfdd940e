//! The model's enums in the UI's language: one function per enum, one catalogue key per value.

use lanyard_model::auth0::StrategyKind;
use lanyard_model::profile::Environment;

use crate::tr;

/// "Production", "本番", ...
pub fn environment(env: Environment) -> String {
    match env {
        Environment::Production => tr!("env-production"),
        Environment::Staging => tr!("env-staging"),
        Environment::Development => tr!("env-development"),
        Environment::Sandbox => tr!("env-sandbox"),
    }
}

/// "database", "social", ... as a connection's kind.
pub fn strategy_kind(kind: StrategyKind) -> String {
    match kind {
        StrategyKind::Database => tr!("strategy-database"),
        StrategyKind::Social => tr!("strategy-social"),
        StrategyKind::Enterprise => tr!("strategy-enterprise"),
        StrategyKind::Passwordless => tr!("strategy-passwordless"),
    }
}

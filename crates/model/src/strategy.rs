//! Auth0 connection strategies by family: which per-organization options apply to a connection.

use serde::{Deserialize, Serialize};

/// The family a connection's strategy belongs to; decides which per-org options apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StrategyKind {
    Database,
    Social,
    Enterprise,
    Passwordless,
}

impl StrategyKind {
    pub fn label(self) -> &'static str {
        match self {
            StrategyKind::Database => "database",
            StrategyKind::Social => "social",
            StrategyKind::Enterprise => "enterprise",
            StrategyKind::Passwordless => "passwordless",
        }
    }
}

/// Enterprise strategies of `ConnectionStrategyEnum` (the rest are social, database or passwordless).
const ENTERPRISE: &[&str] = &[
    "ad",
    "adfs",
    "auth0-adldap",
    "auth0-oidc",
    "custom",
    "google-apps",
    "ip",
    "office365",
    "oidc",
    "okta",
    "pingfederate",
    "samlp",
    "sharepoint",
    "waad",
];

/// Classifies an Auth0 strategy name; unknown names count as social (no per-org extras).
pub fn strategy_kind(strategy: &str) -> StrategyKind {
    match strategy {
        "auth0" => StrategyKind::Database,
        "email" | "sms" => StrategyKind::Passwordless,
        s if ENTERPRISE.contains(&s) => StrategyKind::Enterprise,
        _ => StrategyKind::Social,
    }
}

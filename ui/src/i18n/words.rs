//! The model's enums in the UI's language: one function per enum, one catalogue key per value.

use lanyard_model::auth0::{AccessLevel, StrategyKind};
use lanyard_model::bulk::ItemStatus;
use lanyard_model::compare::DiffKind;
use lanyard_model::inventory::CrawlState;
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

/// "Reading", "Complete", ... of a crawl.
pub fn crawl_state(state: CrawlState) -> String {
    match state {
        CrawlState::NotStarted => tr!("crawl-state-not-started"),
        CrawlState::Running => tr!("crawl-state-running"),
        CrawlState::Interrupted => tr!("crawl-state-interrupted"),
        CrawlState::Cancelled => tr!("crawl-state-cancelled"),
        CrawlState::Finished => tr!("crawl-state-finished"),
    }
}

/// "Done", "Failed", ... of a bulk run's item.
pub fn item_status(status: ItemStatus) -> String {
    match status {
        ItemStatus::Pending => tr!("item-pending"),
        ItemStatus::Skipped => tr!("item-skipped"),
        ItemStatus::Sending => tr!("item-sending"),
        ItemStatus::Done => tr!("item-done"),
        ItemStatus::Failed => tr!("item-failed"),
        ItemStatus::Unknown => tr!("item-unknown"),
        ItemStatus::NotSent => tr!("item-not-sent"),
    }
}

/// "Only on the left", "Same", ... of a comparison's row.
pub fn diff_kind(kind: DiffKind) -> String {
    match kind {
        DiffKind::OnlyLeft => tr!("diff-only-left"),
        DiffKind::OnlyRight => tr!("diff-only-right"),
        DiffKind::Same => tr!("diff-same"),
        DiffKind::Different => tr!("diff-different"),
    }
}

/// What an Auth0 organization access level lets the organization's admins do.
pub fn access_level(level: AccessLevel) -> String {
    match level {
        AccessLevel::None => tr!("access-none"),
        AccessLevel::Readonly => tr!("access-readonly"),
        AccessLevel::Limited => tr!("access-limited"),
        AccessLevel::Full => tr!("access-full"),
    }
}

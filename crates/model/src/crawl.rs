//! A crawl's own words, which the errors, the crawl's stop and the inventory's views all use
//! (so none of those needs another): where a crawl stands, what the user asks of it, the kinds
//! of target it lists, and what it writes. `lanyard_model::inventory` re-exports the first three.

use serde::{Deserialize, Serialize};

/// Where a profile's crawl stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrawlState {
    /// No crawl was ever started for this profile.
    NotStarted,
    Running,
    /// Stopped before its end: Lanyard was closed or killed, or the server failed in a way
    /// waiting does not cure (the message says which). Resume continues where it stopped.
    Interrupted,
    /// The user cancelled it; what was read stays usable. Resume continues where it stopped.
    Cancelled,
    Finished,
}

impl CrawlState {
    /// Whether `action` means anything in this state.
    pub fn allows(self, action: CrawlAction) -> bool {
        match action {
            CrawlAction::Start => self != CrawlState::Running,
            CrawlAction::Resume => {
                matches!(self, CrawlState::Interrupted | CrawlState::Cancelled)
            }
            CrawlAction::Cancel => self == CrawlState::Running,
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            CrawlState::NotStarted => "Not read yet",
            CrawlState::Running => "Reading",
            CrawlState::Interrupted => "Interrupted",
            CrawlState::Cancelled => "Cancelled",
            CrawlState::Finished => "Complete",
        }
    }
}

/// What the user asks of a crawl.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrawlAction {
    /// Read everything again from the start (the rows read before stay until replaced).
    Start,
    /// Continue an interrupted or cancelled crawl where it stopped.
    Resume,
    Cancel,
}

/// A kind of target the inventory holds, as the crawl lists it and the Inventory page counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Targets {
    Organizations,
    Connections,
    /// ZITADEL's instance (its default login policy).
    Instance,
    /// ZITADEL's login policies: the instance's and each organization's.
    LoginPolicies,
    IdentityProviders,
    AuthModules,
    Groups,
}

impl Targets {
    /// Every kind, for the tests that word each one.
    pub const ALL: [Targets; 7] = [
        Targets::Organizations,
        Targets::Connections,
        Targets::Instance,
        Targets::LoginPolicies,
        Targets::IdentityProviders,
        Targets::AuthModules,
        Targets::Groups,
    ];
}

/// What the crawl was writing to the inventory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrawlStep {
    SaveState,
    RecordInstance,
    RecordListed,
    ForgetUnlisted,
    ForgetGone,
    RecordRead,
}

impl CrawlStep {
    /// Every step, for the tests that word each one.
    pub const ALL: [CrawlStep; 6] = [
        CrawlStep::SaveState,
        CrawlStep::RecordInstance,
        CrawlStep::RecordListed,
        CrawlStep::ForgetUnlisted,
        CrawlStep::ForgetGone,
        CrawlStep::RecordRead,
    ];

    /// What it does, after "could not" (the log's words too).
    pub fn words(self) -> &'static str {
        match self {
            CrawlStep::SaveState => "save the crawl's state",
            CrawlStep::RecordInstance => "record the instance",
            CrawlStep::RecordListed => "record the targets listed",
            CrawlStep::ForgetUnlisted => "forget targets no longer listed",
            CrawlStep::ForgetGone => "forget a target that is gone",
            CrawlStep::RecordRead => "record what was read",
        }
    }
}

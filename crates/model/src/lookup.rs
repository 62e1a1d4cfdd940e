//! How the window looks things up in the inventory, in words that the bulk runs, the compares
//! and the errors share with it (so none of those needs the inventory's views): what a picker
//! searches for, and where a bulk plan reads each target's state. `lanyard_model::inventory`
//! re-exports both.

use serde::{Deserialize, Serialize};

/// What a picker searches for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PickerKind {
    Auth0Organization,
    Auth0Connection,
    ZitadelOrganization,
    ZitadelIdp,
    HubAuthModule,
    HubGroup,
}

impl PickerKind {
    /// What it finds, in English: "Auth0 organizations".
    pub fn plural(self) -> &'static str {
        match self {
            PickerKind::Auth0Organization => "Auth0 organizations",
            PickerKind::Auth0Connection => "Auth0 connections",
            PickerKind::ZitadelOrganization => "ZITADEL organizations",
            PickerKind::ZitadelIdp => "ZITADEL identity providers",
            PickerKind::HubAuthModule => "Hub auth modules",
            PickerKind::HubGroup => "Hub groups",
        }
    }
}

/// Where a bulk plan reads each target's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case", deny_unknown_fields)]
pub enum PlanSource {
    /// From the inventory when every target's row is younger than `max_age_minutes`; else each
    /// target is read live (and the run says why).
    Inventory { max_age_minutes: u32 },
    /// Each target read live.
    Live,
}

impl PlanSource {
    /// The default limit on the age of the inventory's rows a plan may use.
    pub const DEFAULT_MAX_AGE_MINUTES: u32 = 60;
    /// The longest a user may set: a week.
    pub const MAX_AGE_MINUTES: u32 = 7 * 24 * 60;
}

impl Default for PlanSource {
    fn default() -> Self {
        PlanSource::Inventory {
            max_age_minutes: Self::DEFAULT_MAX_AGE_MINUTES,
        }
    }
}

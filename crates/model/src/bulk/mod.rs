//! Bulk changes: one change applied to many targets, as data shared by the UI and the runner.
//!
//! A run is planned (each target's state read live), reviewed as a table, then run item by item
//! at the API's pace. Every item carries its own concrete [`Change`](crate::Change), so a run, a
//! retry and the run that undoes it all go through the same runner. What a run may do in each
//! state is decided here once ([`RunState::allows`]), for the runner and the UI's buttons alike.

pub mod list;
mod list_note;
mod note;
mod op;
mod page;
mod run;
mod share;
mod title;

use serde::{Deserialize, Serialize};

use crate::auth0::Organization;
use crate::hub::AuthModule;
use crate::zitadel::{IdpOwnerType, Provider};

pub use crate::run_state::{RunAction, RunState};
pub use list_note::{ListLiveReason, ListNote};
pub use note::{ItemNote, LiveReason, RunNote};
pub use op::BulkOp;
pub use page::{ItemFilter, ItemPage, MAX_PAGE, PAGE, warns};
pub use run::{
    Counts, ItemStatus, ItemView, RunList, RunSummary, RunView, UnreadableRun, WarningGroup,
};
pub use share::RateShare;
pub use title::RunTitle;

/// Why a journal cannot be read: an error's part (`ConfigProblem::RunUnreadable`), kept there.
pub use crate::error::{Damage, JournalProblem};

/// One target of a bulk run, as the picker showed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkTarget {
    pub id: String,
    pub name: String,
    /// ZITADEL only: who owns the identity provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_type: Option<IdpOwnerType>,
}

impl BulkTarget {
    /// An Auth0 organization, named as the organization picker names it.
    pub fn organization(org: &Organization) -> Self {
        Self {
            id: org.id.to_string(),
            name: org
                .display_name
                .clone()
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| org.name.clone()),
            owner_type: None,
        }
    }

    /// A ZITADEL identity provider, with the owner type a link to an organization sends.
    pub fn identity_provider(provider: &Provider) -> Self {
        Self {
            id: provider.id.to_string(),
            name: if provider.name.is_empty() {
                provider.id.to_string()
            } else {
                provider.name.clone()
            },
            owner_type: Some(provider.owner_type()),
        }
    }

    /// A Hub auth module.
    pub fn auth_module(module: &AuthModule) -> Self {
        Self {
            id: module.id.to_string(),
            name: module.name.clone().unwrap_or_else(|| module.id.to_string()),
            owner_type: None,
        }
    }
}

/// The most targets one run takes: every organization of a tenant of 10,000 (the Bulk page's
/// table lists that many, windowed, and "Select all matching" ticks them all).
pub const MAX_TARGETS: usize = 10_000;

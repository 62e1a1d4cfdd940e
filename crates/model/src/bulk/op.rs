//! Bulk changes: one change applied to many targets, as data shared by the UI and the runner.
//!
//! A run is planned (each target's state read live), reviewed as a table, then run item by item
//! at the API's pace. Every item carries its own concrete [`Change`], so a run, a retry and the
//! run that undoes it all go through the same runner.

use serde::{Deserialize, Serialize};

use crate::auth0::{EnableConnection, Patch, Settings, UpdateConnection};
use crate::change::{Change, Labels};
use crate::ids::{AuthModuleId, ConnectionId, IdError, IdpId, OrganizationId, UserGroupId};
use crate::validation::FieldErrors;
use crate::zitadel::{IdpOwnerType, PolicyScope};

/// The one change a bulk run makes, without its targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum BulkOp {
    /// Enable a connection for each organization (targets: organizations).
    Auth0Enable {
        request: EnableConnection,
        strategy: Option<String>,
        connection_name: String,
    },
    /// Change the options of a connection on each organization; `is_enabled: false` disables it.
    Auth0Update {
        connection_id: ConnectionId,
        update: UpdateConnection,
        strategy: Option<String>,
        connection_name: String,
    },
    /// Remove a connection from each organization.
    Auth0Remove {
        connection_id: ConnectionId,
        strategy: Option<String>,
        connection_name: String,
    },
    /// Link each identity provider (targets: IdPs) to one login policy.
    ZitadelLink {
        scope: PolicyScope,
        scope_name: String,
    },
    ZitadelUnlink {
        scope: PolicyScope,
        scope_name: String,
    },
    /// Add one group to the auto-join groups of each auth module (targets: modules).
    HubAdd {
        group_id: UserGroupId,
        group_name: String,
    },
    HubRemove {
        group_id: UserGroupId,
        group_name: String,
    },
}

/// One target of a bulk run, as the picker showed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkTarget {
    pub id: String,
    pub name: String,
    /// ZITADEL only: who owns the identity provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_type: Option<IdpOwnerType>,
}

/// The most targets one run takes.
pub const MAX_TARGETS: usize = 5_000;

impl BulkOp {
    /// What the run does, for the run list, toasts and the audit log.
    pub fn describe(&self, targets: usize) -> String {
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let orgs = plural(targets, "organization", "organizations");
        match self {
            BulkOp::Auth0Enable {
                connection_name, ..
            } => format!("Enable {connection_name} for {orgs}"),
            BulkOp::Auth0Update {
                connection_name,
                update,
                ..
            } if update.is_enabled == Patch::Set(false) => {
                format!("Disable {connection_name} for {orgs}")
            }
            BulkOp::Auth0Update {
                connection_name, ..
            } => format!("Change {connection_name} for {orgs}"),
            BulkOp::Auth0Remove {
                connection_name, ..
            } => format!("Remove {connection_name} from {orgs}"),
            BulkOp::ZitadelLink { scope_name, .. } => format!(
                "Link {} to the login policy of {scope_name}",
                plural(targets, "identity provider", "identity providers")
            ),
            BulkOp::ZitadelUnlink { scope_name, .. } => format!(
                "Unlink {} from the login policy of {scope_name}",
                plural(targets, "identity provider", "identity providers")
            ),
            BulkOp::HubAdd { group_name, .. } => format!(
                "Add {group_name} to the auto-join groups of {}",
                plural(targets, "auth module", "auth modules")
            ),
            BulkOp::HubRemove { group_name, .. } => format!(
                "Remove {group_name} from the auto-join groups of {}",
                plural(targets, "auth module", "auth modules")
            ),
        }
    }

    /// The product whose profile runs this op.
    pub fn product(&self) -> crate::profile::Product {
        use crate::profile::Product;
        match self {
            BulkOp::Auth0Enable { .. }
            | BulkOp::Auth0Update { .. }
            | BulkOp::Auth0Remove { .. } => Product::Auth0,
            BulkOp::ZitadelLink { .. } | BulkOp::ZitadelUnlink { .. } => Product::Zitadel,
            BulkOp::HubAdd { .. } | BulkOp::HubRemove { .. } => Product::Hub,
        }
    }

    /// Whether the change takes something away (production profiles ask to type the name).
    pub fn is_destructive(&self) -> bool {
        match self {
            BulkOp::Auth0Remove { .. }
            | BulkOp::ZitadelUnlink { .. }
            | BulkOp::HubRemove { .. } => true,
            BulkOp::Auth0Update { update, .. } => update.is_enabled == Patch::Set(false),
            _ => false,
        }
    }

    /// The rules the op must pass whatever its targets; checked before anything is read.
    pub fn validate(&self) -> FieldErrors {
        match self {
            BulkOp::Auth0Enable {
                request, strategy, ..
            } => crate::auth0::check_enable(request, strategy.as_deref()).errors,
            _ => FieldErrors::new(),
        }
    }

    /// The concrete change for one target, given its current Auth0 options where they matter
    /// (an update and a remove carry what they expect to find).
    pub fn change_for(
        &self,
        target: &BulkTarget,
        current: Option<&Settings>,
    ) -> Result<Change, IdError> {
        let labels = |item: &str| Labels {
            target: target.name.clone(),
            item: item.to_owned(),
        };
        Ok(match self {
            BulkOp::Auth0Enable {
                request,
                strategy,
                connection_name,
            } => Change::Auth0Enable {
                organization_id: OrganizationId::parse(&target.id)?,
                request: request.clone(),
                strategy: strategy.clone(),
                labels: labels(connection_name),
            },
            BulkOp::Auth0Update {
                connection_id,
                update,
                strategy,
                connection_name,
            } => Change::Auth0Update {
                organization_id: OrganizationId::parse(&target.id)?,
                connection_id: connection_id.clone(),
                update: update.clone(),
                expect: current
                    .cloned()
                    .unwrap_or_else(|| EnableConnection::new(connection_id.clone()).effective()),
                strategy: strategy.clone(),
                labels: labels(connection_name),
            },
            BulkOp::Auth0Remove {
                connection_id,
                strategy,
                connection_name,
            } => Change::Auth0Remove {
                organization_id: OrganizationId::parse(&target.id)?,
                connection_id: connection_id.clone(),
                expect: current
                    .cloned()
                    .unwrap_or_else(|| EnableConnection::new(connection_id.clone()).effective()),
                strategy: strategy.clone(),
                labels: labels(connection_name),
            },
            BulkOp::ZitadelLink { scope, scope_name } => Change::ZitadelLink {
                scope: scope.clone(),
                idp_id: IdpId::parse(&target.id)?,
                owner_type: target.owner_type.unwrap_or(IdpOwnerType::System),
                labels: Labels {
                    target: scope_name.clone(),
                    item: target.name.clone(),
                },
            },
            BulkOp::ZitadelUnlink { scope, scope_name } => Change::ZitadelUnlink {
                scope: scope.clone(),
                idp_id: IdpId::parse(&target.id)?,
                owner_type: target.owner_type.unwrap_or(IdpOwnerType::System),
                labels: Labels {
                    target: scope_name.clone(),
                    item: target.name.clone(),
                },
            },
            BulkOp::HubAdd {
                group_id,
                group_name,
            } => Change::HubAdd {
                module_id: AuthModuleId::parse(&target.id)?,
                group_id: group_id.clone(),
                labels: labels(group_name),
            },
            BulkOp::HubRemove {
                group_id,
                group_name,
            } => Change::HubRemove {
                module_id: AuthModuleId::parse(&target.id)?,
                group_id: group_id.clone(),
                labels: labels(group_name),
            },
        })
    }
}

/// Where one item of a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Not sent yet.
    Pending,
    /// Already in the planned state when planned: nothing to send.
    Skipped,
    /// Written to the journal as about to be sent; if the run stops here, the outcome is read
    /// back before anything else happens to this item.
    Sending,
    /// Applied, and the server said so (or a read-back confirmed it).
    Done,
    /// The server refused it, or the target could not be read; nothing was changed.
    Failed,
    /// Sent, and neither the reply nor a read-back could tell whether it took effect.
    Unknown,
}

impl ItemStatus {
    /// Finished for this run: nothing more will be sent for it unless retried.
    pub fn is_settled(self) -> bool {
        matches!(self, ItemStatus::Skipped | ItemStatus::Done)
    }

    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Pending => "Waiting",
            ItemStatus::Skipped => "No change needed",
            ItemStatus::Sending => "Sending",
            ItemStatus::Done => "Done",
            ItemStatus::Failed => "Failed",
            ItemStatus::Unknown => "Outcome unknown",
        }
    }
}

/// Where a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunState {
    /// Reading each target's current state.
    Planning,
    /// Planned; waiting for the user to start it.
    Ready,
    Running,
    /// Paused by the user, or by the runner when the connection was lost.
    Paused,
    /// Stopped by the user; the items not sent stay as they are.
    Cancelled,
    /// Every item was tried.
    Finished,
    /// Lanyard stopped while the run was going (killed, crashed, shut down): offered for resume.
    Interrupted,
}

impl RunState {
    /// A run that can be resumed or started.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            RunState::Ready | RunState::Paused | RunState::Interrupted | RunState::Running
        )
    }
}

/// One row of the run table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    pub index: usize,
    pub target_id: String,
    pub target_name: String,
    /// The target's state when planned, and as planned, in words.
    pub current: String,
    pub planned: String,
    pub status: ItemStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// Confirmed by reading the target back rather than by the write's own reply.
    #[serde(default)]
    pub read_back: bool,
}

/// Counts of a run's items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub total: usize,
    pub pending: usize,
    pub skipped: usize,
    pub done: usize,
    pub failed: usize,
    pub unknown: usize,
}

impl Counts {
    pub fn of(statuses: impl IntoIterator<Item = ItemStatus>) -> Self {
        let mut c = Counts::default();
        for s in statuses {
            c.total += 1;
            match s {
                ItemStatus::Pending | ItemStatus::Sending => c.pending += 1,
                ItemStatus::Skipped => c.skipped += 1,
                ItemStatus::Done => c.done += 1,
                ItemStatus::Failed => c.failed += 1,
                ItemStatus::Unknown => c.unknown += 1,
            }
        }
        c
    }

    /// Items that need a write, of those not skipped: done + failed + unknown + pending.
    pub fn to_write(&self) -> usize {
        self.total - self.skipped
    }

    /// Items tried so far (done, failed or unknown).
    pub fn tried(&self) -> usize {
        self.done + self.failed + self.unknown
    }
}

/// A run as the UI shows it: its state, progress and table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunView {
    pub id: String,
    pub profile_id: String,
    pub profile_name: String,
    pub summary: String,
    /// Set when this run undoes another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undo_of: Option<String>,
    pub created: String,
    pub state: RunState,
    /// Why the run is paused or stopped, when the runner paused it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub counts: Counts,
    /// Targets read so far while planning.
    pub planned: usize,
    /// Writes per minute over the last writes of this session.
    pub rate_per_minute: Option<f64>,
    pub eta_seconds: Option<u64>,
    pub destructive: bool,
    /// Set when the profile is production and the run destructive: type this to start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_with: Option<String>,
    /// Whether items applied by this run can be undone (a run of reversals is offered).
    pub undoable: usize,
    pub items: Vec<ItemView>,
}

/// What the user asks a run to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunAction {
    Start,
    Pause,
    Resume,
    Cancel,
    /// Put failed and unknown items back in the queue and run them again.
    RetryFailed,
    /// Forget an unfinished run (its journal is kept as finished history).
    Discard,
}

/// A run in the list of runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunSummary {
    pub id: String,
    pub profile_name: String,
    pub summary: String,
    pub created: String,
    pub state: RunState,
    pub counts: Counts,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(id: &str) -> BulkTarget {
        BulkTarget {
            id: id.into(),
            name: format!("Org {id}"),
            owner_type: None,
        }
    }

    #[test]
    fn a_change_per_target_carries_the_target_and_what_it_expects() {
        let conn = ConnectionId::parse("con_AbCdEf0123456789").unwrap();
        let op = BulkOp::Auth0Remove {
            connection_id: conn.clone(),
            strategy: Some("oidc".into()),
            connection_name: "Acme SSO".into(),
        };
        let now = Settings {
            show_as_button: true,
            ..EnableConnection::new(conn.clone()).effective()
        };
        let change = op
            .change_for(&org("org_AbCdEf0123456789"), Some(&now))
            .unwrap();
        match change {
            Change::Auth0Remove {
                organization_id,
                expect,
                labels,
                ..
            } => {
                assert_eq!(organization_id.as_str(), "org_AbCdEf0123456789");
                assert_eq!(expect, now);
                assert_eq!(labels.target, "Org org_AbCdEf0123456789");
                assert_eq!(labels.item, "Acme SSO");
            }
            other => panic!("{other:?}"),
        }
        assert!(op.is_destructive());
        assert_eq!(op.describe(3), "Remove Acme SSO from 3 organizations");
    }

    #[test]
    fn a_bad_target_id_is_refused_not_sent() {
        let op = BulkOp::Auth0Enable {
            request: EnableConnection::new(ConnectionId::parse("con_AbCdEf0123456789").unwrap()),
            strategy: None,
            connection_name: "github".into(),
        };
        assert!(op.change_for(&org("../admin"), None).is_err());
    }

    #[test]
    fn counts_add_up_and_sending_counts_as_not_yet_done() {
        let c = Counts::of([
            ItemStatus::Pending,
            ItemStatus::Sending,
            ItemStatus::Skipped,
            ItemStatus::Done,
            ItemStatus::Failed,
            ItemStatus::Unknown,
        ]);
        assert_eq!(c.total, 6);
        assert_eq!(c.pending, 2);
        assert_eq!(c.to_write(), 5);
        assert_eq!(c.tried(), 3);
    }
}

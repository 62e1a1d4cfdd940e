//! The inventory (`lanyard-inventory`) as core holds it: opened once in the data folder, shared
//! by single changes and bulk runs. Lanyard works without it: a file that cannot be opened, or a
//! write that fails, is logged and kept as the inventory's last problem, never a failed change.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use lanyard_inventory::{
    Inventory, InventoryError, PolicyRead, ReadOrigin, TargetKind, UnixMillis,
};
use lanyard_model::auth0::{OrgConnection, Organization};
use lanyard_model::crawl_stop::{CrawlStep, StopCause};
use lanyard_model::error::ConfigProblem;
use lanyard_model::ids::{AuthModuleId, ConnectionId, OrganizationId, UserGroupId};
use lanyard_model::inventory_problem::{InventoryProblem, InventoryWrite};
use lanyard_model::zitadel::PolicyScope;

/// The file's name in the data folder.
pub const FILE_NAME: &str = "inventory.sqlite";

/// Why [`Stock::write_or_say`] did not write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unwritten {
    /// The inventory is not open (`reason`: why, when it is known).
    Closed { reason: Option<InventoryProblem> },
    /// The write at `step` failed (`detail`: the database's words).
    Failed { step: CrawlStep, detail: String },
}

impl From<Unwritten> for StopCause {
    fn from(unwritten: Unwritten) -> Self {
        match unwritten {
            Unwritten::Closed { reason } => StopCause::InventoryClosed { reason },
            Unwritten::Failed { step, detail } => StopCause::Unwritable { step, detail },
        }
    }
}

impl From<Unwritten> for ConfigProblem {
    fn from(unwritten: Unwritten) -> Self {
        match unwritten {
            Unwritten::Closed { reason } => ConfigProblem::InventoryClosedForCrawl { reason },
            Unwritten::Failed { step, detail } => {
                ConfigProblem::InventoryUnwritable { step, detail }
            }
        }
    }
}

/// A shared handle on the inventory; `Default` is no inventory at all (nothing is recorded).
#[derive(Debug, Clone, Default)]
pub struct Stock(Arc<Mutex<State>>);

#[derive(Debug, Default)]
struct State {
    db: Option<Inventory>,
    problem: Option<InventoryProblem>,
}

impl Stock {
    /// Opens `<data_dir>/inventory.sqlite`. When it cannot be opened (damaged, from a newer
    /// Lanyard), the cause is kept for [`Stock::problem`] and nothing is recorded.
    pub fn open(data_dir: &Path) -> Self {
        let opened = std::fs::create_dir_all(data_dir)
            .map_err(|source| InventoryError::Create {
                path: data_dir.to_owned(),
                source,
            })
            .and_then(|()| Inventory::open(&data_dir.join(FILE_NAME)));
        let state = match opened {
            Ok(db) => State {
                db: Some(db),
                problem: None,
            },
            Err(err) => {
                tracing::warn!(%err, "the inventory could not be opened; Lanyard works without it");
                State {
                    db: None,
                    problem: Some(err.problem()),
                }
            }
        };
        Self(Arc::new(Mutex::new(state)))
    }

    /// Why the inventory could not be opened, or why its last write failed.
    pub fn problem(&self) -> Option<InventoryProblem> {
        self.state().problem.clone()
    }

    /// Whether the inventory is open.
    pub fn is_open(&self) -> bool {
        self.state().db.is_some()
    }

    /// Reads from the inventory (`None` when it is not open).
    pub fn read<T>(
        &self,
        f: impl FnOnce(&Inventory) -> Result<T, InventoryError>,
    ) -> Option<Result<T, InventoryError>> {
        self.state().db.as_ref().map(f)
    }

    /// Writes to the inventory; a failure is logged and kept as the last problem, never returned.
    pub(crate) fn write<T>(
        &self,
        what: InventoryWrite,
        f: impl FnOnce(&mut Inventory) -> Result<T, InventoryError>,
    ) -> Option<T> {
        let mut state = self.state();
        let result = f(state.db.as_mut()?);
        match result {
            Ok(value) => Some(value),
            Err(err) => {
                tracing::warn!(%err, what = what.words(), "the inventory could not be written");
                state.problem = Some(InventoryProblem::Unwritten {
                    write: what,
                    detail: err.to_string(),
                });
                None
            }
        }
    }

    /// Writes to the inventory for a caller that stops on failure (the crawl) at `step`: the
    /// failure is kept as the last problem and returned typed, as is an inventory not open.
    pub(crate) fn write_or_say<T>(
        &self,
        step: CrawlStep,
        f: impl FnOnce(&mut Inventory) -> Result<T, InventoryError>,
    ) -> Result<T, Unwritten> {
        let mut state = self.state();
        let Some(db) = state.db.as_mut() else {
            return Err(Unwritten::Closed {
                reason: state.problem.clone(),
            });
        };
        f(db).map_err(|err| {
            tracing::warn!(%err, what = step.words(), "the inventory could not be written");
            let detail = err.to_string();
            state.problem = Some(InventoryProblem::Unwritten {
                write: InventoryWrite::Crawl(step),
                detail: detail.clone(),
            });
            Unwritten::Failed { step, detail }
        })
    }

    /// A live read of an organization's connections: replaces its rows. With
    /// `ReadOrigin::Independent`, a difference from what was stored is recorded as changed
    /// outside Lanyard; a read-back of Lanyard's own write is `AfterLanyardChange`.
    pub(crate) fn refresh_auth0(
        &self,
        profile: &str,
        org: &OrganizationId,
        connections: &[OrgConnection],
        origin: ReadOrigin,
    ) {
        self.write(InventoryWrite::RefreshOrganizationConnections, |db| {
            let (name, display_name) = known(db, profile, TargetKind::Auth0Organization, org)?;
            let organization = Organization {
                id: org.clone(),
                name,
                display_name,
            };
            db.replace_auth0_organization(profile, &organization, connections, now(), origin)
        });
    }

    /// A live read of one connection of an organization (a preview's): replaces that row of an
    /// organization read before (see `refresh_auth0`).
    pub(crate) fn refresh_auth0_connection(
        &self,
        profile: &str,
        org: &OrganizationId,
        connection: &ConnectionId,
        now_row: Option<&OrgConnection>,
        origin: ReadOrigin,
    ) {
        self.write(InventoryWrite::RefreshOrganizationConnection, |db| {
            db.replace_auth0_connection(profile, org, connection, now_row, now(), origin)
        });
    }

    /// A live read of a login policy's linked IdPs: replaces its rows (see `refresh_auth0`). An
    /// organization's policy read with no name (or its id as name) keeps the name it is known by.
    pub(crate) fn refresh_zitadel(&self, profile: &str, policy: &PolicyRead, origin: ReadOrigin) {
        self.write(InventoryWrite::RefreshPolicyIdps, |db| {
            let mut policy = policy.clone();
            if let PolicyScope::Organization { org_id } = &policy.scope
                && (policy.name.is_empty() || policy.name == org_id.as_str())
            {
                policy.name = known(db, profile, TargetKind::ZitadelOrganization, org_id)?.0;
            }
            db.replace_zitadel_policy(profile, &policy, now(), origin)
        });
    }

    /// Whether the inventory holds a read of the login policy at `scope`.
    pub(crate) fn holds_policy(&self, profile: &str, scope: &PolicyScope) -> bool {
        matches!(
            self.read(|db| db.zitadel_policy_links(profile, scope)),
            Some(Ok(Some(_)))
        )
    }

    /// A change's labels name its target: a target the inventory knows only by its id (its
    /// wiring was read before any listing named it) is given that name.
    pub(crate) fn learn_name(&self, profile: &str, kind: TargetKind, id: &str, name: &str) {
        self.write(InventoryWrite::RecordTargetName, |db| {
            db.name_target(profile, kind, id, name)
        });
    }

    /// A live read of an auth module's auto-join groups: replaces its rows (see `refresh_auth0`).
    pub(crate) fn refresh_hub(
        &self,
        profile: &str,
        module: &AuthModuleId,
        name: Option<&str>,
        groups: &[UserGroupId],
        origin: ReadOrigin,
    ) {
        self.write(InventoryWrite::RefreshModuleGroups, |db| {
            let name = match name {
                Some(name) => name.to_owned(),
                None => known(db, profile, TargetKind::HubAuthModule, module)?.0,
            };
            db.replace_hub_module(profile, module, &name, groups, now(), origin)
        });
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Now, as the inventory stores times.
pub(crate) fn now() -> UnixMillis {
    let millis = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
    UnixMillis(i64::try_from(millis).unwrap_or(i64::MAX))
}

/// The name and display name a target is already known by, else its id (a read of its wiring
/// alone has no name; the next listing, or a change's labels, set it).
fn known(
    db: &Inventory,
    profile: &str,
    kind: TargetKind,
    id: impl AsRef<str>,
) -> Result<(String, Option<String>), InventoryError> {
    let id = id.as_ref();
    Ok(match db.target(profile, kind, id)? {
        Some(target) => (target.name, target.display_name),
        None => (id.to_owned(), None),
    })
}

//! A plan's states from the inventory: when every target's wiring was read within the limit the
//! user set (an hour by default), each item's state is the stored one and nothing is read live
//! (Auth0's org-connection read bucket is smaller than its write bucket, so a live plan of 100
//! organizations waits on it before the first write). Otherwise the plan reads each target live
//! and says why. The run still settles every surprise from the server (a 409 or a 404 is read
//! back) and writes through to the inventory as it goes.

use lanyard_inventory::{Inventory, InventoryError, TargetKind, UnixMillis, ZITADEL_INSTANCE_ID};
use lanyard_model::bulk::{BulkOp, BulkTarget, LiveReason};
use lanyard_model::inventory::PlanSource;
use lanyard_model::zitadel::PolicyScope;
use lanyard_model::{Change, TargetState};

use crate::change::{self, Target};
use crate::stock::{Stock, now};

/// The targets' states as the inventory holds them, in the run's order; `None` for a target
/// whose id is not valid (its item is marked failed). `as_of`: the oldest row used.
#[derive(Debug)]
pub(super) struct Stored {
    pub(super) as_of: UnixMillis,
    pub(super) states: Vec<Option<TargetState>>,
}

/// Why the plan reads live: `None` when the user asked for it, else the run's note.
type Live = Option<LiveReason>;

/// The targets' states from the inventory, or why each target is read live instead.
pub(super) fn states(
    stock: &Stock,
    profile: &str,
    op: &BulkOp,
    targets: &[BulkTarget],
    source: PlanSource,
) -> Result<Stored, Live> {
    let PlanSource::Inventory { max_age_minutes } = source else {
        return Err(None);
    };
    let minutes = max_age_minutes.min(PlanSource::MAX_AGE_MINUTES);
    let since = UnixMillis(now().0.saturating_sub(i64::from(minutes) * 60_000));
    match stock.read(|db| read(db, profile, op, targets, since, minutes)) {
        Some(Ok(answer)) => answer,
        Some(Err(err)) => {
            tracing::warn!(%err, "a bulk plan could not read the inventory");
            Err(Some(LiveReason::InventoryUnreadable {
                detail: err.to_string(),
            }))
        }
        None => Err(Some(LiveReason::InventoryNotOpen)),
    }
}

/// Where the op's wiring lives: one row per target (an Auth0 organization, a Hub module), or
/// one login policy for every target (ZITADEL's IdPs are linked to one policy).
enum Rows<'a> {
    PerTarget(TargetKind),
    Policy(&'a PolicyScope, &'a lanyard_model::Label),
}

fn rows(op: &BulkOp) -> Rows<'_> {
    match op {
        BulkOp::Auth0Enable { .. } | BulkOp::Auth0Update { .. } | BulkOp::Auth0Remove { .. } => {
            Rows::PerTarget(TargetKind::Auth0Organization)
        }
        BulkOp::ZitadelLink { scope, scope_name } | BulkOp::ZitadelUnlink { scope, scope_name } => {
            Rows::Policy(scope, scope_name)
        }
        BulkOp::HubAdd { .. } | BulkOp::HubRemove { .. } => {
            Rows::PerTarget(TargetKind::HubAuthModule)
        }
    }
}

fn read(
    db: &Inventory,
    profile: &str,
    op: &BulkOp,
    targets: &[BulkTarget],
    since: UnixMillis,
    minutes: u32,
) -> Result<Result<Stored, Live>, InventoryError> {
    let mut as_of: Option<UnixMillis> = None;
    match rows(op) {
        Rows::PerTarget(kind) => {
            let mut stale = 0;
            for target in targets {
                let fresh = db.freshness(profile, kind, &[target.id.as_str()])?;
                if !fresh.all_read_since(since) {
                    stale += 1;
                }
                if let Some(t) = fresh.oldest {
                    as_of = Some(as_of.map_or(t, |old| old.min(t)));
                }
            }
            if stale > 0 {
                return Ok(Err(Some(LiveReason::Stale {
                    stale,
                    targets: targets.len(),
                    minutes,
                })));
            }
        }
        Rows::Policy(scope, name) => {
            let (kind, id) = match scope {
                PolicyScope::Instance => (TargetKind::ZitadelInstance, ZITADEL_INSTANCE_ID),
                PolicyScope::Organization { org_id } => {
                    (TargetKind::ZitadelOrganization, org_id.as_str())
                }
            };
            let fresh = db.freshness(profile, kind, &[id])?;
            if !fresh.all_read_since(since) {
                return Ok(Err(Some(LiveReason::PolicyStale {
                    policy_of: name.clone(),
                    minutes,
                })));
            }
            as_of = fresh.oldest;
        }
    }
    let Some(as_of) = as_of else {
        return Ok(Err(Some(LiveReason::NoRow)));
    };
    let mut states = Vec::with_capacity(targets.len());
    for target in targets {
        let Ok(change) = op.change_for(target, None) else {
            states.push(None);
            continue;
        };
        match stored_state(db, profile, &change)? {
            Some(state) => states.push(Some(state)),
            // Read since the freshness check is not possible (the inventory is held), but a
            // row gone is read live rather than guessed.
            None => {
                return Ok(Err(Some(LiveReason::MissingWiring)));
            }
        }
    }
    Ok(Ok(Stored { as_of, states }))
}

/// The change's target state as the inventory holds it; `None` when its wiring was never read.
fn stored_state(
    db: &Inventory,
    profile: &str,
    change: &Change,
) -> Result<Option<TargetState>, InventoryError> {
    Ok(match change::target(change) {
        Target::Auth0Connection {
            organization_id,
            connection_id,
        } => db
            .auth0_organization_connections(profile, organization_id)?
            .map(|rows| TargetState::Auth0Connection {
                settings: rows
                    .iter()
                    .find(|c| &c.connection_id == connection_id)
                    .map(|c| c.settings()),
            }),
        Target::ZitadelLink { scope, idp_id } => {
            db.zitadel_policy_links(profile, scope)?
                .map(|policy| TargetState::ZitadelIdp {
                    linked: policy.linked.contains(idp_id),
                })
        }
        // Not a bulk change, and the inventory holds no policy settings.
        Target::ZitadelExternalIdps { .. } => None,
        Target::HubGroup {
            module_id,
            group_id,
        } => db
            .hub_module_groups(profile, module_id)?
            .map(|groups| TargetState::HubGroup {
                auto_join: groups.contains(group_id),
            }),
    })
}

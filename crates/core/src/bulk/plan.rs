//! Planning a run: each target's state, from the inventory when every target's row is young
//! enough (no live read at all), else read live as the run says why; then the change, the
//! planned state and the status of each item.

use lanyard_inventory::ReadOrigin::Independent;
use lanyard_model::bulk::{BulkOp, ItemNote, ItemStatus, RunNote, RunState};
use lanyard_model::{Change, CommandError, TargetState};
use tokio::sync::watch;

use super::from_inventory::{self, Stored};
use super::journal::{Item, RunRecord};
use super::live::Control;
use super::runner::Ctx;
use crate::change;
use crate::checks::{Checks, Facts};
use crate::client::Client;
use crate::stock::Stock;

impl Ctx<'_> {
    pub(super) async fn plan(&self, control: &mut watch::Receiver<Control>) {
        let (op, targets, source) = {
            let r = self.live.record();
            let targets: Vec<_> = r.items.iter().map(|i| i.target.clone()).collect();
            (r.op.clone(), targets, r.source)
        };
        let Some(op) = op else {
            self.update(|r| r.state = RunState::Ready);
            return;
        };
        let count = targets.len();
        // From the inventory when it can answer for every target, else live with the reason.
        let stored = from_inventory::states(self.stock, &self.profile.id, &op, &targets, source);
        let ok = self.update(|r| match &stored {
            Ok(stored) => {
                r.planned_from_inventory_ms = Some(stored.as_of.0);
                r.note = None;
            }
            Err(reason) => {
                r.planned_from_inventory_ms = None;
                r.note = reason.clone().map(|why| RunNote::ReadLive { why });
            }
        });
        if !ok {
            return;
        }
        // The warnings' checks, with what they read once for the whole run.
        let checks = Checks::for_run();
        for i in 0..count {
            if *control.borrow() == Control::Cancel {
                self.update_whole(RunRecord::cancel);
                return;
            }
            let Some(target) = self.live.record().items.get(i).map(|it| it.target.clone()) else {
                break;
            };
            let mut item = Item::new(target);
            match &stored {
                Ok(Stored { states, .. }) => {
                    plan_from(&op, &mut item, states.get(i).cloned().flatten());
                }
                // A target that cannot be read is marked failed with the cause; the others
                // are planned all the same.
                Err(_) => {
                    if let Err(err) = self.plan_item(&op, &mut item).await {
                        tracing::debug!(%err, "a target of a bulk run could not be read");
                    }
                }
            }
            self.warn(&checks, &mut item, stored.is_ok()).await;
            let mut record = self.live.record();
            if let Some(slot) = record.items.get_mut(i) {
                *slot = item;
            }
            record.planned = i + 1;
            // The plan is cheap to redo, so the journal is written every few targets.
            if (i + 1) % 20 == 0 || i + 1 == count {
                let batch: Vec<usize> = (i - i % 20..=i).collect();
                if !self.save_items(&mut record, &batch) || !self.save(&mut record) {
                    return;
                }
            }
        }
        self.update(|r| {
            if r.state == RunState::Planning {
                r.state = RunState::Ready;
            }
        });
    }

    /// The item's warnings (see [`item_warnings`]).
    async fn warn(&self, checks: &Checks, item: &mut Item, from_inventory: bool) {
        item_warnings(
            checks,
            self.client,
            self.stock,
            &self.profile.id,
            item,
            from_inventory,
        )
        .await;
    }

    /// Reads the target live and fills in the item's change, current and planned state and
    /// status (see [`settle`]). `Err` when the target could not be read (the item is marked
    /// failed with the cause too).
    pub(super) async fn plan_item(&self, op: &BulkOp, item: &mut Item) -> Result<(), CommandError> {
        let Some(change) = change_of(op, item) else {
            return Ok(());
        };
        let origin = Independent;
        match change::current_state(self.client, self.stock, &self.profile.id, origin, &change)
            .await
        {
            Ok(current) => {
                settle(op, item, change, current);
                Ok(())
            }
            Err(err) => {
                let error = CommandError::from(err);
                item.change = Some(change);
                item.status = ItemStatus::Failed;
                item.message = Some(ItemNote::CouldNotRead {
                    error: error.clone(),
                });
                Err(error)
            }
        }
    }
}

/// The item's warnings, for an item to send or refused by a rule (a warning says why); none for
/// one already as planned or whose target could not be read. Every planned run's items get
/// theirs here (a bulk plan's, a run planned elsewhere: make like, a copy), with `checks` shared
/// by the whole run. From the inventory, an Auth0 organization's other connections are the ones
/// it holds (nothing read live).
pub(super) async fn item_warnings(
    checks: &Checks,
    client: &Client,
    stock: &Stock,
    profile_id: &str,
    item: &mut Item,
    from_inventory: bool,
) {
    if !matches!(item.status, ItemStatus::Pending | ItemStatus::Failed) {
        return;
    }
    let (Some(change), Some(current), Some(planned)) = (&item.change, &item.current, &item.planned)
    else {
        return;
    };
    let org_connections = match change.auth0_organization() {
        Some(organization_id) if from_inventory => stock
            .read(|db| db.auth0_organization_connections(profile_id, organization_id))
            .and_then(Result::ok)
            .flatten(),
        _ => None,
    };
    let facts = Facts {
        org_connections,
        policy: None,
    };
    item.warnings = checks
        .warnings(client, change, current, planned, facts)
        .await;
}

/// Plans the item from the state the inventory holds (`None` only for a target whose id is not
/// valid, which `change_of` marks failed).
fn plan_from(op: &BulkOp, item: &mut Item, current: Option<TargetState>) {
    let Some(change) = change_of(op, item) else {
        return;
    };
    match current {
        Some(current) => settle(op, item, change, current),
        None => {
            item.change = Some(change);
            item.status = ItemStatus::Failed;
            item.message = Some(ItemNote::NoInventoryState);
        }
    }
}

/// The item's change before its target is read; `None` (the item marked failed) when the
/// target's id is not valid.
fn change_of(op: &BulkOp, item: &mut Item) -> Option<Change> {
    match op.change_for(&item.target, None) {
        Ok(c) => Some(c),
        Err(err) => {
            item.status = ItemStatus::Failed;
            item.message = Some(ItemNote::BadId { error: err });
            None
        }
    }
}

/// Fills in the item from its target's state: the change (an update or a removal expects the
/// options found), the planned state, and the status. A change that breaks one of the model's
/// rules once the target's options are known is marked failed and never sent.
fn settle(op: &BulkOp, item: &mut Item, change: Change, current: TargetState) {
    let settings = current.auth0_settings().cloned();
    let change = match op {
        BulkOp::Auth0Update {
            connection_name, ..
        } if settings.is_none() => {
            item.change = Some(change);
            item.status = ItemStatus::Failed;
            item.message = Some(ItemNote::NotEnabled {
                connection: connection_name.clone(),
            });
            return;
        }
        BulkOp::Auth0Update { .. } | BulkOp::Auth0Remove { .. } => op
            .change_for(&item.target, settings.as_ref())
            .unwrap_or(change),
        _ => change,
    };
    let planned = change.applied_to(&current);
    item.status = if current == planned {
        ItemStatus::Skipped
    } else {
        let errors = change.validate();
        if errors.is_empty() {
            ItemStatus::Pending
        } else {
            item.message = Some(ItemNote::NotSent { problems: errors });
            ItemStatus::Failed
        }
    };
    item.change = Some(change);
    item.current = Some(current);
    item.planned = Some(planned);
}

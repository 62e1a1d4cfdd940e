//! Compare two profiles of one product (or a snapshot file with a profile) by name, and copy
//! the selected differences to the right-hand profile as a run of ready items.

use std::collections::BTreeSet;

use lanyard_model::Profile;
use lanyard_model::bulk::{BulkTarget, RunTitle};
use lanyard_model::compare::{
    Comparison, DiffCounts, DiffKind, NotCopyable, RowKey, RowNotCopied, SideInfo, SideNote,
    Snapshot, diff, item_change,
};
use lanyard_model::error::{ConfigProblem, StateChange};
use lanyard_model::inventory::PlanSource;
use lanyard_model::profile::Environment;

use super::of_target;
use super::side::{self, Side};
use crate::bulk::Runs;
use crate::bulk::ready::{ReadyItem, ReadyPlan};
use crate::client::Client;
use crate::error::CoreError;
use crate::stock::Stock;

/// The most rows a refused copy names (the others are counted).
const NAMED_NOT_COPIED: usize = 5;

/// The left side of a compare, resolved: a profile, or a file already read.
#[derive(Debug, Clone)]
pub enum Left {
    Profile(Profile),
    File { name: String, snapshot: Snapshot },
}

/// Compares `left` with the right-hand profile, both from the inventory (a file as it is),
/// restricted to targets whose name contains `name_contains` when given.
pub fn compare(
    stock: &Stock,
    left: &Left,
    right: &Profile,
    name_contains: Option<&str>,
) -> Result<Comparison, CoreError> {
    Ok(sides(stock, left, right, name_contains)?.0)
}

/// Turns the selected rows of the compare into a run on the right-hand profile, waiting in
/// `Ready` (a production profile's typed confirmation is asked when it removes anything, as for
/// every run). Rows are compared again first: a row no longer there, or one that cannot be
/// copied, refuses the copy with its name. Each change's warnings are checked with `client`,
/// the right-hand profile's.
pub async fn copy(
    runs: &Runs,
    stock: &Stock,
    left: &Left,
    right: &Profile,
    client: &Client,
    name_contains: Option<&str>,
    rows: &[RowKey],
) -> Result<String, CoreError> {
    let (comparison, right_side) = sides(stock, left, right, name_contains)?;
    let wanted: BTreeSet<&RowKey> = rows.iter().collect();
    let mut refused = Vec::new();
    let mut items = Vec::new();
    for key in &wanted {
        let Some(row) = comparison.rows.iter().find(|r| r.key() == **key) else {
            refused.push(RowNotCopied::Gone {
                target: key.target.clone(),
                item: key.item.clone(),
            });
            continue;
        };
        if row.kind == DiffKind::Same {
            continue;
        }
        let item_id = match (&row.right_item_id, &row.not_copyable) {
            (Some(item_id), None) => item_id,
            (_, why) => {
                refused.push(RowNotCopied::Cannot {
                    target: row.target.clone(),
                    item: row.item.clone(),
                    // A row with no item id says why; none is the catalog's (no such name).
                    why: why.clone().unwrap_or_else(|| NotCopyable::NoneNamed {
                        product: right.product,
                        name: row.item.clone(),
                    }),
                });
                continue;
            }
        };
        let target_name = right_side
            .snapshot
            .targets
            .iter()
            .find(|t| t.id == row.right_target_id)
            .map(|t| t.display_name.clone().unwrap_or_else(|| t.name.clone()))
            .unwrap_or_else(|| row.target.clone());
        let planned = item_change(
            right.product,
            (&row.right_target_id, &target_name),
            (item_id, &row.item),
            row.right.as_ref(),
            row.left.as_ref(),
        )
        .map_err(|e| of_target(format!("{} · {}", row.target, row.item), e))?;
        if let Some(p) = planned {
            items.push(ReadyItem {
                target: BulkTarget {
                    id: row.right_target_id.clone(),
                    name: target_name,
                    owner_type: None,
                },
                change: p.change,
                current: p.current,
                planned: p.planned,
            });
        }
    }
    if !refused.is_empty() {
        let more = refused.len().saturating_sub(NAMED_NOT_COPIED);
        refused.truncate(NAMED_NOT_COPIED);
        return Err(CoreError::Refused(StateChange::NotCopied {
            rows: refused,
            more,
        }));
    }
    if items.is_empty() {
        return Err(CoreError::Refused(StateChange::NothingToCopy));
    }
    let n = items.len();
    let plan = ReadyPlan {
        summary: RunTitle::Copy {
            differences: n,
            from: comparison.left.label.clone(),
            to: comparison.right.label.clone(),
        },
        source: PlanSource::default(),
        planned_from_inventory_ms: right_side.oldest.map(|t| t.0),
        note: None,
    };
    runs.plan_ready(right, client, plan, items).await
}

/// Both sides read and compared; the right side kept for its names.
fn sides(
    stock: &Stock,
    left: &Left,
    right: &Profile,
    name_contains: Option<&str>,
) -> Result<(Comparison, Side), CoreError> {
    let right_side = read_side(stock, right, name_contains)?;
    let (left_snapshot, left_info) = match left {
        Left::Profile(profile) => {
            if profile.id == right.id {
                return Err(CoreError::Refused(StateChange::SameProfileBothSides));
            }
            let s = read_side(stock, profile, name_contains)?;
            let info = info(profile, &s);
            (s.snapshot, info)
        }
        Left::File { name, snapshot } => {
            let mut snapshot = snapshot.clone();
            if let Some(term) = name_contains.map(str::trim).filter(|t| !t.is_empty()) {
                let term = term.to_lowercase();
                snapshot.targets.retain(|t| {
                    t.name.to_lowercase().contains(&term)
                        || t.display_name
                            .as_deref()
                            .is_some_and(|d| d.to_lowercase().contains(&term))
                });
            }
            let from = Some(snapshot.profile.clone()).filter(|p| !p.is_empty());
            let at = snapshot.exported_at.clone();
            let note = (from.is_some() || at.is_some()).then_some(SideNote::Exported { from, at });
            let info = SideInfo {
                label: name.clone(),
                profile_id: None,
                production: false,
                oldest_read_ms: None,
                targets: snapshot.targets.len(),
                not_yet_read: 0,
                note,
            };
            (snapshot, info)
        }
    };
    if left_snapshot.product != right.product {
        return Err(CoreError::Refused(StateChange::ProductsDiffer {
            left: left_snapshot.product,
            right: right.product,
            right_name: right.display_name.clone(),
        }));
    }
    let found = diff(&left_snapshot, &right_side.snapshot, &right_side.catalog);
    let comparison = Comparison {
        product: right.product,
        left: left_info,
        right: info(right, &right_side),
        counts: DiffCounts::of(&found.rows),
        rows: found.rows,
        only_left_targets: found.only_left_targets,
        only_right_targets: found.only_right_targets,
        unknown_on_right: found.unknown_on_right,
    };
    Ok((comparison, right_side))
}

/// A profile's side from the inventory; refused, with the fix, when it was never crawled.
fn read_side(
    stock: &Stock,
    profile: &Profile,
    name_contains: Option<&str>,
) -> Result<Side, CoreError> {
    let side = match stock.read(|db| side::read(db, profile, name_contains)) {
        Some(Ok(side)) => side,
        Some(Err(err)) => {
            return Err(CoreError::Files(ConfigProblem::InventoryUnreadable {
                detail: err.to_string(),
            }));
        }
        None => {
            return Err(CoreError::Files(ConfigProblem::InventoryNotOpen));
        }
    };
    if side.oldest.is_none() {
        return Err(CoreError::Refused(StateChange::NeverCrawledToCompare {
            profile: profile.display_name.clone(),
            product: profile.product,
            name_contains: name_contains
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
        }));
    }
    Ok(side)
}

fn info(profile: &Profile, side: &Side) -> SideInfo {
    SideInfo {
        label: profile.display_name.clone(),
        profile_id: Some(profile.id.clone()),
        production: profile.environment == Environment::Production,
        oldest_read_ms: side.oldest.map(|t| t.0),
        targets: side.snapshot.targets.len(),
        not_yet_read: side.not_yet_read,
        note: (side.not_yet_read > 0).then(|| SideNote::NotYetRead {
            targets: side.not_yet_read,
            product: profile.product,
            profile: profile.display_name.clone(),
        }),
    }
}

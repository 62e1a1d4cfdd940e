//! A run as the window polls it: its state, counts and rate whole, its items a page at a time.

use std::collections::HashMap;

use lanyard_model::bulk::{ItemPage, ItemStatus, RunState, RunView, WarningGroup, warns};

use super::journal::RunRecord;

/// `record` as the window sees it, with the rows of `page`; `rate` is the writes per minute of
/// this session.
pub(super) fn of(record: &RunRecord, rate: Option<f64>, page: &ItemPage) -> RunView {
    let counts = record.counts();
    let running = record.state == RunState::Running;
    let eta_seconds = rate
        .filter(|r| *r > 0.0 && running)
        .map(|r| (counts.pending as f64 / r * 60.0).ceil() as u64);
    let mut undoable = 0;
    let mut warned = 0;
    let mut matching = 0;
    let mut items = Vec::new();
    for (i, item) in record.items.iter().enumerate() {
        undoable += usize::from(item.status == ItemStatus::Done && item.undo.is_some());
        warned += usize::from(warns(&item.warnings));
        if page.filter.keeps(item.status, &item.warnings) {
            if matching >= page.offset && items.len() < page.limit {
                items.push(item.view(i));
            }
            matching += 1;
        }
    }
    let warnings = page.warnings.then(|| warning_groups(record));
    RunView {
        id: record.id.clone(),
        profile_id: record.profile_id.clone(),
        profile_name: record.profile_name.clone(),
        summary: record.summary.clone(),
        undo_of: record.undo_of.clone(),
        created: record.created.clone(),
        state: record.state,
        note: record.note.clone(),
        counts,
        planned: record.planned,
        rate_per_minute: rate.filter(|_| running),
        eta_seconds,
        destructive: record.destructive(),
        confirm_with: record.confirmation_needed(None),
        undoable,
        planned_from_inventory_ms: record.planned_from_inventory_ms,
        rate_share: record.rate_share,
        matching,
        warned,
        offset: page.offset.min(matching),
        items,
        warnings,
    }
}

/// The items' warnings, each list once with how many items have it (in the order first met).
fn warning_groups(record: &RunRecord) -> Vec<WarningGroup> {
    let mut groups: Vec<WarningGroup> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for item in record.items.iter().filter(|i| !i.warnings.is_empty()) {
        // Warnings are compared as written: the same words about the same things.
        let key = serde_json::to_string(&item.warnings).unwrap_or_default();
        match seen.get(&key) {
            Some(&at) => groups[at].items += 1,
            None => {
                seen.insert(key, groups.len());
                groups.push(WarningGroup {
                    warnings: item.warnings.clone(),
                    items: 1,
                });
            }
        }
    }
    groups
}

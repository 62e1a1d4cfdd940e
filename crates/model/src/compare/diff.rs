//! Two snapshots of the same product compared by name: targets matched by [`match_key`],
//! items by name, each item of a matched target one row.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{DiffKind, DiffRow, Snapshot, SnapshotItem, SnapshotTarget, match_key};
use crate::error::NotCopyable;
use crate::product::Product;

/// The items a tenant has by name (connections, IdPs, groups), whether wired or not: where a
/// copy finds the id of an item the right-hand target does not have yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// Name, and every id of that name (more than one: the name cannot be copied).
    pub by_name: BTreeMap<String, Vec<String>>,
}

impl Catalog {
    pub fn insert(&mut self, name: &str, id: &str) {
        let ids = self.by_name.entry(name.to_owned()).or_default();
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_owned());
        }
    }

    /// The one id of `name` (an item of `product`), or why there is not one.
    pub fn id_of(&self, name: &str, product: Product) -> Result<String, NotCopyable> {
        match self.by_name.get(name).map(Vec::as_slice) {
            Some([id]) => Ok(id.clone()),
            Some(ids) if ids.len() > 1 => Err(NotCopyable::SeveralNamed {
                product,
                name: name.to_owned(),
                count: ids.len(),
            }),
            _ => Err(NotCopyable::NoneNamed {
                product,
                name: name.to_owned(),
            }),
        }
    }
}

/// What [`diff`] finds: the rows, then the names on one side only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub rows: Vec<DiffRow>,
    pub only_left_targets: Vec<String>,
    pub only_right_targets: Vec<String>,
    pub unknown_on_right: Vec<String>,
}

/// Compares `left` with `right` (both of one product): rows for each matched target's items,
/// sorted by target then item. `catalog` is the right-hand tenant's items by name, for the ids
/// of what the right target does not have yet.
pub fn diff(left: &Snapshot, right: &Snapshot, catalog: &Catalog) -> Found {
    let by_key = |s: &Snapshot| -> BTreeMap<String, SnapshotTarget> {
        s.targets
            .iter()
            .map(|t| (match_key(t), t.clone()))
            .collect()
    };
    let (lefts, rights) = (by_key(left), by_key(right));
    let mut found = Found::default();
    let mut unknown = BTreeSet::new();
    for (key, l) in &lefts {
        let Some(r) = rights.get(key) else {
            found.only_left_targets.push(l.name.clone());
            continue;
        };
        let items = |t: &SnapshotTarget| -> BTreeMap<String, SnapshotItem> {
            t.items
                .iter()
                .map(|i| (i.name.clone(), i.clone()))
                .collect()
        };
        let (li, ri) = (items(l), items(r));
        let names: BTreeSet<&String> = li.keys().chain(ri.keys()).collect();
        for name in names {
            let (a, b) = (li.get(name), ri.get(name));
            let (kind, differs) = match (a, b) {
                (Some(_), None) => (DiffKind::OnlyLeft, Vec::new()),
                (None, _) => (DiffKind::OnlyRight, Vec::new()),
                (Some(a), Some(b)) => match (&a.options, &b.options) {
                    (Some(x), Some(y)) if x != y => (DiffKind::Different, x.differences(y)),
                    _ => (DiffKind::Same, Vec::new()),
                },
            };
            let right_item_id = match b {
                Some(b) => Ok(b.id.clone()),
                None => catalog.id_of(name, right.product),
            };
            let not_copyable = match (&right_item_id, kind) {
                (_, DiffKind::Same) => Some(NotCopyable::AlreadySame),
                (Err(why), _) => {
                    unknown.insert(name.clone());
                    Some(why.clone())
                }
                _ => None,
            };
            found.rows.push(DiffRow {
                target: l.name.clone(),
                right_target_id: r.id.clone(),
                item: name.clone(),
                right_item_id: right_item_id.ok(),
                kind,
                left: a.cloned(),
                right: b.cloned(),
                differs,
                not_copyable,
            });
        }
    }
    found.only_right_targets = rights
        .iter()
        .filter(|(key, _)| !lefts.contains_key(*key))
        .map(|(_, t)| t.name.clone())
        .collect();
    found.unknown_on_right = unknown.into_iter().collect();
    found
}

//! Changes seen that Lanyard did not make: a re-read that differs from what was stored.

use rusqlite::{Transaction, params};

use crate::database::Inventory;
use crate::error::InventoryError;
use crate::records::{TargetKind, UnixMillis};

/// One difference of one item (a connection, an IdP, a group) of a target's wiring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Difference {
    pub item: String,
    pub before: String,
    pub after: String,
}

/// A change to a target that someone other than Lanyard made, as the Inventory page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideChange {
    pub kind: TargetKind,
    pub target_id: String,
    pub target_name: String,
    /// The connection, IdP or group that changed (its id), or the setting ("uses the instance
    /// default").
    pub item: String,
    /// The item's name, when the inventory knows it from a listing.
    pub item_name: Option<String>,
    pub before: String,
    pub after: String,
    pub seen_at: UnixMillis,
}

pub(crate) fn record(
    tx: &Transaction<'_>,
    target: i64,
    differences: &[Difference],
    seen_at: UnixMillis,
) -> Result<(), InventoryError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO changed_outside (target, item, before, after, seen_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for d in differences {
        insert.execute(params![target, d.item, d.before, d.after, seen_at])?;
    }
    Ok(())
}

impl Inventory {
    /// The changes made outside Lanyard, newest first, at most `limit`.
    pub fn changed_outside(
        &self,
        profile: &str,
        limit: usize,
    ) -> Result<Vec<OutsideChange>, InventoryError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut statement = self.conn.prepare_cached(
            "SELECT t.kind, t.external_id, t.name, c.item, i.name, c.before, c.after, c.seen_at
             FROM changed_outside c JOIN targets t ON t.target = c.target
             LEFT JOIN targets i ON i.profile_id = t.profile_id AND i.external_id = c.item
                  AND i.kind = CASE t.kind WHEN 'auth0_organization' THEN 'auth0_connection'
                                           WHEN 'hub_auth_module' THEN 'hub_group'
                                           ELSE 'zitadel_idp' END
             WHERE t.profile_id = ?1
             ORDER BY c.seen_at DESC, c.change DESC
             LIMIT ?2",
        )?;
        let rows = statement.query_map(params![profile, limit], |row| {
            Ok(OutsideChange {
                kind: row.get(0)?,
                target_id: row.get(1)?,
                target_name: row.get(2)?,
                item: row.get(3)?,
                item_name: row.get(4)?,
                before: row.get(5)?,
                after: row.get(6)?,
                seen_at: row.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The differences between two sets of items keyed by id, described by `describe`
/// (`None` is "absent").
pub(crate) fn compare<T: PartialEq>(
    before: &[(String, T)],
    after: &[(String, T)],
    describe: impl Fn(Option<&T>) -> String,
) -> Vec<Difference> {
    let mut differences = Vec::new();
    let find = |set: &'_ [(String, T)], id: &str| -> Option<usize> {
        set.iter().position(|(key, _)| key == id)
    };
    for (id, old) in before {
        let new = find(after, id).and_then(|i| after.get(i)).map(|(_, v)| v);
        if new != Some(old) {
            differences.push(Difference {
                item: id.clone(),
                before: describe(Some(old)),
                after: describe(new),
            });
        }
    }
    for (id, new) in after {
        if find(before, id).is_none() {
            differences.push(Difference {
                item: id.clone(),
                before: describe(None),
                after: describe(Some(new)),
            });
        }
    }
    differences
}

/// Differences between two sets of ids that are there or not (an IdP linked, a group joined).
pub(crate) fn presence_differences(
    before: &[String],
    after: &[String],
    present: &str,
    absent: &str,
) -> Vec<Difference> {
    let keyed =
        |ids: &[String]| -> Vec<(String, ())> { ids.iter().map(|id| (id.clone(), ())).collect() };
    compare(&keyed(before), &keyed(after), |state| {
        if state.is_some() { present } else { absent }.to_owned()
    })
}

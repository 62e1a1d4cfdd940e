//! JetBrains Hub: each auth module's auto-join groups, and "which modules auto-join group G".

use lanyard_model::ids::{AuthModuleId, UserGroupId};
use rusqlite::{Transaction, params};

use crate::database::Inventory;
use crate::error::InventoryError;
use crate::outside;
use crate::records::{
    Answer, Found, ReadOrigin, Rows, TargetKind, TargetRecord, Totals, UnixMillis,
};
use crate::targets::{self, needle};

const KIND: TargetKind = TargetKind::HubAuthModule;

/// "Which auth modules auto-join group G", or every module read (no group); narrowed by "name
/// contains", in any case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HubModuleQuery {
    pub auto_joins: Option<UserGroupId>,
    pub name_contains: Option<String>,
}

impl Inventory {
    /// Replaces one auth module's auto-join groups with what was just read (one transaction);
    /// records differences as changed outside Lanyard when the read was `Independent`.
    pub fn replace_hub_module(
        &mut self,
        profile: &str,
        module: &AuthModuleId,
        name: &str,
        groups: &[UserGroupId],
        read_at: UnixMillis,
        origin: ReadOrigin,
    ) -> Result<usize, InventoryError> {
        let tx = self.conn.transaction()?;
        let previous = targets::find(&tx, profile, KIND, module.as_str())?;
        let record = TargetRecord {
            kind: KIND,
            id: module.to_string(),
            name: name.to_owned(),
            display_name: None,
            facts: None,
        };
        let target = targets::upsert(&tx, profile, &record, read_at)?;
        let before = joined(&tx, target)?;
        tx.prepare_cached("DELETE FROM hub_auto_join_groups WHERE module = ?1")?
            .execute([target])?;
        for group in groups {
            insert(&tx, target, group, read_at)?;
        }
        targets::mark_wiring_read(&tx, target, read_at)?;
        let mut recorded = 0;
        if origin == ReadOrigin::Independent && previous.is_some_and(|(_, read)| read.is_some()) {
            let after: Vec<String> = groups.iter().map(ToString::to_string).collect();
            let differences =
                outside::presence_differences(&before, &after, "auto-joined", "not auto-joined");
            outside::record(&tx, target, &differences, read_at)?;
            recorded = differences.len();
        }
        tx.commit()?;
        Ok(recorded)
    }

    /// Write-through of Lanyard's own add (`joined = true`) or removal of an auto-join group.
    /// A module the inventory has never read is left alone (false).
    pub fn record_hub_auto_join(
        &mut self,
        profile: &str,
        module: &AuthModuleId,
        group: &UserGroupId,
        joined: bool,
        at: UnixMillis,
    ) -> Result<bool, InventoryError> {
        let tx = self.conn.transaction()?;
        let Some((target, Some(_))) = targets::find(&tx, profile, KIND, module.as_str())? else {
            return Ok(false);
        };
        tx.prepare_cached("DELETE FROM hub_auto_join_groups WHERE module = ?1 AND group_id = ?2")?
            .execute(params![target, group.as_str()])?;
        if joined {
            insert(&tx, target, group, at)?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Auth modules (read at least once) that auto-join `group`: [`Inventory::hub_modules`].
    pub fn hub_modules_auto_joining(
        &self,
        profile: &str,
        group: &UserGroupId,
    ) -> Result<Answer<Found<AuthModuleId>>, InventoryError> {
        let query = HubModuleQuery {
            auto_joins: Some(group.clone()),
            name_contains: None,
        };
        self.hub_modules(profile, &query)
    }

    /// Auth modules (read at least once) that auto-join a group, or all of them, by name; each
    /// says its auto-join groups by name (by id where the group's name is not known).
    pub fn hub_modules(
        &self,
        profile: &str,
        query: &HubModuleQuery,
    ) -> Result<Answer<Found<AuthModuleId>>, InventoryError> {
        self.hub_modules_rows(profile, query, Rows::ALL)
    }

    /// [`Inventory::hub_modules`], only the matches `rows` asks for.
    pub fn hub_modules_rows(
        &self,
        profile: &str,
        query: &HubModuleQuery,
        rows: Rows,
    ) -> Result<Answer<Found<AuthModuleId>>, InventoryError> {
        self.paged_answer(profile, &[KIND], rows, |rows| {
            self.hub_page(profile, query, rows)
        })
    }

    fn hub_page(
        &self,
        profile: &str,
        query: &HubModuleQuery,
        rows: Rows,
    ) -> Result<(Vec<Found<AuthModuleId>>, Option<Totals>), InventoryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT t.external_id, t.name, t.display_name, t.wiring_read_at,
                    (SELECT group_concat(n, ', ' ORDER BY lower(n), n)
                     FROM (SELECT coalesce(gt.name, j.group_id) AS n
                           FROM hub_auto_join_groups j
                           LEFT JOIN targets gt ON gt.profile_id = t.profile_id
                                AND gt.kind = 'hub_group' AND gt.external_id = j.group_id
                           WHERE j.module = t.target)),
                    count(*) OVER (), min(t.wiring_read_at) OVER ()
             FROM targets t
             WHERE t.profile_id = ?1 AND t.kind = ?3 AND t.wiring_read_at IS NOT NULL
               AND (?2 IS NULL OR EXISTS (SELECT 1 FROM hub_auto_join_groups g
                                          WHERE g.module = t.target AND g.group_id = ?2))
               AND (?4 IS NULL OR instr(t.search_key, ?4) > 0)
             ORDER BY t.name, t.external_id
             LIMIT ?5 OFFSET ?6",
        )?;
        type Row = (String, String, Option<String>, UnixMillis, Option<String>);
        let group = query.auto_joins.as_ref().map(UserGroupId::as_str);
        let name = needle(query.name_contains.as_deref());
        let (limit, offset) = rows.sql();
        let page: Vec<(Row, Totals)> = statement
            .query_map(params![profile, group, KIND, name, limit, offset], |row| {
                Ok((
                    (
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                    ),
                    Totals::read(row, 5)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let on_page = page.first().map(|(_, totals)| *totals);
        let matches = page
            .into_iter()
            .map(|((id, name, display_name, read_at, groups), _)| {
                Ok(Found {
                    id: AuthModuleId::parse(id)
                        .map_err(|e| InventoryError::BadValue(e.to_string()))?,
                    name,
                    display_name,
                    detail: Some(match groups {
                        Some(names) => format!("auto-joins {names}"),
                        None => "no auto-join groups".to_owned(),
                    }),
                    wiring_read_at: read_at,
                })
            })
            .collect::<Result<_, InventoryError>>()?;
        Ok((matches, on_page))
    }
}

fn insert(
    tx: &Transaction<'_>,
    target: i64,
    group: &UserGroupId,
    at: UnixMillis,
) -> Result<(), InventoryError> {
    tx.prepare_cached(
        "INSERT INTO hub_auto_join_groups (module, group_id, read_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (module, group_id) DO UPDATE SET read_at = excluded.read_at",
    )?
    .execute(params![target, group.as_str(), at])?;
    Ok(())
}

fn joined(tx: &Transaction<'_>, target: i64) -> Result<Vec<String>, InventoryError> {
    let mut statement = tx.prepare_cached(
        "SELECT group_id FROM hub_auto_join_groups WHERE module = ?1 ORDER BY group_id",
    )?;
    let rows = statement.query_map([target], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

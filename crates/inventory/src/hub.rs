//! JetBrains Hub: each auth module's auto-join groups, and "which modules auto-join group G".

use lanyard_model::hub::AuthModule;
use lanyard_model::ids::{AuthModuleId, UserGroupId};
use rusqlite::{Transaction, params};

use crate::database::Inventory;
use crate::error::InventoryError;
use crate::outside;
use crate::records::{Answer, ReadOrigin, TargetKind, TargetRecord, UnixMillis};
use crate::targets;

const KIND: TargetKind = TargetKind::HubAuthModule;

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

    /// Auth modules (read at least once) that auto-join a group, by name.
    pub fn hub_modules_auto_joining(
        &self,
        profile: &str,
        group: &UserGroupId,
    ) -> Result<Answer<AuthModule>, InventoryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT t.external_id, t.name
             FROM hub_auto_join_groups g JOIN targets t ON t.target = g.module
             WHERE g.group_id = ?2 AND t.profile_id = ?1 AND t.kind = ?3
             ORDER BY t.name, t.external_id",
        )?;
        let rows: Vec<(String, String)> = statement
            .query_map(params![profile, group.as_str(), KIND], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        let matches = rows
            .into_iter()
            .map(|(id, name)| {
                Ok(AuthModule {
                    id: AuthModuleId::parse(id)
                        .map_err(|e| InventoryError::BadValue(e.to_string()))?,
                    name: Some(name),
                    disabled: None,
                    is_default: None,
                    ordinal: None,
                    kind: None,
                    type_name: None,
                    auto_join_groups: None,
                })
            })
            .collect::<Result<_, InventoryError>>()?;
        Ok(Answer {
            matches,
            not_yet_read: self.count_unread(profile, KIND)?,
        })
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

//! The wiring as stored, read back whole (what a bulk plan built from the inventory starts
//! from): a login policy's linked IdPs, an auth module's auto-join groups; and the name a
//! change's labels give a target known only by its id.

use lanyard_model::ids::{AuthModuleId, IdpId, UserGroupId};
use lanyard_model::zitadel::PolicyScope;
use rusqlite::{OptionalExtension, params};

use crate::database::Inventory;
use crate::error::InventoryError;
use crate::records::{TargetKind, TargetRecord, UnixMillis, ZITADEL_INSTANCE_ID};
use crate::targets;
use crate::zitadel::PolicyRead;

fn bad(err: impl ToString) -> InventoryError {
    InventoryError::BadValue(err.to_string())
}

impl Inventory {
    /// A login policy as last read (its linked IdPs and whether the organization uses the
    /// instance default); `None` when its wiring was never read.
    pub fn zitadel_policy_links(
        &self,
        profile: &str,
        scope: &PolicyScope,
    ) -> Result<Option<PolicyRead>, InventoryError> {
        let (kind, id) = match scope {
            PolicyScope::Instance => (TargetKind::ZitadelInstance, ZITADEL_INSTANCE_ID),
            PolicyScope::Organization { org_id } => {
                (TargetKind::ZitadelOrganization, org_id.as_str())
            }
        };
        let Some((target, Some(_))) = targets::find(&self.conn, profile, kind, id)? else {
            return Ok(None);
        };
        let row: Option<(String, bool)> = self
            .conn
            .prepare_cached(
                "SELECT t.name, p.uses_instance_default
                 FROM zitadel_policies p JOIN targets t ON t.target = p.policy
                 WHERE p.policy = ?1",
            )?
            .query_row([target], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        let Some((name, uses_instance_default)) = row else {
            return Ok(None);
        };
        let mut statement = self.conn.prepare_cached(
            "SELECT idp_id FROM zitadel_policy_idps WHERE policy = ?1 ORDER BY idp_id",
        )?;
        let linked = statement
            .query_map([target], |row| row.get::<_, String>(0))?
            .map(|id| IdpId::parse(id?).map_err(bad))
            .collect::<Result<_, InventoryError>>()?;
        Ok(Some(PolicyRead {
            scope: scope.clone(),
            name,
            uses_instance_default,
            linked,
        }))
    }

    /// An auth module's auto-join groups as last read; `None` when never read.
    pub fn hub_module_groups(
        &self,
        profile: &str,
        module: &AuthModuleId,
    ) -> Result<Option<Vec<UserGroupId>>, InventoryError> {
        let found = targets::find(
            &self.conn,
            profile,
            TargetKind::HubAuthModule,
            module.as_str(),
        )?;
        let Some((target, Some(_))) = found else {
            return Ok(None);
        };
        let mut statement = self.conn.prepare_cached(
            "SELECT group_id FROM hub_auto_join_groups WHERE module = ?1 ORDER BY group_id",
        )?;
        let groups = statement
            .query_map([target], |row| row.get::<_, String>(0))?
            .map(|id| UserGroupId::parse(id?).map_err(bad))
            .collect::<Result<_, InventoryError>>()?;
        Ok(Some(groups))
    }

    /// Names a target known only by its id (its wiring was read before any listing named it)
    /// with `name`, as a change's labels give it; a target with a name of its own, or not known,
    /// is left alone (false).
    pub fn name_target(
        &mut self,
        profile: &str,
        kind: TargetKind,
        id: &str,
        name: &str,
    ) -> Result<bool, InventoryError> {
        let name = name.trim();
        if name.is_empty() || name == id {
            return Ok(false);
        }
        let tx = self.conn.transaction()?;
        let known: Option<(String, Option<String>, UnixMillis)> = tx
            .prepare_cached(
                "SELECT name, display_name, read_at FROM targets
                 WHERE profile_id = ?1 AND kind = ?2 AND external_id = ?3",
            )?
            .query_row(params![profile, kind, id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .optional()?;
        let Some((_, display_name, read_at)) = known.filter(|(old, ..)| old == id) else {
            return Ok(false);
        };
        let record = TargetRecord {
            kind,
            id: id.to_owned(),
            name: name.to_owned(),
            display_name,
            facts: None,
        };
        // Renamed only: when it was listed stays as it was.
        targets::upsert(&tx, profile, &record, read_at)?;
        tx.commit()?;
        Ok(true)
    }
}

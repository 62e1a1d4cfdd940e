//! ZITADEL: the identity providers linked to each login policy (the instance's and each
//! organization's), whether an organization uses the instance default, and "who links IdP X".

use lanyard_model::ids::{IdpId, ZitadelOrgId};
use lanyard_model::inventory::{IdpCondition, Presence};
use lanyard_model::zitadel::PolicyScope;
use rusqlite::{OptionalExtension, Transaction, params};

use crate::database::Inventory;
use crate::error::InventoryError;
use crate::outside::{self, Difference};
use crate::records::{
    Answer, Found, ReadOrigin, Rows, TargetKind, TargetRecord, Totals, UnixMillis,
    ZITADEL_INSTANCE_ID,
};
use crate::targets::{self, needle};

/// A login policy as read: where it lives, the organization's name (or the instance's), whether
/// the organization has no policy of its own, and the IdPs linked to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyRead {
    pub scope: PolicyScope,
    pub name: String,
    pub uses_instance_default: bool,
    pub linked: Vec<IdpId>,
}

/// "Which login policies link / do not link IdP X", or every policy read (no condition);
/// narrowed by "name contains", in any case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZitadelPolicyQuery {
    pub idp: Option<IdpCondition>,
    pub name_contains: Option<String>,
}

fn target_of(scope: &PolicyScope) -> (TargetKind, &str) {
    match scope {
        PolicyScope::Instance => (TargetKind::ZitadelInstance, ZITADEL_INSTANCE_ID),
        PolicyScope::Organization { org_id } => (TargetKind::ZitadelOrganization, org_id.as_str()),
    }
}

const USES_DEFAULT: &str = "uses the instance default";

impl Inventory {
    /// Replaces one login policy's links with what was just read (one transaction); records
    /// differences as changed outside Lanyard when the read was `Independent`.
    pub fn replace_zitadel_policy(
        &mut self,
        profile: &str,
        policy: &PolicyRead,
        read_at: UnixMillis,
        origin: ReadOrigin,
    ) -> Result<usize, InventoryError> {
        let (kind, id) = target_of(&policy.scope);
        let tx = self.conn.transaction()?;
        let previous = targets::find(&tx, profile, kind, id)?;
        let record = TargetRecord {
            kind,
            id: id.to_owned(),
            name: policy.name.clone(),
            display_name: None,
            facts: None,
        };
        let target = targets::upsert(&tx, profile, &record, read_at)?;
        let old_default: Option<bool> = tx
            .prepare_cached("SELECT uses_instance_default FROM zitadel_policies WHERE policy = ?1")?
            .query_row([target], |row| row.get(0))
            .optional()?;
        let before = linked(&tx, target)?;
        tx.prepare_cached("DELETE FROM zitadel_policy_idps WHERE policy = ?1")?
            .execute([target])?;
        for idp in &policy.linked {
            insert_link(&tx, target, idp, read_at)?;
        }
        tx.prepare_cached(
            "INSERT INTO zitadel_policies (policy, uses_instance_default, read_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (policy) DO UPDATE SET
                 uses_instance_default = excluded.uses_instance_default, read_at = excluded.read_at",
        )?
        .execute(params![target, policy.uses_instance_default, read_at])?;
        targets::mark_wiring_read(&tx, target, read_at)?;
        let mut recorded = 0;
        if origin == ReadOrigin::Independent && previous.is_some_and(|(_, read)| read.is_some()) {
            let after: Vec<String> = policy.linked.iter().map(ToString::to_string).collect();
            let mut differences =
                outside::presence_differences(&before, &after, "linked", "not linked");
            if let Some(old) = old_default.filter(|old| *old != policy.uses_instance_default) {
                let yes_no = |v: bool| if v { "yes" } else { "no" }.to_owned();
                differences.push(Difference {
                    item: USES_DEFAULT.to_owned(),
                    before: yes_no(old),
                    after: yes_no(policy.uses_instance_default),
                });
            }
            outside::record(&tx, target, &differences, read_at)?;
            recorded = differences.len();
        }
        tx.commit()?;
        Ok(recorded)
    }

    /// Write-through of Lanyard's own link (`linked = true`) or unlink. A policy the inventory
    /// has never read is left alone (false).
    pub fn record_zitadel_link(
        &mut self,
        profile: &str,
        scope: &PolicyScope,
        idp: &IdpId,
        linked: bool,
        at: UnixMillis,
    ) -> Result<bool, InventoryError> {
        let (kind, id) = target_of(scope);
        let tx = self.conn.transaction()?;
        let Some((target, Some(_))) = targets::find(&tx, profile, kind, id)? else {
            return Ok(false);
        };
        tx.prepare_cached("DELETE FROM zitadel_policy_idps WHERE policy = ?1 AND idp_id = ?2")?
            .execute(params![target, idp.as_str()])?;
        if linked {
            // ZITADEL links only to an organization's own policy, so the flag stands as read.
            insert_link(&tx, target, idp, at)?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Login policies (read at least once; the instance's first, then by name) that link, or do
    /// not link, an identity provider, or all of them; an organization's that uses the instance
    /// default says so.
    pub fn zitadel_policies(
        &self,
        profile: &str,
        query: &ZitadelPolicyQuery,
    ) -> Result<Answer<Found<PolicyScope>>, InventoryError> {
        self.zitadel_policies_rows(profile, query, Rows::ALL)
    }

    /// [`Inventory::zitadel_policies`], only the matches `rows` asks for.
    pub fn zitadel_policies_rows(
        &self,
        profile: &str,
        query: &ZitadelPolicyQuery,
        rows: Rows,
    ) -> Result<Answer<Found<PolicyScope>>, InventoryError> {
        let kinds = [TargetKind::ZitadelInstance, TargetKind::ZitadelOrganization];
        self.paged_answer(profile, &kinds, rows, |rows| {
            self.policies_page(profile, query, rows)
        })
    }

    fn policies_page(
        &self,
        profile: &str,
        query: &ZitadelPolicyQuery,
        rows: Rows,
    ) -> Result<(Vec<Found<PolicyScope>>, Option<Totals>), InventoryError> {
        let (idp, linked) = match &query.idp {
            Some(condition) => (
                Some(condition.idp_id.as_str()),
                condition.presence == Presence::Has,
            ),
            None => (None, true),
        };
        let mut statement = self.conn.prepare_cached(
            "SELECT t.kind, t.external_id, t.name, t.display_name, t.wiring_read_at,
                    p.uses_instance_default,
                    count(*) OVER (), min(t.wiring_read_at) OVER ()
             FROM zitadel_policies p JOIN targets t ON t.target = p.policy
             WHERE t.profile_id = ?1 AND t.wiring_read_at IS NOT NULL
               AND (?2 IS NULL OR EXISTS (SELECT 1 FROM zitadel_policy_idps l
                                          WHERE l.policy = p.policy AND l.idp_id = ?2) = ?3)
               AND (?4 IS NULL OR instr(t.search_key, ?4) > 0)
             ORDER BY t.kind = 'zitadel_instance' DESC, t.name, t.external_id
             LIMIT ?5 OFFSET ?6",
        )?;
        type Row = (TargetKind, String, String, Option<String>, UnixMillis, bool);
        let name = needle(query.name_contains.as_deref());
        let (limit, offset) = rows.sql();
        let page: Vec<(Row, Totals)> = statement
            .query_map(params![profile, idp, linked, name, limit, offset], |row| {
                Ok((
                    (
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                    ),
                    Totals::read(row, 6)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let on_page = page.first().map(|(_, totals)| *totals);
        let matches = page
            .into_iter()
            .map(
                |((kind, id, name, display_name, read_at, uses_default), _)| {
                    let scope = match kind {
                        TargetKind::ZitadelInstance => PolicyScope::Instance,
                        TargetKind::ZitadelOrganization => PolicyScope::Organization {
                            org_id: ZitadelOrgId::parse(id)
                                .map_err(|e| InventoryError::BadValue(e.to_string()))?,
                        },
                        other => {
                            return Err(InventoryError::BadValue(format!(
                                "a login policy of a {}",
                                other.as_str()
                            )));
                        }
                    };
                    Ok(Found {
                        id: scope,
                        name,
                        display_name,
                        detail: uses_default.then(|| USES_DEFAULT.to_owned()),
                        wiring_read_at: read_at,
                    })
                },
            )
            .collect::<Result<_, InventoryError>>()?;
        Ok((matches, on_page))
    }
}

fn insert_link(
    tx: &Transaction<'_>,
    target: i64,
    idp: &IdpId,
    at: UnixMillis,
) -> Result<(), InventoryError> {
    tx.prepare_cached(
        "INSERT INTO zitadel_policy_idps (policy, idp_id, read_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (policy, idp_id) DO UPDATE SET read_at = excluded.read_at",
    )?
    .execute(params![target, idp.as_str(), at])?;
    Ok(())
}

fn linked(tx: &Transaction<'_>, target: i64) -> Result<Vec<String>, InventoryError> {
    let mut statement = tx.prepare_cached(
        "SELECT idp_id FROM zitadel_policy_idps WHERE policy = ?1 ORDER BY idp_id",
    )?;
    let rows = statement.query_map([target], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

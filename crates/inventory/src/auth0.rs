//! Auth0: each organization's enabled connections with their seven options, as read and as
//! Lanyard changes them (the questions asked of them are in `auth0_questions`).

use lanyard_model::auth0::{AccessLevel, OrgConnection, Organization, Settings};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use rusqlite::{Connection, Transaction, params};

use crate::database::Inventory;
use crate::error::InventoryError;
use crate::outside::{self, Difference};
use crate::records::{ReadOrigin, TargetKind, TargetRecord, UnixMillis};
use crate::targets;

pub(crate) const KIND: TargetKind = TargetKind::Auth0Organization;

impl Inventory {
    /// Replaces what the inventory holds for one organization with what was just read, in one
    /// transaction. When the read was `Independent` and the organization had been read before,
    /// each difference is recorded as changed outside Lanyard; returns how many were.
    pub fn replace_auth0_organization(
        &mut self,
        profile: &str,
        organization: &Organization,
        connections: &[OrgConnection],
        read_at: UnixMillis,
        origin: ReadOrigin,
    ) -> Result<usize, InventoryError> {
        let tx = self.conn.transaction()?;
        let previous = targets::find(&tx, profile, KIND, organization.id.as_str())?;
        let record = TargetRecord {
            kind: KIND,
            id: organization.id.to_string(),
            name: organization.name.clone(),
            display_name: organization.display_name.clone(),
            facts: None,
        };
        let target = targets::upsert(&tx, profile, &record, read_at)?;
        let before = stored(&tx, target)?;
        tx.prepare_cached("DELETE FROM auth0_org_connections WHERE organization = ?1")?
            .execute([target])?;
        for connection in connections {
            insert(&tx, target, connection, read_at)?;
        }
        targets::mark_wiring_read(&tx, target, read_at)?;
        let mut recorded = 0;
        if origin == ReadOrigin::Independent && previous.is_some_and(|(_, read)| read.is_some()) {
            let differences = differences(&before, connections);
            outside::record(&tx, target, &differences, read_at)?;
            recorded = differences.len();
        }
        tx.commit()?;
        Ok(recorded)
    }

    /// Write-through of Lanyard's own change to one organization's connection: `now` is the
    /// connection as Lanyard left it (`None`: removed). An organization the inventory has never
    /// read is left alone (false), so a single row never passes for a full read.
    pub fn record_auth0_change(
        &mut self,
        profile: &str,
        organization: &OrganizationId,
        connection: &ConnectionId,
        now: Option<&OrgConnection>,
        at: UnixMillis,
    ) -> Result<bool, InventoryError> {
        let tx = self.conn.transaction()?;
        let Some((target, Some(_))) = targets::find(&tx, profile, KIND, organization.as_str())?
        else {
            return Ok(false);
        };
        tx.prepare_cached(
            "DELETE FROM auth0_org_connections WHERE organization = ?1 AND connection_id = ?2",
        )?
        .execute(params![target, connection.as_str()])?;
        if let Some(now) = now {
            insert(&tx, target, now, at)?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Replaces one connection of an organization with what a read of that connection alone
    /// found (`now`; `None`: not enabled), as a preview reads it. An organization never read is
    /// left alone (0), as one row is not its wiring, and its read time is kept. With
    /// `Independent`, a difference from the stored row is recorded as changed outside Lanyard;
    /// returns how many were.
    pub fn replace_auth0_connection(
        &mut self,
        profile: &str,
        organization: &OrganizationId,
        connection: &ConnectionId,
        now: Option<&OrgConnection>,
        read_at: UnixMillis,
        origin: ReadOrigin,
    ) -> Result<usize, InventoryError> {
        let tx = self.conn.transaction()?;
        let Some((target, Some(_))) = targets::find(&tx, profile, KIND, organization.as_str())?
        else {
            return Ok(0);
        };
        let mut before = stored(&tx, target)?;
        before.retain(|c| &c.connection_id == connection);
        tx.prepare_cached(
            "DELETE FROM auth0_org_connections WHERE organization = ?1 AND connection_id = ?2",
        )?
        .execute(params![target, connection.as_str()])?;
        if let Some(now) = now {
            insert(&tx, target, now, read_at)?;
        }
        let mut recorded = 0;
        if origin == ReadOrigin::Independent {
            let after: Vec<OrgConnection> = now.into_iter().cloned().collect();
            let differences = differences(&before, &after);
            outside::record(&tx, target, &differences, read_at)?;
            recorded = differences.len();
        }
        tx.commit()?;
        Ok(recorded)
    }

    /// The connections the inventory holds for an organization (`None`: never read).
    pub fn auth0_organization_connections(
        &self,
        profile: &str,
        organization: &OrganizationId,
    ) -> Result<Option<Vec<OrgConnection>>, InventoryError> {
        let found = targets::find(&self.conn, profile, KIND, organization.as_str())?;
        let Some((target, Some(_))) = found else {
            return Ok(None);
        };
        Ok(Some(stored(&self.conn, target)?))
    }
}

pub(crate) fn bad(error: impl std::fmt::Display) -> InventoryError {
    InventoryError::BadValue(error.to_string())
}

fn insert(
    tx: &Transaction<'_>,
    target: i64,
    c: &OrgConnection,
    read_at: UnixMillis,
) -> Result<(), InventoryError> {
    tx.prepare_cached(
        "INSERT INTO auth0_org_connections (organization, connection_id,
             organization_connection_name, assign_membership_on_login, show_as_button,
             is_signup_enabled, organization_access_level, is_enabled, read_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (organization, connection_id) DO NOTHING",
    )?
    .execute(params![
        target,
        c.connection_id.as_str(),
        c.organization_connection_name,
        c.assign_membership_on_login,
        c.show_as_button,
        c.is_signup_enabled,
        c.organization_access_level.map(AccessLevel::as_str),
        c.is_enabled,
        read_at
    ])?;
    Ok(())
}

/// A connection's options on an organization as stored: the name it shows there, membership on
/// login, the button, sign-up, the access level (as stored) and whether it is enabled.
pub(crate) type StoredOptions = (
    Option<String>,
    Option<bool>,
    Option<bool>,
    Option<bool>,
    Option<String>,
    Option<bool>,
);

/// The options in the six columns of `r` from `first` on, in the order of [`StoredOptions`].
pub(crate) fn stored_options(
    r: &rusqlite::Row<'_>,
    first: usize,
) -> rusqlite::Result<StoredOptions> {
    Ok((
        r.get(first)?,
        r.get(first + 1)?,
        r.get(first + 2)?,
        r.get(first + 3)?,
        r.get(first + 4)?,
        r.get(first + 5)?,
    ))
}

/// `connection_id` on an organization with the options stored for it.
pub(crate) fn org_connection(
    connection_id: ConnectionId,
    options: StoredOptions,
) -> Result<OrgConnection, InventoryError> {
    let (name, membership, button, signup, level, enabled) = options;
    Ok(OrgConnection {
        connection_id,
        organization_connection_name: name,
        assign_membership_on_login: membership,
        show_as_button: button,
        is_signup_enabled: signup,
        organization_access_level: access_level(level)?,
        is_enabled: enabled,
        connection: None,
    })
}

fn stored(conn: &Connection, target: i64) -> Result<Vec<OrgConnection>, InventoryError> {
    let mut statement = conn.prepare_cached(
        "SELECT connection_id, organization_connection_name, assign_membership_on_login,
                show_as_button, is_signup_enabled, organization_access_level, is_enabled
         FROM auth0_org_connections WHERE organization = ?1 ORDER BY connection_id",
    )?;
    let rows: Vec<(String, StoredOptions)> = statement
        .query_map([target], |r| Ok((r.get(0)?, stored_options(r, 1)?)))?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(id, options)| org_connection(ConnectionId::parse(id).map_err(bad)?, options))
        .collect()
}

/// An access level as stored (`None`: the server left it out); an unknown one is an error.
pub(crate) fn access_level(level: Option<String>) -> Result<Option<AccessLevel>, InventoryError> {
    level
        .map(|text| AccessLevel::parse(&text).ok_or_else(|| bad(format!("access level {text:?}"))))
        .transpose()
}

fn keyed(connections: &[OrgConnection]) -> Vec<(String, Settings)> {
    connections
        .iter()
        .map(|c| (c.connection_id.to_string(), c.settings()))
        .collect()
}

fn differences(before: &[OrgConnection], after: &[OrgConnection]) -> Vec<Difference> {
    outside::compare(&keyed(before), &keyed(after), |settings| match settings {
        None => "not enabled".to_owned(),
        Some(s) => describe(s),
    })
}

/// The options in words, as a result table and "changed outside Lanyard" show them: "enabled ·
/// button hidden · members join on login · signup off · access: limited".
pub(crate) fn describe(s: &Settings) -> String {
    let mut words = vec![
        if s.is_enabled { "enabled" } else { "disabled" }.to_owned(),
        format!(
            "button {}",
            if s.show_as_button { "shown" } else { "hidden" }
        ),
        if s.assign_membership_on_login {
            "members join on login"
        } else {
            "members do not join on login"
        }
        .to_owned(),
        format!("signup {}", if s.is_signup_enabled { "on" } else { "off" }),
        format!("access: {}", s.organization_access_level.as_str()),
    ];
    if let Some(name) = &s.organization_connection_name {
        words.push(format!("name {name:?}"));
    }
    words.join(" · ")
}

//! Auth0's questions: "which organizations have connection X (with these options)", "which lack
//! it", or every organization read; each narrowed by name.

use lanyard_model::auth0::AccessLevel;
use lanyard_model::ids::{ConnectionId, OrganizationId};
use lanyard_model::inventory::{ConnectionCondition, OptionsFilter, Presence};
use rusqlite::params;

use crate::auth0::{KIND, StoredOptions, bad, describe, org_connection, stored_options};
use crate::database::Inventory;
use crate::error::InventoryError;
use crate::records::{Answer, Found, Rows, Totals, UnixMillis};
use crate::targets::needle;

/// "Which organizations have / lack connection X", or every organization read (no condition);
/// narrowed by "name or display name contains", in any case.
///
/// The options filter applies to `Has` only: with `Lacks` there is no connection to match them
/// against, and they are ignored (the console refuses such a question before it gets here).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Auth0OrgQuery {
    pub connection: Option<ConnectionCondition>,
    pub name_contains: Option<String>,
}

/// A row of the "has" query: the organization and the matched connection's options.
type HasRow = (String, String, Option<String>, UnixMillis, StoredOptions);

/// A row of the "lacks" and "every organization" queries, with its count of connections.
type OrgRow = (String, String, Option<String>, UnixMillis, i64);

impl Inventory {
    /// Organizations (read at least once) that answer the question, by name. A "has" row says
    /// the matched connection's options in words; the others how many connections are enabled.
    pub fn auth0_organizations(
        &self,
        profile: &str,
        query: &Auth0OrgQuery,
    ) -> Result<Answer<Found<OrganizationId>>, InventoryError> {
        self.auth0_organizations_rows(profile, query, Rows::ALL)
    }

    /// [`Inventory::auth0_organizations`], only the matches `rows` asks for.
    pub fn auth0_organizations_rows(
        &self,
        profile: &str,
        query: &Auth0OrgQuery,
        rows: Rows,
    ) -> Result<Answer<Found<OrganizationId>>, InventoryError> {
        self.paged_answer(profile, &[KIND], rows, |rows| {
            self.organizations_page(profile, query, rows)
        })
    }

    fn organizations_page(
        &self,
        profile: &str,
        query: &Auth0OrgQuery,
        rows: Rows,
    ) -> Result<(Vec<Found<OrganizationId>>, Option<Totals>), InventoryError> {
        let name = needle(query.name_contains.as_deref());
        match &query.connection {
            Some(ConnectionCondition {
                connection_id,
                presence: Presence::Has,
                options,
            }) => self.having(profile, connection_id, options, name.as_deref(), rows),
            Some(ConnectionCondition {
                connection_id,
                presence: Presence::Lacks,
                ..
            }) => self.others(profile, Some(connection_id), name.as_deref(), rows),
            None => self.others(profile, None, name.as_deref(), rows),
        }
    }

    fn having(
        &self,
        profile: &str,
        connection: &ConnectionId,
        options: &OptionsFilter,
        name: Option<&str>,
        rows: Rows,
    ) -> Result<(Vec<Found<OrganizationId>>, Option<Totals>), InventoryError> {
        // Each option is compared after Auth0's default for it (a connection read through the
        // old endpoint, without `show_as_button`, shows its button), as `OrgConnection::settings`.
        let mut statement = self.conn.prepare_cached(
            "SELECT t.external_id, t.name, t.display_name, t.wiring_read_at,
                    c.organization_connection_name, c.assign_membership_on_login,
                    c.show_as_button, c.is_signup_enabled, c.organization_access_level,
                    c.is_enabled, count(*) OVER (), min(t.wiring_read_at) OVER ()
             FROM auth0_org_connections c JOIN targets t ON t.target = c.organization
             WHERE c.connection_id = ?2 AND t.profile_id = ?1 AND t.kind = ?3
               AND t.wiring_read_at IS NOT NULL
               AND (?4 IS NULL OR coalesce(c.show_as_button, 1) = ?4)
               AND (?5 IS NULL OR coalesce(c.assign_membership_on_login, 0) = ?5)
               AND (?6 IS NULL OR coalesce(c.is_signup_enabled, 0) = ?6)
               AND (?7 IS NULL OR coalesce(c.is_enabled, 1) = ?7)
               AND (?8 IS NULL OR coalesce(c.organization_access_level, 'none') = ?8)
               AND (?9 IS NULL OR instr(t.search_key, ?9) > 0)
             ORDER BY t.name, t.external_id
             LIMIT ?10 OFFSET ?11",
        )?;
        let (limit, offset) = rows.sql();
        let level = options.organization_access_level.map(AccessLevel::as_str);
        let page: Vec<(HasRow, Totals)> = statement
            .query_map(
                params![
                    profile,
                    connection.as_str(),
                    KIND,
                    options.show_as_button,
                    options.assign_membership_on_login,
                    options.is_signup_enabled,
                    options.is_enabled,
                    level,
                    name,
                    limit,
                    offset
                ],
                |r| {
                    Ok((
                        (
                            r.get(0)?,
                            r.get(1)?,
                            r.get(2)?,
                            r.get(3)?,
                            stored_options(r, 4)?,
                        ),
                        Totals::read(r, 10)?,
                    ))
                },
            )?
            .collect::<Result<_, _>>()?;
        let on_page = page.first().map(|(_, totals)| *totals);
        let matches = page
            .into_iter()
            .map(|((id, name, display_name, read_at, options), _)| {
                let matched = org_connection(connection.clone(), options)?;
                Ok(Found {
                    id: OrganizationId::parse(id).map_err(bad)?,
                    name,
                    display_name,
                    detail: Some(describe(&matched.settings())),
                    wiring_read_at: read_at,
                })
            })
            .collect::<Result<_, InventoryError>>()?;
        Ok((matches, on_page))
    }

    /// Organizations read that lack `connection`, or every organization read (`None`).
    fn others(
        &self,
        profile: &str,
        connection: Option<&ConnectionId>,
        name: Option<&str>,
        rows: Rows,
    ) -> Result<(Vec<Found<OrganizationId>>, Option<Totals>), InventoryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT t.external_id, t.name, t.display_name, t.wiring_read_at,
                    (SELECT count(*) FROM auth0_org_connections e WHERE e.organization = t.target),
                    count(*) OVER (), min(t.wiring_read_at) OVER ()
             FROM targets t
             WHERE t.profile_id = ?1 AND t.kind = ?3 AND t.wiring_read_at IS NOT NULL
               AND (?2 IS NULL OR NOT EXISTS (SELECT 1 FROM auth0_org_connections c
                                              WHERE c.organization = t.target
                                                AND c.connection_id = ?2))
               AND (?4 IS NULL OR instr(t.search_key, ?4) > 0)
             ORDER BY t.name, t.external_id
             LIMIT ?5 OFFSET ?6",
        )?;
        let (limit, offset) = rows.sql();
        let connection = connection.map(ConnectionId::as_str);
        let page: Vec<(OrgRow, Totals)> = statement
            .query_map(
                params![profile, connection, KIND, name, limit, offset],
                |r| {
                    Ok((
                        (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
                        Totals::read(r, 5)?,
                    ))
                },
            )?
            .collect::<Result<_, _>>()?;
        let on_page = page.first().map(|(_, totals)| *totals);
        let matches = page
            .into_iter()
            .map(|((id, name, display_name, read_at, enabled), _)| {
                Ok(Found {
                    id: OrganizationId::parse(id).map_err(bad)?,
                    name,
                    display_name,
                    detail: Some(connections_enabled(enabled)),
                    wiring_read_at: read_at,
                })
            })
            .collect::<Result<_, InventoryError>>()?;
        Ok((matches, on_page))
    }
}

fn connections_enabled(count: i64) -> String {
    match count {
        0 => "no connection enabled".to_owned(),
        1 => "1 connection enabled".to_owned(),
        n => format!("{n} connections enabled"),
    }
}

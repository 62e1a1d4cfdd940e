//! "Who changed this": an Auth0 organization's history. Auth0's log search cannot filter on a
//! request's path (API-NOTES-WARNINGS §5), so Lanyard searches the tenant's `sapi` entries
//! (successful Management API writes) whose description names a connection, newest first and
//! at most the 1,000 Auth0 lets a search page through, and keeps those whose path is one of the
//! organization's connection paths (`/organizations/{id}/connections…`, or the older
//! `/enabled_connections…`). Who made each change comes from the entry: a Dashboard admin
//! (`details.request.auth.user`) or the application (`client_id`, `client_name`). A read that
//! fails, a missing `read:logs` scope first of all, is said in the answer, never an error.

use lanyard_model::audit::AuditEntry;
use lanyard_model::auth0::apps::LogEntry;
use lanyard_model::history::{Actor, OrganizationHistory, TenantChange};
use lanyard_model::ids::OrganizationId;
use lanyard_providers::auth0::Auth0Client;

/// The search: Management API writes whose description names a connection.
pub const LOG_QUERY: &str = "type:sapi AND description:*onnection*";

const COVERAGE: &str = "Changes to this organization's connections made through the Management API (Auth0 Dashboard, scripts, Terraform, Lanyard), newest first, from the tenant's logs: Auth0 keeps them 1 day (Starter) to 30 days (Enterprise) and searches at most the latest 1,000 such entries; older changes are not shown.";

/// The organization's history: the tenant's log entries for it and Lanyard's own `lanyard`
/// audit entries (already filtered to it, newest first).
pub async fn organization_history(
    client: &Auth0Client,
    org: &OrganizationId,
    lanyard: Vec<AuditEntry>,
) -> OrganizationHistory {
    let (tenant, tenant_unavailable) = match client.logs(LOG_QUERY).await {
        Ok(entries) => (
            entries
                .iter()
                .filter_map(|e| tenant_change(e, org.as_str()))
                .collect(),
            None,
        ),
        Err(err) => (Vec::new(), Some(unavailable(&err))),
    };
    OrganizationHistory {
        organization_id: org.to_string(),
        tenant,
        tenant_unavailable,
        coverage: COVERAGE.to_owned(),
        lanyard,
    }
}

fn unavailable(err: &lanyard_providers::ProviderError) -> String {
    if err.is_status(403) {
        format!(
            "Lanyard cannot read the tenant's logs: this profile's application lacks the read:logs scope. Grant it read:logs in the Auth0 Dashboard (Applications > APIs > Auth0 Management API > Machine to Machine Applications) to see who changed this organization outside Lanyard. Auth0 said: {err}"
        )
    } else {
        format!("Lanyard could not read the tenant's logs: {err}")
    }
}

/// The entry as a change to the organization, or `None` when it is about something else.
fn tenant_change(entry: &LogEntry, org: &str) -> Option<TenantChange> {
    if entry.kind != "sapi" {
        return None;
    }
    let request = &entry.details.request;
    let path = request.path.split('?').next().unwrap_or_default();
    let rest = path
        .strip_prefix("/api/v2/organizations/")?
        .strip_prefix(org)?
        .strip_prefix('/')?;
    let mut parts = rest.split('/');
    if !matches!(parts.next(), Some("connections" | "enabled_connections")) {
        return None;
    }
    let connection_id = parts.next().filter(|c| !c.is_empty()).map(str::to_owned);
    let who = match request.auth.as_ref().and_then(|a| a.user.as_ref()) {
        Some(user) => Actor::DashboardUser {
            email: user.email.clone(),
            name: user.name.clone(),
            user_id: user.user_id.clone(),
        },
        None => Actor::Client {
            client_id: entry.client_id.clone(),
            client_name: Some(entry.client_name.clone()).filter(|n| !n.is_empty()),
        },
    };
    Some(TenantChange {
        date: entry.date.clone(),
        who,
        what: entry.description.clone(),
        request: format!("{} {path}", request.method.to_uppercase()),
        connection_id,
        log_id: entry.log_id.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, kind: &str) -> LogEntry {
        let mut e = LogEntry {
            kind: kind.into(),
            client_id: "cli".into(),
            ..LogEntry::default()
        };
        e.details.request.path = path.into();
        e.details.request.method = "patch".into();
        e
    }

    #[test]
    fn only_the_organizations_connection_paths_are_kept() {
        let org = "org_abc";
        assert!(
            tenant_change(
                &entry(
                    "/api/v2/organizations/org_abc/enabled_connections/con_1",
                    "sapi"
                ),
                org
            )
            .is_some()
        );
        assert!(
            tenant_change(
                &entry("/api/v2/organizations/org_abc/connections", "sapi"),
                org
            )
            .is_some()
        );
        assert!(
            tenant_change(
                &entry("/api/v2/organizations/org_abcd/connections", "sapi"),
                org
            )
            .is_none()
        );
        assert!(
            tenant_change(&entry("/api/v2/organizations/org_abc/members", "sapi"), org).is_none()
        );
        assert!(
            tenant_change(
                &entry("/api/v2/organizations/org_abc/connections", "s"),
                org
            )
            .is_none()
        );
        assert!(tenant_change(&entry("", "sapi"), org).is_none());
    }
}

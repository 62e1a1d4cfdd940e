//! "Who changed this": an Auth0 organization's history, from the tenant's own logs (`sapi`
//! entries whose request path is one of the organization's connection paths, filtered in
//! Lanyard since Auth0 cannot search by path) next to Lanyard's own audit entries for it.

use serde::{Deserialize, Serialize};

use crate::audit::AuditEntry;

/// Who made a change the tenant logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Actor {
    /// An admin in the Auth0 Dashboard.
    DashboardUser {
        email: Option<String>,
        name: Option<String>,
        user_id: Option<String>,
    },
    /// A machine-to-machine application (Lanyard, Terraform, a script).
    Client {
        client_id: String,
        client_name: Option<String>,
    },
}

impl Actor {
    /// In words: "Dana Admin (dana@…) in the Dashboard", "Terraform (CI) (client abc…)".
    pub fn describe(&self) -> String {
        match self {
            Actor::DashboardUser { email, name, .. } => match (name, email) {
                (Some(n), Some(e)) => format!("{n} ({e}) in the Auth0 Dashboard"),
                (Some(x), None) | (None, Some(x)) => format!("{x} in the Auth0 Dashboard"),
                (None, None) => "An admin in the Auth0 Dashboard".to_owned(),
            },
            Actor::Client {
                client_id,
                client_name,
            } => match client_name.as_deref().filter(|n| !n.is_empty()) {
                Some(n) => format!("{n} (application {client_id})"),
                None => format!("Application {client_id}"),
            },
        }
    }
}

/// One write the tenant logged on the organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantChange {
    /// RFC 3339, as the tenant logged it.
    pub date: String,
    pub who: Actor,
    /// The log's description: "Update the Connection of an Organization".
    pub what: String,
    /// `PATCH /api/v2/organizations/org_…/enabled_connections/con_…`.
    pub request: String,
    /// The connection the path names, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_id: Option<String>,
    pub log_id: String,
}

/// The answer of `auth0_history`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationHistory {
    pub organization_id: String,
    /// The tenant's log entries for the organization, newest first; empty when unreadable.
    pub tenant: Vec<TenantChange>,
    /// Why the tenant's logs could not be read, in words (a missing `read:logs` scope is named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_unavailable: Option<String>,
    /// What the history covers: Auth0 keeps logs 1 to 30 days, and searches only 1,000 entries.
    pub coverage: String,
    /// Lanyard's own audit entries for the organization, newest first.
    pub lanyard: Vec<AuditEntry>,
}

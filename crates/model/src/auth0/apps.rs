//! What the pre-change warnings read from Auth0 (API-NOTES-WARNINGS §1, §2, §5): the
//! applications a connection is enabled for, the tenant's applications with their organization
//! fields, an organization's per-application access, and tenant log entries. Fields Auth0
//! leaves out are `None` or empty, never guessed.

use serde::{Deserialize, Serialize};

/// An item of `GET /connections/{id}/clients`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionClient {
    pub client_id: String,
}

/// How an application treats organizations at login; absent means `deny` (Auth0's default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationUsage {
    #[default]
    Deny,
    Allow,
    Require,
}

/// An application of `GET /clients` with the fields the warnings need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub client_id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub app_type: Option<String>,
    #[serde(default)]
    pub global: bool,
    #[serde(default)]
    pub organization_usage: Option<OrganizationUsage>,
    #[serde(default)]
    pub organization_require_behavior: Option<String>,
}

impl Application {
    /// Whether people can log in to it through an organization: a user-facing application
    /// (not `non_interactive`, not the tenant's global one) that allows or requires them.
    pub fn allows_organizations(&self) -> bool {
        !self.global
            && self.app_type.as_deref() != Some("non_interactive")
            && matches!(
                self.organization_usage.unwrap_or_default(),
                OrganizationUsage::Allow | OrganizationUsage::Require
            )
    }
}

/// `GET /organizations/{id}`: its id (a reply without one is not an organization) and the Early
/// Access per-application access flag (absent: off).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationAccess {
    pub id: String,
    #[serde(default)]
    pub is_app_entitlement_active: bool,
}

/// An item of `GET /organizations/{id}/clients` (Early Access).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationClient {
    pub client_id: String,
    #[serde(default)]
    pub use_for_member_access: bool,
}

/// A tenant log entry (`GET /logs`), as far as the history reads it; an entry without its id
/// or type is not a log entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub log_id: String,
    #[serde(default)]
    pub date: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub client_id: String,
    #[serde(default)]
    pub client_name: String,
    #[serde(default)]
    pub user_id: String,
    #[serde(default)]
    pub details: LogDetails,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogDetails {
    #[serde(default)]
    pub request: LogRequest,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogRequest {
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub auth: Option<LogAuth>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogAuth {
    #[serde(default)]
    pub user: Option<LogUser>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogUser {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub user_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_organization_usage_means_deny_and_machine_apps_never_count() {
        let app: Application =
            serde_json::from_value(serde_json::json!({"client_id": "a", "app_type": "spa"}))
                .unwrap();
        assert!(!app.allows_organizations());
        let app: Application = serde_json::from_value(
            serde_json::json!({"client_id": "a", "app_type": "non_interactive", "organization_usage": "allow"}),
        )
        .unwrap();
        assert!(!app.allows_organizations());
        let app: Application = serde_json::from_value(
            serde_json::json!({"client_id": "a", "app_type": "regular_web", "organization_usage": "require"}),
        )
        .unwrap();
        assert!(app.allows_organizations());
        let bad = serde_json::from_value::<Application>(
            serde_json::json!({"client_id": "a", "organization_usage": "sometimes"}),
        );
        assert!(bad.is_err());
    }
}

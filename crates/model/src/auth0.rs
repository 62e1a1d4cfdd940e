//! Auth0 Management API v2: organizations, connections, and the connections enabled for an
//! organization (`/organizations/{id}/connections`), with the rules Auth0 enforces on them.

pub mod apps;
mod page;
mod patch;
mod rules;

use serde::{Deserialize, Serialize};

pub use crate::strategy::{StrategyKind, strategy_kind};
pub use page::{CheckpointPage, OffsetPage, Paging, PagingError};
pub use patch::Patch;
pub use rules::{check_enable, check_update, name_problem};

use crate::ids::{ConnectionId, OrganizationId};

/// How much an organization's own admins may manage of a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum AccessLevel {
    #[default]
    None,
    Readonly,
    Limited,
    Full,
}

impl AccessLevel {
    pub const ALL: [AccessLevel; 4] = [
        AccessLevel::None,
        AccessLevel::Readonly,
        AccessLevel::Limited,
        AccessLevel::Full,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::None => "none",
            AccessLevel::Readonly => "readonly",
            AccessLevel::Limited => "limited",
            AccessLevel::Full => "full",
        }
    }

    /// What the level lets organization admins do, for the form's explanation.
    pub fn describe(self) -> &'static str {
        match self {
            AccessLevel::None => "Organization admins cannot see or change this connection",
            AccessLevel::Readonly => "Organization admins can see this connection",
            AccessLevel::Limited => {
                "Organization admins can turn it on or off and show it as a button"
            }
            AccessLevel::Full => {
                "Organization admins can also edit its options, display name and domains"
            }
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == value)
    }
}

/// `POST /organizations/{id}/connections`: enable a tenant connection for an organization.
/// Unset options are left out so that Auth0 applies its own defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnableConnection {
    pub connection_id: ConnectionId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_connection_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assign_membership_on_login: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_as_button: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_signup_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_access_level: Option<AccessLevel>,
    /// Always sent: Auth0's default when omitted is undocumented (API-NOTES 1.2).
    pub is_enabled: bool,
}

impl EnableConnection {
    /// A request with Auth0's defaults: enabled, everything else left to the server.
    pub fn new(connection_id: ConnectionId) -> Self {
        Self {
            connection_id,
            organization_connection_name: None,
            assign_membership_on_login: None,
            show_as_button: None,
            is_signup_enabled: None,
            organization_access_level: None,
            is_enabled: true,
        }
    }

    /// The settings the connection will have once Auth0 applied its defaults.
    pub fn effective(&self) -> Settings {
        Settings {
            organization_connection_name: self.organization_connection_name.clone(),
            assign_membership_on_login: self.assign_membership_on_login.unwrap_or(false),
            show_as_button: self.show_as_button.unwrap_or(true),
            is_signup_enabled: self.is_signup_enabled.unwrap_or(false),
            organization_access_level: self.organization_access_level.unwrap_or_default(),
            is_enabled: self.is_enabled,
        }
    }
}

/// `PATCH /organizations/{id}/connections/{connection_id}`: change some options.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateConnection {
    #[serde(default, skip_serializing_if = "Patch::is_keep")]
    pub organization_connection_name: Patch<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assign_membership_on_login: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_as_button: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_signup_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Patch::is_keep")]
    pub organization_access_level: Patch<AccessLevel>,
    #[serde(default, skip_serializing_if = "Patch::is_keep")]
    pub is_enabled: Patch<bool>,
}

impl UpdateConnection {
    /// Whether the request changes nothing.
    pub fn is_empty(&self) -> bool {
        self == &UpdateConnection::default()
    }

    /// The update that turns `to` back into `from` (for undo), touching only changed fields.
    pub fn between(from: &Settings, to: &Settings) -> Self {
        let mut u = UpdateConnection::default();
        if from.organization_connection_name != to.organization_connection_name {
            u.organization_connection_name = match &to.organization_connection_name {
                Some(name) => Patch::Set(name.clone()),
                None => Patch::Clear,
            };
        }
        if from.assign_membership_on_login != to.assign_membership_on_login {
            u.assign_membership_on_login = Some(to.assign_membership_on_login);
        }
        if from.show_as_button != to.show_as_button {
            u.show_as_button = Some(to.show_as_button);
        }
        if from.is_signup_enabled != to.is_signup_enabled {
            u.is_signup_enabled = Some(to.is_signup_enabled);
        }
        if from.organization_access_level != to.organization_access_level {
            u.organization_access_level = Patch::Set(to.organization_access_level);
        }
        if from.is_enabled != to.is_enabled {
            u.is_enabled = Patch::Set(to.is_enabled);
        }
        u
    }

    /// `current` with this update applied, as Auth0 would store it.
    pub fn apply_to(&self, current: &Settings) -> Settings {
        let mut s = current.clone();
        match &self.organization_connection_name {
            Patch::Keep => {}
            Patch::Clear => s.organization_connection_name = None,
            Patch::Set(name) => s.organization_connection_name = Some(name.clone()),
        }
        if let Some(v) = self.assign_membership_on_login {
            s.assign_membership_on_login = v;
        }
        if let Some(v) = self.show_as_button {
            s.show_as_button = v;
        }
        if let Some(v) = self.is_signup_enabled {
            s.is_signup_enabled = v;
        }
        match self.organization_access_level {
            Patch::Keep => {}
            Patch::Clear => s.organization_access_level = AccessLevel::None,
            Patch::Set(level) => s.organization_access_level = level,
        }
        match self.is_enabled {
            Patch::Keep => {}
            // Auth0 treats a null is_enabled as its default, which is enabled.
            Patch::Clear => s.is_enabled = true,
            Patch::Set(v) => s.is_enabled = v,
        }
        s
    }
}

/// The per-organization options of an enabled connection, with Auth0's defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub organization_connection_name: Option<String>,
    pub assign_membership_on_login: bool,
    pub show_as_button: bool,
    pub is_signup_enabled: bool,
    pub organization_access_level: AccessLevel,
    pub is_enabled: bool,
}

impl Settings {
    /// The request that enables `connection_id` again with exactly these settings (for undo).
    pub fn to_enable_request(
        &self,
        connection_id: ConnectionId,
        strategy: Option<&str>,
    ) -> EnableConnection {
        let database = strategy.map(strategy_kind) == Some(StrategyKind::Database);
        EnableConnection {
            connection_id,
            organization_connection_name: self.organization_connection_name.clone(),
            assign_membership_on_login: Some(self.assign_membership_on_login),
            show_as_button: Some(self.show_as_button),
            // Auth0 refuses the field's `true` on other kinds, and omits it from their replies.
            is_signup_enabled: database.then_some(self.is_signup_enabled),
            organization_access_level: Some(self.organization_access_level),
            is_enabled: self.is_enabled,
        }
    }
}

/// `{name, strategy}` of the tenant connection, as embedded in org-connection replies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionInfo {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub strategy: String,
}

/// A connection enabled for an organization, as Auth0 returns it: fields it did not send are
/// `None` (Auth0 leaves out an unset name and, for non-database connections, signup).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgConnection {
    pub connection_id: ConnectionId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_connection_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assign_membership_on_login: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_as_button: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_signup_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_access_level: Option<AccessLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<ConnectionInfo>,
}

impl OrgConnection {
    /// The options with Auth0's defaults for what the reply left out.
    pub fn settings(&self) -> Settings {
        Settings {
            organization_connection_name: self.organization_connection_name.clone(),
            assign_membership_on_login: self.assign_membership_on_login.unwrap_or(false),
            show_as_button: self.show_as_button.unwrap_or(true),
            is_signup_enabled: self.is_signup_enabled.unwrap_or(false),
            organization_access_level: self.organization_access_level.unwrap_or_default(),
            // The old endpoint has no is_enabled: an association there is enabled.
            is_enabled: self.is_enabled.unwrap_or(true),
        }
    }

    pub fn strategy(&self) -> Option<&str> {
        self.connection
            .as_ref()
            .map(|c| c.strategy.as_str())
            .filter(|s| !s.is_empty())
    }

    pub fn name(&self) -> Option<&str> {
        self.connection
            .as_ref()
            .map(|c| c.name.as_str())
            .filter(|s| !s.is_empty())
    }
}

/// An organization, for the picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub id: OrganizationId,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// A tenant connection, for the picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub id: ConnectionId,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub strategy: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// Filters of `GET /organizations/{id}/connections`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgConnectionFilter {
    pub is_enabled: Option<bool>,
}

/// Filters of `GET /connections` for the connection picker.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionFilter {
    /// Repeated `strategy=` parameters.
    #[serde(default)]
    pub strategies: Vec<String>,
    /// Exact name (Auth0 matches `name` exactly).
    #[serde(default)]
    pub name: Option<String>,
}

/// The scopes each screen needs (API-NOTES 1.5).
pub mod scopes {
    pub const READ_ORGANIZATIONS: &str = "read:organizations";
    pub const READ_CONNECTIONS: &str = "read:connections";
    pub const READ: &str = "read:organization_connections";
    pub const CREATE: &str = "create:organization_connections";
    pub const UPDATE: &str = "update:organization_connections";
    pub const DELETE: &str = "delete:organization_connections";
    /// Every scope the console's Auth0 screens use.
    pub const ALL: [&str; 6] = [
        READ_ORGANIZATIONS,
        READ_CONNECTIONS,
        READ,
        CREATE,
        UPDATE,
        DELETE,
    ];
}

/// The organization and connection a change is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgConnectionTarget {
    pub organization_id: OrganizationId,
    pub connection_id: ConnectionId,
}

#[cfg(test)]
mod tests;

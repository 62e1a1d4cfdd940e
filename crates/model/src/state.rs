//! A change's target as it stands, per product: what a preview shows next to the planned state,
//! what a bulk run journals per item, and what an undo expects to find. Each change knows the
//! state it leaves ([`crate::Change::applied_to`]) and the change that takes it back
//! ([`crate::Change::reversal`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::auth0::Settings;

/// The state of one change's target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetState {
    /// An Auth0 connection for an organization: its per-organization options, or `None` when it
    /// is not enabled for the organization.
    Auth0Connection { settings: Option<Settings> },
    /// A ZITADEL identity provider on a login policy.
    ZitadelIdp { linked: bool },
    /// A Hub group among an auth module's auto-join groups.
    HubGroup { auto_join: bool },
    /// Whether a ZITADEL login policy allows external identity providers.
    ZitadelExternalIdps { allowed: bool },
}

impl TargetState {
    /// The Auth0 connection's options, when this is an Auth0 connection that is enabled.
    pub fn auth0_settings(&self) -> Option<&Settings> {
        match self {
            TargetState::Auth0Connection { settings } => settings.as_ref(),
            _ => None,
        }
    }
}

/// In a few words, for the bulk table, the CSV and messages: `not enabled`, `enabled · button ·
/// access none`, `linked`, `not auto-join`.
impl fmt::Display for TargetState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetState::Auth0Connection { settings: None } => f.write_str("not enabled"),
            TargetState::Auth0Connection { settings: Some(s) } => {
                f.write_str(if s.is_enabled { "enabled" } else { "disabled" })?;
                if s.show_as_button {
                    f.write_str(" · button")?;
                }
                if s.assign_membership_on_login {
                    f.write_str(" · membership on login")?;
                }
                if s.is_signup_enabled {
                    f.write_str(" · signup")?;
                }
                write!(f, " · access {}", s.organization_access_level.as_str())?;
                if let Some(name) = &s.organization_connection_name {
                    write!(f, " · shown as \u{201c}{name}\u{201d}")?;
                }
                Ok(())
            }
            TargetState::ZitadelIdp { linked } => {
                f.write_str(if *linked { "linked" } else { "not linked" })
            }
            TargetState::ZitadelExternalIdps { allowed } => f.write_str(if *allowed {
                "external IdPs allowed"
            } else {
                "external IdPs not allowed"
            }),
            TargetState::HubGroup { auto_join } => f.write_str(if *auto_join {
                "auto-join"
            } else {
                "not auto-join"
            }),
        }
    }
}

#[cfg(test)]
mod tests;

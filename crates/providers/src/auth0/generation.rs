//! Auth0's two generations of org-connection endpoints (API-NOTES 1.1): the Early Access
//! `/organizations/{id}/connections` and the older `/organizations/{id}/enabled_connections`,
//! how to tell that a tenant refuses the first, and the older endpoints' request bodies.

use std::sync::atomic::{AtomicU8, Ordering};

use lanyard_model::auth0::{AccessLevel, EnableConnection, Patch, UpdateConnection};
use lanyard_model::ids::ConnectionId;
use reqwest::Method;
use serde::Serialize;

use crate::error::{ErrorBody, ProviderError};
use crate::http::Product;

/// The org-connection endpoints a client uses for its tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoints {
    /// No org-connection call has been answered yet; the new endpoints are tried first.
    Unknown,
    /// `/organizations/{id}/connections[/{connection_id}]`, the Early Access generation.
    New,
    /// `/organizations/{id}/enabled_connections[/{connectionId}]`: the tenant refused the new
    /// endpoints, so the client stays on these until it is made again.
    Old,
}

/// `Endpoints`, shared by the calls of one client.
#[derive(Debug, Default)]
pub(crate) struct Remembered(AtomicU8);

impl Remembered {
    pub(crate) fn get(&self) -> Endpoints {
        match self.0.load(Ordering::Relaxed) {
            1 => Endpoints::New,
            2 => Endpoints::Old,
            _ => Endpoints::Unknown,
        }
    }

    pub(crate) fn set(&self, endpoints: Endpoints) {
        let value = match endpoints {
            Endpoints::Unknown => 0,
            Endpoints::New => 1,
            Endpoints::Old => 2,
        };
        self.0.store(value, Ordering::Relaxed);
    }
}

/// The org-connection operations, named for traces per generation.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Op {
    List,
    Get,
    Add,
    Update,
    Remove,
}

impl Op {
    pub(crate) fn method(self) -> Method {
        match self {
            Op::List | Op::Get => Method::GET,
            Op::Add => Method::POST,
            Op::Update => Method::PATCH,
            Op::Remove => Method::DELETE,
        }
    }

    /// (operation, path template) for traces.
    pub(crate) fn names(self, old: bool) -> (&'static str, &'static str) {
        match (self, old) {
            (Op::List, false) => ("list_org_connections", "/organizations/{id}/connections"),
            (Op::Add, false) => ("add_org_connection", "/organizations/{id}/connections"),
            (Op::Get, false) => (
                "get_org_connection",
                "/organizations/{id}/connections/{connection_id}",
            ),
            (Op::Update, false) => (
                "update_org_connection",
                "/organizations/{id}/connections/{connection_id}",
            ),
            (Op::Remove, false) => (
                "remove_org_connection",
                "/organizations/{id}/connections/{connection_id}",
            ),
            (Op::List, true) => (
                "list_org_connections_legacy",
                "/organizations/{id}/enabled_connections",
            ),
            (Op::Add, true) => (
                "add_org_connection_legacy",
                "/organizations/{id}/enabled_connections",
            ),
            (Op::Get, true) => (
                "get_org_connection_legacy",
                "/organizations/{id}/enabled_connections/{connectionId}",
            ),
            (Op::Update, true) => (
                "update_org_connection_legacy",
                "/organizations/{id}/enabled_connections/{connectionId}",
            ),
            (Op::Remove, true) => (
                "remove_org_connection_legacy",
                "/organizations/{id}/enabled_connections/{connectionId}",
            ),
        }
    }

    /// The path segment of the relation.
    pub(crate) fn collection(old: bool) -> &'static str {
        if old {
            "enabled_connections"
        } else {
            "connections"
        }
    }

    /// The key of the listing's items.
    pub(crate) fn list_key(old: bool) -> &'static str {
        Self::collection(old)
    }
}

/// Whether Auth0's error body names a missing organization or connection. A 404 that names
/// neither came from the router: the path itself is unknown to the tenant.
pub(crate) fn names_a_resource(body: &ErrorBody) -> bool {
    let message = body.message.to_lowercase();
    message.contains("organization") || message.contains("connection")
}

/// Auth0's missing-scope 403: `errorCode` `insufficient_scope`, or a message naming the scope
/// ("Insufficient scope, expected any of: …").
pub(crate) fn is_scope_error(body: &ErrorBody) -> bool {
    body.code.as_deref() == Some("insufficient_scope")
        || body.message.to_lowercase().contains("scope")
}

/// Whether a new endpoint's error means the tenant does not offer the new endpoints. Auth0 does
/// not document what such a tenant answers (API-NOTES 1.9), so both plausible answers count: a
/// 403 that is not about a missing scope, and a 404 from the router rather than about a missing
/// organization or connection.
pub(crate) fn new_endpoints_refused(err: &ProviderError) -> bool {
    match err {
        ProviderError::Api {
            status: 403, body, ..
        } => !is_scope_error(body),
        ProviderError::Api {
            status: 404, body, ..
        } => !names_a_resource(body),
        _ => false,
    }
}

fn unsupported(field: &'static str, correlation_id: &str) -> ProviderError {
    ProviderError::UnsupportedByTenant {
        product: Product::Auth0,
        field,
        correlation_id: correlation_id.to_owned(),
    }
}

/// The options the old endpoints take, in both their bodies; an option left out is unchanged
/// (or Auth0's default, on an enable).
#[derive(Debug, Serialize)]
pub(crate) struct LegacyOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    assign_membership_on_login: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    show_as_button: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_signup_enabled: Option<bool>,
}

/// The old `POST …/enabled_connections` body. The old endpoints have no name, access level or
/// `is_enabled`: their defaults (no name, `none`, enabled) are what an old association is, so
/// asking for them changes nothing; asking for anything else is refused, not dropped.
#[derive(Debug, Serialize)]
pub(crate) struct LegacyEnable<'a> {
    connection_id: &'a ConnectionId,
    #[serde(flatten)]
    options: LegacyOptions,
}

impl<'a> LegacyEnable<'a> {
    pub(crate) fn of(
        request: &'a EnableConnection,
        correlation_id: &str,
    ) -> Result<Self, ProviderError> {
        if request.organization_connection_name.is_some() {
            return Err(unsupported("organization_connection_name", correlation_id));
        }
        if request
            .organization_access_level
            .is_some_and(|l| l != AccessLevel::None)
        {
            return Err(unsupported("organization_access_level", correlation_id));
        }
        if !request.is_enabled {
            return Err(unsupported("is_enabled", correlation_id));
        }
        Ok(Self {
            connection_id: &request.connection_id,
            options: LegacyOptions {
                assign_membership_on_login: request.assign_membership_on_login,
                show_as_button: request.show_as_button,
                is_signup_enabled: request.is_signup_enabled,
            },
        })
    }
}

impl LegacyOptions {
    /// The old `PATCH …/enabled_connections/{connectionId}` body, by the same rule as
    /// [`LegacyEnable`]: clearing the name, a `none` level and enabling are what an old
    /// association already is.
    pub(crate) fn update(
        update: &UpdateConnection,
        correlation_id: &str,
    ) -> Result<Self, ProviderError> {
        if matches!(update.organization_connection_name, Patch::Set(_)) {
            return Err(unsupported("organization_connection_name", correlation_id));
        }
        if matches!(update.organization_access_level, Patch::Set(l) if l != AccessLevel::None) {
            return Err(unsupported("organization_access_level", correlation_id));
        }
        if update.is_enabled == Patch::Set(false) {
            return Err(unsupported("is_enabled", correlation_id));
        }
        Ok(Self {
            assign_membership_on_login: update.assign_membership_on_login,
            show_as_button: update.show_as_button,
            is_signup_enabled: update.is_signup_enabled,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn legacy_enable_body(
        r: &EnableConnection,
        c: &str,
    ) -> Result<serde_json::Value, ProviderError> {
        LegacyEnable::of(r, c).map(|b| serde_json::to_value(b).unwrap())
    }

    fn legacy_update_body(
        u: &UpdateConnection,
        c: &str,
    ) -> Result<serde_json::Value, ProviderError> {
        LegacyOptions::update(u, c).map(|b| serde_json::to_value(b).unwrap())
    }

    fn api(status: u16, code: Option<&str>, message: &str) -> ProviderError {
        ProviderError::Api {
            product: Product::Auth0,
            status,
            body: ErrorBody {
                code: code.map(str::to_owned),
                message: message.to_owned(),
            },
            correlation_id: "c".into(),
            retry_after: None,
        }
    }

    #[test]
    fn a_missing_scope_or_a_missing_organization_is_not_a_missing_feature() {
        assert!(!new_endpoints_refused(&api(
            403,
            Some("insufficient_scope"),
            "Insufficient scope, expected any of: create:organization_connections"
        )));
        assert!(!new_endpoints_refused(&api(
            403,
            None,
            "Insufficient scope, expected any of: read:organization_connections"
        )));
        assert!(!new_endpoints_refused(&api(
            404,
            None,
            "No organization found by that id or name"
        )));
        assert!(!new_endpoints_refused(&api(
            404,
            None,
            "No connection found by that id"
        )));
        assert!(!new_endpoints_refused(&api(409, Some("conflict"), "x")));
    }

    #[test]
    fn a_feature_403_or_a_route_404_is() {
        assert!(new_endpoints_refused(&api(
            403,
            Some("operation_not_supported"),
            "The organization connections API is not enabled for this tenant."
        )));
        assert!(new_endpoints_refused(&api(403, None, "Forbidden")));
        assert!(new_endpoints_refused(&api(404, None, "Not Found")));
    }

    #[test]
    fn old_bodies_keep_the_shared_fields_and_refuse_the_new_ones() {
        let con = ConnectionId::parse("con_abc").unwrap();
        let mut r = EnableConnection::new(con.clone());
        r.assign_membership_on_login = Some(true);
        r.organization_access_level = Some(AccessLevel::None);
        assert_eq!(
            legacy_enable_body(&r, "c").unwrap(),
            serde_json::json!({"connection_id": "con_abc", "assign_membership_on_login": true})
        );
        r.is_enabled = false;
        assert!(matches!(
            legacy_enable_body(&r, "c"),
            Err(ProviderError::UnsupportedByTenant {
                field: "is_enabled",
                ..
            })
        ));
        let mut r = EnableConnection::new(con);
        r.organization_connection_name = Some("Partners".into());
        let err = legacy_enable_body(&r, "c").unwrap_err();
        assert!(
            err.to_string().contains("organization_connection_name"),
            "{err}"
        );

        let u = UpdateConnection {
            show_as_button: Some(false),
            organization_connection_name: Patch::Clear,
            is_enabled: Patch::Set(true),
            ..Default::default()
        };
        assert_eq!(
            legacy_update_body(&u, "c").unwrap(),
            serde_json::json!({"show_as_button": false})
        );
        let u = UpdateConnection {
            organization_access_level: Patch::Set(AccessLevel::Full),
            ..Default::default()
        };
        assert!(matches!(
            legacy_update_body(&u, "c"),
            Err(ProviderError::UnsupportedByTenant {
                field: "organization_access_level",
                ..
            })
        ));
    }
}

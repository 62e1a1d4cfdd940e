//! The Auth0 Management API v2 stand-in: `/oauth/token`, organizations, connections and the
//! connections enabled for an organization, on the new (`/connections`) and old
//! (`/enabled_connections`) endpoints.

mod access;
mod apps;
mod connections;
pub mod logs;
mod org_connections;
mod organizations;
mod paging;
pub mod seed;
pub mod seed_checks;
mod spread;
pub mod state;
mod token;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{get, post};

use crate::api_error::ApiError;
use crate::config::{Credentials, SandboxConfig};
use crate::json::{lock, reply};
use crate::ratelimit::BucketSpec;
use org_connections::{NewEndpoints, OldEndpoints};
use state::{Token, World};

/// Scopes of the full-access sandbox client.
pub const ALL_SCOPES: &[&str] = &[
    "read:organizations",
    "read:connections",
    "read:organization_connections",
    "create:organization_connections",
    "update:organization_connections",
    "delete:organization_connections",
    "read:clients",
    "read:organization_clients",
    "read:logs",
];
/// Scopes of the read-only sandbox client.
pub const READ_SCOPES: &[&str] = &[
    "read:organizations",
    "read:connections",
    "read:organization_connections",
    "read:clients",
    "read:organization_clients",
];

/// The tenant and its settings, shared by the handlers.
#[derive(Debug)]
pub struct Auth0 {
    pub world: Mutex<World>,
    pub credentials: Credentials,
    pub token_lifetime: Duration,
    pub write_bucket: BucketSpec,
    pub read_bucket: BucketSpec,
    /// Every Auth0 bucket by name, as configured.
    pub buckets: std::collections::BTreeMap<&'static str, BucketSpec>,
    pub time_scale: f64,
    pub organizations: usize,
    /// The seed of the tenant's ids (see `SandboxConfig::id_seed`).
    pub id_seed: u64,
    /// `http://127.0.0.1:port`, to check the token audience against.
    pub base_url: Mutex<String>,
    /// A tenant without the Early Access organization connections API (see `SandboxConfig`).
    legacy_only: AtomicBool,
}

impl Auth0 {
    pub fn new(config: &SandboxConfig) -> Arc<Self> {
        Arc::new(Self {
            world: Mutex::new(seed::world_with(config.organizations, config.id_seed)),
            credentials: config.credentials.clone(),
            token_lifetime: config.token_lifetime,
            write_bucket: config.write_bucket,
            read_bucket: config.read_bucket,
            buckets: BucketKind::ALL
                .iter()
                .filter_map(|k| Some((k.name(), config.bucket(k.name())?)))
                .collect(),
            time_scale: config.time_scale,
            organizations: config.organizations,
            id_seed: config.id_seed,
            base_url: Mutex::new(String::new()),
            legacy_only: AtomicBool::new(config.auth0_legacy_only),
        })
    }

    /// Whether the new `/organizations/{id}/connections` endpoints are refused (403).
    pub fn legacy_only(&self) -> bool {
        self.legacy_only.load(Ordering::Relaxed)
    }

    /// Turns the Early Access organization connections API off (`true`) or on for the tenant.
    pub fn set_legacy_only(&self, legacy_only: bool) {
        self.legacy_only.store(legacy_only, Ordering::Relaxed);
    }

    pub fn reset(&self) {
        *lock(&self.world) = seed::world_with(self.organizations, self.id_seed);
    }

    /// Adds an organization (what the Dashboard's "Create Organization" does), for tests that
    /// need two organizations with the same display name; its id. Refused, with the reason, for
    /// a name Auth0 would refuse: empty, over 50 characters, not lower-case letters, digits,
    /// `-` and `_`, or already taken.
    pub fn add_organization(&self, name: &str, display_name: &str) -> Result<String, String> {
        let valid = name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if name.is_empty() || name.chars().count() > 50 || !valid {
            return Err(format!(
                "{name:?} is not an organization name: 1 to 50 lower-case letters, digits, - and _"
            ));
        }
        let mut world = lock(&self.world);
        if world.orgs.iter().any(|o| o.name == name) {
            return Err(format!("an organization named {name:?} already exists"));
        }
        let id = format!("org_added{:08}", world.orgs.len());
        world.orgs.push(state::Org {
            id: id.clone(),
            name: name.to_owned(),
            display_name: display_name.to_owned(),
            is_app_entitlement_active: false,
            granted: Vec::new(),
        });
        Ok(id)
    }

    pub fn audience(&self) -> String {
        format!("{}/api/v2/", lock(&self.base_url))
    }

    /// Expires every token at once (tests of refresh on 401).
    pub fn expire_tokens(&self) {
        let past = Instant::now()
            .checked_sub(Duration::from_secs(1))
            .unwrap_or_else(Instant::now);
        for t in lock(&self.world).tokens.values_mut() {
            t.expires_at = past;
        }
    }
}

pub fn router(tenant: Arc<Auth0>) -> Router {
    Router::new()
        .route("/oauth/token", post(token::token))
        .route("/api/v2/organizations", get(organizations::list))
        .route(
            "/api/v2/organizations/name/{name}",
            get(organizations::by_name),
        )
        .route("/api/v2/organizations/{id}", get(organizations::get))
        .route(
            "/api/v2/organizations/{id}/clients",
            get(apps::organization_clients),
        )
        .route(
            "/api/v2/organizations/{id}/connections",
            get(org_connections::list::<NewEndpoints>).post(org_connections::add::<NewEndpoints>),
        )
        .route(
            "/api/v2/organizations/{id}/connections/{connection_id}",
            get(org_connections::get::<NewEndpoints>)
                .patch(org_connections::update::<NewEndpoints>)
                .delete(org_connections::remove::<NewEndpoints>),
        )
        .route(
            "/api/v2/organizations/{id}/enabled_connections",
            get(org_connections::list::<OldEndpoints>).post(org_connections::add::<OldEndpoints>),
        )
        .route(
            "/api/v2/organizations/{id}/enabled_connections/{connection_id}",
            get(org_connections::get::<OldEndpoints>)
                .patch(org_connections::update::<OldEndpoints>)
                .delete(org_connections::remove::<OldEndpoints>),
        )
        .route("/api/v2/connections", get(connections::list))
        .route("/api/v2/connections/{id}", get(connections::get))
        .route(
            "/api/v2/connections/{id}/clients",
            get(apps::connection_clients),
        )
        .route("/api/v2/clients", get(apps::list_clients))
        .route("/api/v2/logs", get(logs::list))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "Not Found", "Not Found", None) })
        .layer(axum::middleware::from_fn(access::with_rate_limit_headers))
        .with_state(tenant)
}

/// Auth0's error body.
pub fn error(status: StatusCode, error: &str, message: &str, code: Option<&str>) -> ApiError {
    let mut body =
        serde_json::json!({"statusCode": status.as_u16(), "error": error, "message": message});
    if let Some(code) = code {
        body["errorCode"] = code.into();
    }
    ApiError::from(reply(status, body))
}

pub fn bad_request(message: &str, code: &str) -> ApiError {
    error(StatusCode::BAD_REQUEST, "Bad Request", message, Some(code))
}

fn no_org() -> ApiError {
    error(
        StatusCode::NOT_FOUND,
        "Not Found",
        "No organization found by that id or name",
        None,
    )
}

fn inexistent_connection() -> ApiError {
    error(
        StatusCode::NOT_FOUND,
        "Not Found",
        "The connection does not exist",
        Some("inexistent_connection"),
    )
}

/// The bucket an operation draws from.
#[derive(Debug, Clone, Copy)]
pub enum BucketKind {
    /// Org-connection reads.
    Read,
    /// Org-connection writes.
    Write,
    Organizations,
    OrganizationById,
    OrganizationByName,
    Connections,
    Clients,
    Logs,
}

impl BucketKind {
    const ALL: [BucketKind; 8] = [
        BucketKind::Read,
        BucketKind::Write,
        BucketKind::Organizations,
        BucketKind::OrganizationById,
        BucketKind::OrganizationByName,
        BucketKind::Connections,
        BucketKind::Clients,
        BucketKind::Logs,
    ];

    /// Auth0's name for the group, as its tenant logs say it.
    pub fn name(self) -> &'static str {
        match self {
            BucketKind::Read => "organization_connections_read",
            BucketKind::Write => "organization_connections_write",
            BucketKind::Organizations => "organizations_read",
            BucketKind::OrganizationById => "organization_by_id_read",
            BucketKind::OrganizationByName => "organization_by_name_read",
            BucketKind::Connections => "connections_read",
            BucketKind::Clients => "clients_read",
            BucketKind::Logs => "logs_read",
        }
    }
}

/// The name a caller's client id goes by in the tenant logs.
pub fn client_name(tenant: &Auth0, client_id: &str) -> &'static str {
    if client_id == tenant.credentials.auth0_client_id {
        "Lanyard (sandbox)"
    } else if client_id == tenant.credentials.auth0_readonly_client_id {
        "Lanyard read-only (sandbox)"
    } else {
        ""
    }
}

/// Issues a token for a known client.
pub fn issue_token(tenant: &Auth0, client_id: &str, scopes: &[&str]) -> (String, u64) {
    let token = format!("sbx.{}", uuid::Uuid::new_v4().simple());
    let lifetime = tenant.token_lifetime;
    lock(&tenant.world).tokens.insert(
        token.clone(),
        Token {
            client_id: client_id.to_owned(),
            scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
            expires_at: crate::config::expiry(lifetime),
        },
    );
    (token, lifetime.as_secs())
}

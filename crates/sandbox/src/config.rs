//! How the sandbox is set up: seed size, token lifetime, rate-limit buckets, time scale, and the
//! credentials it accepts.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use crate::faults::{FaultRule, Product};
use crate::ratelimit::{self, BucketSpec};

#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Number of Auth0 organizations to seed (30 by default; 10,000 for benchmarks).
    pub organizations: usize,
    /// How long an issued access token lives: Auth0's client-credentials tokens and Hub's.
    pub token_lifetime: Duration,
    /// Auth0's org-connection write bucket (5 burst, 150 per minute by default).
    pub write_bucket: BucketSpec,
    /// Auth0's org-connection read bucket (10 burst, 100 per minute on Enterprise).
    pub read_bucket: BucketSpec,
    /// Other named buckets (see `ratelimit::BUCKETS`): `organizations_read`, `connections_read`,
    /// `zitadel`, `hub`… A name left out takes its default.
    pub buckets: BTreeMap<String, BucketSpec>,
    /// Speeds up bucket refill: 10.0 refills ten times faster, for tests.
    pub time_scale: f64,
    /// Fixed port base (auth0 = base, zitadel = base+1, hub = base+2, admin = base+3); 0 = any.
    pub port_base: u16,
    /// Fault rules in force from the start, per product.
    pub faults: Vec<(Product, FaultRule)>,
    /// Serve HTTPS with a CA generated at start (its PEM path is `Sandbox::ca_pem_path`).
    pub tls: bool,
    /// The Auth0 tenant behaves as one without the Early Access organization connections API:
    /// `/organizations/{id}/connections[/{connection_id}]` answer 403, and only the old
    /// `/enabled_connections` endpoints work (API-NOTES 1.1, 1.9). Also settable at run time
    /// (`Auth0::set_legacy_only`, admin port `PUT /auth0/legacy-only`).
    pub auth0_legacy_only: bool,
    pub credentials: Credentials,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            organizations: 30,
            token_lifetime: Duration::from_secs(86_400),
            write_bucket: ratelimit::WRITE_DEFAULT,
            read_bucket: ratelimit::READ_DEFAULT,
            buckets: BTreeMap::new(),
            time_scale: 1.0,
            port_base: 0,
            faults: Vec::new(),
            tls: false,
            auth0_legacy_only: false,
            credentials: Credentials::default(),
        }
    }
}

impl SandboxConfig {
    /// The spec of a named bucket; `None` = not rate-limited.
    pub fn bucket(&self, name: &str) -> Option<BucketSpec> {
        match name {
            "organization_connections_write" => Some(self.write_bucket),
            "organization_connections_read" => Some(self.read_bucket),
            _ => self
                .buckets
                .get(name)
                .copied()
                .or_else(|| ratelimit::default_spec(name, self.read_bucket, self.write_bucket)),
        }
    }
}

/// The credentials the sandbox accepts. Sandbox-only values: they open nothing real.
#[derive(Debug, Clone, Serialize)]
pub struct Credentials {
    pub auth0_client_id: String,
    pub auth0_client_secret: String,
    /// A client granted only the read scopes: every write answers 403 insufficient_scope.
    pub auth0_readonly_client_id: String,
    pub auth0_readonly_client_secret: String,
    /// A ZITADEL PAT of an IAM_OWNER service user.
    pub zitadel_pat: String,
    /// A ZITADEL PAT of an IAM_OWNER_VIEWER: reads work, writes answer 403.
    pub zitadel_viewer_pat: String,
    /// A Hub permanent token of a user with the System Admin role.
    pub hub_token: String,
    /// A Hub permanent token that can only read.
    pub hub_readonly_token: String,
    /// A Hub trusted service, for the OAuth client credentials grant at
    /// `POST /api/rest/oauth2/token` (HTTP Basic `service_id:service_secret`). Its tokens have
    /// the System Admin role, as the service would be granted in a real Hub.
    pub hub_service_id: String,
    pub hub_service_secret: String,
    /// The scope the token request must name: the id of the Hub service itself.
    pub hub_service_scope: String,
}

impl Default for Credentials {
    fn default() -> Self {
        Self {
            auth0_client_id: "sandbox-m2m-admin".into(),
            auth0_client_secret: "sandbox-secret-admin-7f3c9a".into(),
            auth0_readonly_client_id: "sandbox-m2m-readonly".into(),
            auth0_readonly_client_secret: "sandbox-secret-readonly-51be0d".into(),
            zitadel_pat: "sandbox-zitadel-owner-pat-3b8e".into(),
            zitadel_viewer_pat: "sandbox-zitadel-viewer-pat-92ac".into(),
            hub_token: "perm:c2FuZGJveA==.YWRtaW4=.sandbox-hub-admin".into(),
            hub_readonly_token: "perm:c2FuZGJveA==.cmVhZGVy.sandbox-hub-readonly".into(),
            hub_service_id: "5d1a6c0e-7a3b-4c9e-9f20-5a4db0c0ffee".into(),
            hub_service_secret: "sandbox-hub-service-secret-6e2f1b".into(),
            hub_service_scope: "0-0-0-0-0".into(),
        }
    }
}

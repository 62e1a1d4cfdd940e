//! How the sandbox is set up: seed size, token lifetime, rate-limit buckets, time scale, and the
//! credentials it accepts.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use crate::error::SandboxError;
use crate::faults::{FaultRule, Product};
use crate::ratelimit::{self, BucketSpec};

/// The longest token lifetime a sandbox takes (an `Instant` far ahead can overflow).
pub const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(30 * 86_400);
/// When a token issued now with `lifetime` expires (capped at `MAX_TOKEN_LIFETIME`).
pub fn expiry(lifetime: Duration) -> std::time::Instant {
    let now = std::time::Instant::now();
    now.checked_add(lifetime.min(MAX_TOKEN_LIFETIME))
        .unwrap_or(now)
}

/// The most Auth0 organizations a sandbox seeds.
/// The seed of the ids the Auth0 tenant's connections and organizations get by default
/// (`SandboxConfig::id_seed`): the ids every other test and the demo know.
pub const DEFAULT_ID_SEED: u64 = 0x1a_4a7d;

pub const MAX_ORGANIZATIONS: usize = 100_000;

#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Number of Auth0 organizations to seed (30 by default; 10,000 for benchmarks).
    pub organizations: usize,
    /// The seed of the Auth0 tenant's connection and organization ids. The names and wiring
    /// are the same whatever the seed; two sandboxes with different seeds are two tenants with
    /// different ids for the same names (staging and production, for compare tests).
    pub id_seed: u64,
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
            id_seed: DEFAULT_ID_SEED,
            token_lifetime: Duration::from_secs(86_400),
            write_bucket: ratelimit::WRITE_DEFAULT,
            read_bucket: ratelimit::READ_DEFAULT,
            buckets: BTreeMap::new(),
            time_scale: 1.0,
            port_base: 0,
            faults: Vec::new(),
            tls: false,
            auth0_legacy_only: false,
            credentials: Credentials::generate(),
        }
    }
}

impl SandboxConfig {
    /// Settings that would make the sandbox misbehave (an overflow, a refill that never comes),
    /// named by field.
    pub fn check(&self) -> Result<(), SandboxError> {
        let bad =
            |field: &str, problem: &str| Err(SandboxError::Config(format!("{field}: {problem}")));
        if !(self.time_scale.is_finite() && (0.001..=100_000.0).contains(&self.time_scale)) {
            return bad("time_scale", "must be a number from 0.001 to 100000");
        }
        if self.port_base != 0 && self.port_base > u16::MAX - 3 {
            return bad("port_base", "needs four ports: at most 65532");
        }
        if self.token_lifetime > MAX_TOKEN_LIFETIME {
            return bad("token_lifetime", "at most 30 days");
        }
        if self.organizations > MAX_ORGANIZATIONS {
            return bad("organizations", "at most 100000");
        }
        let buckets = [
            ("write_bucket", &self.write_bucket),
            ("read_bucket", &self.read_bucket),
        ];
        for (name, spec) in buckets
            .into_iter()
            .chain(self.buckets.iter().map(|(n, s)| (n.as_str(), s)))
        {
            if spec.per_minute == 0 || spec.burst == 0 {
                return bad(name, "burst and per-minute rate must be at least 1");
            }
        }
        for (product, rule) in &self.faults {
            rule.check()
                .map_err(|e| SandboxError::Config(format!("{product:?} fault: {e}")))?;
        }
        Ok(())
    }

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

/// The credentials the sandbox accepts: generated at start (`Credentials::generate`), so no two
/// sandboxes share them. They open nothing real.
#[derive(Clone, Serialize)]
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

impl Credentials {
    /// Fresh random credentials, made at each start and kept in memory only: a sandbox on a
    /// shared machine opens nothing for someone who read the source.
    pub fn generate() -> Self {
        Self {
            auth0_client_id: random_token(32),
            auth0_client_secret: random_token(64),
            auth0_readonly_client_id: random_token(32),
            auth0_readonly_client_secret: random_token(64),
            zitadel_pat: random_token(48),
            zitadel_viewer_pat: random_token(48),
            // Hub's shape: `perm:<base64 login>.<base64 token name>.<random>`.
            hub_token: format!("perm:c2FuZGJveA==.YWRtaW4=.{}", random_token(40)),
            hub_readonly_token: format!("perm:c2FuZGJveA==.cmVhZGVy.{}", random_token(40)),
            hub_service_id: uuid::Uuid::new_v4().to_string(),
            hub_service_secret: random_token(40),
            // The id of the Hub service itself, not a secret.
            hub_service_scope: "0-0-0-0-0".into(),
        }
    }
}

/// `len` random letters and digits from the OS-seeded generator.
pub fn random_token(len: usize) -> String {
    use rand::Rng;
    use rand::distr::Alphanumeric;
    rand::rng()
        .sample_iter(Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

impl std::fmt::Debug for Credentials {
    /// Names only: the values are secrets even in a sandbox.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("auth0_client_id", &self.auth0_client_id)
            .field("hub_service_id", &self.hub_service_id)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_that_would_overflow_are_refused_by_name() {
        let refused = |change: fn(&mut SandboxConfig)| {
            let mut c = SandboxConfig::default();
            change(&mut c);
            c.check().map_err(|e| e.to_string()).err()
        };
        assert_eq!(refused(|_| {}), None);
        let t = refused(|c| c.time_scale = f64::NAN).unwrap_or_default();
        assert!(t.contains("time_scale"), "{t}");
        assert!(refused(|c| c.time_scale = -1.0).is_some());
        let p = refused(|c| c.port_base = 65_535).unwrap_or_default();
        assert!(p.contains("port_base"), "{p}");
        assert!(refused(|c| c.token_lifetime = Duration::MAX).is_some());
        assert!(refused(|c| c.write_bucket.per_minute = 0).is_some());
        let f = refused(|c| {
            let mut rule = FaultRule::new(crate::Fault::Reset);
            rule.every = Some(0);
            c.faults.push((Product::Hub, rule));
        })
        .unwrap_or_default();
        assert!(f.contains("every"), "{f}");
    }

    #[test]
    fn expiry_never_overflows() {
        let _ = expiry(Duration::MAX);
    }
}

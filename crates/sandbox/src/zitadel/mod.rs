//! The ZITADEL stand-in: the instance login policy's identity providers (Admin API v1) and an
//! organization's (Management API v1 with `x-zitadel-orgid`), IdP templates and organizations,
//! with grpc-gateway's JSON (camelCase, zero values left out, 64-bit numbers as strings) and
//! ZITADEL's error bodies.

mod bodies;
mod catalog;
mod instance;
mod organization;
mod policy;
mod world;

use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{delete, get, post};
use serde_json::json;

use crate::api_error::ApiError;
use crate::config::{Credentials, SandboxConfig};
use crate::extract::{ChecksPermission, bearer};
use crate::json::{lock, reply};
use crate::ratelimit::{Bucket, BucketSpec};
pub use world::{Idp, PolicySettings, ZOrg, ZWorld, seed};

#[derive(Debug)]
pub struct Zitadel {
    pub world: Mutex<ZWorld>,
    pub credentials: Credentials,
    /// ZITADEL Cloud's per-IP limit; every caller here shares 127.0.0.1.
    limiter: Mutex<Option<Bucket>>,
    limit: Option<(BucketSpec, f64)>,
}

impl Zitadel {
    pub fn new(config: &SandboxConfig) -> Arc<Self> {
        let limit = config.bucket("zitadel").map(|b| (b, config.time_scale));
        Arc::new(Self {
            world: Mutex::new(seed()),
            credentials: config.credentials.clone(),
            limiter: Mutex::new(limit.map(|(b, scale)| Bucket::new(b, scale, Instant::now()))),
            limit,
        })
    }

    pub fn reset(&self) {
        *lock(&self.world) = seed();
        *lock(&self.limiter) = self
            .limit
            .map(|(b, scale)| Bucket::new(b, scale, Instant::now()));
    }

    /// ZITADEL answers a 429 with no rate-limit headers at all.
    fn rate_limited(&self) -> Result<(), ApiError> {
        let mut limiter = lock(&self.limiter);
        let Some(bucket) = limiter.as_mut() else {
            return Ok(());
        };
        if bucket.take(Instant::now()).allowed {
            return Ok(());
        }
        Err(error(
            8,
            "QUOTA-vjAy8",
            "The quota for authenticated requests is exhausted",
        ))
    }
}

/// The rate limit, then the PAT; a write needs IAM_OWNER.
impl ChecksPermission for Zitadel {
    fn check_permission(&self, headers: &HeaderMap, write: bool) -> Result<(), ApiError> {
        self.rate_limited()?;
        let c = &self.credentials;
        match bearer(headers) {
            Some(t) if t == c.zitadel_pat => Ok(()),
            Some(t) if t == c.zitadel_viewer_pat && !write => Ok(()),
            Some(t) if t == c.zitadel_viewer_pat => {
                Err(error(7, "AUTH-5mWD2", "No matching permissions found"))
            }
            _ => Err(error(16, "AUTH-7fs1e", "Errors.Token.Invalid")),
        }
    }
}

pub fn router(z: Arc<Zitadel>) -> Router {
    Router::new()
        .route(
            "/admin/v1/policies/login",
            get(instance::get_policy).put(policy::update_instance),
        )
        .route(
            "/admin/v1/policies/login/idps/_search",
            post(instance::search_links),
        )
        .route("/admin/v1/policies/login/idps", post(instance::link))
        .route(
            "/admin/v1/policies/login/idps/{idp_id}",
            delete(instance::unlink),
        )
        .route(
            "/admin/v1/idps/templates/_search",
            post(catalog::search_templates),
        )
        .route("/admin/v1/idps/templates/{id}", get(catalog::get_template))
        .route("/admin/v1/orgs/_search", post(catalog::search_orgs))
        .route(
            "/management/v1/policies/login",
            get(organization::get_policy)
                .put(policy::update_org)
                .post(policy::add_org)
                .delete(policy::reset_org),
        )
        .route(
            "/management/v1/policies/login/idps/_search",
            post(organization::search_links),
        )
        .route(
            "/management/v1/policies/login/idps",
            post(organization::link),
        )
        .route(
            "/management/v1/policies/login/idps/{idp_id}",
            delete(organization::unlink),
        )
        .fallback(|| async {
            reply(
                StatusCode::NOT_FOUND,
                json!({"code": 5, "message": "Not Found"}),
            )
        })
        .method_not_allowed_fallback(|| async {
            reply(
                StatusCode::METHOD_NOT_ALLOWED,
                json!({"code": 12, "message": "Method Not Allowed"}),
            )
        })
        .with_state(z)
}

/// ZITADEL's error body with the HTTP status grpc-gateway maps the gRPC code to.
fn error(code: u16, id: &str, message: &str) -> ApiError {
    let status = match code {
        3 | 9 => StatusCode::BAD_REQUEST,
        5 => StatusCode::NOT_FOUND,
        6 | 10 => StatusCode::CONFLICT,
        7 => StatusCode::FORBIDDEN,
        8 => StatusCode::TOO_MANY_REQUESTS,
        16 => StatusCode::UNAUTHORIZED,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    ApiError::from(reply(
        status,
        json!({"code": code, "message": format!("{message} ({id})"), "details": [{"@type": "type.googleapis.com/zitadel.v1.ErrorDetail", "id": id, "message": message}]}),
    ))
}

//! The admin port: faults, true state and reset, for tests and people trying things out.
//!
//! Every request needs `Authorization: Bearer <admin token>` (`Sandbox::admin_token`, made at
//! start) and a loopback `Host` (see `guard`).
//!
//! `PUT /faults/{product}` (a JSON list of rules), `DELETE /faults/{product}`,
//! `GET /state/{product}`, `POST /reset`, `POST /expire-tokens` (Auth0's and Hub's issued
//! tokens), `PUT /auth0/legacy-only` (`true` or `false`: the tenant without the Early Access
//! organization connections API, see `SandboxConfig::auth0_legacy_only`).

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};

use crate::auth0::Auth0;
use crate::faults::{FaultRule, Faults, Product};
use crate::hub::Hub;
use crate::json::{lock, reply};
use crate::server::Sandbox;
use crate::zitadel::Zitadel;

#[derive(Clone)]
struct Admin {
    auth0: Arc<Auth0>,
    zitadel: Arc<Zitadel>,
    hub: Arc<Hub>,
    faults: [Faults; 3],
}

impl Admin {
    fn faults(&self, p: Product) -> &Faults {
        match p {
            Product::Auth0 => &self.faults[0],
            Product::Zitadel => &self.faults[1],
            Product::Hub => &self.faults[2],
        }
    }
}

pub fn router(sandbox: &Sandbox) -> Router {
    let admin = Admin {
        auth0: sandbox.auth0.clone(),
        zitadel: sandbox.zitadel.clone(),
        hub: sandbox.hub.clone(),
        faults: [
            sandbox.faults(Product::Auth0).clone(),
            sandbox.faults(Product::Zitadel).clone(),
            sandbox.faults(Product::Hub).clone(),
        ],
    };
    Router::new()
        .route(
            "/faults/{product}",
            put(set_faults).delete(clear_faults).get(list_faults),
        )
        .route("/state/{product}", get(state))
        .route("/reset", post(reset))
        .route("/expire-tokens", post(expire_tokens))
        .route("/auth0/legacy-only", put(set_legacy_only).get(legacy_only))
        .with_state(admin)
        .layer(axum::middleware::from_fn_with_state(
            crate::guard::AdminToken(sandbox.admin_token().to_owned()),
            crate::guard::admin_token,
        ))
}

fn product(name: &str) -> Result<Product, Response> {
    Product::parse(name).ok_or_else(|| {
        reply(
            StatusCode::NOT_FOUND,
            serde_json::json!({"error": "unknown product; use auth0, zitadel or hub"}),
        )
    })
}

async fn set_faults(
    State(a): State<Admin>,
    Path(p): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let p = match product(&p) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let rules = match serde_json::from_slice::<Vec<FaultRule>>(&body) {
        Ok(rules) => rules,
        Err(err) => {
            return reply(
                StatusCode::BAD_REQUEST,
                serde_json::json!({"error": err.to_string()}),
            );
        }
    };
    for (i, rule) in rules.iter().enumerate() {
        if let Err(e) = rule.check() {
            return reply(
                StatusCode::BAD_REQUEST,
                serde_json::json!({"error": format!("rule {i}: {e}"), "field": format!("[{i}].{}", e.field)}),
            );
        }
    }
    a.faults(p).set(rules);
    StatusCode::NO_CONTENT.into_response()
}

async fn clear_faults(State(a): State<Admin>, Path(p): Path<String>) -> Response {
    match product(&p) {
        Ok(p) => {
            a.faults(p).clear();
            StatusCode::NO_CONTENT.into_response()
        }
        Err(r) => r,
    }
}

async fn list_faults(State(a): State<Admin>, Path(p): Path<String>) -> Response {
    match product(&p) {
        Ok(p) => reply(
            StatusCode::OK,
            serde_json::to_value(a.faults(p).list()).unwrap_or_default(),
        ),
        Err(r) => r,
    }
}

async fn state(State(a): State<Admin>, Path(p): Path<String>) -> Response {
    let value = match product(&p) {
        Ok(Product::Auth0) => lock(&a.auth0.world).dump(),
        Ok(Product::Zitadel) => serde_json::to_value(&*lock(&a.zitadel.world)).unwrap_or_default(),
        Ok(Product::Hub) => serde_json::to_value(&*lock(&a.hub.world)).unwrap_or_default(),
        Err(r) => return r,
    };
    reply(StatusCode::OK, value)
}

async fn reset(State(a): State<Admin>) -> Response {
    a.auth0.reset();
    a.zitadel.reset();
    a.hub.reset();
    for f in &a.faults {
        f.clear();
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn expire_tokens(State(a): State<Admin>) -> Response {
    a.auth0.expire_tokens();
    a.hub.expire_tokens();
    StatusCode::NO_CONTENT.into_response()
}

async fn set_legacy_only(State(a): State<Admin>, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<bool>(&body) {
        Ok(on) => {
            a.auth0.set_legacy_only(on);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(_) => reply(
            StatusCode::BAD_REQUEST,
            serde_json::json!({"error": "send true or false"}),
        ),
    }
}

async fn legacy_only(State(a): State<Admin>) -> Response {
    reply(StatusCode::OK, serde_json::json!(a.auth0.legacy_only()))
}

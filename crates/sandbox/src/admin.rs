//! The admin port: faults, true state and reset, for tests and people trying things out.
//!
//! Every request needs `Authorization: Bearer <admin token>` (`Sandbox::admin_token`, made at
//! start) and a loopback `Host` (see `guard`).
//!
//! `PUT /faults/{product}` (a JSON list of rules), `DELETE /faults/{product}`,
//! `GET /state/{product}`, `GET /requests/{product}` (counts by method and path; `DELETE`
//! clears them), `POST /reset`, `POST /expire-tokens` (Auth0's and Hub's issued
//! tokens), `PUT /auth0/legacy-only` (`true` or `false`: the tenant without the Early Access
//! organization connections API, see `SandboxConfig::auth0_legacy_only`), `POST
//! /auth0/organizations` (`{"name": …, "display_name": …}`: a new organization, e.g. a second
//! one with an existing display name; answers its id).

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};

use crate::auth0::Auth0;
use crate::faults::{FaultRule, Faults, Product};
use crate::guard::AdminToken;
use crate::hub::Hub;
use crate::json::{lock, reply};
use crate::requests::Requests;
use crate::zitadel::Zitadel;

/// What the admin port works on: the three products and their fault rules.
#[derive(Debug, Clone)]
pub struct Products {
    pub auth0: Arc<Auth0>,
    pub zitadel: Arc<Zitadel>,
    pub hub: Arc<Hub>,
    pub faults: [Faults; 3],
    /// What each server received, counted by method and path.
    pub requests: [Requests; 3],
}

impl Products {
    /// The fault rules of one product's server.
    pub fn faults(&self, p: Product) -> &Faults {
        match p {
            Product::Auth0 => &self.faults[0],
            Product::Zitadel => &self.faults[1],
            Product::Hub => &self.faults[2],
        }
    }

    /// The request counts of one product's server.
    pub fn requests(&self, p: Product) -> &Requests {
        match p {
            Product::Auth0 => &self.requests[0],
            Product::Zitadel => &self.requests[1],
            Product::Hub => &self.requests[2],
        }
    }

    /// The true state of one product.
    pub fn state(&self, p: Product) -> serde_json::Value {
        match p {
            Product::Auth0 => lock(&self.auth0.world).dump(),
            Product::Zitadel => {
                serde_json::to_value(&*lock(&self.zitadel.world)).unwrap_or_default()
            }
            Product::Hub => serde_json::to_value(&*lock(&self.hub.world)).unwrap_or_default(),
        }
    }

    /// Back to the seed, faults cleared.
    pub fn reset(&self) {
        self.auth0.reset();
        self.zitadel.reset();
        self.hub.reset();
        for f in &self.faults {
            f.clear();
        }
        for r in &self.requests {
            r.clear();
        }
    }
}

/// The admin port's routes, behind the admin token.
pub fn router(products: Products, token: AdminToken) -> Router {
    Router::new()
        .route(
            "/faults/{product}",
            put(set_faults).delete(clear_faults).get(list_faults),
        )
        .route("/state/{product}", get(state))
        .route(
            "/requests/{product}",
            get(request_counts).delete(clear_request_counts),
        )
        .route("/reset", post(reset))
        .route("/expire-tokens", post(expire_tokens))
        .route("/auth0/legacy-only", put(set_legacy_only).get(legacy_only))
        .route("/auth0/organizations", post(add_organization))
        .with_state(products)
        .layer(axum::middleware::from_fn_with_state(
            token,
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
    State(a): State<Products>,
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

async fn clear_faults(State(a): State<Products>, Path(p): Path<String>) -> Response {
    match product(&p) {
        Ok(p) => {
            a.faults(p).clear();
            StatusCode::NO_CONTENT.into_response()
        }
        Err(r) => r,
    }
}

async fn list_faults(State(a): State<Products>, Path(p): Path<String>) -> Response {
    match product(&p) {
        Ok(p) => reply(
            StatusCode::OK,
            serde_json::to_value(a.faults(p).list()).unwrap_or_default(),
        ),
        Err(r) => r,
    }
}

async fn state(State(a): State<Products>, Path(p): Path<String>) -> Response {
    match product(&p) {
        Ok(p) => reply(StatusCode::OK, a.state(p)),
        Err(r) => r,
    }
}

async fn request_counts(State(a): State<Products>, Path(p): Path<String>) -> Response {
    match product(&p) {
        Ok(p) => reply(
            StatusCode::OK,
            serde_json::to_value(a.requests(p).counts()).unwrap_or_default(),
        ),
        Err(r) => r,
    }
}

async fn clear_request_counts(State(a): State<Products>, Path(p): Path<String>) -> Response {
    match product(&p) {
        Ok(p) => {
            a.requests(p).clear();
            StatusCode::NO_CONTENT.into_response()
        }
        Err(r) => r,
    }
}

async fn reset(State(a): State<Products>) -> Response {
    a.reset();
    StatusCode::NO_CONTENT.into_response()
}

async fn expire_tokens(State(a): State<Products>) -> Response {
    a.auth0.expire_tokens();
    a.hub.expire_tokens();
    StatusCode::NO_CONTENT.into_response()
}

async fn set_legacy_only(State(a): State<Products>, body: axum::body::Bytes) -> Response {
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

async fn legacy_only(State(a): State<Products>) -> Response {
    reply(StatusCode::OK, serde_json::json!(a.auth0.legacy_only()))
}

async fn add_organization(State(a): State<Products>, body: axum::body::Bytes) -> Response {
    #[derive(serde::Deserialize)]
    struct New {
        name: String,
        display_name: String,
    }
    let Ok(new) = serde_json::from_slice::<New>(&body) else {
        return reply(
            StatusCode::BAD_REQUEST,
            serde_json::json!({"error": "send {\"name\": …, \"display_name\": …}"}),
        );
    };
    match a.auth0.add_organization(&new.name, &new.display_name) {
        Ok(id) => reply(StatusCode::CREATED, serde_json::json!({"id": id})),
        Err(error) => reply(StatusCode::BAD_REQUEST, serde_json::json!({"error": error})),
    }
}

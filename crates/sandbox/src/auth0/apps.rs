//! Applications and what the warnings read about them (API-NOTES-WARNINGS §1, §2):
//! `GET /connections/{id}/clients` (checkpoint paging only, `take` 1–1000, default 50; `clients`
//! and `next` only while more remain), `GET /clients` (offset or checkpoint paging, `fields`,
//! `is_global`; `organization_usage` and `organization_require_behavior` left out when never
//! set, and readable only with `read:clients`), and an organization's granted applications
//! (`GET /organizations/{id}/clients`, Early Access; its scope `read:organization_clients` is
//! inferred).

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::access::{Authorized, Requirement};
use super::connections::ReadConnections;
use super::paging::{self, param};
use super::state::App;
use super::{Auth0, BucketKind, bad_request, inexistent_connection, no_org};
use crate::api_error::ApiError;
use crate::json::{lock, reply};

pub struct ReadClients;
impl Requirement for ReadClients {
    const SCOPE: &'static str = "read:clients";
    const BUCKET: BucketKind = BucketKind::Clients;
}

pub struct ReadOrganizationClients;
impl Requirement for ReadOrganizationClients {
    const SCOPE: &'static str = "read:organization_clients";
    const BUCKET: BucketKind = BucketKind::OrganizationById;
}

/// A checkpoint page of `items` under `key`: `from` is an index as a decimal string here (Auth0's
/// are opaque), `take` within `1..=max`.
fn checkpoint(
    q: &[(String, String)],
    items: Vec<Value>,
    key: &str,
    max: usize,
) -> Result<Value, ApiError> {
    let take = match param(q, "take") {
        None => 50,
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| {
                bad_request(
                    &format!(
                        "Query validation error: 'take' must be an integer between 1 and {max}"
                    ),
                    "invalid_query_string",
                )
            })?,
    };
    let from = match param(q, "from") {
        None => 0,
        Some(v) => v
            .strip_prefix("ck")
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| {
                bad_request(
                    "Query validation error: 'from' is not a valid checkpoint",
                    "invalid_query_string",
                )
            })?,
    };
    let total = items.len();
    let slice: Vec<Value> = items.into_iter().skip(from).take(take).collect();
    let mut body = json!({ key: slice });
    if from + take < total {
        body["next"] = format!("ck{}", from + take).into();
    }
    Ok(body)
}

pub async fn connection_clients(
    State(t): State<Arc<Auth0>>,
    Path(id): Path<String>,
    Query(q): paging::Params,
    _: Authorized<ReadConnections>,
) -> Result<Response, ApiError> {
    let items: Vec<Value> = {
        let w = lock(&t.world);
        let conn = w.connection(&id).ok_or_else(inexistent_connection)?;
        conn.clients
            .iter()
            .map(|c| json!({"client_id": c}))
            .collect()
    };
    Ok(reply(
        StatusCode::OK,
        checkpoint(&q, items, "clients", 1000)?,
    ))
}

fn app_json(a: &App) -> Value {
    let mut v = json!({"client_id": a.client_id, "name": a.name, "app_type": a.app_type,
        "global": a.global, "is_first_party": true});
    if let Some(usage) = &a.organization_usage {
        v["organization_usage"] = usage.clone().into();
    }
    if let Some(behavior) = &a.organization_require_behavior {
        v["organization_require_behavior"] = behavior.clone().into();
    }
    v
}

/// `fields` with `include_fields=true` keeps only those fields (Auth0's projection).
fn project(mut v: Value, q: &[(String, String)]) -> Value {
    let Some(fields) = param(q, "fields") else {
        return v;
    };
    let keep: Vec<&str> = fields.split(',').map(str::trim).collect();
    let include = param(q, "include_fields") != Some("false");
    if let Value::Object(map) = &mut v {
        map.retain(|k, _| keep.contains(&k.as_str()) == include);
    }
    v
}

pub async fn list_clients(
    State(t): State<Arc<Auth0>>,
    Query(q): paging::Params,
    _: Authorized<ReadClients>,
) -> Result<Response, ApiError> {
    let mode = paging::mode(&q, 50, true)?;
    let is_global = match param(&q, "is_global") {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => {
            return Err(bad_request(
                "Query validation error: 'is_global' must be a boolean",
                "invalid_query_string",
            ));
        }
    };
    let items: Vec<Value> = lock(&t.world)
        .apps
        .iter()
        .filter(|a| is_global.is_none_or(|g| a.global == g))
        .map(|a| project(app_json(a), &q))
        .collect();
    Ok(reply(
        StatusCode::OK,
        paging::page(items, "clients", mode, false)?,
    ))
}

pub async fn organization_clients(
    State(t): State<Arc<Auth0>>,
    Path(id): Path<String>,
    Query(q): paging::Params,
    _: Authorized<ReadOrganizationClients>,
) -> Result<Response, ApiError> {
    let items: Vec<Value> = {
        let w = lock(&t.world);
        let org = w.org(&id).ok_or_else(no_org)?;
        org.granted
            .iter()
            .map(|(client_id, member)| {
                let app = w.apps.iter().find(|a| &a.client_id == client_id);
                json!({"client_id": client_id, "use_for_member_access": member,
                    "client": {"name": app.map(|a| a.name.as_str()).unwrap_or_default(),
                        "is_first_party": true,
                        "grant_types": ["authorization_code", "refresh_token"],
                        "organization_usage": app.and_then(|a| a.organization_usage.as_deref()).unwrap_or("deny")}})
            })
            .collect()
    };
    Ok(reply(
        StatusCode::OK,
        checkpoint(&q, items, "clients", 100)?,
    ))
}

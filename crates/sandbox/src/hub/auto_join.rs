//! A module's auto-join groups: `/api/rest/authmodules/{id}/autojoingroups[/{group_id}]`.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::auth_modules::{find_module, find_module_mut};
use super::groups::{group_json, no_group};
use super::page::{Params, page, projected};
use super::{Hub, bad_request, not_found};
use crate::api_error::ApiError;
use crate::extract::{BodyThen, CanRead, CanWrite};
use crate::json::lock;

fn not_auto_join(gid: &str) -> ApiError {
    not_found(&format!(
        "User group {gid} is not an auto-join group of this module"
    ))
}

pub async fn list(
    State(hub): State<Arc<Hub>>,
    Path(id): Path<String>,
    Query(q): Params,
    _: CanRead,
) -> Result<Response, ApiError> {
    let w = lock(&hub.world);
    let m = find_module(&w, &id)?;
    let items = m
        .auto_join
        .iter()
        .filter_map(|gid| w.groups.iter().find(|g| &g.id == gid))
        .map(group_json)
        .collect();
    page(items, &q, "autojoingroups")
}

pub async fn get(
    State(hub): State<Arc<Hub>>,
    Path((id, gid)): Path<(String, String)>,
    Query(q): Params,
    _: CanRead,
) -> Result<Response, ApiError> {
    let w = lock(&hub.world);
    let m = find_module(&w, &id)?;
    let group = m
        .auto_join
        .iter()
        .find(|g| **g == gid)
        .and_then(|g| w.groups.iter().find(|x| &x.id == g))
        .ok_or_else(|| not_auto_join(&gid))?;
    projected(group_json(group), &q)
}

pub async fn add(
    State(hub): State<Arc<Hub>>,
    Path(id): Path<String>,
    Query(q): Params,
    BodyThen(body, _): BodyThen<CanWrite>,
) -> Result<Response, ApiError> {
    let body = serde_json::from_slice::<Value>(&body)
        .map_err(|_| bad_request("Can't parse JSON: expected a user group"))?;
    let gid = body["id"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| bad_request("Invalid structure of entity id: the user group needs an id"))?;
    let mut w = lock(&hub.world);
    let group = w
        .groups
        .iter()
        .find(|g| g.id == gid)
        .cloned()
        .ok_or_else(|| no_group(&gid))?;
    let m = find_module_mut(&mut w, &id)?;
    // Adding a group that is already there leaves one copy (set semantics).
    if !m.auto_join.contains(&gid) {
        m.auto_join.push(gid.clone());
        *w.writes.entry(format!("{id}/{gid}")).or_default() += 1;
    }
    projected(group_json(&group), &q)
}

pub async fn remove(
    State(hub): State<Arc<Hub>>,
    Path((id, gid)): Path<(String, String)>,
    _: CanWrite,
) -> Result<Response, ApiError> {
    let mut w = lock(&hub.world);
    let m = find_module_mut(&mut w, &id)?;
    let before = m.auto_join.len();
    m.auto_join.retain(|g| g != &gid);
    if m.auto_join.len() == before {
        return Err(not_auto_join(&gid));
    }
    Ok(StatusCode::OK.into_response())
}

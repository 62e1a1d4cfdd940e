//! Auth modules: `GET /api/rest/authmodules[/{id}]`, and `POST /api/rest/authmodules/{id}`,
//! Hub's update of the fields sent.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde_json::{Value, json};

use super::groups::{group_json, no_group};
use super::page::{Params, page, projected};
use super::world::{HubWorld, Module};
use super::{Hub, bad_request, not_found};
use crate::api_error::ApiError;
use crate::extract::{BodyThen, CanRead, CanWrite};
use crate::json::lock;

pub fn module_json(w: &HubWorld, m: &Module) -> Value {
    let groups: Vec<Value> = m
        .auto_join
        .iter()
        .filter_map(|id| w.groups.iter().find(|g| &g.id == id))
        .map(group_json)
        .collect();
    let mut v = json!({"$type": m.kind, "id": m.id, "name": m.name, "type": m.kind, "disabled": m.disabled, "isDefault": m.ordinal == 0, "ordinal": m.ordinal, "autoJoinGroups": groups});
    // The built-in module's switch is `registrationEnabled`; external modules extend
    // userCreationAuthModule's `allowedCreateNewUsers` (API-NOTES-WARNINGS §10).
    let key = if m.kind == "CoreauthmoduleJSON" {
        "registrationEnabled"
    } else {
        "allowedCreateNewUsers"
    };
    v[key] = m.creates_users.into();
    v
}

fn no_module(id: &str) -> ApiError {
    not_found(&format!("Auth module {id} not found"))
}

/// The module with this id, or Hub's 404.
pub fn find_module<'w>(w: &'w HubWorld, id: &str) -> Result<&'w Module, ApiError> {
    w.modules
        .iter()
        .find(|m| m.id == id)
        .ok_or_else(|| no_module(id))
}

/// The module with this id, to change, or Hub's 404.
pub fn find_module_mut<'w>(w: &'w mut HubWorld, id: &str) -> Result<&'w mut Module, ApiError> {
    w.modules
        .iter_mut()
        .find(|m| m.id == id)
        .ok_or_else(|| no_module(id))
}

pub async fn list(
    State(hub): State<Arc<Hub>>,
    Query(q): Params,
    _: CanRead,
) -> Result<Response, ApiError> {
    let w = lock(&hub.world);
    page(
        w.modules.iter().map(|m| module_json(&w, m)).collect(),
        &q,
        "authmodules",
    )
}

pub async fn get(
    State(hub): State<Arc<Hub>>,
    Path(id): Path<String>,
    Query(q): Params,
    _: CanRead,
) -> Result<Response, ApiError> {
    let w = lock(&hub.world);
    projected(module_json(&w, find_module(&w, &id)?), &q)
}

/// Hub updates an entity with a POST of the fields to change; `autoJoinGroups` replaces the list.
pub async fn update(
    State(hub): State<Arc<Hub>>,
    Path(id): Path<String>,
    Query(q): Params,
    BodyThen(body, _): BodyThen<CanWrite>,
) -> Result<Response, ApiError> {
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&body) else {
        return Err(bad_request("Can't parse JSON: expected an auth module"));
    };
    let mut w = lock(&hub.world);
    let index = w
        .modules
        .iter()
        .position(|m| m.id == id)
        .ok_or_else(|| no_module(&id))?;
    let mut next = w.modules[index].clone();
    if let Some(v) = body.get("name") {
        match v.as_str().map(str::trim) {
            Some(n) if !n.is_empty() => n.clone_into(&mut next.name),
            _ => return Err(bad_request("Auth module name should not be empty")),
        }
    }
    if let Some(v) = body.get("disabled") {
        next.disabled = v
            .as_bool()
            .ok_or_else(|| bad_request("Field 'disabled' should be a boolean"))?;
    }
    if let Some(v) = body.get("ordinal") {
        next.ordinal = v
            .as_i64()
            .ok_or_else(|| bad_request("Field 'ordinal' should be a number"))?;
    }
    if let Some(v) = body.get("autoJoinGroups") {
        let list = v
            .as_array()
            .ok_or_else(|| bad_request("Field 'autoJoinGroups' should be a list of user groups"))?;
        let mut ids = Vec::new();
        for g in list {
            let gid = g["id"].as_str().ok_or_else(|| {
                bad_request("Invalid structure of entity id: every user group needs an id")
            })?;
            if !w.groups.iter().any(|x| x.id == gid) {
                return Err(no_group(gid));
            }
            if !ids.iter().any(|x| x == gid) {
                ids.push(gid.to_owned());
            }
        }
        for gid in ids.iter().filter(|g| !next.auto_join.contains(g)) {
            *w.writes.entry(format!("{id}/{gid}")).or_default() += 1;
        }
        next.auto_join = ids;
    }
    w.modules[index] = next;
    let m = &w.modules[index];
    projected(module_json(&w, m), &q)
}

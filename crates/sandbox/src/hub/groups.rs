//! User groups: `GET /api/rest/usergroups[/{id}]`.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde_json::{Value, json};

use super::page::{Params, page, projected};
use super::world::Group;
use super::{Hub, not_found};
use crate::api_error::ApiError;
use crate::extract::CanRead;
use crate::json::lock;

pub fn group_json(g: &Group) -> Value {
    let mut v = json!({"$type": "UserGroup", "id": g.id, "name": g.name, "userCount": g.user_count, "description": g.description,
        "autoJoin": g.auto_join_domain.is_some(), "allUsers": g.name == "All Users", "registeredUsers": g.name == "Registered Users"});
    if let Some(domain) = &g.auto_join_domain {
        v["autoJoinDomain"] = domain.clone().into();
    }
    if let Some((id, name)) = &g.parent {
        v["parent"] = json!({"$type": "UserGroup", "id": id, "name": name});
    }
    v
}

pub fn no_group(id: &str) -> ApiError {
    not_found(&format!("User group {id} not found"))
}

pub async fn list(
    State(hub): State<Arc<Hub>>,
    Query(q): Params,
    _: CanRead,
) -> Result<Response, ApiError> {
    let w = lock(&hub.world);
    page(w.groups.iter().map(group_json).collect(), &q, "usergroups")
}

pub async fn get(
    State(hub): State<Arc<Hub>>,
    Path(id): Path<String>,
    Query(q): Params,
    _: CanRead,
) -> Result<Response, ApiError> {
    let w = lock(&hub.world);
    let group = w
        .groups
        .iter()
        .find(|g| g.id == id)
        .ok_or_else(|| no_group(&id))?;
    projected(group_json(group), &q)
}

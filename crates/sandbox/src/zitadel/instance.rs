//! The instance's default login policy and its identity providers (Admin API v1).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::bodies::{JsonBody, idp_id_from, link_json, list_reply, write_details};
use super::{Zitadel, error};
use crate::api_error::ApiError;
use crate::extract::{CanRead, CanWrite};
use crate::json::{lock, reply};

pub async fn get_policy(State(z): State<Arc<Zitadel>>, _: CanRead) -> Result<Response, ApiError> {
    let w = lock(&z.world);
    let idps: Vec<Value> = w
        .instance_links
        .iter()
        .map(|id| link_json(&w, id))
        .collect();
    let mut policy = Value::Object(w.instance_settings.json());
    policy["isDefault"] = true.into();
    policy["idps"] = idps.into();
    Ok(reply(StatusCode::OK, json!({ "policy": policy })))
}

pub async fn search_links(
    State(z): State<Arc<Zitadel>>,
    JsonBody(body, _): JsonBody<CanRead>,
) -> Result<Response, ApiError> {
    let w = lock(&z.world);
    let items = w
        .instance_links
        .iter()
        .map(|id| link_json(&w, id))
        .collect();
    Ok(list_reply(items, &body, w.sequence))
}

pub async fn link(
    State(z): State<Arc<Zitadel>>,
    JsonBody(body, _): JsonBody<CanWrite>,
) -> Result<Response, ApiError> {
    let id = idp_id_from(&body)?;
    let mut w = lock(&z.world);
    if !w.idps.iter().any(|i| i.id == id && i.owner_org.is_none()) {
        return Err(error(
            9,
            "INSTANCE-m8fsd",
            "Identity Provider Configuration doesn't exist",
        ));
    }
    if w.instance_links.contains(&id) {
        return Err(error(
            6,
            "INSTANCE-2B0ps",
            "Identity provider already exists",
        ));
    }
    w.instance_links.push(id.clone());
    *w.writes.entry(format!("instance/{id}")).or_default() += 1;
    let owner = w.instance_id.clone();
    Ok(write_details(&mut w, true, &owner))
}

pub async fn unlink(
    State(z): State<Arc<Zitadel>>,
    Path(id): Path<String>,
    _: CanWrite,
) -> Result<Response, ApiError> {
    let mut w = lock(&z.world);
    let before = w.instance_links.len();
    w.instance_links.retain(|l| l != &id);
    if w.instance_links.len() == before {
        return Err(error(
            5,
            "INSTANCE-39fjs",
            "Identity Provider not found on login policy",
        ));
    }
    let owner = w.instance_id.clone();
    Ok(write_details(&mut w, false, &owner))
}

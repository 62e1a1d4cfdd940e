//! What the instance has to link: its IdP templates, and its organizations (Admin API v1).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::bodies::{JsonBody, list_reply};
use super::world::Idp;
use super::{Zitadel, error};
use crate::api_error::ApiError;
use crate::extract::CanRead;
use crate::json::{lock, reply};

fn provider_json(i: &Idp, instance: &str) -> Value {
    json!({
        "id": i.id,
        "details": {"sequence": "12", "creationDate": "2026-01-10T09:00:00Z", "changeDate": "2026-01-10T09:00:00Z", "resourceOwner": i.owner_org.clone().unwrap_or_else(|| instance.to_owned())},
        "state": if i.active { "IDP_STATE_ACTIVE" } else { "IDP_STATE_INACTIVE" },
        "name": i.name,
        "owner": if i.owner_org.is_some() { "IDP_OWNER_TYPE_ORG" } else { "IDP_OWNER_TYPE_SYSTEM" },
        "type": i.kind,
        "config": {}
    })
}

pub async fn search_templates(
    State(z): State<Arc<Zitadel>>,
    JsonBody(body, _): JsonBody<CanRead>,
) -> Result<Response, ApiError> {
    let name_filter = body["queries"]
        .as_array()
        .and_then(|qs| qs.iter().find_map(|q| q["idpNameQuery"]["name"].as_str()))
        .map(str::to_lowercase);
    let w = lock(&z.world);
    // The Admin API adds a resource-owner filter: instance-level IdPs only.
    let items = w
        .idps
        .iter()
        .filter(|i| i.owner_org.is_none())
        .filter(|i| {
            name_filter
                .as_deref()
                .is_none_or(|n| i.name.to_lowercase().contains(n))
        })
        .map(|i| provider_json(i, &w.instance_id))
        .collect();
    Ok(list_reply(items, &body, w.sequence))
}

pub async fn get_template(
    State(z): State<Arc<Zitadel>>,
    Path(id): Path<String>,
    _: CanRead,
) -> Result<Response, ApiError> {
    let w = lock(&z.world);
    let idp = w
        .idps
        .iter()
        .find(|i| i.id == id && i.owner_org.is_none())
        .ok_or_else(|| error(5, "QUERY-SAFrt", "Identity Provider not found"))?;
    Ok(reply(
        StatusCode::OK,
        json!({"idp": provider_json(idp, &w.instance_id)}),
    ))
}

pub async fn search_orgs(
    State(z): State<Arc<Zitadel>>,
    JsonBody(body, _): JsonBody<CanRead>,
) -> Result<Response, ApiError> {
    let w = lock(&z.world);
    let items = w
        .orgs
        .iter()
        .map(|o| json!({"id": o.id, "name": o.name, "state": "ORG_STATE_ACTIVE"}))
        .collect();
    Ok(list_reply(items, &body, w.sequence))
}

//! An organization's login policy and its identity providers (Management API v1), the
//! organization named by `x-zitadel-orgid`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::bodies::{JsonBody, idp_id_from, link_json, list_reply, write_details};
use super::world::ZWorld;
use super::{Zitadel, error};
use crate::api_error::ApiError;
use crate::extract::{CanRead, CanWrite};
use crate::json::{lock, reply};

/// The organization named by `x-zitadel-orgid`; 403 when the caller cannot see it.
pub(super) fn org_index(w: &ZWorld, h: &HeaderMap) -> Result<usize, ApiError> {
    let id = h
        .get("x-zitadel-orgid")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    w.orgs
        .iter()
        .position(|o| o.id == id)
        .ok_or_else(|| error(7, "AUTH-Bs7Ds", "Organisation doesn't exist"))
}

pub(super) fn no_policy() -> ApiError {
    error(
        5,
        "Org-Ffgw2",
        "The organization has no custom login policy",
    )
}

pub async fn get_policy(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    _: CanRead,
) -> Result<Response, ApiError> {
    let w = lock(&z.world);
    let i = org_index(&w, &h)?;
    let (is_default, links, settings) = match &w.orgs[i].policy {
        Some(links) => (false, links.clone(), w.orgs[i].settings),
        None => (true, w.instance_links.clone(), w.instance_settings),
    };
    let idps: Vec<Value> = links.iter().map(|id| link_json(&w, id)).collect();
    let mut policy = Value::Object(settings.json());
    policy["idps"] = idps.into();
    if is_default {
        policy["isDefault"] = true.into();
    }
    Ok(reply(StatusCode::OK, json!({"policy": policy})))
}

pub async fn search_links(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    JsonBody(body, _): JsonBody<CanRead>,
) -> Result<Response, ApiError> {
    let w = lock(&z.world);
    let i = org_index(&w, &h)?;
    let links = w.orgs[i]
        .policy
        .clone()
        .unwrap_or_else(|| w.instance_links.clone());
    let items = links.iter().map(|id| link_json(&w, id)).collect();
    Ok(list_reply(items, &body, w.sequence))
}

pub async fn link(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    JsonBody(body, _): JsonBody<CanWrite>,
) -> Result<Response, ApiError> {
    let id = idp_id_from(&body)?;
    let owner_type = body
        .get("ownerType")
        .or_else(|| body.get("owner_type"))
        .and_then(Value::as_str)
        .unwrap_or("");
    if !matches!(owner_type, "IDP_OWNER_TYPE_SYSTEM" | "IDP_OWNER_TYPE_ORG") {
        return Err(error(3, "ORG-9nf88", "invalid owner type"));
    }
    let mut w = lock(&z.world);
    let i = org_index(&w, &h)?;
    let org_id = w.orgs[i].id.clone();
    let exists = w.idps.iter().any(|p| {
        p.id == id
            && match owner_type {
                "IDP_OWNER_TYPE_SYSTEM" => p.owner_org.is_none(),
                _ => p.owner_org.as_deref() == Some(org_id.as_str()),
            }
    });
    if w.orgs[i].policy.is_none() {
        return Err(no_policy());
    }
    if !exists {
        return Err(error(
            9,
            "Org-3N9fs",
            "Identity Provider Configuration doesn't exist",
        ));
    }
    if let Some(links) = w.orgs[i].policy.as_mut() {
        if links.contains(&id) {
            return Err(error(6, "Org-2B0ps", "Identity provider already exists"));
        }
        links.push(id.clone());
    }
    *w.writes.entry(format!("{org_id}/{id}")).or_default() += 1;
    Ok(write_details(&mut w, true, &org_id))
}

pub async fn unlink(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    Path(id): Path<String>,
    _: CanWrite,
) -> Result<Response, ApiError> {
    let mut w = lock(&z.world);
    let i = org_index(&w, &h)?;
    let org_id = w.orgs[i].id.clone();
    let links = w.orgs[i].policy.as_mut().ok_or_else(no_policy)?;
    let before = links.len();
    links.retain(|l| l != &id);
    if links.len() == before {
        return Err(error(
            5,
            "Org-39fjs",
            "Identity Provider not found on login policy",
        ));
    }
    Ok(write_details(&mut w, false, &org_id))
}

//! Writes of a login policy's settings (API-NOTES-WARNINGS §6, §7): the instance's
//! (`PUT /admin/v1/policies/login`), an organization's own (`PUT /management/v1/policies/login`,
//! 404 `Org-Ffgw2` when it has none), creating one (`POST /management/v1/policies/login`,
//! `AddCustomLoginPolicy`: the settings and `idps` sent, 409 when it has one) and dropping it
//! for the instance default (`DELETE /management/v1/policies/login`). A field left out of a
//! PUT or POST is false, as in ZITADEL's v1 API; a PUT that changes nothing is refused (9,
//! `Errors.Org.LoginPolicy.NotChanged`).

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::Value;

use super::bodies::{JsonBody, write_details};
use super::organization::{no_policy, org_index};
use super::world::PolicySettings;
use super::{Zitadel, error};
use crate::api_error::ApiError;
use crate::extract::CanWrite;
use crate::json::lock;

fn not_changed() -> ApiError {
    error(9, "Org-5M9vdd", "Errors.Org.LoginPolicy.NotChanged")
}

pub async fn update_instance(
    State(z): State<Arc<Zitadel>>,
    JsonBody(body, _): JsonBody<CanWrite>,
) -> Result<Response, ApiError> {
    let mut w = lock(&z.world);
    let settings = PolicySettings::from_body(&body);
    if settings == w.instance_settings {
        return Err(not_changed());
    }
    w.instance_settings = settings;
    let owner = w.instance_id.clone();
    Ok(write_details(&mut w, false, &owner))
}

pub async fn update_org(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    JsonBody(body, _): JsonBody<CanWrite>,
) -> Result<Response, ApiError> {
    let mut w = lock(&z.world);
    let i = org_index(&w, &h)?;
    if w.orgs[i].policy.is_none() {
        return Err(no_policy());
    }
    let settings = PolicySettings::from_body(&body);
    if settings == w.orgs[i].settings {
        return Err(not_changed());
    }
    w.orgs[i].settings = settings;
    let owner = w.orgs[i].id.clone();
    Ok(write_details(&mut w, false, &owner))
}

pub async fn add_org(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    JsonBody(body, _): JsonBody<CanWrite>,
) -> Result<Response, ApiError> {
    let mut w = lock(&z.world);
    let i = org_index(&w, &h)?;
    if w.orgs[i].policy.is_some() {
        return Err(error(
            6,
            "Org-Dgfb2",
            "Errors.Org.LoginPolicy.AlreadyExists",
        ));
    }
    let mut idps = Vec::new();
    for idp in body
        .get("idps")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = idp
            .get("idpId")
            .and_then(Value::as_str)
            .filter(|id| w.idps.iter().any(|p| p.id == *id))
            .ok_or_else(|| {
                error(
                    9,
                    "Org-3N9fs",
                    "Identity Provider Configuration doesn't exist",
                )
            })?;
        if !idps.iter().any(|x| x == id) {
            idps.push(id.to_owned());
        }
    }
    w.orgs[i].settings = PolicySettings::from_body(&body);
    w.orgs[i].policy = Some(idps);
    let owner = w.orgs[i].id.clone();
    Ok(write_details(&mut w, true, &owner))
}

pub async fn reset_org(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    _: CanWrite,
) -> Result<Response, ApiError> {
    let mut w = lock(&z.world);
    let i = org_index(&w, &h)?;
    if w.orgs[i].policy.take().is_none() {
        return Err(no_policy());
    }
    w.orgs[i].settings = PolicySettings::DEFAULT;
    let owner = w.orgs[i].id.clone();
    Ok(write_details(&mut w, false, &owner))
}

//! Organizations: the list (offset or checkpoint paging), one by id, one by name.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::access::{Authorized, Requirement};
use super::state::Org;
use super::{Auth0, BucketKind, bad_request, no_org, paging};
use crate::api_error::ApiError;
use crate::json::{lock, reply};

pub struct ReadOrganizations;
impl Requirement for ReadOrganizations {
    const SCOPE: &'static str = "read:organizations";
    const BUCKET: BucketKind = BucketKind::Organizations;
}

pub struct ReadOrganizationById;
impl Requirement for ReadOrganizationById {
    const SCOPE: &'static str = "read:organizations";
    const BUCKET: BucketKind = BucketKind::OrganizationById;
}

pub struct ReadOrganizationByName;
impl Requirement for ReadOrganizationByName {
    const SCOPE: &'static str = "read:organizations";
    const BUCKET: BucketKind = BucketKind::OrganizationByName;
}

fn org_json(o: &Org) -> Value {
    json!({"id": o.id, "name": o.name, "display_name": o.display_name,
        "branding": {"logo_url": format!("https://assets.northwind.example/logos/{}.png", o.name)}})
}

/// One organization read by id, with the Early Access `is_app_entitlement_active` when true
/// (left out otherwise, and in listings, whose recorded shapes do not have it).
fn org_with_entitlement(o: &Org) -> Value {
    let mut v = org_json(o);
    if o.is_app_entitlement_active {
        v["is_app_entitlement_active"] = true.into();
    }
    v
}

pub async fn list(
    State(t): State<Arc<Auth0>>,
    Query(q): paging::Params,
    _: Authorized<ReadOrganizations>,
) -> Result<Response, ApiError> {
    let mode = paging::mode(&q, 50, true)?;
    let items: Vec<Value> = lock(&t.world).orgs.iter().map(org_json).collect();
    let body = paging::page(items, "organizations", mode, true)?;
    Ok(reply(StatusCode::OK, body))
}

pub async fn get(
    State(t): State<Arc<Auth0>>,
    Path(id): Path<String>,
    _: Authorized<ReadOrganizationById>,
) -> Result<Response, ApiError> {
    let world = lock(&t.world);
    let org = world.org(&id).ok_or_else(no_org)?;
    Ok(reply(StatusCode::OK, org_with_entitlement(org)))
}

pub async fn by_name(
    State(t): State<Arc<Auth0>>,
    Path(name): Path<String>,
    _: Authorized<ReadOrganizationByName>,
) -> Result<Response, ApiError> {
    if name.chars().count() > 50 {
        return Err(bad_request(
            "Path validation error: 'name' is too long",
            "invalid_uri",
        ));
    }
    let world = lock(&t.world);
    let org = world
        .orgs
        .iter()
        .find(|o| o.name == name)
        .ok_or_else(no_org)?;
    Ok(reply(StatusCode::OK, org_json(org)))
}

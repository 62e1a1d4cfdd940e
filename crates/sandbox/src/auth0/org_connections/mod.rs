//! The connections enabled for an organization, on the new (`/connections`) and old
//! (`/enabled_connections`) endpoints: one handler per operation serves both generations.

mod body;
mod call;

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::paging::{self, param};
use super::state::{Link, World};
use super::{Auth0, bad_request, error, inexistent_connection, no_org};
use crate::api_error::ApiError;
use crate::extract::BodyThen;
use crate::json::{lock, reply};
use body::{apply_fields, check_patch, check_post, check_rules};
pub use call::Generation;
use call::{Add, Get, List, OrgConnectionCall, Remove, Update};
pub use call::{Endpoints, NewEndpoints, OldEndpoints};

type OrgAndConnection = Path<(String, String)>;

/// Records the `sapi` log entry of a successful write, with the caller's client.
fn log_write(
    t: &Auth0,
    world: &mut World,
    headers: &HeaderMap,
    generation: Generation,
    op: (&str, &str),
    path: (&str, Option<&str>),
    (body, status): (Value, u16),
) {
    let client_id = crate::extract::bearer(headers)
        .and_then(|b| world.tokens.get(b.trim()))
        .map(|token| token.client_id.clone())
        .unwrap_or_default();
    let (method, description) = op;
    let description = match (generation, method) {
        (Generation::Old, _) => description,
        (Generation::New, "post") => "Adds a connection to an organization",
        (Generation::New, "patch") => "Update a connection for an organization",
        (Generation::New, _) => "Delete a connection from an organization",
    };
    let (org, connection) = path;
    let mut path = format!("/api/v2/organizations/{org}/{}", generation.list_key());
    if let Some(connection) = connection {
        path = format!("{path}/{connection}");
    }
    super::logs::record(
        world,
        super::logs::Write {
            ago_seconds: 0,
            description,
            method,
            path: &path,
            body,
            status,
            caller: super::logs::Caller::Client {
                client_id: &client_id,
                client_name: super::client_name(t, &client_id),
            },
        },
    );
}

fn no_org_connection() -> ApiError {
    error(
        StatusCode::NOT_FOUND,
        "Not Found",
        "No connection found by that id",
        None,
    )
}

fn link_json(world: &World, link: &Link, generation: Generation) -> Value {
    let conn = world.connection(&link.connection_id);
    let strategy = conn.map(|c| c.strategy.as_str()).unwrap_or_default();
    let mut body = json!({
        "connection_id": link.connection_id,
        "assign_membership_on_login": link.assign_membership_on_login,
        "show_as_button": link.show_as_button,
        "connection": {"name": conn.map(|c| c.name.as_str()).unwrap_or_default(), "strategy": strategy},
    });
    // Auth0 leaves is_signup_enabled out for connections that are not databases.
    if strategy == "auth0" {
        body["is_signup_enabled"] = link.is_signup_enabled.into();
    }
    if generation == Generation::New {
        body["is_enabled"] = link.is_enabled.into();
        body["organization_access_level"] = link.organization_access_level.clone().into();
        if let Some(name) = &link.organization_connection_name {
            body["organization_connection_name"] = name.clone().into();
        }
    }
    body
}

/// Sets the body's `fields` on `link`, checks Auth0's rules and stores it: the reply's body.
fn store(
    world: &mut World,
    key: (String, String),
    mut link: Link,
    fields: &Map<String, Value>,
    strategy: &str,
    generation: Generation,
) -> Result<Value, ApiError> {
    apply_fields(&mut link, fields);
    check_rules(&link, strategy)?;
    let body = link_json(world, &link, generation);
    world.links.insert(key, link);
    Ok(body)
}

pub async fn list<G: Endpoints>(
    State(t): State<Arc<Auth0>>,
    Path(id): Path<String>,
    Query(q): paging::Params,
    _: OrgConnectionCall<G, List>,
) -> Result<Response, ApiError> {
    let mode = paging::mode(&q, 50, false)?;
    let is_enabled = match param(&q, "is_enabled") {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => {
            return Err(bad_request(
                "Query validation error: 'is_enabled' must be a boolean",
                "invalid_query_string",
            ));
        }
    };
    let world = lock(&t.world);
    world.org(&id).ok_or_else(no_org)?;
    let items: Vec<Value> = world
        .links
        .iter()
        .filter(|((org, _), link)| *org == id && is_enabled.is_none_or(|e| link.is_enabled == e))
        .map(|(_, link)| link_json(&world, link, G::GENERATION))
        .collect();
    let body = paging::page(items, G::GENERATION.list_key(), mode, false)?;
    Ok(reply(StatusCode::OK, body))
}

pub async fn get<G: Endpoints>(
    State(t): State<Arc<Auth0>>,
    Path((id, cid)): OrgAndConnection,
    _: OrgConnectionCall<G, Get>,
) -> Result<Response, ApiError> {
    let world = lock(&t.world);
    if world.org(&id).is_none() {
        return Err(error(
            StatusCode::NOT_FOUND,
            "Not Found",
            "The organization does not exists.",
            None,
        ));
    }
    let link = world.links.get(&(id, cid)).ok_or_else(no_org_connection)?;
    Ok(reply(
        StatusCode::OK,
        link_json(&world, link, G::GENERATION),
    ))
}

pub async fn add<G: Endpoints>(
    State(t): State<Arc<Auth0>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    BodyThen(body, _): BodyThen<OrgConnectionCall<G, Add>>,
) -> Result<Response, ApiError> {
    let map = check_post(&body, G::GENERATION)?;
    let cid = map
        .get("connection_id")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| {
            bad_request(
                "Payload validation error: 'Missing required property: connection_id'.",
                "invalid_body",
            )
        })?;
    let mut world = lock(&t.world);
    world.org(&id).ok_or_else(no_org)?;
    let strategy = world
        .connection(&cid)
        .map(|c| c.strategy.clone())
        .ok_or_else(inexistent_connection)?;
    let key = (id.clone(), cid.clone());
    if world.links.contains_key(&key) {
        return Err(error(
            StatusCode::CONFLICT,
            "Conflict",
            "The organization connection already exists.",
            Some("conflict"),
        ));
    }
    let body = store(
        &mut world,
        key,
        Link::new(&cid),
        &map,
        &strategy,
        G::GENERATION,
    )?;
    *world.writes.entry(format!("{id}/{cid}")).or_default() += 1;
    let op = ("post", "Add connections to an organization");
    let sent = Value::Object(map);
    log_write(
        &t,
        &mut world,
        &headers,
        G::GENERATION,
        op,
        (&id, None),
        (sent, 201),
    );
    Ok(reply(StatusCode::CREATED, body))
}

pub async fn update<G: Endpoints>(
    State(t): State<Arc<Auth0>>,
    Path((id, cid)): OrgAndConnection,
    headers: HeaderMap,
    BodyThen(body, _): BodyThen<OrgConnectionCall<G, Update>>,
) -> Result<Response, ApiError> {
    let map = check_patch(&body, G::GENERATION)?;
    let mut world = lock(&t.world);
    world.org(&id).ok_or_else(no_org)?;
    let strategy = world
        .connection(&cid)
        .map(|c| c.strategy.clone())
        .unwrap_or_default();
    let key = (id.clone(), cid.clone());
    let link = world
        .links
        .get(&key)
        .cloned()
        .ok_or_else(no_org_connection)?;
    let body = store(&mut world, key, link, &map, &strategy, G::GENERATION)?;
    let op = ("patch", "Update the Connection of an Organization");
    let sent = Value::Object(map);
    log_write(
        &t,
        &mut world,
        &headers,
        G::GENERATION,
        op,
        (&id, Some(&cid)),
        (sent, 200),
    );
    Ok(reply(StatusCode::OK, body))
}

pub async fn remove<G: Endpoints>(
    State(t): State<Arc<Auth0>>,
    Path((id, cid)): OrgAndConnection,
    headers: HeaderMap,
    _: OrgConnectionCall<G, Remove>,
) -> Result<Response, ApiError> {
    let mut world = lock(&t.world);
    world.org(&id).ok_or_else(no_org)?;
    world
        .links
        .remove(&(id.clone(), cid.clone()))
        .ok_or_else(no_org_connection)?;
    let op = ("delete", "Delete connections from an organization");
    log_write(
        &t,
        &mut world,
        &headers,
        G::GENERATION,
        op,
        (&id, Some(&cid)),
        (json!({}), 204),
    );
    Ok(StatusCode::NO_CONTENT.into_response())
}

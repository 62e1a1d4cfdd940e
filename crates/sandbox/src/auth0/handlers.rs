//! The Auth0 endpoints.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::paging::{self, param};
use super::state::{Link, World};
use super::{
    ALL_SCOPES, Auth0, BucketKind, READ_SCOPES, authorize, bad_request, error, issue_token,
};
use crate::json::{lock, reply};

type Q = Query<Vec<(String, String)>>;

fn with_headers(mut response: Response, headers: HeaderMap) -> Response {
    response.headers_mut().extend(headers);
    response
}

fn ok(headers: HeaderMap, status: StatusCode, body: Value) -> Response {
    with_headers(reply(status, body), headers)
}

fn no_org() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "Not Found",
        "No organization found by that id or name",
        None,
    )
}

fn no_connection() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "Not Found",
        "No connection found by that id",
        None,
    )
}

// ----- token -----

pub async fn token(State(t): State<Arc<Auth0>>, headers: HeaderMap, body: Bytes) -> Response {
    let is_json = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.contains("json"));
    let fields: Map<String, Value> = if is_json {
        match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(m)) => m,
            _ => {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "Invalid JSON body",
                );
            }
        }
    } else {
        match crate::form::pairs(&body) {
            Some(pairs) => pairs
                .into_iter()
                .map(|(k, v)| (k, Value::String(v)))
                .collect(),
            None => {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "Invalid form body",
                );
            }
        }
    };
    let text = |k: &str| {
        fields
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    if text("grant_type") != "client_credentials" {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Unsupported grant type",
        );
    }
    let (client_id, secret) = (text("client_id"), text("client_secret"));
    let c = &t.credentials;
    let scopes = if client_id == c.auth0_client_id && secret == c.auth0_client_secret {
        ALL_SCOPES
    } else if client_id == c.auth0_readonly_client_id && secret == c.auth0_readonly_client_secret {
        READ_SCOPES
    } else {
        return oauth_error(StatusCode::UNAUTHORIZED, "access_denied", "Unauthorized");
    };
    let audience = text("audience");
    if audience != t.audience() {
        return oauth_error(
            StatusCode::FORBIDDEN,
            "access_denied",
            &format!("Service not enabled within domain: {audience}"),
        );
    }
    let (token, expires_in) = issue_token(&t, &client_id, scopes);
    reply(
        StatusCode::OK,
        json!({"access_token": token, "token_type": "Bearer", "expires_in": expires_in, "scope": scopes.join(" ")}),
    )
}

fn oauth_error(status: StatusCode, code: &str, description: &str) -> Response {
    reply(
        status,
        json!({"error": code, "error_description": description}),
    )
}

// ----- organizations -----

fn org_json(o: &super::state::Org) -> Value {
    json!({"id": o.id, "name": o.name, "display_name": o.display_name,
        "branding": {"logo_url": format!("https://assets.northwind.example/logos/{}.png", o.name)}})
}

pub async fn list_organizations(
    State(t): State<Arc<Auth0>>,
    headers: HeaderMap,
    Query(q): Q,
) -> Response {
    let rl = match authorize(
        &t,
        &headers,
        "read:organizations",
        BucketKind::Organizations,
    ) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let mode = match paging::mode(&q, 50, true) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let items: Vec<Value> = lock(&t.world).orgs.iter().map(org_json).collect();
    match paging::page(items, "organizations", mode, true) {
        Ok(body) => ok(rl, StatusCode::OK, body),
        Err(r) => with_headers(r, rl),
    }
}

pub async fn get_organization(
    State(t): State<Arc<Auth0>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let rl = match authorize(
        &t,
        &headers,
        "read:organizations",
        BucketKind::OrganizationById,
    ) {
        Ok(h) => h,
        Err(r) => return r,
    };
    match lock(&t.world).org(&id) {
        Some(o) => ok(rl, StatusCode::OK, org_json(o)),
        None => with_headers(no_org(), rl),
    }
}

pub async fn organization_by_name(
    State(t): State<Arc<Auth0>>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Response {
    let rl = match authorize(
        &t,
        &headers,
        "read:organizations",
        BucketKind::OrganizationByName,
    ) {
        Ok(h) => h,
        Err(r) => return r,
    };
    if name.chars().count() > 50 {
        return with_headers(
            bad_request("Path validation error: 'name' is too long", "invalid_uri"),
            rl,
        );
    }
    let world = lock(&t.world);
    match world.orgs.iter().find(|o| o.name == name) {
        Some(o) => ok(rl, StatusCode::OK, org_json(o)),
        None => with_headers(no_org(), rl),
    }
}

// ----- connections -----

fn connection_json(c: &super::state::Conn) -> Value {
    json!({"id": c.id, "name": c.name, "strategy": c.strategy, "display_name": c.name, "realms": [c.name]})
}

pub async fn list_connections(
    State(t): State<Arc<Auth0>>,
    headers: HeaderMap,
    Query(q): Q,
) -> Response {
    let rl = match authorize(&t, &headers, "read:connections", BucketKind::Connections) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let mode = match paging::mode(&q, 100, true) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let strategies: Vec<&str> = q
        .iter()
        .filter(|(k, _)| k == "strategy")
        .map(|(_, v)| v.as_str())
        .collect();
    let name = param(&q, "name");
    let items: Vec<Value> = lock(&t.world)
        .connections
        .iter()
        .filter(|c| strategies.is_empty() || strategies.contains(&c.strategy.as_str()))
        .filter(|c| name.is_none_or(|n| c.name == n))
        .map(connection_json)
        .collect();
    match paging::page(items, "connections", mode, false) {
        Ok(body) => ok(rl, StatusCode::OK, body),
        Err(r) => with_headers(r, rl),
    }
}

pub async fn get_connection(
    State(t): State<Arc<Auth0>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let rl = match authorize(&t, &headers, "read:connections", BucketKind::Connections) {
        Ok(h) => h,
        Err(r) => return r,
    };
    match lock(&t.world).connection(&id) {
        Some(c) => ok(rl, StatusCode::OK, connection_json(c)),
        None => with_headers(
            error(
                StatusCode::NOT_FOUND,
                "Not Found",
                "The connection does not exist",
                Some("inexistent_connection"),
            ),
            rl,
        ),
    }
}

// ----- organization connections -----

#[derive(Clone, Copy, PartialEq, Eq)]
enum Generation {
    New,
    Old,
}

impl Generation {
    fn list_key(self) -> &'static str {
        match self {
            Generation::New => "connections",
            Generation::Old => "enabled_connections",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Generation::New => "new",
            Generation::Old => "old",
        }
    }
}

/// Counts a request to an org-connection endpoint, answered or not (`World::org_connection_calls`).
fn count(t: &Auth0, generation: Generation, operation: &str) {
    *lock(&t.world)
        .org_connection_calls
        .entry(format!("{}:{operation}", generation.label()))
        .or_default() += 1;
}

/// The answer of a tenant without the Early Access organization connections API, on the new
/// endpoints. Auth0 documents neither the status nor the body (API-NOTES 1.9): this 403 with an
/// `operation_not_supported` code is an inference, made in Auth0's error shape. It comes after
/// the token, scope and rate-limit checks, as a feature switch inside the handler would.
fn refused_without_feature(
    t: &Auth0,
    generation: Generation,
    rl: HeaderMap,
) -> Result<HeaderMap, Response> {
    if generation == Generation::New && t.legacy_only() {
        return Err(with_headers(
            error(
                StatusCode::FORBIDDEN,
                "Forbidden",
                "The organization connections API is not enabled for this tenant.",
                Some("operation_not_supported"),
            ),
            rl,
        ));
    }
    Ok(rl)
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

fn list(
    t: &Auth0,
    headers: &HeaderMap,
    id: &str,
    q: &[(String, String)],
    generation: Generation,
) -> Response {
    count(t, generation, "list");
    let rl = match authorize(
        t,
        headers,
        "read:organization_connections",
        BucketKind::Read,
    ) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let rl = match refused_without_feature(t, generation, rl) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let mode = match paging::mode(q, 50, false) {
        Ok(m) => m,
        Err(r) => return with_headers(r, rl),
    };
    let is_enabled = match param(q, "is_enabled") {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => {
            return with_headers(
                bad_request(
                    "Query validation error: 'is_enabled' must be a boolean",
                    "invalid_query_string",
                ),
                rl,
            );
        }
    };
    let world = lock(&t.world);
    if world.org(id).is_none() {
        return with_headers(no_org(), rl);
    }
    let items: Vec<Value> = world
        .links
        .iter()
        .filter(|((org, _), link)| org == id && is_enabled.is_none_or(|e| link.is_enabled == e))
        .map(|(_, link)| link_json(&world, link, generation))
        .collect();
    match paging::page(items, generation.list_key(), mode, false) {
        Ok(body) => ok(rl, StatusCode::OK, body),
        Err(r) => with_headers(r, rl),
    }
}

fn get_one(
    t: &Auth0,
    headers: &HeaderMap,
    id: &str,
    cid: &str,
    generation: Generation,
) -> Response {
    count(t, generation, "get");
    let rl = match authorize(
        t,
        headers,
        "read:organization_connections",
        BucketKind::Read,
    ) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let rl = match refused_without_feature(t, generation, rl) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let world = lock(&t.world);
    if world.org(id).is_none() {
        return with_headers(
            error(
                StatusCode::NOT_FOUND,
                "Not Found",
                "The organization does not exists.",
                None,
            ),
            rl,
        );
    }
    match world.links.get(&(id.to_owned(), cid.to_owned())) {
        Some(link) => ok(rl, StatusCode::OK, link_json(&world, link, generation)),
        None => with_headers(no_connection(), rl),
    }
}

/// Field types and limits of the request bodies (the OAS `additionalProperties: false` schemas).
fn check_body(
    body: &Bytes,
    allowed: &[&str],
    nullable: &[&str],
) -> Result<Map<String, Value>, Response> {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return Err(bad_request(
            "Payload validation error: 'Invalid JSON: expected an object'.",
            "invalid_body",
        ));
    };
    for (key, value) in &map {
        if !allowed.contains(&key.as_str()) {
            return Err(bad_request(
                &format!("Payload validation error: 'Additional properties not allowed: {key}'."),
                "invalid_body",
            ));
        }
        if value.is_null() && nullable.contains(&key.as_str()) {
            continue;
        }
        let valid = match key.as_str() {
            "connection_id" => value
                .as_str()
                .is_some_and(|s| (1..=50).contains(&s.chars().count())),
            "organization_connection_name" => value
                .as_str()
                .is_some_and(|s| (1..=50).contains(&s.chars().count()) && !s.contains('\0')),
            "organization_access_level" => value
                .as_str()
                .is_some_and(|s| matches!(s, "none" | "readonly" | "limited" | "full")),
            _ => value.is_boolean(),
        };
        if !valid {
            return Err(bad_request(
                &format!("Payload validation error: 'Invalid value for property {key}'."),
                "invalid_body",
            ));
        }
    }
    Ok(map)
}

fn apply_fields(link: &mut Link, map: &Map<String, Value>) {
    for (key, value) in map {
        match key.as_str() {
            "organization_connection_name" => {
                link.organization_connection_name = value.as_str().map(str::to_owned)
            }
            "organization_access_level" => {
                link.organization_access_level = value.as_str().unwrap_or("none").to_owned();
            }
            "assign_membership_on_login" => {
                link.assign_membership_on_login = value.as_bool().unwrap_or(false)
            }
            "show_as_button" => link.show_as_button = value.as_bool().unwrap_or(true),
            "is_signup_enabled" => link.is_signup_enabled = value.as_bool().unwrap_or(false),
            "is_enabled" => link.is_enabled = value.as_bool().unwrap_or(true),
            _ => {}
        }
    }
}

/// Auth0's business rules on the result of a write.
fn check_rules(link: &Link, strategy: &str) -> Result<(), Response> {
    if link.is_signup_enabled && (strategy != "auth0" || !link.assign_membership_on_login) {
        return Err(bad_request(
            "Only database connections with assign_membership_on_login = true support is_signup_enabled = true.",
            "invalid_body",
        ));
    }
    if link.organization_access_level != "none" && link.organization_connection_name.is_none() {
        return Err(bad_request(
            "organization_connection_name is required when organization_access_level is not none.",
            "invalid_body",
        ));
    }
    Ok(())
}

const NEW_POST: &[&str] = &[
    "connection_id",
    "organization_connection_name",
    "assign_membership_on_login",
    "show_as_button",
    "is_signup_enabled",
    "organization_access_level",
    "is_enabled",
];
const NEW_PATCH: &[&str] = &[
    "organization_connection_name",
    "assign_membership_on_login",
    "show_as_button",
    "is_signup_enabled",
    "organization_access_level",
    "is_enabled",
];
const NEW_NULLABLE: &[&str] = &[
    "organization_connection_name",
    "organization_access_level",
    "is_enabled",
];
const OLD_POST: &[&str] = &[
    "connection_id",
    "assign_membership_on_login",
    "show_as_button",
    "is_signup_enabled",
];
const OLD_PATCH: &[&str] = &[
    "assign_membership_on_login",
    "show_as_button",
    "is_signup_enabled",
];

fn add(t: &Auth0, headers: &HeaderMap, id: &str, body: &Bytes, generation: Generation) -> Response {
    count(t, generation, "add");
    let rl = match authorize(
        t,
        headers,
        "create:organization_connections",
        BucketKind::Write,
    ) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let rl = match refused_without_feature(t, generation, rl) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let allowed = if generation == Generation::New {
        NEW_POST
    } else {
        OLD_POST
    };
    let map = match check_body(body, allowed, &[]) {
        Ok(m) => m,
        Err(r) => return with_headers(r, rl),
    };
    let Some(cid) = map
        .get("connection_id")
        .and_then(Value::as_str)
        .map(str::to_owned)
    else {
        return with_headers(
            bad_request(
                "Payload validation error: 'Missing required property: connection_id'.",
                "invalid_body",
            ),
            rl,
        );
    };
    let mut world = lock(&t.world);
    if world.org(id).is_none() {
        return with_headers(no_org(), rl);
    }
    let Some(strategy) = world.connection(&cid).map(|c| c.strategy.clone()) else {
        return with_headers(
            error(
                StatusCode::NOT_FOUND,
                "Not Found",
                "The connection does not exist",
                Some("inexistent_connection"),
            ),
            rl,
        );
    };
    let key = (id.to_owned(), cid.clone());
    if world.links.contains_key(&key) {
        return with_headers(
            error(
                StatusCode::CONFLICT,
                "Conflict",
                "The organization connection already exists.",
                Some("conflict"),
            ),
            rl,
        );
    }
    let mut link = Link::new(&cid);
    apply_fields(&mut link, &map);
    if let Err(r) = check_rules(&link, &strategy) {
        return with_headers(r, rl);
    }
    let body = link_json(&world, &link, generation);
    world.links.insert(key, link);
    *world.writes.entry(format!("{id}/{cid}")).or_default() += 1;
    ok(rl, StatusCode::CREATED, body)
}

fn update(
    t: &Auth0,
    headers: &HeaderMap,
    id: &str,
    cid: &str,
    body: &Bytes,
    generation: Generation,
) -> Response {
    count(t, generation, "update");
    let rl = match authorize(
        t,
        headers,
        "update:organization_connections",
        BucketKind::Write,
    ) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let rl = match refused_without_feature(t, generation, rl) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let (allowed, nullable) = if generation == Generation::New {
        (NEW_PATCH, NEW_NULLABLE)
    } else {
        (OLD_PATCH, &[][..])
    };
    let map = match check_body(body, allowed, nullable) {
        Ok(m) => m,
        Err(r) => return with_headers(r, rl),
    };
    let mut world = lock(&t.world);
    if world.org(id).is_none() {
        return with_headers(no_org(), rl);
    }
    let key = (id.to_owned(), cid.to_owned());
    let Some(mut link) = world.links.get(&key).cloned() else {
        return with_headers(no_connection(), rl);
    };
    apply_fields(&mut link, &map);
    let strategy = world
        .connection(cid)
        .map(|c| c.strategy.clone())
        .unwrap_or_default();
    if let Err(r) = check_rules(&link, &strategy) {
        return with_headers(r, rl);
    }
    let body = link_json(&world, &link, generation);
    world.links.insert(key, link);
    ok(rl, StatusCode::OK, body)
}

fn remove(t: &Auth0, headers: &HeaderMap, id: &str, cid: &str, generation: Generation) -> Response {
    count(t, generation, "remove");
    let rl = match authorize(
        t,
        headers,
        "delete:organization_connections",
        BucketKind::Write,
    ) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let rl = match refused_without_feature(t, generation, rl) {
        Ok(h) => h,
        Err(r) => return r,
    };
    let mut world = lock(&t.world);
    if world.org(id).is_none() {
        return with_headers(no_org(), rl);
    }
    match world.links.remove(&(id.to_owned(), cid.to_owned())) {
        Some(_) => with_headers(StatusCode::NO_CONTENT.into_response(), rl),
        None => with_headers(no_connection(), rl),
    }
}

type P2 = Path<(String, String)>;

pub async fn list_org_connections_new(
    State(t): State<Arc<Auth0>>,
    h: HeaderMap,
    Path(id): Path<String>,
    Query(q): Q,
) -> Response {
    list(&t, &h, &id, &q, Generation::New)
}
pub async fn list_org_connections_old(
    State(t): State<Arc<Auth0>>,
    h: HeaderMap,
    Path(id): Path<String>,
    Query(q): Q,
) -> Response {
    list(&t, &h, &id, &q, Generation::Old)
}
pub async fn get_org_connection_new(
    State(t): State<Arc<Auth0>>,
    h: HeaderMap,
    Path((id, cid)): P2,
) -> Response {
    get_one(&t, &h, &id, &cid, Generation::New)
}
pub async fn get_org_connection_old(
    State(t): State<Arc<Auth0>>,
    h: HeaderMap,
    Path((id, cid)): P2,
) -> Response {
    get_one(&t, &h, &id, &cid, Generation::Old)
}
pub async fn add_org_connection_new(
    State(t): State<Arc<Auth0>>,
    h: HeaderMap,
    Path(id): Path<String>,
    b: Bytes,
) -> Response {
    add(&t, &h, &id, &b, Generation::New)
}
pub async fn add_org_connection_old(
    State(t): State<Arc<Auth0>>,
    h: HeaderMap,
    Path(id): Path<String>,
    b: Bytes,
) -> Response {
    add(&t, &h, &id, &b, Generation::Old)
}
pub async fn update_org_connection_new(
    State(t): State<Arc<Auth0>>,
    h: HeaderMap,
    Path((id, cid)): P2,
    b: Bytes,
) -> Response {
    update(&t, &h, &id, &cid, &b, Generation::New)
}
pub async fn update_org_connection_old(
    State(t): State<Arc<Auth0>>,
    h: HeaderMap,
    Path((id, cid)): P2,
    b: Bytes,
) -> Response {
    update(&t, &h, &id, &cid, &b, Generation::Old)
}
pub async fn remove_org_connection_new(
    State(t): State<Arc<Auth0>>,
    h: HeaderMap,
    Path((id, cid)): P2,
) -> Response {
    remove(&t, &h, &id, &cid, Generation::New)
}
pub async fn remove_org_connection_old(
    State(t): State<Arc<Auth0>>,
    h: HeaderMap,
    Path((id, cid)): P2,
) -> Response {
    remove(&t, &h, &id, &cid, Generation::Old)
}

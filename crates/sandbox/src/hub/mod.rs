//! The JetBrains Hub stand-in: auth modules, their auto-join groups, and user groups, with
//! `fields` projection, `$skip`/`$top` pages, Hub queries and Hub's error body.

mod projection;
mod query;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
use serde_json::{Value, json};

use std::time::Instant;

use crate::config::{Credentials, SandboxConfig};
use crate::json::{lock, reply};
use crate::ratelimit::{Bucket, BucketSpec};

#[derive(Debug, Clone, Serialize)]
pub struct Module {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub disabled: bool,
    pub ordinal: i64,
    pub auto_join: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub user_count: u64,
    pub description: String,
    /// Group-level auto-join by e-mail domain (not the same as a module's auto-join groups).
    pub auto_join_domain: Option<String>,
    /// (id, name) of the parent group.
    pub parent: Option<(String, String)>,
}

#[derive(Debug, Default, Serialize)]
pub struct HubWorld {
    pub modules: Vec<Module>,
    pub groups: Vec<Group>,
    /// Successful adds per `module/group`, to prove a client never repeats one.
    pub writes: BTreeMap<String, u32>,
    /// Requests to `POST /api/rest/oauth2/token`, granted or refused, to show that a client
    /// reuses its token.
    pub token_requests: u32,
}

const GROUPS: &[(&str, u64)] = &[
    ("All Users", 412),
    ("Registered Users", 398),
    ("Developers", 140),
    ("QA Engineers", 36),
    ("Release Managers", 7),
    ("Support", 58),
    ("Support Leads", 6),
    ("Designers", 21),
    ("Product Managers", 18),
    ("Data Science", 24),
    ("Security", 9),
    ("IT Operations", 15),
    ("Contractors", 44),
    ("Interns 2026", 12),
    ("Documentation", 8),
    ("Mobile Team", 27),
    ("Platform Team", 31),
    ("Web Team", 29),
    ("Customer Success", 33),
    ("Sales Engineering", 14),
    ("Finance", 11),
    ("Legal", 5),
    ("HR", 7),
    ("Executives", 6),
    ("External Auditors", 3),
];

/// Groups that users join by their e-mail domain.
const AUTO_JOIN_DOMAINS: &[(&str, &str)] = &[
    ("Developers", "northwind.example"),
    ("Support", "help.northwind.example"),
    ("Contractors", "partners.northwind.example"),
];

/// (group, parent group).
const PARENTS: &[(&str, &str)] = &[
    ("Support Leads", "Support"),
    ("Mobile Team", "Developers"),
    ("Platform Team", "Developers"),
    ("Web Team", "Developers"),
    ("QA Engineers", "Developers"),
];

pub fn seed() -> HubWorld {
    let gid = |i: usize| format!("6b1d2c3e-0000-4a5b-8c9d-{:012x}", 0x51 + i);
    let groups = GROUPS
        .iter()
        .enumerate()
        .map(|(i, (name, count))| Group {
            id: gid(i),
            name: (*name).to_owned(),
            user_count: *count,
            description: format!("{name} of the company"),
            auto_join_domain: AUTO_JOIN_DOMAINS
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, d)| (*d).to_owned()),
            parent: PARENTS
                .iter()
                .find(|(n, _)| n == name)
                .and_then(|(_, p)| GROUPS.iter().position(|(g, _)| g == p))
                .map(|p| (gid(p), GROUPS[p].0.to_owned())),
        })
        .collect();
    let module = |id: &str, name: &str, kind, disabled, ordinal, joins: &[usize]| Module {
        id: id.to_owned(),
        name: name.to_owned(),
        kind,
        disabled,
        ordinal,
        auto_join: joins.iter().map(|i| gid(*i)).collect(),
    };
    HubWorld {
        modules: vec![
            module(
                "0a6f5b7c-1111-4e2d-9a3b-000000000001",
                "Hub",
                "CoreauthmoduleJSON",
                false,
                0,
                &[1],
            ),
            module(
                "0a6f5b7c-1111-4e2d-9a3b-000000000002",
                "Google",
                "GoogleauthmoduleJSON",
                false,
                1,
                &[1, 2],
            ),
            module(
                "0a6f5b7c-1111-4e2d-9a3b-000000000003",
                "Corporate LDAP",
                "LdapauthmoduleJSON",
                false,
                2,
                &[2, 11],
            ),
            module(
                "0a6f5b7c-1111-4e2d-9a3b-000000000004",
                "GitHub",
                "GithubauthmoduleJSON",
                false,
                3,
                &[],
            ),
            module(
                "0a6f5b7c-1111-4e2d-9a3b-000000000005",
                "Okta SAML (legacy)",
                "Saml2authmoduleJSON",
                true,
                4,
                &[12],
            ),
        ],
        groups,
        writes: BTreeMap::new(),
        token_requests: 0,
    }
}

#[derive(Debug)]
pub struct Hub {
    pub world: Mutex<HubWorld>,
    pub credentials: Credentials,
    /// Off by default: self-hosted Hub documents no rate limit.
    limiter: Mutex<Option<Bucket>>,
    limit: Option<(BucketSpec, f64)>,
    /// Access tokens issued to the trusted service, with their end. Kept out of `HubWorld` so
    /// that the state dump never shows a token.
    tokens: Mutex<HashMap<String, Instant>>,
    token_lifetime: Duration,
}

impl Hub {
    pub fn new(config: &SandboxConfig) -> Arc<Self> {
        let limit = config.bucket("hub").map(|b| (b, config.time_scale));
        Arc::new(Self {
            world: Mutex::new(seed()),
            credentials: config.credentials.clone(),
            limiter: Mutex::new(limit.map(|(b, scale)| Bucket::new(b, scale, Instant::now()))),
            limit,
            tokens: Mutex::new(HashMap::new()),
            token_lifetime: config.token_lifetime,
        })
    }

    /// Expires every issued access token at once (tests of renewal on 401).
    pub fn expire_tokens(&self) {
        let past = Instant::now()
            .checked_sub(Duration::from_secs(1))
            .unwrap_or_else(Instant::now);
        for end in lock(&self.tokens).values_mut() {
            *end = past;
        }
    }

    /// Every access token issued since the start (tests check that none reaches a log).
    pub fn issued_tokens(&self) -> Vec<String> {
        lock(&self.tokens).keys().cloned().collect()
    }

    pub fn reset(&self) {
        *lock(&self.world) = seed();
        lock(&self.tokens).clear();
        *lock(&self.limiter) = self
            .limit
            .map(|(b, scale)| Bucket::new(b, scale, Instant::now()));
    }

    /// When a limit is set: 429 with `Retry-After`, as YouTrack Cloud is said to answer.
    fn rate_limited(&self) -> Option<Response> {
        let mut limiter = lock(&self.limiter);
        let decision = limiter.as_mut()?.take(Instant::now());
        if decision.allowed {
            return None;
        }
        let mut r = error(
            StatusCode::TOO_MANY_REQUESTS,
            "Too Many Requests",
            "HTTP 429 Too Many Requests",
        );
        let secs = decision.next_token_in.as_secs() + 1;
        r.headers_mut()
            .insert("retry-after", axum::http::HeaderValue::from(secs));
        Some(r)
    }
}

pub fn router(hub: Arc<Hub>) -> Router {
    Router::new()
        .route("/api/rest/oauth2/token", post(token))
        .route("/api/rest/authmodules", get(list_modules))
        .route(
            "/api/rest/authmodules/{id}",
            get(get_module).post(update_module),
        )
        .route(
            "/api/rest/authmodules/{id}/autojoingroups",
            get(list_auto_join).post(add_auto_join),
        )
        .route(
            "/api/rest/authmodules/{id}/autojoingroups/{group_id}",
            get(get_auto_join).delete(remove_auto_join),
        )
        .route("/api/rest/usergroups", get(list_groups))
        .route("/api/rest/usergroups/{id}", get(get_group))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "Not Found", "HTTP 404 Not Found") })
        .method_not_allowed_fallback(|| async {
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                "Method Not Allowed",
                "HTTP 405 Method Not Allowed",
            )
        })
        .with_state(hub)
}

fn error(status: StatusCode, code: &str, description: &str) -> Response {
    reply(
        status,
        json!({"error": code, "error_description": description}),
    )
}

fn authorize(hub: &Hub, h: &HeaderMap, write: bool) -> Result<(), Response> {
    if let Some(r) = hub.rate_limited() {
        return Err(r);
    }
    let bearer = h
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let c = &hub.credentials;
    // A token of the trusted service: System Admin rights while it lasts.
    let issued = bearer.and_then(|t| lock(&hub.tokens).get(t).copied());
    if let Some(end) = issued {
        if Instant::now() >= end {
            return Err(error(
                StatusCode::UNAUTHORIZED,
                "invalid_token",
                "HTTP 401 Unauthorized: the access token has expired",
            ));
        }
        return Ok(());
    }
    match bearer {
        Some(t) if t == c.hub_token => Ok(()),
        Some(t) if t == c.hub_readonly_token && !write => Ok(()),
        Some(t) if t == c.hub_readonly_token => Err(error(
            StatusCode::FORBIDDEN,
            "Forbidden",
            "Access denied: the Update Auth Module permission is required",
        )),
        _ => Err(error(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "HTTP 401 Unauthorized: the token is invalid or revoked",
        )),
    }
}

fn oauth_error(status: StatusCode, code: &str, description: &str) -> Response {
    let mut r = error(status, code, description);
    if status == StatusCode::UNAUTHORIZED {
        r.headers_mut().insert(
            "www-authenticate",
            axum::http::HeaderValue::from_static("Basic realm=\"Hub\""),
        );
    }
    r
}

/// `service_id:service_secret` from `Authorization: Basic …`.
fn basic_credentials(h: &HeaderMap) -> Option<(String, String)> {
    use base64::Engine;
    let encoded = h
        .get("authorization")?
        .to_str()
        .ok()?
        .strip_prefix("Basic ")?
        .trim();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// `POST /api/rest/oauth2/token`: the OAuth 2.0 client credentials grant of a trusted service,
/// authenticated with HTTP Basic; `scope` lists the ids of the services the token is for
/// (API-NOTES 3.5). Errors are RFC 6749 bodies.
async fn token(State(hub): State<Arc<Hub>>, h: HeaderMap, body: axum::body::Bytes) -> Response {
    lock(&hub.world).token_requests += 1;
    let Some(fields) = crate::form::pairs(&body) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The request body is not a valid form",
        );
    };
    let field = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    if field("grant_type") != Some("client_credentials") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "The grant type is not supported",
        );
    }
    let c = &hub.credentials;
    match basic_credentials(&h) {
        Some((id, secret)) if id == c.hub_service_id && secret == c.hub_service_secret => {}
        _ => {
            return oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Client authentication failed: unknown service or wrong secret",
            );
        }
    }
    let scope = field("scope").unwrap_or_default();
    if scope.split_whitespace().any(|s| s != c.hub_service_scope) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            "scope does not match any registered service",
        );
    }
    let token = format!("1.{}", uuid::Uuid::new_v4().simple());
    lock(&hub.tokens).insert(token.clone(), crate::config::expiry(hub.token_lifetime));
    reply(
        StatusCode::OK,
        json!({"access_token": token, "token_type": "Bearer", "expires_in": hub.token_lifetime.as_secs(), "scope": scope}),
    )
}

fn group_json(g: &Group) -> Value {
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

fn module_json(w: &HubWorld, m: &Module) -> Value {
    let groups: Vec<Value> = m
        .auto_join
        .iter()
        .filter_map(|id| w.groups.iter().find(|g| &g.id == id))
        .map(group_json)
        .collect();
    json!({"$type": m.kind, "id": m.id, "name": m.name, "type": m.kind, "disabled": m.disabled, "isDefault": m.ordinal == 0, "ordinal": m.ordinal, "autoJoinGroups": groups})
}

type Params = Query<Vec<(String, String)>>;

fn param<'a>(q: &'a [(String, String)], key: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Applies `query`, `$skip`/`$top` and `fields`, and wraps in Hub's page.
fn page(items: Vec<Value>, q: &[(String, String)], key: &str) -> Response {
    let filtered: Vec<Value> = match param(q, "query").map(str::trim).filter(|s| !s.is_empty()) {
        None => items,
        Some(query) => items
            .into_iter()
            .filter(|v| matches_query(v, query))
            .collect(),
    };
    let skip = param(q, "$skip")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0);
    let top = param(q, "$top")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(100);
    let Some(fields) = projection::parse(param(q, "fields").unwrap_or("id")) else {
        return error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "Invalid fields parameter: unbalanced parentheses",
        );
    };
    let total = filtered.len();
    let slice: Vec<Value> = filtered
        .iter()
        .skip(skip)
        .take(top)
        .map(|v| projection::project(v, &fields))
        .collect();
    let mut body = json!({"skip": skip, "top": top, "total": total});
    body[key] = Value::Array(slice);
    reply(StatusCode::OK, body)
}

fn matches_query(v: &Value, query: &str) -> bool {
    query::matches(v, query)
}

fn projected(value: Value, q: &[(String, String)]) -> Response {
    match projection::parse(param(q, "fields").unwrap_or("id")) {
        Some(f) => reply(StatusCode::OK, projection::project(&value, &f)),
        None => error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "Invalid fields parameter: unbalanced parentheses",
        ),
    }
}

fn no_module(id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        "Not Found",
        &format!("Auth module {id} not found"),
    )
}

async fn list_modules(State(hub): State<Arc<Hub>>, h: HeaderMap, Query(q): Params) -> Response {
    if let Err(r) = authorize(&hub, &h, false) {
        return r;
    }
    let w = lock(&hub.world);
    page(
        w.modules.iter().map(|m| module_json(&w, m)).collect(),
        &q,
        "authmodules",
    )
}

async fn get_module(
    State(hub): State<Arc<Hub>>,
    h: HeaderMap,
    Path(id): Path<String>,
    Query(q): Params,
) -> Response {
    if let Err(r) = authorize(&hub, &h, false) {
        return r;
    }
    let w = lock(&hub.world);
    match w.modules.iter().find(|m| m.id == id) {
        Some(m) => projected(module_json(&w, m), &q),
        None => no_module(&id),
    }
}

async fn list_auto_join(
    State(hub): State<Arc<Hub>>,
    h: HeaderMap,
    Path(id): Path<String>,
    Query(q): Params,
) -> Response {
    if let Err(r) = authorize(&hub, &h, false) {
        return r;
    }
    let w = lock(&hub.world);
    let Some(m) = w.modules.iter().find(|m| m.id == id) else {
        return no_module(&id);
    };
    let items = m
        .auto_join
        .iter()
        .filter_map(|gid| w.groups.iter().find(|g| &g.id == gid))
        .map(group_json)
        .collect();
    page(items, &q, "autojoingroups")
}

async fn get_auto_join(
    State(hub): State<Arc<Hub>>,
    h: HeaderMap,
    Path((id, gid)): Path<(String, String)>,
    Query(q): Params,
) -> Response {
    if let Err(r) = authorize(&hub, &h, false) {
        return r;
    }
    let w = lock(&hub.world);
    let Some(m) = w.modules.iter().find(|m| m.id == id) else {
        return no_module(&id);
    };
    match m
        .auto_join
        .iter()
        .find(|g| **g == gid)
        .and_then(|g| w.groups.iter().find(|x| &x.id == g))
    {
        Some(g) => projected(group_json(g), &q),
        None => error(
            StatusCode::NOT_FOUND,
            "Not Found",
            &format!("User group {gid} is not an auto-join group of this module"),
        ),
    }
}

async fn add_auto_join(
    State(hub): State<Arc<Hub>>,
    h: HeaderMap,
    Path(id): Path<String>,
    Query(q): Params,
    body: axum::body::Bytes,
) -> Response {
    if let Err(r) = authorize(&hub, &h, true) {
        return r;
    }
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "Can't parse JSON: expected a user group",
        );
    };
    let Some(gid) = body["id"].as_str().map(str::to_owned) else {
        return error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "Invalid structure of entity id: the user group needs an id",
        );
    };
    let mut w = lock(&hub.world);
    let Some(group) = w.groups.iter().find(|g| g.id == gid).cloned() else {
        return error(
            StatusCode::NOT_FOUND,
            "Not Found",
            &format!("User group {gid} not found"),
        );
    };
    let Some(m) = w.modules.iter_mut().find(|m| m.id == id) else {
        return no_module(&id);
    };
    // Adding a group that is already there leaves one copy (set semantics).
    if !m.auto_join.contains(&gid) {
        m.auto_join.push(gid.clone());
        *w.writes.entry(format!("{id}/{gid}")).or_default() += 1;
    }
    projected(group_json(&group), &q)
}

async fn remove_auto_join(
    State(hub): State<Arc<Hub>>,
    h: HeaderMap,
    Path((id, gid)): Path<(String, String)>,
) -> Response {
    if let Err(r) = authorize(&hub, &h, true) {
        return r;
    }
    let mut w = lock(&hub.world);
    let Some(m) = w.modules.iter_mut().find(|m| m.id == id) else {
        return no_module(&id);
    };
    let before = m.auto_join.len();
    m.auto_join.retain(|g| g != &gid);
    if m.auto_join.len() == before {
        return error(
            StatusCode::NOT_FOUND,
            "Not Found",
            &format!("User group {gid} is not an auto-join group of this module"),
        );
    }
    StatusCode::OK.into_response()
}

async fn list_groups(State(hub): State<Arc<Hub>>, h: HeaderMap, Query(q): Params) -> Response {
    if let Err(r) = authorize(&hub, &h, false) {
        return r;
    }
    let w = lock(&hub.world);
    page(w.groups.iter().map(group_json).collect(), &q, "usergroups")
}

async fn get_group(
    State(hub): State<Arc<Hub>>,
    h: HeaderMap,
    Path(id): Path<String>,
    Query(q): Params,
) -> Response {
    if let Err(r) = authorize(&hub, &h, false) {
        return r;
    }
    let w = lock(&hub.world);
    match w.groups.iter().find(|g| g.id == id) {
        Some(g) => projected(group_json(g), &q),
        None => error(
            StatusCode::NOT_FOUND,
            "Not Found",
            &format!("User group {id} not found"),
        ),
    }
}

/// Hub updates an entity with a POST of the fields to change; `autoJoinGroups` replaces the list.
async fn update_module(
    State(hub): State<Arc<Hub>>,
    h: HeaderMap,
    Path(id): Path<String>,
    Query(q): Params,
    body: axum::body::Bytes,
) -> Response {
    if let Err(r) = authorize(&hub, &h, true) {
        return r;
    }
    let bad = |m: &str| error(StatusCode::BAD_REQUEST, "bad_request", m);
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&body) else {
        return bad("Can't parse JSON: expected an auth module");
    };
    let mut w = lock(&hub.world);
    let Some(index) = w.modules.iter().position(|m| m.id == id) else {
        return no_module(&id);
    };
    let mut next = w.modules[index].clone();
    if let Some(v) = body.get("name") {
        match v.as_str().map(str::trim) {
            Some(n) if !n.is_empty() => n.clone_into(&mut next.name),
            _ => return bad("Auth module name should not be empty"),
        }
    }
    if let Some(v) = body.get("disabled") {
        let Some(b) = v.as_bool() else {
            return bad("Field 'disabled' should be a boolean");
        };
        next.disabled = b;
    }
    if let Some(v) = body.get("ordinal") {
        let Some(n) = v.as_i64() else {
            return bad("Field 'ordinal' should be a number");
        };
        next.ordinal = n;
    }
    if let Some(v) = body.get("autoJoinGroups") {
        let Some(list) = v.as_array() else {
            return bad("Field 'autoJoinGroups' should be a list of user groups");
        };
        let mut ids = Vec::new();
        for g in list {
            let Some(gid) = g["id"].as_str() else {
                return bad("Invalid structure of entity id: every user group needs an id");
            };
            if !w.groups.iter().any(|x| x.id == gid) {
                return error(
                    StatusCode::NOT_FOUND,
                    "Not Found",
                    &format!("User group {gid} not found"),
                );
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

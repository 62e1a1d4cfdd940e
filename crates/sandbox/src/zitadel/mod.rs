//! The ZITADEL stand-in: the instance login policy's identity providers (Admin API v1) and an
//! organization's (Management API v1 with `x-zitadel-orgid`), IdP templates and organizations,
//! with grpc-gateway's JSON (camelCase, zero values left out, 64-bit numbers as strings) and
//! ZITADEL's error bodies.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{delete, get, post};
use serde::Serialize;
use serde_json::{Value, json};

use std::time::Instant;

use crate::config::{Credentials, SandboxConfig};
use crate::json::{lock, reply};
use crate::ratelimit::{Bucket, BucketSpec};

#[derive(Debug, Clone, Serialize)]
pub struct Idp {
    pub id: String,
    pub name: String,
    /// PROVIDER_TYPE_*
    pub kind: &'static str,
    pub active: bool,
    /// None = instance (system) level; Some(org) = owned by that organization.
    pub owner_org: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ZOrg {
    pub id: String,
    pub name: String,
    /// Linked IdP ids of the organization's own login policy; None = uses the instance default.
    pub policy: Option<Vec<String>>,
}

#[derive(Debug, Default, Serialize)]
pub struct ZWorld {
    pub instance_id: String,
    pub idps: Vec<Idp>,
    pub instance_links: Vec<String>,
    pub orgs: Vec<ZOrg>,
    pub sequence: u64,
    /// Successful links per `scope/idp`, to prove a client never repeats one.
    pub writes: BTreeMap<String, u32>,
}

pub fn seed() -> ZWorld {
    let idp = |id: &str, name: &str, kind, active, owner: Option<&str>| Idp {
        id: id.to_owned(),
        name: name.to_owned(),
        kind,
        active,
        owner_org: owner.map(str::to_owned),
    };
    ZWorld {
        instance_id: "283746510293847561".into(),
        idps: vec![
            idp(
                "284019223568203777",
                "Google Workspace",
                "PROVIDER_TYPE_GOOGLE",
                true,
                None,
            ),
            idp(
                "284019223568203778",
                "Microsoft Entra ID",
                "PROVIDER_TYPE_AZURE_AD",
                true,
                None,
            ),
            idp(
                "284019223568203779",
                "GitHub",
                "PROVIDER_TYPE_GITHUB",
                true,
                None,
            ),
            idp(
                "284019223568203780",
                "Okta Workforce (OIDC)",
                "PROVIDER_TYPE_OIDC",
                true,
                None,
            ),
            idp(
                "284019223568203781",
                "Corporate SAML",
                "PROVIDER_TYPE_SAML",
                true,
                None,
            ),
            idp(
                "284019223568203782",
                "Active Directory (LDAP)",
                "PROVIDER_TYPE_LDAP",
                false,
                None,
            ),
            idp(
                "284019223568203783",
                "GitLab self-hosted",
                "PROVIDER_TYPE_GITLAB_SELF_HOSTED",
                true,
                None,
            ),
            idp(
                "284019223568203790",
                "Acme partner SSO",
                "PROVIDER_TYPE_OIDC",
                true,
                Some("284019223568204001"),
            ),
        ],
        instance_links: vec!["284019223568203777".into(), "284019223568203779".into()],
        orgs: vec![
            ZOrg {
                id: "284019223568204001".into(),
                name: "Acme".into(),
                policy: Some(vec!["284019223568203790".into()]),
            },
            ZOrg {
                id: "284019223568204002".into(),
                name: "Globex".into(),
                policy: None,
            },
            ZOrg {
                id: "284019223568204003".into(),
                name: "Initech".into(),
                policy: Some(vec![]),
            },
        ],
        sequence: 300,
        writes: BTreeMap::new(),
    }
}

#[derive(Debug)]
pub struct Zitadel {
    pub world: Mutex<ZWorld>,
    pub credentials: Credentials,
    /// ZITADEL Cloud's per-IP limit; every caller here shares 127.0.0.1.
    limiter: Mutex<Option<Bucket>>,
    limit: Option<(BucketSpec, f64)>,
}

impl Zitadel {
    pub fn new(config: &SandboxConfig) -> Arc<Self> {
        let limit = config.bucket("zitadel").map(|b| (b, config.time_scale));
        Arc::new(Self {
            world: Mutex::new(seed()),
            credentials: config.credentials.clone(),
            limiter: Mutex::new(limit.map(|(b, scale)| Bucket::new(b, scale, Instant::now()))),
            limit,
        })
    }

    pub fn reset(&self) {
        *lock(&self.world) = seed();
        *lock(&self.limiter) = self
            .limit
            .map(|(b, scale)| Bucket::new(b, scale, Instant::now()));
    }

    /// ZITADEL answers a 429 with no rate-limit headers at all.
    fn rate_limited(&self) -> Option<Response> {
        let mut limiter = lock(&self.limiter);
        let bucket = limiter.as_mut()?;
        if bucket.take(Instant::now()).allowed {
            return None;
        }
        Some(error(
            8,
            "QUOTA-vjAy8",
            "The quota for authenticated requests is exhausted",
        ))
    }
}

pub fn router(z: Arc<Zitadel>) -> Router {
    Router::new()
        .route("/admin/v1/policies/login", get(get_instance_policy))
        .route(
            "/admin/v1/policies/login/idps/_search",
            post(search_instance_links),
        )
        .route("/admin/v1/policies/login/idps", post(link_instance))
        .route(
            "/admin/v1/policies/login/idps/{idp_id}",
            delete(unlink_instance),
        )
        .route("/admin/v1/idps/templates/_search", post(search_templates))
        .route("/admin/v1/idps/templates/{id}", get(get_template))
        .route("/admin/v1/orgs/_search", post(search_orgs))
        .route("/management/v1/policies/login", get(get_org_policy))
        .route(
            "/management/v1/policies/login/idps/_search",
            post(search_org_links),
        )
        .route("/management/v1/policies/login/idps", post(link_org))
        .route(
            "/management/v1/policies/login/idps/{idp_id}",
            delete(unlink_org),
        )
        .fallback(|| async {
            reply(
                StatusCode::NOT_FOUND,
                json!({"code": 5, "message": "Not Found"}),
            )
        })
        .method_not_allowed_fallback(|| async {
            reply(
                StatusCode::METHOD_NOT_ALLOWED,
                json!({"code": 12, "message": "Method Not Allowed"}),
            )
        })
        .with_state(z)
}

/// ZITADEL's error body with the HTTP status grpc-gateway maps the gRPC code to.
fn error(code: u16, id: &str, message: &str) -> Response {
    let status = match code {
        3 | 9 => StatusCode::BAD_REQUEST,
        5 => StatusCode::NOT_FOUND,
        6 | 10 => StatusCode::CONFLICT,
        7 => StatusCode::FORBIDDEN,
        8 => StatusCode::TOO_MANY_REQUESTS,
        16 => StatusCode::UNAUTHORIZED,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    reply(
        status,
        json!({"code": code, "message": format!("{message} ({id})"), "details": [{"@type": "type.googleapis.com/zitadel.v1.ErrorDetail", "id": id, "message": message}]}),
    )
}

/// Checks the PAT; `write` needs IAM_OWNER.
fn authorize(z: &Zitadel, headers: &HeaderMap, write: bool) -> Result<(), Response> {
    if let Some(r) = z.rate_limited() {
        return Err(r);
    }
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let c = &z.credentials;
    match bearer {
        Some(t) if t == c.zitadel_pat => Ok(()),
        Some(t) if t == c.zitadel_viewer_pat && !write => Ok(()),
        Some(t) if t == c.zitadel_viewer_pat => {
            Err(error(7, "AUTH-5mWD2", "No matching permissions found"))
        }
        _ => Err(error(16, "AUTH-7fs1e", "Errors.Token.Invalid")),
    }
}

/// The checks every `_search` and write handler starts with: the token, then the JSON body.
fn authorized_body(
    z: &Zitadel,
    h: &HeaderMap,
    body: &axum::body::Bytes,
    write: bool,
) -> Result<Value, Response> {
    authorize(z, h, write)?;
    body_json(body)
}

fn body_json(body: &axum::body::Bytes) -> Result<Value, Response> {
    if body.is_empty() {
        return Ok(json!({}));
    }
    serde_json::from_slice(body).map_err(|_| error(3, "REST-0sbv1", "invalid JSON body"))
}

/// `query.offset` (a string or a number) and `query.limit`; 0 means no limit.
fn window(body: &Value) -> (usize, usize) {
    let q = &body["query"];
    let offset = q["offset"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .or_else(|| q["offset"].as_u64())
        .unwrap_or(0);
    let limit = q["limit"].as_u64().unwrap_or(0);
    (
        offset as usize,
        if limit == 0 {
            usize::MAX
        } else {
            limit as usize
        },
    )
}

fn list_reply(items: Vec<Value>, body: &Value, sequence: u64) -> Response {
    let total = items.len();
    let (offset, limit) = window(body);
    let page: Vec<Value> = items.into_iter().skip(offset).take(limit).collect();
    let mut details =
        json!({"processedSequence": sequence.to_string(), "viewTimestamp": "2026-11-23T00:00:00Z"});
    if total > 0 {
        details["totalResult"] = total.to_string().into();
    }
    let mut out = json!({"details": details});
    if !page.is_empty() {
        out["result"] = Value::Array(page);
    }
    reply(StatusCode::OK, out)
}

fn link_json(w: &ZWorld, idp_id: &str) -> Value {
    let idp = w.idps.iter().find(|i| i.id == idp_id);
    // Only OIDC and JWT are told apart by this API; the template kinds read UNSPECIFIED.
    let kind = match idp.map(|i| i.kind) {
        Some("PROVIDER_TYPE_OIDC") => "IDP_TYPE_OIDC",
        Some("PROVIDER_TYPE_JWT") => "IDP_TYPE_JWT",
        _ => "IDP_TYPE_UNSPECIFIED",
    };
    json!({"idpId": idp_id, "idpName": idp.map(|i| i.name.as_str()).unwrap_or_default(), "idpType": kind})
}

fn write_details(w: &mut ZWorld, created: bool, owner: &str) -> Response {
    w.sequence += 1;
    let date_key = if created {
        "creationDate"
    } else {
        "changeDate"
    };
    let mut details = json!({"sequence": w.sequence.to_string(), "resourceOwner": owner});
    details[date_key] = "2026-11-23T00:00:00Z".into();
    reply(StatusCode::OK, json!({"details": details}))
}

fn idp_id_from(body: &Value) -> Result<String, Response> {
    let id = body
        .get("idpId")
        .or_else(|| body.get("idp_id"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    if id.is_empty() || id.chars().count() > 200 {
        return Err(error(3, "INSTANCE-9nf88", "invalid IDP"));
    }
    Ok(id.to_owned())
}

async fn get_instance_policy(State(z): State<Arc<Zitadel>>, h: HeaderMap) -> Response {
    if let Err(r) = authorize(&z, &h, false) {
        return r;
    }
    let w = lock(&z.world);
    let idps: Vec<Value> = w
        .instance_links
        .iter()
        .map(|id| link_json(&w, id))
        .collect();
    reply(
        StatusCode::OK,
        json!({"policy": {"isDefault": true, "allowExternalIdp": true, "allowUsernamePassword": true, "idps": idps}}),
    )
}

async fn search_instance_links(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let body = match authorized_body(&z, &h, &body, false) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let w = lock(&z.world);
    let items = w
        .instance_links
        .iter()
        .map(|id| link_json(&w, id))
        .collect();
    list_reply(items, &body, w.sequence)
}

async fn link_instance(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if let Err(r) = authorize(&z, &h, true) {
        return r;
    }
    let id = match body_json(&body).and_then(|b| idp_id_from(&b)) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let mut w = lock(&z.world);
    if !w.idps.iter().any(|i| i.id == id && i.owner_org.is_none()) {
        return error(
            9,
            "INSTANCE-m8fsd",
            "Identity Provider Configuration doesn't exist",
        );
    }
    if w.instance_links.contains(&id) {
        return error(6, "INSTANCE-2B0ps", "Identity provider already exists");
    }
    w.instance_links.push(id.clone());
    *w.writes.entry(format!("instance/{id}")).or_default() += 1;
    let owner = w.instance_id.clone();
    write_details(&mut w, true, &owner)
}

async fn unlink_instance(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(r) = authorize(&z, &h, true) {
        return r;
    }
    let mut w = lock(&z.world);
    let before = w.instance_links.len();
    w.instance_links.retain(|l| l != &id);
    if w.instance_links.len() == before {
        return error(
            5,
            "INSTANCE-39fjs",
            "Identity Provider not found on login policy",
        );
    }
    let owner = w.instance_id.clone();
    write_details(&mut w, false, &owner)
}

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

async fn search_templates(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let body = match authorized_body(&z, &h, &body, false) {
        Ok(b) => b,
        Err(r) => return r,
    };
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
    list_reply(items, &body, w.sequence)
}

async fn get_template(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(r) = authorize(&z, &h, false) {
        return r;
    }
    let w = lock(&z.world);
    match w.idps.iter().find(|i| i.id == id && i.owner_org.is_none()) {
        Some(i) => reply(
            StatusCode::OK,
            json!({"idp": provider_json(i, &w.instance_id)}),
        ),
        None => error(5, "QUERY-SAFrt", "Identity Provider not found"),
    }
}

async fn search_orgs(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let body = match authorized_body(&z, &h, &body, false) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let w = lock(&z.world);
    let items = w
        .orgs
        .iter()
        .map(|o| json!({"id": o.id, "name": o.name, "state": "ORG_STATE_ACTIVE"}))
        .collect();
    list_reply(items, &body, w.sequence)
}

/// The organization named by `x-zitadel-orgid`; 403 when the caller cannot see it.
fn org_index(w: &ZWorld, h: &HeaderMap) -> Result<usize, Response> {
    let id = h
        .get("x-zitadel-orgid")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    w.orgs
        .iter()
        .position(|o| o.id == id)
        .ok_or_else(|| error(7, "AUTH-Bs7Ds", "Organisation doesn't exist"))
}

async fn get_org_policy(State(z): State<Arc<Zitadel>>, h: HeaderMap) -> Response {
    if let Err(r) = authorize(&z, &h, false) {
        return r;
    }
    let w = lock(&z.world);
    let i = match org_index(&w, &h) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let (is_default, links) = match &w.orgs[i].policy {
        Some(links) => (false, links.clone()),
        None => (true, w.instance_links.clone()),
    };
    let idps: Vec<Value> = links.iter().map(|id| link_json(&w, id)).collect();
    let mut policy = json!({"allowExternalIdp": true, "allowUsernamePassword": true, "idps": idps});
    if is_default {
        policy["isDefault"] = true.into();
    }
    reply(StatusCode::OK, json!({"policy": policy}))
}

async fn search_org_links(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let body = match authorized_body(&z, &h, &body, false) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let w = lock(&z.world);
    let i = match org_index(&w, &h) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let links = w.orgs[i]
        .policy
        .clone()
        .unwrap_or_else(|| w.instance_links.clone());
    let items = links.iter().map(|id| link_json(&w, id)).collect();
    list_reply(items, &body, w.sequence)
}

async fn link_org(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let body = match authorized_body(&z, &h, &body, true) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let id = match idp_id_from(&body) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let owner_type = body
        .get("ownerType")
        .or_else(|| body.get("owner_type"))
        .and_then(Value::as_str)
        .unwrap_or("");
    if !matches!(owner_type, "IDP_OWNER_TYPE_SYSTEM" | "IDP_OWNER_TYPE_ORG") {
        return error(3, "ORG-9nf88", "invalid owner type");
    }
    let mut w = lock(&z.world);
    let i = match org_index(&w, &h) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let org_id = w.orgs[i].id.clone();
    let exists = w.idps.iter().any(|p| {
        p.id == id
            && match owner_type {
                "IDP_OWNER_TYPE_SYSTEM" => p.owner_org.is_none(),
                _ => p.owner_org.as_deref() == Some(org_id.as_str()),
            }
    });
    if w.orgs[i].policy.is_none() {
        return error(
            5,
            "Org-Ffgw2",
            "The organization has no custom login policy",
        );
    }
    if !exists {
        return error(
            9,
            "Org-3N9fs",
            "Identity Provider Configuration doesn't exist",
        );
    }
    if let Some(links) = w.orgs[i].policy.as_mut() {
        if links.contains(&id) {
            return error(6, "Org-2B0ps", "Identity provider already exists");
        }
        links.push(id.clone());
    }
    *w.writes.entry(format!("{org_id}/{id}")).or_default() += 1;
    write_details(&mut w, true, &org_id)
}

async fn unlink_org(
    State(z): State<Arc<Zitadel>>,
    h: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(r) = authorize(&z, &h, true) {
        return r;
    }
    let mut w = lock(&z.world);
    let i = match org_index(&w, &h) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let org_id = w.orgs[i].id.clone();
    let Some(links) = w.orgs[i].policy.as_mut() else {
        return error(
            5,
            "Org-Ffgw2",
            "The organization has no custom login policy",
        );
    };
    let before = links.len();
    links.retain(|l| l != &id);
    if links.len() == before {
        return error(
            5,
            "Org-39fjs",
            "Identity Provider not found on login policy",
        );
    }
    write_details(&mut w, false, &org_id)
}

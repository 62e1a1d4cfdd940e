//! Conformance: replies validate against the JSON schemas in `crates/sandbox/specs/`, and the recorded
//! real Auth0 exchanges replay with the same status and the same shape (keys present/absent).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod common;

use common::*;
use lanyard_sandbox::ratelimit::BucketSpec;
use lanyard_sandbox::{Product, Sandbox, SandboxConfig};
use reqwest::Method;
use serde_json::{Value, json};

macro_rules! spec {
    ($file:literal) => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/specs/", $file)
    };
}

fn load(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// A spec document; a schema is the whole document with a root `$ref` into it, so that local
/// `#/components/...`, `#/definitions/...` and `#/paths/...` references resolve.
struct Spec(Value);

impl Spec {
    fn check(&self, pointer: &str, instance: &Value, what: &str) {
        let mut schema = self.0.clone();
        let plain = pointer[1..].replace("%7B", "{").replace("%7D", "}");
        assert!(schema.pointer(&plain).is_some(), "no schema at {pointer}");
        schema["$ref"] = Value::String(pointer.to_owned());
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(instance)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{what}: {instance} against {pointer}: {errors:#?}"
        );
    }
}

fn auth0_schema(name: &str) -> String {
    format!("#/components/schemas/{name}")
}

#[tokio::test]
async fn auth0_replies_validate_against_the_management_and_authentication_oas() {
    let mgmt = Spec(load(spec!("auth0-management-org-connections.oas.json")));
    let authn = Spec(load(spec!(
        "auth0-authentication-client-credentials.oas.json"
    )));
    let s = sandbox().await;
    let c = s.credentials().clone();
    let base = s.auth0_url();
    let r = http()
        .post(format!("{base}/oauth/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", c.auth0_client_id.as_str()),
            ("client_secret", c.auth0_client_secret.as_str()),
            ("audience", s.auth0.audience().as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let token_reply: Value = r.json().await.unwrap();
    authn.check(&auth0_schema("TokenResponse"), &token_reply, "token");
    let r = http()
        .post(format!("{base}/oauth/token"))
        .json(&json!({"grant_type": "client_credentials", "client_id": "nobody", "client_secret": "x", "audience": s.auth0.audience()}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    authn.check(
        &auth0_schema("ErrorResponse"),
        &r.json().await.unwrap(),
        "token error",
    );
    let token = token_reply["access_token"].as_str().unwrap().to_owned();

    let get = |path: String| {
        let token = token.clone();
        let base = base.clone();
        async move {
            let (status, _, body) = call(Method::GET, format!("{base}{path}"), &token, None).await;
            assert_eq!(status, 200, "{path}: {body}");
            body
        }
    };
    let orgs = "/api/v2/organizations";
    mgmt.check(
        &auth0_schema("ListOrganizationsResponseContent"),
        &get(orgs.to_string()).await,
        "orgs",
    );
    mgmt.check(
        &auth0_schema("ListOrganizationsResponseContent"),
        &get(format!("{orgs}?include_totals=true&per_page=5&page=1")).await,
        "orgs totals",
    );
    let first = get(format!("{orgs}?take=5")).await;
    mgmt.check(
        &auth0_schema("ListOrganizationsResponseContent"),
        &first,
        "orgs checkpoint",
    );
    let last = get(format!("{orgs}?take=100")).await;
    // A last checkpoint page (no `next`) fits both object branches of the OAS `oneOf`.
    mgmt.check(
        &auth0_schema("ListOrganizationsPaginatedResponseContent"),
        &last,
        "orgs last checkpoint",
    );
    // An organization the seed left without connections.
    let org = get(format!("{orgs}?per_page=1&page=25")).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let name = first["organizations"][0]["name"]
        .as_str()
        .unwrap()
        .to_owned();
    mgmt.check(
        &auth0_schema("GetOrganizationResponseContent"),
        &get(format!("{orgs}/{org}")).await,
        "org",
    );
    mgmt.check(
        &auth0_schema("GetOrganizationResponseContent"),
        &get(format!("{orgs}/name/{name}")).await,
        "org by name",
    );

    let conns = get("/api/v2/connections".into()).await;
    mgmt.check(
        &auth0_schema("ListConnectionsResponseContent"),
        &conns,
        "connections",
    );
    mgmt.check(
        &auth0_schema("ListConnectionsResponseContent"),
        &get("/api/v2/connections?strategy=samlp&strategy=okta&include_totals=true".into()).await,
        "connections filtered",
    );
    mgmt.check(
        &auth0_schema("ListConnectionsCheckpointPaginatedResponseContent"),
        &get("/api/v2/connections?take=3".into()).await,
        "connections checkpoint",
    );
    let okta = connection_id(&s, "Initech-Okta");
    let db = connection_id(&s, "Partners-Database");
    mgmt.check(
        &auth0_schema("GetConnectionResponseContent"),
        &get(format!("/api/v2/connections/{okta}")).await,
        "connection",
    );

    // New endpoints.
    let new = format!("{base}{orgs}/{org}/connections");
    let (status, _, created) = call(Method::POST, new.clone(), &token, Some(json!({"connection_id": okta, "is_enabled": true, "organization_connection_name": "Initech staff", "organization_access_level": "limited"}))).await;
    assert_eq!(status, 201, "{created}");
    mgmt.check(
        &auth0_schema("CreateOrganizationAllConnectionResponseContent"),
        &created,
        "new add",
    );
    let (status, _, created) = call(Method::POST, new.clone(), &token, Some(json!({"connection_id": db, "is_enabled": true, "assign_membership_on_login": true, "is_signup_enabled": true}))).await;
    assert_eq!(status, 201, "{created}");
    mgmt.check(
        &auth0_schema("CreateOrganizationAllConnectionResponseContent"),
        &created,
        "new add db",
    );
    for q in [
        "",
        "?include_totals=true&per_page=1&page=1",
        "?is_enabled=true",
    ] {
        mgmt.check(
            &auth0_schema("ListOrganizationAllConnectionsResponseContent"),
            &get(format!("{orgs}/{org}/connections{q}")).await,
            "new list",
        );
    }
    mgmt.check(
        &auth0_schema("GetOrganizationAllConnectionResponseContent"),
        &get(format!("{orgs}/{org}/connections/{okta}")).await,
        "new get",
    );
    let (status, _, patched) = call(Method::PATCH, format!("{new}/{okta}"), &token, Some(json!({"organization_connection_name": null, "organization_access_level": null, "is_enabled": false}))).await;
    assert_eq!(status, 200, "{patched}");
    mgmt.check(
        &auth0_schema("UpdateOrganizationAllConnectionResponseContent"),
        &patched,
        "new patch",
    );

    // Old endpoints.
    let org2 = get(format!("{orgs}?per_page=1&page=7")).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let old = format!("{base}{orgs}/{org2}/enabled_connections");
    let (status, _, added) = call(
        Method::POST,
        old.clone(),
        &token,
        Some(json!({"connection_id": db, "assign_membership_on_login": true})),
    )
    .await;
    assert_eq!(status, 201, "{added}");
    mgmt.check(
        &auth0_schema("AddOrganizationConnectionResponseContent"),
        &added,
        "old add",
    );
    for q in ["", "?include_totals=true"] {
        mgmt.check(
            &auth0_schema("ListOrganizationConnectionsResponseContent"),
            &get(format!("{orgs}/{org2}/enabled_connections{q}")).await,
            "old list",
        );
    }
    mgmt.check(
        &auth0_schema("GetOrganizationConnectionResponseContent"),
        &get(format!("{orgs}/{org2}/enabled_connections/{db}")).await,
        "old get",
    );
    let (status, _, patched) = call(
        Method::PATCH,
        format!("{old}/{db}"),
        &token,
        Some(json!({"show_as_button": false})),
    )
    .await;
    assert_eq!(status, 200, "{patched}");
    mgmt.check(
        &auth0_schema("UpdateOrganizationConnectionResponseContent"),
        &patched,
        "old patch",
    );
}

/// The shape of a value: object keys with the shapes of their values, the set of element
/// shapes of an array, and the JSON type of a scalar.
fn shape(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), shape(v))).collect()),
        Value::Array(a) => {
            let mut shapes: Vec<Value> = a.iter().map(shape).collect();
            shapes.sort_by_key(Value::to_string);
            shapes.dedup();
            Value::Array(shapes)
        }
        Value::String(_) => "string".into(),
        Value::Number(_) => "number".into(),
        Value::Bool(_) => "bool".into(),
        Value::Null => Value::Null,
    }
}

/// Recorded ids stand for seeded ones with the same role (organization, database or enterprise
/// connection); the sandbox's own ids replace them before the request is sent.
fn substitute(path: &str, map: &[(&str, String)]) -> String {
    map.iter()
        .fold(path.to_owned(), |p, (from, to)| p.replace(from, to))
}

#[tokio::test]
async fn recorded_auth0_exchanges_replay_with_the_same_status_and_shape() {
    let recorded = load(spec!("auth0-org-connections-recorded-examples.json"));
    // The replay is one burst of writes; the buckets are not what it checks.
    let s: Sandbox = sandbox_with(SandboxConfig {
        write_bucket: BucketSpec {
            burst: 100,
            per_minute: 6_000,
        },
        read_bucket: BucketSpec {
            burst: 100,
            per_minute: 6_000,
        },
        ..SandboxConfig::default()
    })
    .await;
    let token = auth0_token(&s, false).await;
    let state = s.state(Product::Auth0);
    let org = |i: usize| state["organizations"][i]["id"].as_str().unwrap().to_owned();
    let map = [
        ("org_bCE84ZIRjtX58FeO", org(20)),
        ("org_RABZnU8c4WlURlm8", org(21)),
        ("org_DQCKVHAJMWuMAsKd", org(22)),
        ("org_7QbbZfpVBq0bnX3W", org(23)),
        (
            "con_PmFe8KxCsPJvZRrj",
            connection_id(&s, "Partners-Database"),
        ),
        ("con_kRa8AhZfJJbzv83w", connection_id(&s, "Initech-Okta")),
        (
            "con_p8k8DoM15hulZbjc",
            connection_id(&s, "Username-Password-Authentication"),
        ),
        ("con_Y4KtjuNLZPmYBrOS", connection_id(&s, "Hooli-ADFS")),
    ];
    // The recorded old-endpoint list shows one enterprise ("ad") connection on that org.
    let hooli = connection_id(&s, "Hooli-ADFS");
    let (status, _, _) = call(
        Method::POST,
        format!(
            "{}/api/v2/organizations/{}/enabled_connections",
            s.auth0_url(),
            org(22)
        ),
        &token,
        Some(json!({"connection_id": hooli, "assign_membership_on_login": true})),
    )
    .await;
    assert_eq!(status, 201);
    let mut next_cursor: Option<String> = None;
    for example in recorded["examples"].as_array().unwrap() {
        let note = example["note"].as_str().unwrap();
        let request = &example["request"];
        let mut path = substitute(request["path"].as_str().unwrap(), &map);
        if let Some(from) = path
            .split("from=")
            .nth(1)
            .map(|r| r.split('&').next().unwrap().to_owned())
        {
            // Walk to the last checkpoint page: the recorded cursor means nothing here.
            let mut cursor = next_cursor
                .clone()
                .expect("a first checkpoint page came before");
            loop {
                let p = path.replace(&from, &cursor);
                let (_, _, body) =
                    call(Method::GET, format!("{}{p}", s.auth0_url()), &token, None).await;
                match body["next"].as_str() {
                    Some(n) => cursor = n.to_owned(),
                    None => break,
                }
            }
            path = path.replace(&from, &cursor);
        }
        let method = Method::from_bytes(request["method"].as_str().unwrap().as_bytes()).unwrap();
        let body = (!request["body"].is_null()).then(|| {
            serde_json::from_str(&substitute(&request["body"].to_string(), &map)).unwrap()
        });
        let (status, _, reply) =
            call(method, format!("{}{path}", s.auth0_url()), &token, body).await;
        let want = &example["response"];
        assert_eq!(
            u64::from(status),
            want["status"].as_u64().unwrap(),
            "{note}: {reply}"
        );
        assert_eq!(
            shape(&reply),
            shape(&want["body"]),
            "{note}:\n got {reply}\nwant {}",
            want["body"]
        );
        if let Some(n) = reply["next"].as_str() {
            next_cursor = Some(n.to_owned());
        }
    }
}

#[tokio::test]
async fn zitadel_replies_validate_against_the_admin_and_management_swagger() {
    let admin = Spec(load(spec!(
        "zitadel-admin-v1-login-policy-idps.swagger.json"
    )));
    let mgmt = Spec(load(spec!(
        "zitadel-management-v1-login-policy-idps.swagger.json"
    )));
    let s = sandbox().await;
    let pat = s.credentials().zitadel_pat.clone();
    let z = s.zitadel_url();
    let def = |n: &str| format!("#/definitions/{n}");
    let go = |method: Method, path: &str, body: Option<Value>| {
        let url = format!("{z}{path}");
        let pat = pat.clone();
        async move { call(method, url, &pat, body).await }
    };
    let (st, _, b) = go(Method::GET, "/admin/v1/policies/login", None).await;
    assert_eq!(st, 200);
    admin.check(&def("zitadeladminv1GetLoginPolicyResponse"), &b, "policy");
    let (_, _, b) = go(
        Method::POST,
        "/admin/v1/idps/templates/_search",
        Some(json!({"query": {"limit": 100}})),
    )
    .await;
    admin.check(&def("zitadeladminv1ListProvidersResponse"), &b, "templates");
    let unlinked = b["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .find(|id| {
            !s.state(Product::Zitadel)["instance_links"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l == id)
        })
        .unwrap();
    let (_, _, b) = go(
        Method::GET,
        &format!("/admin/v1/idps/templates/{unlinked}"),
        None,
    )
    .await;
    admin.check(
        &def("zitadeladminv1GetProviderByIDResponse"),
        &b,
        "template",
    );
    let (st, _, b) = go(
        Method::POST,
        "/admin/v1/policies/login/idps",
        Some(json!({"idpId": unlinked})),
    )
    .await;
    assert_eq!(st, 200);
    admin.check(
        &def("zitadeladminv1AddIDPToLoginPolicyResponse"),
        &b,
        "link",
    );
    let (st, _, b) = go(
        Method::POST,
        "/admin/v1/policies/login/idps",
        Some(json!({"idpId": unlinked})),
    )
    .await;
    assert_eq!(st, 409);
    admin.check(&def("rpcStatus"), &b, "409");
    let (_, _, b) = go(
        Method::POST,
        "/admin/v1/policies/login/idps/_search",
        Some(json!({"query": {"offset": "0", "limit": 10, "asc": true}})),
    )
    .await;
    admin.check(
        &def("zitadeladminv1ListLoginPolicyIDPsResponse"),
        &b,
        "links",
    );
    let (st, _, b) = go(
        Method::DELETE,
        &format!("/admin/v1/policies/login/idps/{unlinked}"),
        None,
    )
    .await;
    assert_eq!(st, 200);
    admin.check(
        &def("zitadeladminv1RemoveIDPFromLoginPolicyResponse"),
        &b,
        "unlink",
    );
    let (st, _, b) = go(
        Method::DELETE,
        &format!("/admin/v1/policies/login/idps/{unlinked}"),
        None,
    )
    .await;
    assert_eq!(st, 404);
    admin.check(&def("rpcStatus"), &b, "404");

    for org in s.state(Product::Zitadel)["orgs"]
        .as_array()
        .unwrap()
        .clone()
    {
        let id = org["id"].as_str().unwrap();
        let with_org = |method: Method, path: &str, body: Option<Value>| {
            let mut req = http()
                .request(method, format!("{z}{path}"))
                .bearer_auth(&pat)
                .header("x-zitadel-orgid", id);
            if let Some(b) = body {
                req = req.json(&b);
            }
            async move {
                let r = req.send().await.unwrap();
                (r.status().as_u16(), r.json::<Value>().await.unwrap())
            }
        };
        let (st, b) = with_org(Method::GET, "/management/v1/policies/login", None).await;
        assert_eq!(st, 200);
        mgmt.check(
            &def("zitadelmanagementv1GetLoginPolicyResponse"),
            &b,
            "org policy",
        );
        let (_, b) = with_org(
            Method::POST,
            "/management/v1/idps/templates/_search",
            Some(json!({})),
        )
        .await;
        mgmt.check(
            &def("zitadelmanagementv1ListProvidersResponse"),
            &b,
            "org templates",
        );
        let (st, b) = with_org(
            Method::POST,
            "/management/v1/policies/login/idps/_search",
            Some(json!({})),
        )
        .await;
        if st == 200 {
            mgmt.check(
                &def("zitadelmanagementv1ListLoginPolicyIDPsResponse"),
                &b,
                "org links",
            );
        } else {
            mgmt.check(&def("rpcStatus"), &b, "org links error");
        }
    }
}

#[tokio::test]
async fn hub_replies_validate_against_the_hand_built_oas() {
    let hub = Spec(load(spec!("hub-authmodule-autojoingroups.oas.json")));
    let s = sandbox().await;
    let t = s.credentials().hub_token.clone();
    let rest = format!("{}/api/rest", s.hub_url());
    // A JSON pointer to an operation's 200 schema, as a URI fragment.
    let ok = |path: &str, method: &str| {
        let key = path
            .replace('~', "~0")
            .replace('/', "~1")
            .replace('{', "%7B")
            .replace('}', "%7D");
        format!("#/paths/{key}/{method}/responses/200/content/application~1json/schema")
    };
    let get = |path: String| {
        let t = t.clone();
        async move {
            let (st, _, b) = call(Method::GET, path.clone(), &t, None).await;
            assert_eq!(st, 200, "{path}: {b}");
            b
        }
    };
    let modules = get(format!(
        "{rest}/authmodules?fields=id,name,ordinal,disabled,autoJoinGroups(id,name)"
    ))
    .await;
    hub.check(&ok("/authmodules", "get"), &modules, "modules");
    let module = modules["authmodules"][3]["id"].as_str().unwrap().to_owned();
    hub.check(
        &ok("/authmodules/{authModuleId}", "get"),
        &get(format!("{rest}/authmodules/{module}")).await,
        "module",
    );
    let groups = get(format!(
        "{rest}/usergroups?fields=id,name,userCount,autoJoin,parent(id,name)&$top=50"
    ))
    .await;
    hub.check(&ok("/usergroups", "get"), &groups, "groups");
    let group = groups["usergroups"][5]["id"].as_str().unwrap().to_owned();
    hub.check(
        &ok("/usergroups/{groupId}", "get"),
        &get(format!("{rest}/usergroups/{group}")).await,
        "group",
    );
    let (st, _, added) = call(
        Method::POST,
        format!("{rest}/authmodules/{module}/autojoingroups?fields=id,name"),
        &t,
        Some(json!({"id": group})),
    )
    .await;
    assert_eq!(st, 200);
    hub.check(
        &ok("/authmodules/{authModuleId}/autojoingroups", "post"),
        &added,
        "add",
    );
    hub.check(
        &ok("/authmodules/{authModuleId}/autojoingroups", "get"),
        &get(format!("{rest}/authmodules/{module}/autojoingroups")).await,
        "auto-join list",
    );
    let (st, _, b) = call(
        Method::GET,
        format!("{rest}/usergroups/6b1d2c3e-0000-4a5b-8c9d-0000000fffff"),
        &t,
        None,
    )
    .await;
    assert_eq!(st, 404);
    hub.check("#/components/schemas/HubError", &b, "404");

    let c = s.credentials();
    let token = |secret: String| {
        let (id, scope, url) = (
            c.hub_service_id.clone(),
            c.hub_service_scope.clone(),
            format!("{rest}/oauth2/token"),
        );
        async move {
            let r = http()
                .post(url)
                .basic_auth(id, Some(secret))
                .form(&[("grant_type", "client_credentials"), ("scope", &scope)])
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.json::<Value>().await.unwrap())
        }
    };
    let (st, b) = token(c.hub_service_secret.clone()).await;
    assert_eq!(st, 200);
    hub.check(&ok("/oauth2/token", "post"), &b, "token");
    let (st, b) = token("wrong".into()).await;
    assert_eq!(st, 401);
    hub.check("#/components/schemas/OAuthError", &b, "token 401");
}

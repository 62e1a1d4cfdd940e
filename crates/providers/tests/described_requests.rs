//! What the preview shows is what is sent: for every write of the three clients, the request a
//! client describes (method, path with the base path and the query, body) is the one a
//! recording server then receives when the write is applied. Auth0's on both endpoint
//! generations, before and after the client learns the tenant has only the old one; Hub's under
//! a service URL with a path (a Hub inside YouTrack).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use lanyard_model::HttpRequest;
use lanyard_model::auth0::{EnableConnection, Patch, UpdateConnection};
use lanyard_model::ids::ZitadelOrgId;
use lanyard_model::zitadel::{IdpOwnerType, PolicyScope};
use lanyard_providers::auth::Credentials;
use lanyard_providers::auth0::Endpoints;
use lanyard_providers::hub::HubClient;
use secrecy::SecretString;
use serde_json::Value;
use support::*;

const ASSOCIATION: &str = r#"{"connection_id":"con_1","assign_membership_on_login":true,"show_as_button":false,"is_enabled":true,"connection":{"name":"db","strategy":"auth0"}}"#;
const REFUSED: &str = r#"{"statusCode":403,"error":"Forbidden","message":"The organization connections API is not enabled for this tenant.","errorCode":"operation_not_supported"}"#;
const OLD_LIST: &str = "/api/v2/organizations/org_1/enabled_connections";
const OLD_ONE: &str = "/api/v2/organizations/org_1/enabled_connections/con_1";

/// The writes the server received: every request but reads, searches and token requests.
fn writes(server: &Server) -> Vec<Seen> {
    server
        .seen()
        .into_iter()
        .filter(|s| s.method != "GET" && !s.path.ends_with("/_search") && s.path != "/oauth/token")
        .collect()
}

/// Fails unless `seen` is `described`, to the byte of the path and the value of the body.
fn assert_sent(case: &str, described: &HttpRequest, seen: &Seen) {
    let path = if seen.query.is_empty() {
        seen.path.clone()
    } else {
        format!("{}?{}", seen.path, seen.query)
    };
    assert_eq!(
        (described.method.as_str(), described.path.as_str()),
        (seen.method.as_str(), path.as_str()),
        "{case}"
    );
    let body = (!seen.body.is_empty()).then(|| serde_json::from_str::<Value>(&seen.body).unwrap());
    assert_eq!(described.body, body, "{case}: the body");
}

/// The one write the server received since `before` writes, checked against `described`.
fn assert_the_write(case: &str, server: &Server, before: usize, described: &HttpRequest) {
    let sent = writes(server);
    assert_eq!(sent.len(), before + 1, "{case}: one write: {sent:?}");
    assert_sent(case, described, &sent[before]);
}

fn enable() -> EnableConnection {
    let mut request = EnableConnection::new(con());
    request.assign_membership_on_login = Some(true);
    request.show_as_button = Some(false);
    request
}

fn update() -> UpdateConnection {
    UpdateConnection {
        show_as_button: Some(false),
        organization_connection_name: Patch::Clear,
        ..Default::default()
    }
}

/// An Auth0 tenant that answers every org-connection write on the endpoints it has (`old`:
/// only the `enabled_connections` ones; the new ones are refused as a tenant without the Early
/// Access feature refuses them).
async fn auth0_tenant(old: bool) -> Server {
    let (list, one) = if old {
        (OLD_LIST, OLD_ONE)
    } else {
        (AUTH0_LIST, AUTH0_ONE)
    };
    serve(Product::Auth0, move |s| {
        if old && (s.path == AUTH0_LIST || s.path == AUTH0_ONE) {
            return Some(Answer::json(403, REFUSED));
        }
        match (s.method.as_str(), s.path.as_str()) {
            ("POST", p) if p == list => Some(Answer::json(201, ASSOCIATION)),
            ("GET" | "PATCH", p) if p == one => Some(Answer::json(200, ASSOCIATION)),
            ("DELETE", p) if p == one => Some(Answer::empty(204)),
            _ => None,
        }
    })
    .await
}

#[tokio::test]
async fn auth0_writes_are_sent_as_described_on_the_new_endpoints() {
    let server = auth0_tenant(false).await;
    let client = auth0(&server, quick());
    let (org, con) = (org(), con());

    let described = client.describe_enable(&org, &enable()).unwrap();
    assert_eq!(described.to_string(), format!("POST {AUTH0_LIST}"));
    client.enable(&org, &enable()).await.unwrap();
    assert_the_write("enable", &server, 0, &described);

    let described = client.describe_update(&org, &con, &update()).unwrap();
    assert_eq!(described.to_string(), format!("PATCH {AUTH0_ONE}"));
    assert_eq!(
        described.body,
        Some(serde_json::json!({"show_as_button": false, "organization_connection_name": null}))
    );
    client.update(&org, &con, &update()).await.unwrap();
    assert_the_write("update", &server, 1, &described);

    let described = client.describe_remove(&org, &con).unwrap();
    assert_eq!(
        (described.to_string(), described.body.clone()),
        (format!("DELETE {AUTH0_ONE}"), None)
    );
    client.remove(&org, &con).await.unwrap();
    assert_the_write("remove", &server, 2, &described);
}

#[tokio::test]
async fn auth0_writes_are_sent_as_described_once_the_old_endpoints_are_learned() {
    let server = auth0_tenant(true).await;
    let client = auth0(&server, quick());
    let (org, con) = (org(), con());

    // Before the client knows, it describes (and first sends) the new endpoint's request.
    let first = client.describe_enable(&org, &enable()).unwrap();
    assert_eq!(first.to_string(), format!("POST {AUTH0_LIST}"));
    client.enable(&org, &enable()).await.unwrap();
    assert_eq!(client.endpoints(), Endpoints::Old);
    let sent = writes(&server);
    assert_eq!(
        sent.len(),
        2,
        "refused on the new endpoint, sent on the old: {sent:?}"
    );
    assert_sent("enable, before it learned", &first, &sent[0]);

    let described = client.describe_enable(&org, &enable()).unwrap();
    assert_eq!(described.to_string(), format!("POST {OLD_LIST}"));
    assert_eq!(
        described.body,
        Some(
            serde_json::json!({"connection_id": "con_1", "assign_membership_on_login": true, "show_as_button": false})
        )
    );
    assert_sent("enable, after it learned", &described, &sent[1]);
    client.enable(&org, &enable()).await.unwrap();
    assert_the_write("enable on the old endpoint", &server, 2, &described);

    let described = client.describe_update(&org, &con, &update()).unwrap();
    assert_eq!(described.to_string(), format!("PATCH {OLD_ONE}"));
    client.update(&org, &con, &update()).await.unwrap();
    assert_the_write("update on the old endpoint", &server, 3, &described);

    let described = client.describe_remove(&org, &con).unwrap();
    assert_eq!(described.to_string(), format!("DELETE {OLD_ONE}"));
    client.remove(&org, &con).await.unwrap();
    assert_the_write("remove on the old endpoint", &server, 4, &described);

    // What the old endpoints cannot take is refused when described, as when sent.
    let mut named = enable();
    named.organization_connection_name = Some("Partners".into());
    let err = client.describe_enable(&org, &named).unwrap_err();
    assert!(
        err.to_string().contains("organization_connection_name"),
        "{err}"
    );
    assert_eq!(writes(&server).len(), 5, "describing sends nothing");
}

#[tokio::test]
async fn zitadel_links_and_unlinks_are_sent_as_described_at_both_levels() {
    let server = serve(Product::Zitadel, |s| {
        let done = || Some(Answer::json(200, r#"{"details":{"sequence":"2"}}"#));
        match (s.method.as_str(), s.path.as_str()) {
            ("POST", "/admin/v1/policies/login/idps" | "/management/v1/policies/login/idps") => {
                done()
            }
            ("DELETE", p) if p.ends_with(&format!("/policies/login/idps/{IDP}")) => done(),
            _ => None,
        }
    })
    .await;
    let client = zitadel(&server, quick());
    let org = PolicyScope::Organization {
        org_id: ZitadelOrgId::parse("284019223568203781").unwrap(),
    };
    let mut n = 0;
    for (scope, api) in [(PolicyScope::Instance, "admin"), (org, "management")] {
        let described = client
            .describe_link(&scope, &idp(), IdpOwnerType::Org)
            .unwrap();
        assert_eq!(
            described.to_string(),
            format!("POST /{api}/v1/policies/login/idps")
        );
        client
            .link(&scope, &idp(), IdpOwnerType::Org)
            .await
            .unwrap();
        assert_the_write(&format!("link at {api}"), &server, n, &described);

        let described = client.describe_unlink(&scope, &idp()).unwrap();
        assert_eq!(
            described.to_string(),
            format!("DELETE /{api}/v1/policies/login/idps/{IDP}")
        );
        client.unlink(&scope, &idp()).await.unwrap();
        assert_the_write(&format!("unlink at {api}"), &server, n + 1, &described);
        n += 2;
    }
}

#[tokio::test]
async fn hub_adds_and_removes_are_sent_as_described_under_the_service_path() {
    let server = serve(Product::Hub, |s| {
        match (s.method.as_str(), s.path.as_str()) {
            ("GET", "/hub/api/rest/authmodules/m1/autojoingroups") => Some(Answer::json(
                200,
                r#"{"skip":0,"top":100,"total":0,"autojoingroups":[]}"#,
            )),
            ("POST", "/hub/api/rest/authmodules/m1/autojoingroups") => {
                Some(Answer::json(200, r#"{"id":"g1","name":"QA"}"#))
            }
            ("DELETE", "/hub/api/rest/authmodules/m1/autojoingroups/g1") => {
                Some(Answer::empty(200))
            }
            _ => None,
        }
    })
    .await;
    let credentials = Credentials::Bearer(SecretString::from(HUB_TOKEN));
    let inside_youtrack = format!("{}/hub", server.url);
    let client = HubClient::new(&inside_youtrack, credentials, quick()).unwrap();

    let described = client
        .describe_add_auto_join_group(&module(), &group())
        .unwrap();
    assert_eq!(
        described.to_string(),
        "POST /hub/api/rest/authmodules/m1/autojoingroups?fields=id%2Cname"
    );
    assert_eq!(described.body, Some(serde_json::json!({"id": "g1"})));
    client
        .add_auto_join_group(&module(), &group())
        .await
        .unwrap();
    assert_the_write("add", &server, 0, &described);

    let described = client
        .describe_remove_auto_join_group(&module(), &group())
        .unwrap();
    assert_eq!(
        described.to_string(),
        "DELETE /hub/api/rest/authmodules/m1/autojoingroups/g1"
    );
    client
        .remove_auto_join_group(&module(), &group())
        .await
        .unwrap();
    assert_the_write("remove", &server, 1, &described);
}

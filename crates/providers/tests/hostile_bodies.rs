//! Arbitrary replies (any status Lanyard may meet, any JSON built from the keys the three APIs
//! use, any bytes) through every operation of the three clients: no panic, a typed result, no
//! empty list from a reply that has no list, and no 2xx to a write reported as a refusal.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use lanyard_model::auth0::{EnableConnection, UpdateConnection};
use lanyard_model::zitadel::{IdpOwnerType, PolicyScope};
use lanyard_providers::{HttpOptions, ProviderError};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;
use support::{Answer, Server, assert_no_secret};

const KEYS: [&str; 24] = [
    "connections",
    "enabled_connections",
    "organizations",
    "total",
    "start",
    "next",
    "connection_id",
    "is_enabled",
    "details",
    "result",
    "totalResult",
    "policy",
    "idps",
    "idpId",
    "authmodules",
    "autojoingroups",
    "usergroups",
    "id",
    "statusCode",
    "message",
    "error",
    "error_description",
    "code",
    "access_token",
];

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        any::<f64>().prop_map(Value::from),
        "[a-z0-9_]{0,12}".prop_map(Value::from),
        prop::sample::select(&KEYS[..]).prop_map(Value::from),
        Just(Value::from("con_1")),
        Just(Value::from("g1")),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(
                prop_oneof![
                    prop::sample::select(&KEYS[..]).prop_map(str::to_owned),
                    "[a-z]{1,6}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn reply() -> impl Strategy<Value = (u16, Vec<u8>)> {
    let status = prop::sample::select(vec![
        200u16, 201, 204, 302, 400, 401, 403, 404, 409, 500, 503,
    ]);
    let body = prop_oneof![
        3 => json().prop_map(|v| v.to_string().into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..120),
    ];
    (status, body)
}

fn options() -> HttpOptions {
    HttpOptions {
        backoff_base: Duration::from_millis(1),
        backoff_cap: Duration::from_millis(2),
        max_retries: 1,
        timeout: Duration::from_secs(2),
        deadline: Duration::from_secs(4),
        max_pages: 5,
        ..HttpOptions::default()
    }
}

/// The result of one operation: the items a list read returned, and the error if any.
struct Outcome {
    name: &'static str,
    /// For a list read that succeeded: the number of items.
    items: Option<usize>,
    error: Option<ProviderError>,
}

fn read<T>(name: &'static str, r: Result<Vec<T>, ProviderError>) -> Outcome {
    let (items, error) = match r {
        Ok(list) => (Some(list.len()), None),
        Err(e) => (None, Some(e)),
    };
    Outcome { name, items, error }
}

/// Any other operation: a write, or a read of one thing.
fn other<T>(name: &'static str, r: Result<T, ProviderError>) -> Outcome {
    Outcome {
        name,
        items: None,
        error: r.err(),
    }
}

async fn every_operation(server: &Server) -> Vec<Outcome> {
    let auth0 = support::auth0(server, options());
    let z = support::zitadel(server, options());
    let hub = support::hub(server, options());
    let (org, con, idp) = (support::org(), support::con(), support::idp());
    let (module, group) = (support::module(), support::group());
    let update = UpdateConnection {
        show_as_button: Some(false),
        ..UpdateConnection::default()
    };
    let scope = PolicyScope::Instance;
    vec![
        read("auth0 org connections", auth0.org_connections(&org).await),
        read(
            "auth0 connections",
            auth0.connections(&Default::default()).await,
        ),
        read("auth0 search", auth0.search_organizations("", 5).await),
        other("auth0 read one", auth0.org_connection(&org, &con).await),
        other(
            "auth0 enable",
            auth0
                .enable(&org, &EnableConnection::new(con.clone()))
                .await,
        ),
        other("auth0 update", auth0.update(&org, &con, &update).await),
        other("auth0 remove", auth0.remove(&org, &con).await),
        read("zitadel linked", z.linked_idps(&scope).await),
        read("zitadel providers", z.providers(None).await),
        read("zitadel orgs", z.orgs().await),
        other("zitadel policy", z.login_policy(&scope).await),
        other(
            "zitadel link",
            z.link(&scope, &idp, IdpOwnerType::System).await,
        ),
        other("zitadel unlink", z.unlink(&scope, &idp).await),
        read("hub modules", hub.auth_modules().await),
        read("hub groups", hub.auto_join_groups(&module).await),
        other("hub search", hub.search_groups("qa", 5).await),
        other("hub add", hub.add_auto_join_group(&module, &group).await),
        other(
            "hub remove",
            hub.remove_auto_join_group(&module, &group).await,
        ),
    ]
}

#[test]
fn any_reply_gives_a_typed_result_and_never_a_false_one() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let current: Arc<Mutex<(u16, Vec<u8>)>> = Arc::new(Mutex::new((200, Vec::new())));
    let shared = current.clone();
    let server = rt.block_on(support::with_token(move |_| {
        let (status, body) = shared.lock().unwrap().clone();
        Answer::Reply {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body,
        }
    }));
    let mut runner = TestRunner::new(Config {
        cases: 40,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&reply(), |(status, body)| {
            *current.lock().unwrap() = (status, body.clone());
            let text = String::from_utf8_lossy(&body).into_owned();
            for outcome in rt.block_on(every_operation(&server)) {
                let case = format!("{} on {status} {text}", outcome.name);
                if let Some(err) = &outcome.error {
                    assert_no_secret(err);
                    let refusal = matches!(
                        err,
                        ProviderError::Api { .. }
                            | ProviderError::UnexpectedReply { .. }
                            | ProviderError::Decode { .. }
                    );
                    // A write answered 2xx is read back, never reported as refused (a Hub add
                    // reads the list first, so its own read may fail before anything is sent).
                    let writes = [
                        "auth0 enable",
                        "auth0 update",
                        "auth0 remove",
                        "zitadel link",
                        "zitadel unlink",
                        "hub remove",
                    ];
                    if (200..300).contains(&status) && writes.contains(&outcome.name) {
                        prop_assert!(!refusal, "{case}: {err:?}");
                    }
                }
                if outcome.items == Some(0) {
                    // An empty list only when the reply has a list (or, for ZITADEL, the
                    // `details` it always sends).
                    let has_list = text.trim_start().starts_with('[')
                        || [
                            "connections",
                            "enabled_connections",
                            "organizations",
                            "details",
                            "authmodules",
                            "autojoingroups",
                        ]
                        .iter()
                        .any(|k| text.contains(&format!("\"{k}\"")));
                    prop_assert!(
                        has_list && (200..300).contains(&status),
                        "{case}: read as an empty list"
                    );
                }
            }
            Ok(())
        })
        .unwrap();
}

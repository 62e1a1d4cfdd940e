//! The reads behind the pre-change warnings and the history, against a hostile server: a reply
//! of another shape, HTML, a body cut short or too large, a cursor sent twice, a log search
//! that never ends. Each ends in a typed error (or the capped list), never a panic, never a
//! secret in the error.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::time::Duration;

use lanyard_model::zitadel::PolicyScope;
use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::{HttpOptions, ProviderError};
use support::{Answer, Ends, Product, Server, con, group, module, org};

fn options() -> HttpOptions {
    HttpOptions {
        timeout: Duration::from_secs(2),
        deadline: Duration::from_secs(4),
        ..support::paged(40)
    }
}

fn auth0(server: &Server) -> Auth0Client {
    support::auth0(server, options())
}

#[derive(Debug, Clone, Copy)]
enum Read {
    ConnectionClients,
    Applications,
    OrganizationAccess,
    OrganizationClients,
    Logs,
    LoginSettings,
    ModuleUserCreation,
    GroupAutoJoin,
}

impl Read {
    const ALL: [Read; 8] = [
        Read::ConnectionClients,
        Read::Applications,
        Read::OrganizationAccess,
        Read::OrganizationClients,
        Read::Logs,
        Read::LoginSettings,
        Read::ModuleUserCreation,
        Read::GroupAutoJoin,
    ];

    fn product(self) -> Product {
        match self {
            Read::LoginSettings => Product::Zitadel,
            Read::ModuleUserCreation | Read::GroupAutoJoin => Product::Hub,
            _ => Product::Auth0,
        }
    }

    /// Whether a request is the read's.
    fn matches(self, method: &str, path: &str) -> bool {
        method == "GET"
            && match self {
                Read::ConnectionClients => {
                    path.ends_with("/clients") && path.contains("/connections/")
                }
                Read::Applications => path == "/api/v2/clients",
                Read::OrganizationAccess => {
                    path.starts_with("/api/v2/organizations/") && path.matches('/').count() == 4
                }
                Read::OrganizationClients => {
                    path.starts_with("/api/v2/organizations/") && path.ends_with("/clients")
                }
                Read::Logs => path == "/api/v2/logs",
                Read::LoginSettings => path == "/admin/v1/policies/login",
                Read::ModuleUserCreation => path.contains("/authmodules/"),
                Read::GroupAutoJoin => path.contains("/usergroups/"),
            }
    }

    async fn run(self, server: &Server) -> Result<usize, ProviderError> {
        match self {
            Read::ConnectionClients => auth0(server)
                .connection_clients(&con())
                .await
                .map(|l| l.len()),
            Read::Applications => auth0(server).applications().await.map(|l| l.len()),
            Read::OrganizationAccess => auth0(server).organization_access(&org()).await.map(|_| 1),
            Read::OrganizationClients => auth0(server)
                .organization_clients(&org())
                .await
                .map(|l| l.len()),
            Read::Logs => auth0(server).logs("type:sapi").await.map(|l| l.len()),
            Read::LoginSettings => support::zitadel(server, options())
                .login_settings(&PolicyScope::Instance)
                .await
                .map(|_| 1),
            Read::ModuleUserCreation => support::hub(server, options())
                .module_user_creation(&module())
                .await
                .map(|_| 1),
            Read::GroupAutoJoin => support::hub(server, options())
                .group_auto_join(&group())
                .await
                .map(|_| 1),
        }
    }
}

#[tokio::test]
async fn a_bad_reply_to_any_check_read_is_a_typed_error() {
    for read in Read::ALL {
        let mut replies = support::unreadable(r#"{"clients":[],"policy":{}}"#);
        replies.push((
            "items of the wrong type",
            Answer::json(200, r#"{"clients":[1],"logs":[1]}"#),
            Ends::Error,
        ));
        replies.push((
            "a bare string",
            Answer::json(200, r#""clients""#),
            Ends::Error,
        ));
        for (what, answer, ends) in replies {
            let server = support::serve(read.product(), move |s| {
                read.matches(&s.method, &s.path).then(|| answer.clone())
            })
            .await;
            let err = support::read_failed(&format!("{read:?} on {what}"), read.run(&server).await);
            assert!(ends.fits(&err), "{read:?} on {what}: {err:?}");
        }
    }
}

#[tokio::test]
async fn a_cursor_sent_twice_ends_a_connections_applications_with_an_error() {
    let server = support::serve(Product::Auth0, |s| {
        Read::ConnectionClients
            .matches(&s.method, &s.path)
            .then(|| {
                let body = if s.query.contains("from=") {
                    r#"{"clients":[{"client_id":"b"}],"next":"again"}"#
                } else {
                    r#"{"clients":[{"client_id":"a"}],"next":"again"}"#
                };
                Answer::json(200, body)
            })
    })
    .await;
    let err = auth0(&server).connection_clients(&con()).await.unwrap_err();
    assert!(err.to_string().contains("same `next` cursor"), "{err}");
}

#[tokio::test]
async fn a_log_search_stops_at_auth0s_thousand_results() {
    let server = support::serve(Product::Auth0, |s| {
        Read::Logs.matches(&s.method, &s.path).then(|| {
            // Every page full, each different: a server that would never end.
            let page: Vec<String> = (0..100)
                .map(|i| format!(r#"{{"log_id":"{}-{i}","type":"sapi"}}"#, s.query))
                .collect();
            Answer::json(200, format!("[{}]", page.join(",")))
        })
    })
    .await;
    let entries = auth0(&server).logs("type:sapi").await.unwrap();
    assert_eq!(entries.len(), 1000);
}

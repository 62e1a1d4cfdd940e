//! Every Auth0 read against a hostile server: a reply of the wrong shape, HTML, broken framing,
//! a body cut short, too large or with a lying length, a 5 MB message, pages that never end.
//! Each read ends in a typed error or the true list: never an empty list from a bad body,
//! never a panic, never a secret in the error.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::time::Duration;

use futures::StreamExt;
use lanyard_model::auth0::ConnectionFilter;
use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::{HttpOptions, ProviderError};
use support::{
    AUTH0_LIST as LIST, AUTH0_ONE as ONE, AUTH0_SECRET, AUTH0_TOKEN, Answer, Ends, Product, Seen,
    Server, assert_no_secret, con, org,
};

const ORGS: &str = "/api/v2/organizations";
const CONNECTIONS: &str = "/api/v2/connections";

fn client(server: &Server) -> Auth0Client {
    let options = HttpOptions {
        timeout: Duration::from_secs(2),
        deadline: Duration::from_secs(4),
        ..support::paged(40)
    };
    support::auth0(server, options)
}

/// The reads, each against the path it reads.
#[derive(Debug, Clone, Copy)]
enum Read {
    OrgConnections,
    OrgConnection,
    Connections,
    Organizations,
    Search,
    TestProfile,
}

impl Read {
    const ALL: [Read; 6] = [
        Read::OrgConnections,
        Read::OrgConnection,
        Read::Connections,
        Read::Organizations,
        Read::Search,
        Read::TestProfile,
    ];

    fn path(self) -> &'static str {
        match self {
            Read::OrgConnections => LIST,
            Read::OrgConnection => ONE,
            Read::Connections => CONNECTIONS,
            Read::Organizations | Read::Search | Read::TestProfile => ORGS,
        }
    }

    /// How many items the read came back with.
    async fn run(self, c: &Auth0Client) -> Result<usize, ProviderError> {
        match self {
            Read::OrgConnections => c.org_connections(&org()).await.map(|l| l.len()),
            Read::OrgConnection => c
                .org_connection(&org(), &con())
                .await
                .map(|o| o.iter().count()),
            Read::Connections => c
                .connections(&ConnectionFilter::default())
                .await
                .map(|l| l.len()),
            Read::Organizations => {
                let all: Vec<_> = c.organizations().collect().await;
                all.into_iter()
                    .collect::<Result<Vec<_>, _>>()
                    .map(|l| l.len())
            }
            Read::Search => c.search_organizations("", 10).await.map(|l| l.len()),
            Read::TestProfile => c.test().await.map(|()| 1),
        }
    }
}

/// The replies no read can take, and those an Auth0 read must not take for its list.
fn bad_replies() -> Vec<(&'static str, Answer, Ends)> {
    let echo = format!(r#"{{"unexpected":"Authorization: Bearer {AUTH0_TOKEN}"}}"#);
    let mut all = support::unreadable(r#"{"connections":[],"organizations":[],"total":0}"#);
    all.extend([
        (
            "a list of the wrong type",
            Answer::json(200, r#"{"connections":{"a":1},"organizations":{"a":1}}"#),
            Ends::Decode,
        ),
        (
            "a null list",
            Answer::json(200, r#"{"connections":null,"organizations":null}"#),
            Ends::Decode,
        ),
        (
            "items of the wrong type",
            Answer::json(200, r#"[1,2,3]"#),
            Ends::Error,
        ),
        (
            "a bare string",
            Answer::json(200, r#""connections""#),
            Ends::Error,
        ),
        (
            "9 MB chunked",
            Answer::huge_chunked(200, 9 * 1024 * 1024),
            Ends::TooLarge,
        ),
        (
            "a length shorter than the body",
            Answer::short_length(200, r#"{"connections":[]}"#),
            Ends::Error,
        ),
        (
            "the token echoed in a wrong shape",
            Answer::json(200, echo),
            Ends::Decode,
        ),
    ]);
    all
}

#[tokio::test]
async fn a_bad_reply_to_any_read_is_a_typed_error_never_an_empty_list() {
    for read in Read::ALL {
        for (what, answer, ends) in bad_replies() {
            let path = read.path();
            let server = support::serve(Product::Auth0, move |s| {
                (s.method == "GET" && s.path == path).then(|| answer.clone())
            })
            .await;
            let result = read.run(&client(&server)).await;
            let err = support::read_failed(&format!("{read:?} on {what}"), result);
            let shown = err.to_string();
            assert!(ends.fits(&err), "{read:?} on {what}: {err:?}");
            if matches!(err, ProviderError::Decode { .. }) {
                assert!(
                    shown.contains("could not be read as"),
                    "{read:?} on {what}: {shown}"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_list_without_its_key_names_what_was_expected() {
    let server = support::serve(Product::Auth0, |s| {
        s.is("GET", LIST)
            .then(|| Answer::json(200, r#"{"unexpected":true}"#))
    })
    .await;
    let err = client(&server).org_connections(&org()).await.unwrap_err();
    let shown = err.to_string();
    assert!(
        shown.contains("a list of organization connections") && shown.contains("`connections`"),
        "{shown}"
    );
}

#[tokio::test]
async fn a_five_megabyte_message_is_cut_to_about_a_kilobyte() {
    let message = "x".repeat(5 * 1024 * 1024);
    let body = format!(r#"{{"statusCode":500,"error":"Internal","message":"{message}"}}"#);
    let server = support::serve(Product::Auth0, move |s| {
        s.is("GET", LIST).then(|| Answer::json(500, body.clone()))
    })
    .await;
    let err = client(&server).org_connections(&org()).await.unwrap_err();
    let shown = err.to_string();
    assert!(shown.len() < 1_300, "{} bytes", shown.len());
    assert!(format!("{err:?}").len() < 1_500);
    match err {
        ProviderError::Api {
            status: 500, body, ..
        } => {
            assert!(
                body.message.len() <= 1_100 && body.message.contains("[cut: "),
                "{}",
                body.message.len()
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_error_page_that_echoes_the_token_does_not_repeat_it() {
    let page = format!(
        "<html><pre>GET {LIST}\nAuthorization: Bearer {AUTH0_TOKEN}\nclient_secret={AUTH0_SECRET}</pre></html>"
    );
    let message = format!(
        r#"{{"statusCode":400,"error":"Bad","message":"token {AUTH0_TOKEN} is not valid here"}}"#
    );
    let server = support::serve(Product::Auth0, move |s| {
        if s.is("GET", LIST) {
            return Some(Answer::typed(502, "text/html", page.clone()));
        }
        s.is("GET", ONE).then(|| Answer::json(400, message.clone()))
    })
    .await;
    let c = client(&server);
    for err in [
        c.org_connections(&org()).await.unwrap_err(),
        c.org_connection(&org(), &con()).await.unwrap_err(),
    ] {
        assert_no_secret(&err);
        assert!(err.to_string().contains("[redacted]"), "{err}");
    }
}

fn org_connection(i: usize) -> String {
    format!(
        r#"{{"connection_id":"con_{i}","is_enabled":true,"connection":{{"name":"c{i}","strategy":"auth0"}}}}"#
    )
}

/// Items `from..to` of `n`, as Auth0 pages them, with or without `total`.
fn page_of(s: &Seen, n: usize, total: bool) -> Answer {
    let page: usize = s.param("page").and_then(|p| p.parse().ok()).unwrap_or(0);
    let per: usize = s
        .param("per_page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(50);
    let items: Vec<String> = (page * per..((page + 1) * per).min(n))
        .map(org_connection)
        .collect();
    let total = if total {
        format!(r#","total":{n}"#)
    } else {
        String::new()
    };
    Answer::json(
        200,
        format!(
            r#"{{"connections":[{}],"start":{}{total}}}"#,
            items.join(","),
            page * per
        ),
    )
}

#[tokio::test]
async fn a_missing_total_does_not_cut_a_list_at_one_page() {
    let server = support::serve(Product::Auth0, |s| {
        s.is("GET", LIST).then(|| page_of(s, 250, false))
    })
    .await;
    let all = client(&server).org_connections(&org()).await.unwrap();
    assert_eq!(all.len(), 250, "every connection, not the first page");
    let server = support::serve(Product::Auth0, |s| {
        s.is("GET", LIST).then(|| page_of(s, 250, true))
    })
    .await;
    assert_eq!(
        client(&server).org_connections(&org()).await.unwrap().len(),
        250
    );
    assert_eq!(
        server.count("GET", LIST),
        3,
        "a total ends the listing without an extra page"
    );
}

#[tokio::test]
async fn a_server_that_ignores_paging_or_never_ends_is_an_error_not_a_loop() {
    // The same first page whatever page is asked for, and no total.
    let server = support::serve(Product::Auth0, |s| {
        s.is("GET", LIST).then(|| {
            let items: Vec<String> = (0..100).map(org_connection).collect();
            Answer::json(200, format!(r#"{{"connections":[{}]}}"#, items.join(",")))
        })
    })
    .await;
    let err = client(&server).org_connections(&org()).await.unwrap_err();
    assert!(err.to_string().contains("same page twice"), "{err}");
    assert_eq!(server.count("GET", LIST), 2);

    // New items on every page, forever.
    let server = support::serve(Product::Auth0, |s| {
        s.is("GET", LIST).then(|| page_of(s, usize::MAX / 2, false))
    })
    .await;
    let err = client(&server).org_connections(&org()).await.unwrap_err();
    assert!(err.to_string().contains("past 40 pages"), "{err}");
    assert_eq!(server.count("GET", LIST), 41);
}

#[tokio::test]
async fn checkpoint_paging_stops_on_a_repeated_cursor_or_an_empty_page() {
    let org_json = |i: usize| format!(r#"{{"id":"org_{i}","name":"o{i}"}}"#);
    // Page 2 hands back the cursor of page 1.
    let server = support::serve(Product::Auth0, move |s| {
        s.is("GET", ORGS).then(|| {
            let from = s.param("from");
            let (item, next) = match from.as_deref() {
                None => (org_json(1), "c1"),
                _ => (org_json(s.nth + 1), "c1"),
            };
            Answer::json(
                200,
                format!(r#"{{"organizations":[{item}],"next":"{next}"}}"#),
            )
        })
    })
    .await;
    let c = client(&server);
    let all: Vec<_> = c.organizations().collect().await;
    assert!(
        matches!(all.last(), Some(Err(ProviderError::Decode { reason, .. })) if reason.contains("`next` cursor twice")),
        "{all:?}"
    );
    assert!(server.count("GET", ORGS) <= 3);

    // An empty page with a `next` ends the list.
    let server = support::serve(Product::Auth0, move |s| {
        s.is("GET", ORGS).then(|| match s.param("from").as_deref() {
            None => Answer::json(
                200,
                format!(r#"{{"organizations":[{}],"next":"c1"}}"#, org_json(1)),
            ),
            _ => Answer::json(200, r#"{"organizations":[],"next":"c2"}"#),
        })
    })
    .await;
    let all: Vec<_> = client(&server).organizations().collect().await;
    assert_eq!(all.len(), 1);
    assert!(all[0].is_ok());
    assert_eq!(server.count("GET", ORGS), 2);
}

#[tokio::test]
async fn a_read_follows_a_redirect_on_its_own_host_but_not_to_another() {
    let server = support::serve(Product::Auth0, |s| {
        if s.is("GET", LIST) {
            return Some(Answer::redirect(302, "/moved/list"));
        }
        s.is("GET", "/moved/list").then(|| page_of(s, 3, true))
    })
    .await;
    assert_eq!(
        client(&server).org_connections(&org()).await.unwrap().len(),
        3
    );

    let server = support::serve(Product::Auth0, |s| {
        s.is("GET", LIST)
            .then(|| Answer::redirect(307, "https://elsewhere.example/x"))
    })
    .await;
    let err = client(&server).org_connections(&org()).await.unwrap_err();
    assert!(matches!(err, ProviderError::Redirected { .. }), "{err:?}");

    // A redirect loop on its own host ends.
    let server = support::serve(Product::Auth0, |s| {
        s.is("GET", LIST).then(|| Answer::redirect(302, LIST))
    })
    .await;
    let err = client(&server).org_connections(&org()).await.unwrap_err();
    assert!(matches!(err, ProviderError::Redirected { .. }), "{err:?}");
    assert!(server.count("GET", LIST) <= 7);
}

#[tokio::test]
async fn a_reply_about_another_connection_is_not_taken_for_this_one() {
    let server = support::serve(Product::Auth0, |s| {
        s.is("GET", ONE)
            .then(|| Answer::json(201, org_connection(2)))
    })
    .await;
    let err = client(&server)
        .org_connection(&org(), &con())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("con_2"), "{err}");
}

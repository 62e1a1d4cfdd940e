//! Every Hub read and write against a hostile server. Reads end in a typed error or the true
//! list (a missing `total` does not cut a list at one page); a write whose answer says nothing
//! is settled by reading the auto-join groups back.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod hostile_server;

use std::time::Duration;

use hostile_server::{Answer, HUB_TOKEN, Seen, Server, assert_no_secret};
use lanyard_model::ids::{AuthModuleId, UserGroupId};
use lanyard_providers::auth::Credentials;
use lanyard_providers::hub::HubClient;
use lanyard_providers::{HttpOptions, ProviderError};
use secrecy::SecretString;

const MODULES: &str = "/api/rest/authmodules";
const GROUPS: &str = "/api/rest/authmodules/m1/autojoingroups";
const GROUP: &str = "/api/rest/authmodules/m1/autojoingroups/g1";
const USERGROUPS: &str = "/api/rest/usergroups";

fn options() -> HttpOptions {
    HttpOptions {
        backoff_base: Duration::from_millis(5),
        backoff_cap: Duration::from_millis(20),
        timeout: Duration::from_secs(1),
        deadline: Duration::from_secs(3),
        max_pages: 30,
        ..HttpOptions::default()
    }
}

async fn hub(world: impl Fn(&Seen) -> Option<Answer> + Send + Sync + 'static) -> Server {
    Server::start(move |s| {
        world(s).unwrap_or_else(|| {
            Answer::json(
                404,
                r#"{"error":"Not Found","error_description":"HTTP 404 Not Found"}"#,
            )
        })
    })
    .await
}

fn client(server: &Server) -> HubClient {
    let credentials = Credentials::Bearer(SecretString::from(HUB_TOKEN));
    HubClient::new(&server.url, credentials, options()).unwrap()
}

fn module() -> AuthModuleId {
    AuthModuleId::parse("m1").unwrap()
}

fn group() -> UserGroupId {
    UserGroupId::parse("g1").unwrap()
}

#[derive(Debug, Clone, Copy)]
enum Read {
    Modules,
    Groups,
    Search,
    TestProfile,
}

impl Read {
    const ALL: [Read; 4] = [Read::Modules, Read::Groups, Read::Search, Read::TestProfile];

    fn path(self) -> &'static str {
        match self {
            Read::Modules | Read::TestProfile => MODULES,
            Read::Groups => GROUPS,
            Read::Search => USERGROUPS,
        }
    }

    async fn run(self, c: &HubClient) -> Result<usize, ProviderError> {
        match self {
            Read::Modules => c.auth_modules().await.map(|l| l.len()),
            Read::Groups => c.auto_join_groups(&module()).await.map(|l| l.len()),
            Read::Search => c.search_groups("qa", 20).await.map(|p| p.items.len()),
            Read::TestProfile => c.test().await.map(|()| 1),
        }
    }
}

#[tokio::test]
async fn a_bad_reply_to_any_read_is_a_typed_error_never_an_empty_list() {
    let bad = [
        ("another shape", Answer::json(200, r#"{"unexpected":true}"#)),
        (
            "a list of the wrong type",
            Answer::json(
                200,
                r#"{"authmodules":{},"autojoingroups":7,"usergroups":"x"}"#,
            ),
        ),
        (
            "items without an id",
            Answer::json(
                200,
                r#"{"authmodules":[{}],"autojoingroups":[{}],"usergroups":[{}]}"#,
            ),
        ),
        ("a bare list", Answer::json(200, r#"[{"id":"g1"}]"#)),
        ("HTML", Answer::html(200)),
        ("an empty body", Answer::empty(200)),
        (
            "a body cut short",
            Answer::truncated(
                200,
                r#"{"authmodules":[],"autojoingroups":[],"usergroups":[]}"#,
            ),
        ),
        ("a length of 100 MB", Answer::huge(200)),
        ("a status line that is not HTTP", Answer::garbage()),
        ("a closed connection", Answer::Close),
    ];
    for read in Read::ALL {
        for (what, answer) in &bad {
            let (answer, path) = (answer.clone(), read.path());
            let server = hub(move |s| s.is("GET", path).then(|| answer.clone())).await;
            match read.run(&client(&server)).await {
                Ok(n) => panic!("{read:?} on {what}: read as {n} items instead of an error"),
                Err(err) => assert_no_secret(&err, &err.to_string()),
            }
        }
    }
}

fn groups_page(s: &Seen, n: usize, total: bool) -> Answer {
    let skip: usize = s.param("$skip").and_then(|v| v.parse().ok()).unwrap_or(0);
    let top: usize = s.param("$top").and_then(|v| v.parse().ok()).unwrap_or(100);
    let items: Vec<String> = (skip..(skip + top).min(n))
        .map(|i| format!(r#"{{"id":"g{i}","name":"group {i}"}}"#))
        .collect();
    let total = if total {
        format!(r#","total":{n}"#)
    } else {
        String::new()
    };
    Answer::json(
        200,
        format!(
            r#"{{"skip":{skip},"top":{top}{total},"autojoingroups":[{}]}}"#,
            items.join(",")
        ),
    )
}

#[tokio::test]
async fn a_missing_total_does_not_cut_a_list_at_one_hundred() {
    let server = hub(|s| s.is("GET", GROUPS).then(|| groups_page(s, 240, false))).await;
    assert_eq!(
        client(&server)
            .auto_join_groups(&module())
            .await
            .unwrap()
            .len(),
        240
    );

    // A Hub that caps the page below what was asked still gives every group.
    let server = hub(|s| {
        s.is("GET", GROUPS).then(|| {
            let mut capped = s.clone();
            capped.query = capped
                .query
                .replace("%24top=100", "%24top=30")
                .replace("$top=100", "$top=30");
            groups_page(&capped, 95, false)
        })
    })
    .await;
    assert_eq!(
        client(&server)
            .auto_join_groups(&module())
            .await
            .unwrap()
            .len(),
        95
    );

    let server = hub(|s| {
        s.is("GET", GROUPS)
            .then(|| groups_page(s, usize::MAX / 2, true))
    })
    .await;
    let err = client(&server)
        .auto_join_groups(&module())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("past 30 pages"), "{err}");
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Found {
    Applied,
    NotApplied,
    Unreadable,
}

async fn write_against(
    add: bool,
    answer: Answer,
    found: Found,
) -> (Result<bool, ProviderError>, Server) {
    let server = hub(move |s| {
        if (add && s.is("POST", GROUPS)) || (!add && s.is("DELETE", GROUP)) {
            return Some(answer.clone());
        }
        s.is("GET", GROUPS).then(|| {
            let with =
                r#"{"skip":0,"top":100,"total":1,"autojoingroups":[{"id":"g1","name":"QA"}]}"#;
            let without = r#"{"skip":0,"top":100,"total":0,"autojoingroups":[]}"#;
            // An add reads the list first: the group is not there yet.
            let before = add && s.nth == 0;
            match (found, add) {
                _ if before => Answer::json(200, without),
                (Found::Unreadable, _) => Answer::html(200),
                (Found::Applied, true) | (Found::NotApplied, false) => Answer::json(200, with),
                _ => Answer::json(200, without),
            }
        })
    })
    .await;
    let c = client(&server);
    let result = if add {
        c.add_auto_join_group(&module(), &group()).await
    } else {
        c.remove_auto_join_group(&module(), &group()).await
    };
    (result.map(|d| d.confirmed_by_read), server)
}

#[tokio::test]
async fn a_write_whose_answer_says_nothing_is_read_back_and_reported_as_it_is() {
    let mut unclear = vec![
        ("an HTML 200", Answer::html(200), true),
        (
            "a 200 cut short",
            Answer::truncated(200, r#"{"id":"g1","name":"QA"}"#),
            true,
        ),
        ("a 200 of 100 MB", Answer::huge(200), true),
        ("a connection closed after the request", Answer::Close, true),
        ("no answer at all", Answer::Hang, true),
        ("a gateway's 502", Answer::html(502), true),
        // An add's answer names the group added; a removal's needs no body.
        (
            "a 200 about another group",
            Answer::json(200, r#"{"id":"g2"}"#),
            false,
        ),
        (
            "a 200 of another shape",
            Answer::json(200, r#"{"unexpected":true}"#),
            false,
        ),
    ];
    for status in [301, 302, 303, 307, 308] {
        unclear.push(("a redirect", Answer::redirect(status, "/elsewhere"), true));
    }
    let runs = [true, false].into_iter().flat_map(|add| {
        unclear
            .iter()
            .filter(move |(_, _, both)| add || *both)
            .flat_map(move |(what, answer, _)| {
                [Found::Applied, Found::NotApplied, Found::Unreadable]
                    .map(|found| (add, *what, answer.clone(), found))
            })
    });
    let runs = runs.map(|(add, what, answer, found)| async move {
        (add, what, found, write_against(add, answer, found).await)
    });
    for (add, what, found, (result, server)) in futures::future::join_all(runs).await {
        let case = format!(
            "{} answered with {what}, read back {found:?}",
            if add { "add" } else { "remove" }
        );
        assert_eq!(server.count("GET", "/elsewhere"), 0, "{case}");
        match (found, result) {
            (Found::Applied, Ok(confirmed)) => assert!(confirmed, "{case}"),
            (Found::NotApplied, Err(err @ ProviderError::NotApplied { .. }))
            | (Found::Unreadable, Err(err @ ProviderError::OutcomeUnknown { .. })) => {
                assert_no_secret(&err, &err.to_string());
            }
            (found, other) => panic!("{case}: expected {found:?} to be reported, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn an_add_answered_with_an_empty_200_or_the_group_is_done() {
    for answer in [
        Answer::empty(200),
        Answer::json(200, r#"{"id":"g1","name":"QA"}"#),
    ] {
        let (result, server) = write_against(true, answer, Found::Unreadable).await;
        assert_eq!(result.ok(), Some(false), "applied, as the reply said");
        assert_eq!(
            server.count("GET", GROUPS),
            1,
            "only the read before the add"
        );
    }
}

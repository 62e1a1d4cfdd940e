//! Every ZITADEL read and write against a hostile server. Reads end in a typed error or the
//! true list; a write whose answer says nothing is settled by reading the links back.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod hostile_server;

use std::time::Duration;

use hostile_server::{Answer, Seen, Server, ZITADEL_PAT, assert_no_secret};
use lanyard_model::ids::IdpId;
use lanyard_model::zitadel::{IdpOwnerType, PolicyScope};
use lanyard_providers::zitadel::ZitadelClient;
use lanyard_providers::{HttpOptions, ProviderError};
use secrecy::SecretString;

const POLICY: &str = "/admin/v1/policies/login";
const LINKED: &str = "/admin/v1/policies/login/idps/_search";
const PROVIDERS: &str = "/admin/v1/idps/templates/_search";
const ORGS: &str = "/admin/v1/orgs/_search";
const LINK: &str = "/admin/v1/policies/login/idps";
const UNLINK: &str = "/admin/v1/policies/login/idps/284019223568203780";
const IDP: &str = "284019223568203780";

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

async fn instance(world: impl Fn(&Seen) -> Option<Answer> + Send + Sync + 'static) -> Server {
    Server::start(move |s| {
        world(s).unwrap_or_else(|| {
            Answer::json(
                404,
                r#"{"code":5,"message":"not scripted (X-1)","details":[]}"#,
            )
        })
    })
    .await
}

fn client(server: &Server) -> ZitadelClient {
    ZitadelClient::new(&server.url, SecretString::from(ZITADEL_PAT), options()).unwrap()
}

#[derive(Debug, Clone, Copy)]
enum Read {
    Policy,
    Linked,
    Providers,
    Orgs,
    TestProfile,
}

impl Read {
    const ALL: [Read; 5] = [
        Read::Policy,
        Read::Linked,
        Read::Providers,
        Read::Orgs,
        Read::TestProfile,
    ];

    fn is(self, s: &Seen) -> bool {
        match self {
            Read::Policy | Read::TestProfile => s.is("GET", POLICY),
            Read::Linked => s.is("POST", LINKED),
            Read::Providers => s.is("POST", PROVIDERS),
            Read::Orgs => s.is("POST", ORGS),
        }
    }

    async fn run(self, c: &ZitadelClient) -> Result<usize, ProviderError> {
        let scope = PolicyScope::Instance;
        match self {
            Read::Policy => c.login_policy(&scope).await.map(|p| p.idps.len()),
            Read::Linked => c.linked_idps(&scope).await.map(|l| l.len()),
            Read::Providers => c.providers(None).await.map(|l| l.len()),
            Read::Orgs => c.orgs().await.map(|l| l.len()),
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
            Answer::json(200, r#"{"details":{},"result":{"a":1},"policy":7}"#),
        ),
        (
            "a null policy and list",
            Answer::json(200, r#"{"details":null,"policy":null}"#),
        ),
        (
            "a total that is not a number",
            Answer::json(
                200,
                r#"{"details":{"totalResult":"many"},"policy":{"idps":"x"}}"#,
            ),
        ),
        ("a bare list", Answer::json(200, r#"[{"idpId":"1"}]"#)),
        ("HTML", Answer::html(200)),
        ("an empty body", Answer::empty(200)),
        (
            "a body cut short",
            Answer::truncated(200, r#"{"details":{},"policy":{}}"#),
        ),
        ("a length of 100 MB", Answer::huge(200)),
        ("a status line that is not HTTP", Answer::garbage()),
        ("a closed connection", Answer::Close),
    ];
    for read in Read::ALL {
        for (what, answer) in &bad {
            let answer = answer.clone();
            let server = instance(move |s| read.is(s).then(|| answer.clone())).await;
            match read.run(&client(&server)).await {
                Ok(n) => panic!("{read:?} on {what}: read as {n} items instead of an error"),
                Err(err) => assert_no_secret(&err, &err.to_string()),
            }
        }
    }
}

#[tokio::test]
async fn an_empty_list_is_empty_only_when_zitadel_says_so() {
    // ZITADEL leaves `result` and the total out when nothing is linked; `details` stays.
    let server = instance(|s| {
        Read::Linked.is(s).then(|| {
            Answer::json(
                200,
                r#"{"details":{"viewTimestamp":"2026-11-23T00:00:00Z"}}"#,
            )
        })
    })
    .await;
    assert_eq!(
        client(&server)
            .linked_idps(&PolicyScope::Instance)
            .await
            .unwrap()
            .len(),
        0
    );
}

fn idps_page(s: &Seen, n: usize, total: bool) -> Answer {
    let query: serde_json::Value = serde_json::from_str(&s.body).unwrap();
    let offset: usize = query["query"]["offset"].as_str().unwrap().parse().unwrap();
    let limit = query["query"]["limit"].as_u64().unwrap() as usize;
    let items: Vec<String> = (offset..(offset + limit).min(n))
        .map(|i| format!(r#"{{"idpId":"{i}","idpName":"idp {i}"}}"#))
        .collect();
    let total = if total {
        format!(r#""totalResult":"{n}""#)
    } else {
        String::new()
    };
    let result = if items.is_empty() {
        String::new()
    } else {
        format!(r#","result":[{}]"#, items.join(","))
    };
    Answer::json(200, format!(r#"{{"details":{{{total}}}{result}}}"#))
}

#[tokio::test]
async fn paging_reads_past_a_missing_total_and_stops_on_a_repeated_page() {
    let server = instance(|s| Read::Linked.is(s).then(|| idps_page(s, 230, false))).await;
    assert_eq!(
        client(&server)
            .linked_idps(&PolicyScope::Instance)
            .await
            .unwrap()
            .len(),
        230
    );

    let server = instance(|s| {
        Read::Linked.is(s).then(|| {
            let items: Vec<String> = (0..100).map(|i| format!(r#"{{"idpId":"{i}"}}"#)).collect();
            Answer::json(
                200,
                format!(r#"{{"details":{{}},"result":[{}]}}"#, items.join(",")),
            )
        })
    })
    .await;
    let err = client(&server)
        .linked_idps(&PolicyScope::Instance)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("same page twice"), "{err}");

    let server = instance(|s| {
        Read::Linked
            .is(s)
            .then(|| idps_page(s, usize::MAX / 2, true))
    })
    .await;
    let err = client(&server)
        .linked_idps(&PolicyScope::Instance)
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
    link: bool,
    answer: Answer,
    found: Found,
) -> (Result<bool, ProviderError>, Server) {
    let server = instance(move |s| {
        if (link && s.is("POST", LINK)) || (!link && s.is("DELETE", UNLINK)) {
            return Some(answer.clone());
        }
        Read::Linked.is(s).then(|| {
            let linked =
                format!(r#"{{"details":{{"totalResult":"1"}},"result":[{{"idpId":"{IDP}"}}]}}"#);
            let none = r#"{"details":{}}"#.to_owned();
            match (found, link) {
                (Found::Unreadable, _) => Answer::html(200),
                (Found::Applied, true) | (Found::NotApplied, false) => Answer::json(200, linked),
                _ => Answer::json(200, none),
            }
        })
    })
    .await;
    let c = client(&server);
    let idp = IdpId::parse(IDP).unwrap();
    let scope = PolicyScope::Instance;
    let result = if link {
        c.link(&scope, &idp, IdpOwnerType::System).await
    } else {
        c.unlink(&scope, &idp).await
    };
    (result.map(|d| d.confirmed_by_read), server)
}

#[tokio::test]
async fn a_write_whose_answer_says_nothing_is_read_back_and_reported_as_it_is() {
    let unclear = [
        ("an HTML 200", Answer::html(200)),
        (
            "a 200 of another shape",
            Answer::json(200, r#"{"unexpected":true}"#),
        ),
        ("an empty 200", Answer::empty(200)),
        (
            "a 200 cut short",
            Answer::truncated(200, r#"{"details":{"sequence":"9"}}"#),
        ),
        ("a 200 of 100 MB", Answer::huge(200)),
        ("a redirect", Answer::redirect(303, "/elsewhere")),
        ("a permanent redirect", Answer::redirect(308, "/elsewhere")),
        ("a connection closed after the request", Answer::Close),
        ("no answer at all", Answer::Hang),
    ];
    let runs = [true, false].into_iter().flat_map(|link| {
        unclear.iter().flat_map(move |(what, answer)| {
            [Found::Applied, Found::NotApplied, Found::Unreadable]
                .map(|found| (link, *what, answer.clone(), found))
        })
    });
    let runs = runs.map(|(link, what, answer, found)| async move {
        (link, what, found, write_against(link, answer, found).await)
    });
    for (link, what, found, (result, server)) in futures::future::join_all(runs).await {
        let case = format!(
            "{} answered with {what}, read back {found:?}",
            if link { "link" } else { "unlink" }
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
async fn a_clear_answer_needs_no_read_back() {
    let (result, server) = write_against(
        true,
        Answer::json(200, r#"{"details":{"sequence":"12"}}"#),
        Found::Unreadable,
    )
    .await;
    assert_eq!(result.ok(), Some(false), "applied, as the reply said");
    assert_eq!(server.count("POST", LINKED), 0);
}

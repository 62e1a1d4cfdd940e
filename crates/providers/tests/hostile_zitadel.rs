//! Every ZITADEL read and write against a hostile server. Reads end in a typed error or the
//! true list; a write whose answer says nothing is settled by reading the links back.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use lanyard_model::zitadel::{IdpOwnerType, PolicyScope};
use lanyard_providers::ProviderError;
use lanyard_providers::zitadel::ZitadelClient;
use support::{Answer, Found, IDP, Product, Seen, Server, ZITADEL_LINKED as LINKED};

const POLICY: &str = "/admin/v1/policies/login";
const PROVIDERS: &str = "/admin/v1/idps/templates/_search";
const ORGS: &str = "/admin/v1/orgs/_search";
const LINK: &str = "/admin/v1/policies/login/idps";
const UNLINK: &str = "/admin/v1/policies/login/idps/284019223568203780";

fn client(server: &Server) -> ZitadelClient {
    support::zitadel(server, support::paged(30))
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
    let bad = support::unreadable(r#"{"details":{},"policy":{}}"#)
        .into_iter()
        .map(|(what, answer, _)| (what, answer))
        .chain([
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
        ])
        .collect::<Vec<_>>();
    for read in Read::ALL {
        for (what, answer) in &bad {
            let answer = answer.clone();
            let server = support::serve(Product::Zitadel, move |s| {
                read.is(s).then(|| answer.clone())
            })
            .await;
            support::read_failed(
                &format!("{read:?} on {what}"),
                read.run(&client(&server)).await,
            );
        }
    }
}

#[tokio::test]
async fn an_empty_list_is_empty_only_when_zitadel_says_so() {
    // ZITADEL leaves `result` and the total out when nothing is linked; `details` stays.
    let server = support::serve(Product::Zitadel, |s| {
        Read::Linked.is(s).then(|| {
            Answer::json(
                200,
                r#"{"details":{"viewTimestamp":"2026-11-23T00:00:00Z"}}"#,
            )
        })
    })
    .await;
    assert_eq!(Read::Linked.run(&client(&server)).await.unwrap(), 0);
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
    let server = support::serve(Product::Zitadel, |s| {
        Read::Linked.is(s).then(|| idps_page(s, 230, false))
    })
    .await;
    assert_eq!(Read::Linked.run(&client(&server)).await.unwrap(), 230);

    let server = support::serve(Product::Zitadel, |s| {
        Read::Linked.is(s).then(|| {
            let items: Vec<String> = (0..100).map(|i| format!(r#"{{"idpId":"{i}"}}"#)).collect();
            Answer::json(
                200,
                format!(r#"{{"details":{{}},"result":[{}]}}"#, items.join(",")),
            )
        })
    })
    .await;
    let err = Read::Linked.run(&client(&server)).await.unwrap_err();
    assert!(err.to_string().contains("same page twice"), "{err}");

    let server = support::serve(Product::Zitadel, |s| {
        Read::Linked
            .is(s)
            .then(|| idps_page(s, usize::MAX / 2, true))
    })
    .await;
    let err = Read::Linked.run(&client(&server)).await.unwrap_err();
    assert!(err.to_string().contains("past 30 pages"), "{err}");
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Write {
    Link,
    Unlink,
}

async fn write_against(
    write: Write,
    answer: Answer,
    found: Found,
) -> (Result<bool, ProviderError>, Server) {
    let link = write == Write::Link;
    let server = support::serve(Product::Zitadel, move |s| {
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
    let (idp, scope) = (support::idp(), PolicyScope::Instance);
    let result = match write {
        Write::Link => c.link(&scope, &idp, IdpOwnerType::System).await,
        Write::Unlink => c.unlink(&scope, &idp).await,
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
    let cases = [Write::Link, Write::Unlink]
        .into_iter()
        .flat_map(|write| {
            unclear
                .iter()
                .map(move |(what, answer)| (write, *what, answer.clone()))
        })
        .collect();
    for run in support::unclear_writes(cases, write_against).await {
        assert_eq!(run.server.count("GET", "/elsewhere"), 0, "{}", run.case);
        support::assert_settled(&run.case, run.found, run.result);
    }
}

#[tokio::test]
async fn a_clear_answer_needs_no_read_back() {
    let (result, server) = write_against(
        Write::Link,
        Answer::json(200, r#"{"details":{"sequence":"12"}}"#),
        Found::Unreadable,
    )
    .await;
    assert_eq!(result.ok(), Some(false), "applied, as the reply said");
    assert_eq!(server.count("POST", LINKED), 0);
}

//! Every Hub read and write against a hostile server. Reads end in a typed error or the true
//! list (a missing `total` does not cut a list at one page); a write whose answer says nothing
//! is settled by reading the auto-join groups back.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use lanyard_providers::ProviderError;
use lanyard_providers::hub::HubClient;
use support::{Answer, Found, HUB_GROUPS as GROUPS, Product, Seen, Server, module};

const MODULES: &str = "/api/rest/authmodules";
const GROUP: &str = "/api/rest/authmodules/m1/autojoingroups/g1";
const USERGROUPS: &str = "/api/rest/usergroups";

fn client(server: &Server) -> HubClient {
    support::hub(server, support::paged(30))
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
    let bad = support::unreadable(r#"{"authmodules":[],"autojoingroups":[],"usergroups":[]}"#)
        .into_iter()
        .map(|(what, answer, _)| (what, answer))
        .chain([
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
        ])
        .collect::<Vec<_>>();
    for read in Read::ALL {
        for (what, answer) in &bad {
            let (answer, path) = (answer.clone(), read.path());
            let server = support::serve(Product::Hub, move |s| {
                s.is("GET", path).then(|| answer.clone())
            })
            .await;
            support::read_failed(
                &format!("{read:?} on {what}"),
                read.run(&client(&server)).await,
            );
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
    let server = support::serve(Product::Hub, |s| {
        s.is("GET", GROUPS).then(|| groups_page(s, 240, false))
    })
    .await;
    assert_eq!(Read::Groups.run(&client(&server)).await.unwrap(), 240);

    // A Hub that caps the page below what was asked still gives every group.
    let server = support::serve(Product::Hub, |s| {
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
    assert_eq!(Read::Groups.run(&client(&server)).await.unwrap(), 95);

    let server = support::serve(Product::Hub, |s| {
        s.is("GET", GROUPS)
            .then(|| groups_page(s, usize::MAX / 2, true))
    })
    .await;
    let err = Read::Groups.run(&client(&server)).await.unwrap_err();
    assert!(err.to_string().contains("past 30 pages"), "{err}");
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Write {
    Add,
    Remove,
}

async fn write_against(
    write: Write,
    answer: Answer,
    found: Found,
) -> (Result<bool, ProviderError>, Server) {
    let add = write == Write::Add;
    let server = support::serve(Product::Hub, move |s| {
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
    let result = match write {
        Write::Add => c.add_auto_join_group(&module(), &support::group()).await,
        Write::Remove => c.remove_auto_join_group(&module(), &support::group()).await,
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
    let cases = [Write::Add, Write::Remove]
        .into_iter()
        .flat_map(|write| {
            unclear
                .iter()
                .filter(move |(_, _, both)| write == Write::Add || *both)
                .map(move |(what, answer, _)| (write, *what, answer.clone()))
        })
        .collect();
    for run in support::unclear_writes(cases, write_against).await {
        assert_eq!(run.server.count("GET", "/elsewhere"), 0, "{}", run.case);
        support::assert_settled(&run.case, run.found, run.result);
    }
}

#[tokio::test]
async fn an_add_answered_with_an_empty_200_or_the_group_is_done() {
    for answer in [
        Answer::empty(200),
        Answer::json(200, r#"{"id":"g1","name":"QA"}"#),
    ] {
        let (result, server) = write_against(Write::Add, answer, Found::Unreadable).await;
        assert_eq!(result.ok(), Some(false), "applied, as the reply said");
        assert_eq!(
            server.count("GET", GROUPS),
            1,
            "only the read before the add"
        );
    }
}

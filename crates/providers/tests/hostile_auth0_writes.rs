//! Every Auth0 write against a server whose answer does not say what happened: a 2xx of HTML,
//! cut short, of the wrong shape or too large, a redirect, a broken or silent connection. The
//! change may well have been applied, so the client reads the association back and says what
//! is true: confirmed, not applied, or unknown. Never "failed, nothing changed".

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use lanyard_model::auth0::{EnableConnection, UpdateConnection};
use lanyard_providers::ProviderError;
use lanyard_providers::auth0::Auth0Client;
use support::{AUTH0_LIST as LIST, AUTH0_ONE as ONE, Answer, Found, Product, Seen, Server};

const ELSEWHERE: &str = "/somewhere/else";

fn association(show_as_button: bool) -> String {
    format!(
        r#"{{"connection_id":"con_1","show_as_button":{show_as_button},"is_enabled":true,"connection":{{"name":"db","strategy":"auth0"}}}}"#
    )
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Write {
    Enable,
    Update,
    Remove,
}

impl Write {
    fn is(self, s: &Seen) -> bool {
        match self {
            Write::Enable => s.is("POST", LIST),
            Write::Update => s.is("PATCH", ONE),
            Write::Remove => s.is("DELETE", ONE),
        }
    }

    /// The read-back's answer. Update asks for `show_as_button: false`.
    fn read_back(self, found: Found) -> Answer {
        let missing = || {
            Answer::json(
                404,
                r#"{"statusCode":404,"error":"Not Found","message":"No connection found by that id"}"#,
            )
        };
        match (self, found) {
            (_, Found::Unreadable) => Answer::html(200),
            (Write::Enable, Found::Applied) => Answer::json(200, association(true)),
            (Write::Enable, Found::NotApplied) => missing(),
            (Write::Update, Found::Applied) => Answer::json(200, association(false)),
            (Write::Update, Found::NotApplied) => Answer::json(200, association(true)),
            (Write::Remove, Found::Applied) => missing(),
            (Write::Remove, Found::NotApplied) => Answer::json(200, association(true)),
        }
    }

    /// Runs the write: Ok(confirmed_by_read) or the error.
    async fn run(self, c: &Auth0Client) -> Result<bool, ProviderError> {
        let (org, con) = (support::org(), support::con());
        match self {
            Write::Enable => c
                .enable(&org, &EnableConnection::new(con))
                .await
                .map(|d| d.confirmed_by_read),
            Write::Update => {
                let update = UpdateConnection {
                    show_as_button: Some(false),
                    ..UpdateConnection::default()
                };
                c.update(&org, &con, &update)
                    .await
                    .map(|d| d.confirmed_by_read)
            }
            Write::Remove => c.remove(&org, &con).await.map(|d| d.confirmed_by_read),
        }
    }
}

async fn against(
    write: Write,
    answer: Answer,
    found: Found,
) -> (Result<bool, ProviderError>, Server) {
    let server = support::serve(Product::Auth0, move |s| {
        if write.is(s) {
            return Some(answer.clone());
        }
        s.is("GET", ONE).then(|| write.read_back(found))
    })
    .await;
    let c = support::auth0(&server, support::quick());
    (write.run(&c).await, server)
}

/// Answers that do not say what happened to a write.
fn unclear(write: Write) -> Vec<(&'static str, Answer)> {
    let mut all = vec![
        ("an HTML 200", Answer::html(200)),
        (
            "a 201 cut short",
            Answer::truncated(201, &association(true)),
        ),
        ("a 201 of 100 MB", Answer::huge(201)),
        (
            "a 200 of 9 MB, chunked",
            Answer::huge_chunked(200, 9 * 1024 * 1024),
        ),
        (
            "a 2xx whose length is shorter than its body",
            Answer::short_length(200, &association(true)),
        ),
        ("a status line that is not HTTP", Answer::garbage()),
        ("a connection closed after the request", Answer::Close),
        ("a 502 from a gateway", Answer::html(502)),
        (
            "a 504 from a gateway",
            Answer::json(504, r#"{"message":"upstream timed out"}"#),
        ),
    ];
    for status in [301, 302, 303, 307, 308] {
        all.push(("a redirect", Answer::redirect(status, ELSEWHERE)));
    }
    if write != Write::Remove {
        // A removal's 2xx needs no body: 204 and any JSON confirm it.
        all.push((
            "a 201 of another shape",
            Answer::json(201, r#"{"unexpected":true}"#),
        ));
        all.push(("an empty 201", Answer::empty(201)));
        all.push((
            "a 201 about another connection",
            Answer::json(201, association(true).replace("con_1", "con_2")),
        ));
    }
    all
}

#[tokio::test]
async fn a_write_whose_answer_says_nothing_is_read_back_and_reported_as_it_is() {
    for write in [Write::Enable, Write::Update, Write::Remove] {
        let cases = unclear(write)
            .into_iter()
            .map(|(what, answer)| (write, what, answer))
            .collect();
        for run in support::unclear_writes(cases, against).await {
            let (case, server) = (&run.case, &run.server);
            assert_eq!(
                server.count("GET", ELSEWHERE),
                0,
                "{case}: a redirect was followed"
            );
            assert!(
                server.count("GET", ONE) >= 1,
                "{case}: the target was not read back"
            );
            if let Some(shown) = support::assert_settled(case, run.found, run.result) {
                assert!(!shown.contains("could not be reached"), "{case}: {shown}");
            }
        }
    }
}

#[tokio::test]
async fn a_write_that_gets_no_answer_in_time_is_read_back_within_the_deadline() {
    for write in [Write::Enable, Write::Update, Write::Remove] {
        let (result, server) = against(write, Answer::Hang, Found::Applied).await;
        assert_eq!(
            result.ok(),
            Some(true),
            "{write:?}: confirmed by reading it back"
        );
        assert!(server.count("GET", ONE) >= 1);
        let (result, _) = against(
            write,
            Answer::slow(200, &association(true)),
            Found::NotApplied,
        )
        .await;
        match result {
            Err(err @ ProviderError::NotApplied { .. }) => {
                let shown = err.to_string();
                assert!(
                    shown.contains("too slow") || shown.contains("no answer came"),
                    "{shown}"
                )
            }
            other => panic!("{write:?}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_refusal_with_a_huge_message_changed_nothing_and_says_so_briefly() {
    let message = "refused ".repeat(700_000);
    for write in [Write::Enable, Write::Update, Write::Remove] {
        let body = format!(r#"{{"statusCode":400,"error":"Bad Request","message":"{message}"}}"#);
        let (result, server) = against(write, Answer::json(400, body), Found::Applied).await;
        match result {
            Err(ProviderError::Api {
                status: 400, body, ..
            }) => {
                assert!(body.message.len() < 1_100 && body.message.starts_with("refused refused"));
            }
            other => panic!("{write:?}: {other:?}"),
        }
        assert_eq!(
            server.count("GET", ONE),
            0,
            "{write:?}: a refusal needs no read-back"
        );
    }
}

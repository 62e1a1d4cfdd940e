//! What every hostile-server test shares: the scripted server, the secrets the clients are
//! given (no error may show one), the three clients built against a server, a server per
//! product that answers what a test scripts and 404s the rest in the product's words, and the
//! checks that a read failed cleanly and that a write was reported as its read-back found.

#![allow(dead_code)] // each test file uses its own part of this

mod server;

use std::fmt::Debug;
use std::time::Duration;

use futures::StreamExt;
use lanyard_model::ids::{AuthModuleId, ConnectionId, IdpId, OrganizationId, UserGroupId};
pub use lanyard_providers::Product;
use lanyard_providers::auth::Credentials;
use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::hub::HubClient;
use lanyard_providers::zitadel::ZitadelClient;
use lanyard_providers::{HttpOptions, ProviderError};
use secrecy::SecretString;
pub use server::{Answer, Seen, Server};

/// Tokens and secrets the clients are given; no error may show any of them.
pub const AUTH0_SECRET: &str = "auth0-client-secret-5f1e9a";
pub const AUTH0_TOKEN: &str = "auth0-access-token-7c2d41";
pub const ZITADEL_PAT: &str = "zitadel-pat-3b8e0f72";
pub const HUB_TOKEN: &str = "perm:hub-permanent-token-9a4c";
pub const HUB_SERVICE_SECRET: &str = "hub-service-secret-8d2f6a4c";
pub const SECRETS: [&str; 5] = [
    AUTH0_SECRET,
    AUTH0_TOKEN,
    ZITADEL_PAT,
    HUB_TOKEN,
    HUB_SERVICE_SECRET,
];

/// The lists and items the tests script, one per product, at the ids below.
pub const AUTH0_LIST: &str = "/api/v2/organizations/org_1/connections";
pub const AUTH0_ONE: &str = "/api/v2/organizations/org_1/connections/con_1";
pub const ZITADEL_LINKED: &str = "/admin/v1/policies/login/idps/_search";
pub const HUB_GROUPS: &str = "/api/rest/authmodules/m1/autojoingroups";
pub const IDP: &str = "284019223568203780";

pub fn org() -> OrganizationId {
    OrganizationId::parse("org_1").unwrap()
}

pub fn con() -> ConnectionId {
    ConnectionId::parse("con_1").unwrap()
}

pub fn idp() -> IdpId {
    IdpId::parse(IDP).unwrap()
}

pub fn module() -> AuthModuleId {
    AuthModuleId::parse("m1").unwrap()
}

pub fn group() -> UserGroupId {
    UserGroupId::parse("g1").unwrap()
}

/// Backoffs of milliseconds, a second per try and three per operation: long enough for a
/// loopback server, short enough that a silent one ends the test in seconds.
pub fn quick() -> HttpOptions {
    HttpOptions {
        backoff_base: Duration::from_millis(5),
        backoff_cap: Duration::from_millis(20),
        timeout: Duration::from_secs(1),
        deadline: Duration::from_secs(3),
        ..HttpOptions::default()
    }
}

/// [`quick`], with lists cut after `max_pages` pages.
pub fn paged(max_pages: u32) -> HttpOptions {
    HttpOptions {
        max_pages,
        ..quick()
    }
}

/// An Auth0 client with the M2M secret [`AUTH0_SECRET`].
pub fn auth0(server: &Server, options: HttpOptions) -> Auth0Client {
    Auth0Client::new(
        &server.url,
        "m2m",
        SecretString::from(AUTH0_SECRET),
        options,
    )
    .unwrap()
}

/// A ZITADEL client with the personal access token [`ZITADEL_PAT`].
pub fn zitadel(server: &Server, options: HttpOptions) -> ZitadelClient {
    ZitadelClient::new(&server.url, SecretString::from(ZITADEL_PAT), options).unwrap()
}

/// A Hub client with the permanent token [`HUB_TOKEN`].
pub fn hub(server: &Server, options: HttpOptions) -> HubClient {
    let credentials = Credentials::Bearer(SecretString::from(HUB_TOKEN));
    HubClient::new(&server.url, credentials, options).unwrap()
}

/// A Hub client that signs in as a trusted service with [`HUB_SERVICE_SECRET`].
pub fn hub_service(server: &Server, options: HttpOptions) -> HubClient {
    let credentials = Credentials::HubClientCredentials {
        service_id: "service".into(),
        service_secret: SecretString::from(HUB_SERVICE_SECRET),
        scope: "0-0-0-0-0".into(),
    };
    HubClient::new(&server.url, credentials, options).unwrap()
}

/// A token endpoint's reply; `expires_in` is written into the JSON as it is.
pub fn token(access_token: &str, expires_in: &str) -> Answer {
    Answer::json(
        200,
        format!(
            r#"{{"access_token":"{access_token}","token_type":"Bearer","expires_in":{expires_in}}}"#
        ),
    )
}

/// A server whose Auth0 token endpoint hands out [`AUTH0_TOKEN`] and whose every other
/// request `script` answers.
pub async fn with_token(script: impl Fn(&Seen) -> Answer + Send + Sync + 'static) -> Server {
    Server::start(move |s| {
        if s.is("POST", "/oauth/token") {
            return token(AUTH0_TOKEN, "86400");
        }
        script(s)
    })
    .await
}

pub const PRODUCTS: [Product; 3] = [Product::Auth0, Product::Zitadel, Product::Hub];

/// The product's answer to a path it does not have. Auth0's names the organization, so the
/// client takes it for a missing organization, not for a tenant without the Early Access
/// endpoints.
fn not_found(product: Product) -> Answer {
    Answer::json(
        404,
        match product {
            Product::Auth0 => {
                r#"{"statusCode":404,"error":"Not Found","message":"No organization found by that id or name"}"#
            }
            Product::Zitadel => r#"{"code":5,"message":"not scripted (X-1)","details":[]}"#,
            Product::Hub => r#"{"error":"Not Found","error_description":"HTTP 404 Not Found"}"#,
        },
    )
}

/// A server for `product` that answers what `world` scripts (and Auth0's token endpoint), and
/// anything else with the product's 404.
pub async fn serve(
    product: Product,
    world: impl Fn(&Seen) -> Option<Answer> + Send + Sync + 'static,
) -> Server {
    with_token(move |s| world(s).unwrap_or_else(|| not_found(product))).await
}

/// Fails the test if the error's Display or Debug holds a token or a secret.
pub fn assert_no_secret(err: &ProviderError) {
    let (shown, debug) = (err.to_string(), format!("{err:?}"));
    for secret in SECRETS {
        assert!(
            !shown.contains(secret),
            "a secret in the error text: {shown}"
        );
        assert!(
            !debug.contains(secret),
            "a secret in the error's Debug: {debug}"
        );
    }
}

/// The error a read must end in (`case` names the read and the reply); it shows no secret.
pub fn read_failed(case: &str, result: Result<usize, ProviderError>) -> ProviderError {
    match result {
        Ok(n) => panic!("{case}: read as {n} items instead of an error"),
        Err(err) => {
            assert_no_secret(&err);
            err
        }
    }
}

/// What a bad reply to a read must end in.
#[derive(Debug, Clone, Copy)]
pub enum Ends {
    /// Decode, naming what was expected.
    Decode,
    Unexpected,
    TooLarge,
    Network,
    /// Any typed error (the shape of it depends on the read).
    Error,
}

impl Ends {
    pub fn fits(self, err: &ProviderError) -> bool {
        match self {
            Ends::Decode => matches!(err, ProviderError::Decode { .. }),
            Ends::Unexpected => matches!(err, ProviderError::UnexpectedReply { .. }),
            Ends::TooLarge => matches!(err, ProviderError::BodyTooLarge { .. }),
            Ends::Network => matches!(err, ProviderError::Network { .. }),
            Ends::Error => true,
        }
    }
}

/// Replies no product's read can take, with what each ends in: another shape, HTML, an empty
/// body, `whole` cut short, a length of 100 MB, a status line that is not HTTP, a closed
/// connection.
pub fn unreadable(whole: &str) -> Vec<(&'static str, Answer, Ends)> {
    vec![
        (
            "another shape",
            Answer::json(200, r#"{"unexpected":true}"#),
            Ends::Decode,
        ),
        ("HTML", Answer::html(200), Ends::Unexpected),
        ("an empty body", Answer::empty(200), Ends::Unexpected),
        (
            "a body cut short",
            Answer::truncated(200, whole),
            Ends::Network,
        ),
        ("a length of 100 MB", Answer::huge(200), Ends::TooLarge),
        (
            "a status line that is not HTTP",
            Answer::garbage(),
            Ends::Network,
        ),
        ("a closed connection", Answer::Close, Ends::Network),
    ]
}

/// What reading the target back after a write finds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Found {
    /// The write took effect.
    Applied,
    /// It did not.
    NotApplied,
    /// The read cannot be read either.
    Unreadable,
}

impl Found {
    pub const ALL: [Found; 3] = [Found::Applied, Found::NotApplied, Found::Unreadable];
}

/// One write sent against an answer that does not say what happened.
pub struct Settled {
    /// The write, its answer and what the read-back found, in words.
    pub case: String,
    pub found: Found,
    /// Ok(confirmed_by_read), or the error.
    pub result: Result<bool, ProviderError>,
    pub server: Server,
}

/// How many writes `unclear_writes` has in flight at once. Each is a few requests to its own
/// server on the test's one thread; dozens at once can pass their deadline on a busy machine
/// before a byte is late, and the test would blame the client for the machine.
const AT_ONCE: usize = 12;

/// Runs each `(write, what the answer is, answer)` once per [`Found`], [`AT_ONCE`] at a time, through
/// `against` (which starts a server, sends the write and returns its result and the server).
pub async fn unclear_writes<W, F, Fut>(
    cases: Vec<(W, &'static str, Answer)>,
    against: F,
) -> Vec<Settled>
where
    W: Debug + Copy,
    F: Fn(W, Answer, Found) -> Fut,
    Fut: Future<Output = (Result<bool, ProviderError>, Server)>,
{
    let runs = cases.into_iter().flat_map(|(write, what, answer)| {
        Found::ALL.map(|found| (write, what, answer.clone(), found))
    });
    let runs = runs.map(|(write, what, answer, found)| {
        let run = against(write, answer, found);
        async move {
            let (result, server) = run.await;
            Settled {
                case: format!("{write:?} answered with {what}, read back {found:?}"),
                found,
                result,
                server,
            }
        }
    });
    futures::stream::iter(runs)
        .buffer_unordered(AT_ONCE)
        .collect()
        .await
}

/// Fails unless the write was reported as the read-back found it: confirmed by the read when
/// applied, `NotApplied` when not, `OutcomeUnknown` when the read-back could not be read
/// either; an error shows no secret. Returns the error's text, if there is an error.
pub fn assert_settled(
    case: &str,
    found: Found,
    result: Result<bool, ProviderError>,
) -> Option<String> {
    match (found, result) {
        (Found::Applied, Ok(confirmed_by_read)) => {
            assert!(confirmed_by_read, "{case}");
            None
        }
        (Found::NotApplied, Err(err @ ProviderError::NotApplied { .. }))
        | (Found::Unreadable, Err(err @ ProviderError::OutcomeUnknown { .. })) => {
            assert_no_secret(&err);
            Some(err.to_string())
        }
        (found, other) => panic!("{case}: expected {found:?} to be reported, got {other:?}"),
    }
}

/// Calls "Test connection" `times` times on each client; every call must succeed.
pub async fn tests_pass(auth0: &Auth0Client, hub: &HubClient, times: usize, case: &str) {
    for _ in 0..times {
        auth0.test().await.unwrap_or_else(|e| panic!("{case}: {e}"));
        hub.test().await.unwrap_or_else(|e| panic!("{case}: {e}"));
    }
}

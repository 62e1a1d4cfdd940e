//! What the UI shows when a host cannot be reached, from a real connection through the whole
//! path (the provider's error, the core's, the `CommandError` that crosses IPC, the UI's
//! "Could not load <what>: <cause>"): the cause once, the host, the fix; never reqwest's chain,
//! the URL with its query, or the token.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_core::{Client, CoreError};
use lanyard_model::error::NetworkCause;
use lanyard_model::profile::{AuthMethod, Environment, Product};
use lanyard_model::{CommandError, Profile};
use secrecy::SecretString;

const TOKEN: &str = "perm:what-users-read-token-51c7";

fn hub_profile(url: &str) -> Profile {
    Profile {
        id: "hub-gone".into(),
        product: Product::Hub,
        display_name: "Gone Hub".into(),
        base_url: url.into(),
        auth: AuthMethod::HubPermanentToken,
        environment: Environment::Production,
        secret_ref: String::new(),
        builtin: false,
    }
}

#[tokio::test]
async fn a_hub_that_refuses_the_connection_is_said_once_with_the_host_and_the_fix() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let profile = hub_profile(&format!("http://127.0.0.1:{port}"));
    let client = Client::new(&profile, SecretString::from(TOKEN)).unwrap();
    let err = client.hub().unwrap().auth_modules().await.unwrap_err();
    let shown = CommandError::from(CoreError::from(err));
    assert_eq!(
        shown,
        CommandError::Network {
            product: Product::Hub,
            host: format!("127.0.0.1:{port}"),
            cause: NetworkCause::ConnectionRefused,
        }
    );
    // As the Hub page says it (ui/src/load.rs).
    let text = format!("Could not load auth modules: {shown}");
    assert_eq!(
        text,
        format!(
            "Could not load auth modules: Hub at 127.0.0.1:{port} could not be reached (connection refused). Check the address on the Profiles page and that this computer can reach it"
        )
    );
    // One prefix, not three; no chain, no URL, no query, no token; and the same over IPC.
    assert_eq!(text.matches("could not be reached").count(), 1, "{text}");
    let ipc = serde_json::to_string(&shown).unwrap();
    for noise in [
        "error sending",
        "http://",
        "authmodules",
        "$top",
        "?",
        "os error",
        TOKEN,
    ] {
        assert!(!text.contains(noise), "{noise:?} in {text}");
        assert!(!ipc.contains(noise), "{noise:?} in {ipc}");
    }
}

//! What the benches share: the Auth0 profile and client for a sandbox, the sandbox's connections
//! and organizations, and waiting for a run.

#![allow(dead_code)] // each bench uses a part

use std::time::Duration;

use lanyard_core::Client;
use lanyard_core::bulk::Runs;
use lanyard_model::Profile;
use lanyard_model::bulk::{BulkTarget, RunState};
use lanyard_model::profile::{AuthMethod, Environment, Product};
use lanyard_sandbox::Sandbox;
use secrecy::SecretString;

/// The bench's profile of the sandbox's Auth0 tenant, and a client for it.
pub fn auth0_profile(s: &Sandbox) -> (Profile, Client) {
    let c = s.credentials();
    let profile = Profile {
        id: "bench".into(),
        product: Product::Auth0,
        display_name: "Bench".into(),
        base_url: s.auth0_url(),
        auth: AuthMethod::Auth0ClientCredentials {
            client_id: c.auth0_client_id.clone(),
        },
        environment: Environment::Sandbox,
        secret_ref: String::new(),
        builtin: false,
    };
    let client = Client::new(&profile, SecretString::from(c.auth0_client_secret.clone())).unwrap();
    (profile, client)
}

/// The id of the connection named `name` in the sandbox's Auth0 `state`.
pub fn connection_id(state: &serde_json::Value, name: &str) -> String {
    state["connections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// An organization of the sandbox's Auth0 state as a bulk target.
pub fn org_target(o: &serde_json::Value) -> BulkTarget {
    BulkTarget {
        id: o["id"].as_str().unwrap().to_owned(),
        name: o["name"].as_str().unwrap().to_owned(),
        owner_type: None,
    }
}

/// Waits until the run is in `state`.
pub async fn wait(runs: &Runs, id: &str, state: RunState) {
    while runs.view(id).unwrap().state != state {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

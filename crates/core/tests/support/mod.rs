//! Helpers the bulk-run tests share: a sandbox, profiles and clients for it, targets, and
//! polling a run until it gets somewhere.

#![allow(dead_code)] // each test file uses a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

pub mod crawl;
pub mod two_tenants;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use lanyard_core::Client;
use lanyard_core::audit::AuditLog;
use lanyard_core::bulk::Runs;
use lanyard_model::Profile;
use lanyard_model::auth0::EnableConnection;
use lanyard_model::bulk::{BulkOp, BulkTarget, RunAction, RunState, RunView};
use lanyard_model::ids::ConnectionId;
use lanyard_model::inventory::PlanSource;
use lanyard_model::profile::{AuthMethod, Environment, Product};
use lanyard_sandbox::{Sandbox, SandboxConfig};
use secrecy::SecretString;

/// A sandbox with Auth0's Enterprise buckets, refilled `scale` times faster than real time.
pub async fn sandbox(organizations: usize, scale: f64) -> Sandbox {
    lanyard_sandbox::start(SandboxConfig {
        organizations,
        time_scale: scale,
        ..Default::default()
    })
    .await
    .unwrap()
}

pub fn auth0_profile(url: &str, client_id: &str) -> Profile {
    Profile {
        id: "bulk-test-auth0".into(),
        product: Product::Auth0,
        display_name: "Bulk test".into(),
        base_url: url.into(),
        auth: AuthMethod::Auth0ClientCredentials {
            client_id: client_id.into(),
        },
        environment: Environment::Sandbox,
        secret_ref: String::new(),
        builtin: false,
    }
}

pub fn client_for(s: &Sandbox) -> (Profile, Client) {
    let c = s.credentials();
    let profile = auth0_profile(&s.auth0_url(), &c.auth0_client_id);
    let client = Client::new(&profile, SecretString::from(c.auth0_client_secret.clone())).unwrap();
    (profile, client)
}

pub fn runs_in(dir: &std::path::Path) -> Runs {
    Runs::open(dir, Arc::new(AuditLog::in_dir(dir)))
}

/// The first `n` organizations (after `skip`) that the seed did not link to github or
/// google-oauth2, as targets.
pub fn org_targets(s: &Sandbox, skip: usize, n: usize) -> Vec<BulkTarget> {
    let state = s.state(lanyard_sandbox::Product::Auth0);
    let seeded: BTreeSet<String> = ["github", "google-oauth2"]
        .iter()
        .flat_map(|name| links(s, name))
        .collect();
    state["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| !seeded.contains(o["id"].as_str().unwrap()))
        .skip(skip)
        .take(n)
        .map(|o| BulkTarget {
            id: o["id"].as_str().unwrap().to_owned(),
            name: o["name"].as_str().unwrap().to_owned(),
            owner_type: None,
        })
        .collect()
}

pub fn connection(s: &Sandbox, name: &str) -> (ConnectionId, String) {
    let state = s.state(lanyard_sandbox::Product::Auth0);
    let c = state["connections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap()
        .clone();
    (
        ConnectionId::parse(c["id"].as_str().unwrap()).unwrap(),
        c["strategy"].as_str().unwrap().to_owned(),
    )
}

pub fn enable_op(s: &Sandbox, name: &str) -> BulkOp {
    let (id, strategy) = connection(s, name);
    let mut request = EnableConnection::new(id);
    request.show_as_button = Some(true);
    BulkOp::Auth0Enable {
        request,
        strategy: Some(strategy),
        connection_name: name.into(),
    }
}

/// Every organization that has connection `name`, the seed's included.
pub fn links(s: &Sandbox, name: &str) -> BTreeSet<String> {
    let (id, _) = connection(s, name);
    s.state(lanyard_sandbox::Product::Auth0)["org_connections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["link"]["connection_id"] == id.as_str())
        .map(|l| l["organization_id"].as_str().unwrap().to_owned())
        .collect()
}

/// Organizations that were given connection `name` through the API (not by the seed), and the
/// sandbox's count of writes to each organization's link with it.
pub fn linked(s: &Sandbox, name: &str) -> (BTreeSet<String>, Vec<(String, u64)>) {
    let (id, _) = connection(s, name);
    let state = s.state(lanyard_sandbox::Product::Auth0);
    let written: BTreeSet<String> = state["writes"]
        .as_object()
        .unwrap()
        .keys()
        .filter_map(|k| {
            k.strip_suffix(&format!("/{}", id.as_str()))
                .map(str::to_owned)
        })
        .collect();
    let orgs = links(s, name).intersection(&written).cloned().collect();
    let writes = state["writes"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| k.ends_with(&format!("/{}", id.as_str())))
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect();
    (orgs, writes)
}

/// Polls the run until `done` holds. The limit only stops a hung test; it measures nothing.
pub async fn wait_for(
    runs: &Runs,
    id: &str,
    what: &str,
    done: impl Fn(&RunView) -> bool,
) -> RunView {
    for _ in 0..6_000 {
        let v = runs.view(id).unwrap();
        if done(&v) {
            return v;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "the run never got to: {what}; last {:?}",
        runs.view(id).unwrap().note
    );
}

pub async fn plan_ready(
    runs: &Runs,
    profile: &Profile,
    client: &Client,
    op: BulkOp,
    targets: Vec<BulkTarget>,
) -> String {
    let id = runs
        .plan(profile, client.clone(), op, targets, PlanSource::Live)
        .unwrap();
    wait_for(runs, &id, "ready", |v| v.state == RunState::Ready).await;
    id
}

pub fn start(runs: &Runs, id: &str, profile: &Profile, client: &Client, action: RunAction) {
    runs.control(id, action, Some((profile.clone(), client.clone())), None)
        .unwrap();
}

pub fn profile(s: &Sandbox, product: Product) -> (Profile, Client) {
    let c = s.credentials();
    let (url, auth, secret) = match product {
        Product::Zitadel => (
            s.zitadel_url(),
            AuthMethod::ZitadelPat,
            c.zitadel_pat.clone(),
        ),
        Product::Hub => (
            s.hub_url(),
            AuthMethod::HubPermanentToken,
            c.hub_token.clone(),
        ),
        Product::Auth0 => return client_for(s),
    };
    let profile = Profile {
        id: format!("bulk-test-{product:?}"),
        product,
        display_name: format!("{product:?} test"),
        base_url: url,
        auth,
        environment: Environment::Sandbox,
        secret_ref: String::new(),
        builtin: false,
    };
    let client = Client::new(&profile, SecretString::from(secret)).unwrap();
    (profile, client)
}

/// What most bulk tests start from: a sandbox of `organizations` refilled `scale` times faster
/// than real time, the Auth0 profile and client for it, a temporary data folder and the runs
/// kept in it.
pub async fn bench(
    organizations: usize,
    scale: f64,
) -> (Sandbox, Profile, Client, tempfile::TempDir, Runs) {
    product_bench(organizations, scale, Product::Auth0).await
}

/// Like [`bench`], with a profile and client for `product`.
pub async fn product_bench(
    organizations: usize,
    scale: f64,
    product: Product,
) -> (Sandbox, Profile, Client, tempfile::TempDir, Runs) {
    let s = sandbox(organizations, scale).await;
    let (profile, client) = profile(&s, product);
    let dir = tempfile::tempdir().unwrap();
    let runs = runs_in(dir.path());
    (s, profile, client, dir, runs)
}

/// Plans enabling connection `name` on `targets` and waits until the plan is ready.
pub async fn plan_enable(
    runs: &Runs,
    profile: &Profile,
    client: &Client,
    s: &Sandbox,
    name: &str,
    targets: Vec<BulkTarget>,
) -> String {
    plan_ready(runs, profile, client, enable_op(s, name), targets).await
}

/// Starts (or resumes, retries…) the run with `action` and waits until it has finished.
pub async fn run_to_end(
    runs: &Runs,
    id: &str,
    profile: &Profile,
    client: &Client,
    action: RunAction,
) -> RunView {
    start(runs, id, profile, client, action);
    finished(runs, id).await
}

/// Waits until the run has finished.
pub async fn finished(runs: &Runs, id: &str) -> RunView {
    wait_for(runs, id, "finished", |v| v.state == RunState::Finished).await
}

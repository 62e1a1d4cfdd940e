//! A person's read goes ahead of background reads queued on the same client's empty bucket
//! (the crawl must not starve the user's clicks), over real HTTP against the sandbox.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use std::sync::{Arc, Mutex};
use std::time::Duration;

use lanyard_model::ids::OrganizationId;
use lanyard_providers::HttpOptions;
use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::http::in_background;
use lanyard_sandbox::ratelimit::BucketSpec;
use lanyard_sandbox::{Product, SandboxConfig};
use secrecy::SecretString;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interactive_read_goes_ahead_of_background_reads_waiting_on_an_empty_bucket() {
    // Org-connection reads: 2 burst, 4 a second.
    let s = lanyard_sandbox::start(SandboxConfig {
        read_bucket: BucketSpec {
            burst: 2,
            per_minute: 240,
        },
        ..Default::default()
    })
    .await
    .unwrap();
    let c = s.credentials();
    let client = Arc::new(
        Auth0Client::new(
            &s.auth0_url(),
            &c.auth0_client_id,
            SecretString::from(c.auth0_client_secret.clone()),
            HttpOptions::default(),
        )
        .unwrap(),
    );
    let orgs: Vec<OrganizationId> = s.state(Product::Auth0)["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| OrganizationId::parse(o["id"].as_str().unwrap()).unwrap())
        .collect();
    // Empty the bucket and let the client learn its pace.
    for org in &orgs[..8] {
        client.org_connections(org).await.unwrap();
    }

    let finished: Arc<Mutex<Vec<String>>> = Arc::default();
    let mut background = Vec::new();
    for (i, org) in orgs[8..12].iter().enumerate() {
        let (client, org, finished) = (client.clone(), org.clone(), finished.clone());
        background.push(tokio::spawn(async move {
            in_background(client.org_connections(&org)).await.unwrap();
            finished.lock().unwrap().push(format!("background {i}"));
        }));
    }
    // The background reads are queued on the empty bucket when the person clicks.
    tokio::time::sleep(Duration::from_millis(30)).await;
    client.org_connections(&orgs[12]).await.unwrap();
    finished.lock().unwrap().push("interactive".to_owned());
    for b in background {
        b.await.unwrap();
    }

    let order = finished.lock().unwrap().clone();
    let place = order.iter().position(|w| w == "interactive").unwrap();
    assert!(
        place <= 1,
        "the click went out after {place} background reads (at most the one already in flight may precede it): {order:?}"
    );
    assert_eq!(order.len(), 5, "every background read still got its answer");
}

//! A person's read goes ahead of background reads queued on the same client's empty bucket
//! (the crawl must not starve the user's clicks), over real HTTP against the sandbox.
//!
//! The order is read at the server, relative to the click: the click waits until the server has
//! received the first background read (so the others are being paced on the empty bucket), and
//! counts the background reads the server received while the click was on its way. A bucket
//! slot every 500 ms leaves room for at most the one background read that had taken its slot
//! before the click; if clicks stopped going first, all the others would come before it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use std::sync::Arc;
use std::time::{Duration, Instant};

use lanyard_model::ids::OrganizationId;
use lanyard_providers::HttpOptions;
use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::http::in_background;
use lanyard_sandbox::ratelimit::BucketSpec;
use lanyard_sandbox::{Product, Sandbox, SandboxConfig};
use secrecy::SecretString;

/// How many of `orgs` the server has been asked for the connections of.
fn received(s: &Sandbox, orgs: &[OrganizationId]) -> usize {
    let counts = s.requests(Product::Auth0);
    orgs.iter()
        .filter(|o| {
            let key = format!("GET /api/v2/organizations/{}/connections", o.as_str());
            counts.get(&key).is_some_and(|n| *n > 0)
        })
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interactive_read_goes_ahead_of_background_reads_waiting_on_an_empty_bucket() {
    // Org-connection reads: 2 burst, then one every 500 ms.
    let s = lanyard_sandbox::start(SandboxConfig {
        read_bucket: BucketSpec {
            burst: 2,
            per_minute: 120,
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
    for org in &orgs[..4] {
        client.org_connections(org).await.unwrap();
    }

    let queued = &orgs[4..8];
    let mut background = Vec::new();
    for org in queued {
        let (client, org) = (client.clone(), org.clone());
        background.push(tokio::spawn(async move {
            in_background(client.org_connections(&org)).await.unwrap();
        }));
    }
    // The first background read reaches the server at the bucket's next slot; the others wait
    // for later ones. The limit only stops a hung test.
    let started = Instant::now();
    while received(&s, queued) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no background read reached the server"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let before_click = received(&s, queued);
    client.org_connections(&orgs[8]).await.unwrap();
    let overtaken_by = received(&s, queued) - before_click;
    assert!(
        before_click < queued.len() - 1,
        "the background reads went out before the click could be tested ({before_click} of {})",
        queued.len()
    );
    assert!(
        overtaken_by <= 1,
        "{overtaken_by} background reads reached the server while the click waited (at most the \
         one that had its slot before the click may)"
    );
    for b in background {
        b.await.unwrap();
    }
    assert_eq!(
        received(&s, queued),
        queued.len(),
        "every background read still got its answer"
    );
}

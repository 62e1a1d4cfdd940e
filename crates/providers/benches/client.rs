//! Client overhead per call against the sandbox on loopback, and the share of Auth0's
//! org-connection write ceiling a run of writes achieves with the client's pacing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the bench failing

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use lanyard_model::auth0::EnableConnection;
use lanyard_model::ids::{ConnectionId, OrganizationId};
use lanyard_providers::HttpOptions;
use lanyard_providers::auth0::Auth0Client;
use lanyard_sandbox::ratelimit::BucketSpec;
use lanyard_sandbox::{Product, SandboxConfig};
use secrecy::SecretString;

fn client(s: &lanyard_sandbox::Sandbox) -> Auth0Client {
    let c = s.credentials();
    Auth0Client::new(
        &s.auth0_url(),
        &c.auth0_client_id,
        SecretString::from(c.auth0_client_secret.clone()),
        HttpOptions::default(),
    )
    .unwrap()
}

fn per_call(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (sandbox, client, org) = rt.block_on(async {
        let s = lanyard_sandbox::start(SandboxConfig {
            read_bucket: BucketSpec {
                burst: 1_000_000,
                per_minute: 60_000_000,
            },
            buckets: [(
                "organization_connections_read".to_owned(),
                BucketSpec {
                    burst: 1_000_000,
                    per_minute: 60_000_000,
                },
            )]
            .into(),
            ..Default::default()
        })
        .await
        .unwrap();
        let org = OrganizationId::parse(
            s.state(Product::Auth0)["organizations"][0]["id"]
                .as_str()
                .unwrap(),
        )
        .unwrap();
        let client = client(&s);
        client.org_connections(&org).await.unwrap();
        (s, client, org)
    });
    c.bench_function("auth0 list org connections (loopback round trip)", |b| {
        b.to_async(&rt)
            .iter(|| async { client.org_connections(&org).await.unwrap() })
    });
    drop(sandbox);
}

/// Writes 25 enables through Auth0's real org-connection write bucket (5 burst, 150 per minute,
/// in real time: `x-ratelimit-reset` has one-second resolution, so a sped-up bucket would say
/// nothing about real pacing) and reports the achieved rate as a share of the ceiling.
fn paced_writes(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut group = c.benchmark_group("auth0 paced writes");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("25 enables at 150 per minute", |b| {
        b.to_async(&rt).iter_custom(|iters| async move {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let scale = 1.0;
                let spec = BucketSpec {
                    burst: 5,
                    per_minute: 150,
                };
                let s = lanyard_sandbox::start(SandboxConfig {
                    organizations: 80,
                    write_bucket: spec,
                    buckets: [("organization_connections_write".to_owned(), spec)].into(),
                    time_scale: scale,
                    ..Default::default()
                })
                .await
                .unwrap();
                let client = client(&s);
                let state = s.state(Product::Auth0);
                let github = state["connections"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|c| c["name"] == "github")
                    .unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_owned();
                let github = ConnectionId::parse(github).unwrap();
                let orgs: Vec<OrganizationId> = (10..35)
                    .map(|i| {
                        OrganizationId::parse(state["organizations"][i]["id"].as_str().unwrap())
                            .unwrap()
                    })
                    .collect();
                client.test().await.unwrap();
                let started = Instant::now();
                for org in &orgs {
                    client
                        .enable(org, &EnableConnection::new(github.clone()))
                        .await
                        .unwrap();
                }
                let elapsed = started.elapsed();
                // The first `burst` writes are free; the rest arrive at the refill rate.
                let ceiling_per_sec = f64::from(spec.per_minute) / 60.0 * scale;
                let ideal = (orgs.len() as f64 - f64::from(spec.burst)) / ceiling_per_sec;
                eprintln!(
                    "paced writes: {} in {:.2} s = {:.1}/s; {:.0}% of the bucket's ceiling",
                    orgs.len(),
                    elapsed.as_secs_f64(),
                    orgs.len() as f64 / elapsed.as_secs_f64(),
                    100.0 * ideal / elapsed.as_secs_f64()
                );
                total += elapsed;
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, per_call, paced_writes);
criterion_main!(benches);

//! The crawl's read rate as a share of Auth0's org-connection read ceiling: 340 organizations
//! through the 10-burst, 100-per-minute bucket, refilled ten times faster than real time so that
//! a sample takes about 20 s instead of 200 s. The first 10 reads are the burst; the other 330
//! can at best come at the refill rate, so ideal = 330 / (100 / 60 × 10) s, from the first
//! org-connection read to the last.
//!
//! The crawl goes through `Crawls` exactly as the app's does (listing, then each organization
//! read in the background and committed to the inventory on the blocking pool). It also prints
//! how many org-connection requests the sandbox answered (one per organization means no 429 at
//! all, so none could reach the crawl), the projected crawl of 10,000 organizations at real
//! time, and the inventory's file size.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the bench failing

mod support;

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use lanyard_core::Stock;
use lanyard_core::crawl::Crawls;
use lanyard_model::inventory::{CrawlAction, CrawlPhase, CrawlState};
use lanyard_sandbox::SandboxConfig;
use lanyard_sandbox::ratelimit::READ_DEFAULT;

const ORGANIZATIONS: usize = 340;
const SCALE: f64 = 10.0;
/// What the projection is for.
const PROJECTED: f64 = 10_000.0;
/// Auth0's page of organizations, as the crawl lists them.
const PAGE: f64 = 100.0;

/// One crawl; returns the time from the first org-connection read to the last.
async fn one_crawl() -> Duration {
    let s = lanyard_sandbox::start(SandboxConfig {
        organizations: ORGANIZATIONS,
        time_scale: SCALE,
        ..Default::default()
    })
    .await
    .unwrap();
    let (profile, client) = support::auth0_profile(&s);
    let dir = tempfile::tempdir().unwrap();
    let crawls = Crawls::open(Stock::open(dir.path()));
    let started = Instant::now();
    crawls
        .act(&profile, Some(client), CrawlAction::Start)
        .unwrap();
    let mut reading_from = None;
    let view = loop {
        let view = crawls.view(&profile);
        if reading_from.is_none() && matches!(view.phase, CrawlPhase::Reading(_)) {
            reading_from = Some(Instant::now());
        }
        if view.state != CrawlState::Running {
            break view;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    };
    let ended = Instant::now();
    let listing = reading_from.unwrap().duration_since(started);
    let elapsed = ended.duration_since(reading_from.unwrap());
    assert_eq!(view.state, CrawlState::Finished, "{:?}", view.message);
    assert_eq!(view.done, ORGANIZATIONS as u64);
    drop(crawls); // closes the inventory (its WAL is checkpointed)
    let reads: u64 = s
        .requests(lanyard_sandbox::Product::Auth0)
        .iter()
        .filter(|(k, _)| k.starts_with("GET /api/v2/organizations/") && k.ends_with("/connections"))
        .map(|(_, n)| n)
        .sum();
    let bytes = std::fs::metadata(dir.path().join(lanyard_core::stock::FILE_NAME))
        .unwrap()
        .len();

    let n = ORGANIZATIONS as f64;
    let burst = f64::from(READ_DEFAULT.burst);
    let per_sec = f64::from(READ_DEFAULT.per_minute) / 60.0;
    let ideal = (n - burst) / (per_sec * SCALE);
    let share = ideal / elapsed.as_secs_f64();
    // At real time: the listing (pages through the same-sized organizations bucket, the first
    // 10 from its burst) and the reads at the share achieved here.
    let listing_real = ((PROJECTED / PAGE) - burst).max(0.0) / per_sec;
    let reads_real = (PROJECTED - burst) / (per_sec * share);
    eprintln!(
        "crawl: {ORGANIZATIONS} organizations read in {:.2} s (listing {:.2} s before) = {:.1}/s against a ceiling of {:.1}/s after the burst: {:.1}% of the ceiling; {reads} org-connection requests answered (429s: {}); inventory {bytes} bytes ({:.1} KiB per organization); projected at real time for 10,000 organizations: {:.0} min ({:.0} s listing + {:.0} s reading), inventory about {:.1} MiB",
        elapsed.as_secs_f64(),
        listing.as_secs_f64(),
        n / elapsed.as_secs_f64(),
        per_sec * SCALE,
        100.0 * share,
        reads.saturating_sub(ORGANIZATIONS as u64),
        bytes as f64 / n / 1024.0,
        (listing_real + reads_real) / 60.0,
        listing_real,
        reads_real,
        bytes as f64 / n * PROJECTED / (1024.0 * 1024.0),
    );
    elapsed
}

fn crawl(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut group = c.benchmark_group("crawl");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(200));
    group.bench_function("340 organizations at Auth0's read ceiling (x10)", |b| {
        b.to_async(&rt).iter_custom(|iters| async move {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += one_crawl().await;
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, crawl);
criterion_main!(benches);

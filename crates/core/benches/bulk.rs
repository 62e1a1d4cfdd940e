//! The achieved write rate of a bulk run as a share of Auth0's org-connection write ceiling:
//! 200 organizations through the 5-burst, 150-per-minute bucket, refilled four times faster
//! than real time so that a sample takes 20 s instead of 80 s. The first 5 writes are the burst;
//! the other 195 can at best arrive at the refill rate, so ideal = 195 / (2.5 × 4) s.
//!
//! The run goes through `Runs` exactly as the app's does: journal write and fsync before each
//! write, read-back when unsure, audit entry after.
//!
//! Beside it, the same run limited to 50% of the write rate (issue 15), measured the same way as
//! a share of the ceiling (target 45–55%): on its fresh client it first learns the refill rate at
//! the pacer's pace (the burst and about 16 refills), then keeps to half of it. It also prints
//! the share past that calibration, and how many POSTs the sandbox answered (one per write:
//! no 429).
//!
//! Measured on 2026-11-30 (`cargo bench -p lanyard-core --bench bulk -- --quick`, three runs
//! each, 2 cores shared with other builds; 187 writes, 187 POSTs answered in every run): the full
//! rate at 96.6–99.8% of the ceiling (18.5 s); at 50%, 49.9–52.3% of the ceiling over the whole
//! run (35.5 s) and 47.7–49.5% from the 40th write on.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the bench failing

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use lanyard_core::audit::AuditLog;
use lanyard_core::bulk::Runs;
use lanyard_model::auth0::EnableConnection;
use lanyard_model::bulk::{BulkOp, BulkTarget, RateShare, RunAction, RunState};
use lanyard_model::ids::ConnectionId;
use lanyard_model::inventory::PlanSource;
use lanyard_sandbox::SandboxConfig;
use lanyard_sandbox::ratelimit::{BucketSpec, WRITE_DEFAULT};

const TARGETS: usize = 200;
const SCALE: f64 = 4.0;

/// One run of 200 enables at `percent` of the write rate; returns the time from Start to
/// Finished.
async fn one_run(percent: u8) -> Duration {
    let s = lanyard_sandbox::start(SandboxConfig {
        organizations: TARGETS,
        time_scale: SCALE,
        // Planning reads are not what is measured: give them room.
        read_bucket: BucketSpec {
            burst: 1_000,
            per_minute: 60_000,
        },
        ..Default::default()
    })
    .await
    .unwrap();
    let (profile, client) = support::auth0_profile(&s);
    let state = s.state(lanyard_sandbox::Product::Auth0);
    let conn = support::connection_id(&state, "github");
    let targets: Vec<BulkTarget> = state["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(support::org_target)
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let runs = Runs::open(dir.path(), Arc::new(AuditLog::in_dir(dir.path())));
    let op = BulkOp::Auth0Enable {
        request: EnableConnection::new(ConnectionId::parse(conn).unwrap()),
        strategy: Some("github".into()),
        connection_name: "github".into(),
    };
    let id = runs
        .plan(&profile, client.clone(), op, targets, PlanSource::Live)
        .unwrap();
    support::wait(&runs, &id, RunState::Ready).await;
    runs.set_rate_share(&id, RateShare::new(percent).unwrap())
        .unwrap();
    let to_write = runs.view(&id).unwrap().counts.pending;
    let posts = || -> u64 {
        s.requests(lanyard_sandbox::Product::Auth0)
            .iter()
            .filter(|(k, _)| k.starts_with("POST "))
            .map(|(_, n)| *n)
            .sum()
    };
    let posts_before = posts();
    // Past the 30 named organizations, the seed's spread enables github on about 8%.
    assert!(
        to_write + 25 >= TARGETS,
        "{to_write} organizations to write"
    );
    let started = Instant::now();
    runs.control(&id, RunAction::Start, Some((profile, client)), None)
        .unwrap();
    // When the 40th write was done: past the calibration of a run at a share.
    let mut at_40 = None;
    loop {
        let v = runs.view(&id).unwrap();
        if at_40.is_none() && v.counts.done >= 40 {
            at_40 = Some((Instant::now(), v.counts.done));
        }
        if v.state == RunState::Finished {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let elapsed = started.elapsed();
    let v = runs.view(&id).unwrap();
    assert_eq!(v.counts.failed + v.counts.unknown, 0);
    let writes = v.counts.done as f64;
    let rate = f64::from(WRITE_DEFAULT.per_minute) / 60.0 * SCALE;
    let ideal = (writes - f64::from(WRITE_DEFAULT.burst)) / rate;
    let steady = at_40.map_or(0.0, |(at, done)| {
        (v.counts.done - done) as f64 / at.elapsed().as_secs_f64() / rate
    });
    eprintln!(
        "bulk run at {percent}%: {writes} enables in {:.2} s = {:.1}/s against a ceiling of {rate:.1}/s after the burst: {:.1}% of the ceiling ({:.1}% from the 40th write on); {} POSTs answered",
        elapsed.as_secs_f64(),
        writes / elapsed.as_secs_f64(),
        100.0 * ideal / elapsed.as_secs_f64(),
        100.0 * steady,
        posts() - posts_before
    );
    elapsed
}

fn bulk_run(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut group = c.benchmark_group("bulk run");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(200));
    group.bench_function("200 organizations at Auth0's write ceiling (x4)", |b| {
        b.to_async(&rt).iter_custom(|iters| async move {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += one_run(100).await;
            }
            total
        })
    });
    group.finish();
    let mut group = c.benchmark_group("bulk run at a share");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(400));
    group.bench_function("200 organizations at 50% of Auth0's write rate (x4)", |b| {
        b.to_async(&rt).iter_custom(|iters| async move {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += one_run(50).await;
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, bulk_run);
criterion_main!(benches);

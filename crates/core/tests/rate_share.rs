//! A bulk run limited to a share of the write rate (issue 15), against the sandbox's Auth0
//! org-connection write bucket (5 burst, 150 a minute) refilled ten times faster than real time:
//! the run at 50% gets about half the ceiling with no 429, and a share changed while the run is
//! paused is used when it resumes (and journaled).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::time::{Duration, Instant};

use lanyard_model::bulk::{RateShare, RunAction, RunState};
use lanyard_sandbox::SandboxConfig;
use lanyard_sandbox::ratelimit::{BucketSpec, WRITE_DEFAULT};
use support::{client_for, enable_op, org_targets, plan_ready, runs_in, start, wait_for};

const SCALE: f64 = 10.0;

/// Writes per second the bucket refills at.
fn ceiling() -> f64 {
    f64::from(WRITE_DEFAULT.per_minute) / 60.0 * SCALE
}

async fn sandbox(organizations: usize) -> lanyard_sandbox::Sandbox {
    lanyard_sandbox::start(SandboxConfig {
        organizations,
        time_scale: SCALE,
        // Planning reads are not what is measured: give them room.
        read_bucket: BucketSpec {
            burst: 1_000,
            per_minute: 60_000,
        },
        ..Default::default()
    })
    .await
    .unwrap()
}

/// Writes the sandbox received, 429s included.
fn posts(s: &lanyard_sandbox::Sandbox) -> u64 {
    s.requests(lanyard_sandbox::Product::Auth0)
        .iter()
        .filter(|(k, _)| k.starts_with("POST "))
        .map(|(_, n)| *n)
        .sum()
}

/// When each count of done items was first seen, polling every 5 ms until `until` holds.
async fn watch(
    runs: &lanyard_core::bulk::Runs,
    id: &str,
    until: impl Fn(&lanyard_model::bulk::RunView) -> bool,
) -> Vec<(usize, Instant)> {
    let mut seen: Vec<(usize, Instant)> = Vec::new();
    for _ in 0..12_000 {
        let v = runs.view(id).unwrap();
        if seen.last().is_none_or(|(d, _)| *d < v.counts.done) {
            seen.push((v.counts.done, Instant::now()));
        }
        if until(&v) {
            return seen;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("the run never got there");
}

/// Writes per second between the `from`th and the `to`th done item.
fn rate(seen: &[(usize, Instant)], from: usize, to: usize) -> f64 {
    let at = |n: usize| seen.iter().find(|(d, _)| *d >= n).unwrap();
    let (a, b) = (at(from), at(to));
    (b.0 - a.0) as f64 / b.1.duration_since(a.1).as_secs_f64()
}

#[tokio::test]
async fn a_run_at_half_the_write_rate_gets_half_the_ceiling_with_no_429() {
    let s = sandbox(160).await;
    let (profile, client) = client_for(&s);
    let dir = tempfile::tempdir().unwrap();
    let runs = runs_in(dir.path());
    let targets = org_targets(&s, 0, 100);
    let id = plan_ready(&runs, &profile, &client, enable_op(&s, "github"), targets).await;
    let v = runs
        .set_rate_share(&id, RateShare::new(50).unwrap())
        .unwrap();
    assert_eq!(v.rate_share.percent(), 50);
    let to_write = v.counts.pending;
    let before = posts(&s);
    start(&runs, &id, &profile, &client, RunAction::Start);
    let seen = watch(&runs, &id, |v| v.state == RunState::Finished).await;
    let v = runs.view(&id).unwrap();
    assert_eq!((v.counts.failed, v.counts.unknown), (0, 0));
    assert_eq!(v.counts.done, to_write);
    assert_eq!(
        posts(&s) - before,
        to_write as u64,
        "one POST per write: no 429"
    );
    // Past the writes that learn the rate (the burst and about 16 refills at the pacer's pace).
    let share = rate(&seen, 32, to_write) / ceiling();
    eprintln!("at 50%: {:.1}% of the ceiling", share * 100.0);
    assert!((0.42..=0.56).contains(&share), "{:.1}%", share * 100.0);
}

#[tokio::test]
async fn a_share_changed_while_paused_is_used_when_the_run_resumes() {
    let s = sandbox(160).await;
    let (profile, client) = client_for(&s);
    let dir = tempfile::tempdir().unwrap();
    let runs = runs_in(dir.path());
    let targets = org_targets(&s, 0, 100);
    let id = plan_ready(&runs, &profile, &client, enable_op(&s, "github"), targets).await;
    runs.set_rate_share(&id, RateShare::new(20).unwrap())
        .unwrap();
    let to_write = runs.view(&id).unwrap().counts.pending;
    let before = posts(&s);
    start(&runs, &id, &profile, &client, RunAction::Start);
    let slow = watch(&runs, &id, |v| v.counts.done >= 38).await;
    // Not while it runs.
    let refused = runs
        .set_rate_share(&id, RateShare::new(80).unwrap())
        .unwrap_err();
    assert!(refused.to_string().contains("pause it"), "{refused}");
    runs.control(&id, RunAction::Pause, None, None).unwrap();
    let paused = wait_for(&runs, &id, "paused", |v| v.state == RunState::Paused).await;
    let v = runs
        .set_rate_share(&id, RateShare::new(80).unwrap())
        .unwrap();
    assert_eq!(v.rate_share.percent(), 80);
    // Journaled: a restart finds it.
    assert_eq!(
        runs_in(dir.path()).view(&id).unwrap().rate_share.percent(),
        80
    );
    start(&runs, &id, &profile, &client, RunAction::Resume);
    let fast = watch(&runs, &id, |v| v.state == RunState::Finished).await;
    let v = runs.view(&id).unwrap();
    assert_eq!(v.counts.done, to_write);
    assert_eq!(posts(&s) - before, to_write as u64, "no 429");
    // Its undo keeps to the same share.
    let undo = runs.undo(&profile, &id).unwrap();
    assert_eq!(runs.view(&undo).unwrap().rate_share.percent(), 80);

    let at_20 = rate(&slow, 28, 38) / ceiling();
    // After the resume, past the share's burst (4 of the bucket's 5).
    let from = paused.counts.done + 5;
    let at_80 = rate(&fast, from, to_write) / ceiling();
    eprintln!(
        "at 20%: {:.1}%, then at 80%: {:.1}% of the ceiling",
        at_20 * 100.0,
        at_80 * 100.0
    );
    assert!((0.12..=0.28).contains(&at_20), "{:.1}%", at_20 * 100.0);
    assert!((0.65..=0.9).contains(&at_80), "{:.1}%", at_80 * 100.0);
}

//! The Activity page's filter over an audit log of 100,000 entries (issue 19: a target's name
//! became a typed label). Each read asks for another filter than the one before, so each is a
//! whole scan of the file: every line parsed (names borrowed where they need no unescaping)
//! and its words matched.
//!
//! - `names as plain strings`: every target named by a plain string, as every line before
//!   typed labels was written (every tenth item is the English "connection con_… (name not
//!   known)" an earlier Lanyard wrote).
//! - `every tenth item typed`: the same log as Lanyard writes it now, every tenth item an
//!   unnamed connection stored as its typed label, which the scan builds and words in English.
//!
//! Measured on 2026-12-01 (`cargo bench -p lanyard-core --bench activity_filter`, 2 cores
//! shared with other builds, two runs, one read = one whole scan): plain strings 129.9 /
//! 122.2 ms, every tenth item typed 131.9 / 130.0 ms (one noisier run gave 193.9); the scan
//! before typed names (its `Option<Cow<str>>` name, same plain log, page.rs of 1d3fc68 built in
//! place for the run) 130.6 / 127.0 ms.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the bench failing

use criterion::{Criterion, criterion_group, criterion_main};
use lanyard_core::audit::{AuditEntry, AuditLog, Outcome, Target};
use lanyard_model::Label;
use lanyard_model::change::ItemNoun;

const ENTRIES: usize = 100_000;

fn entry(i: usize, typed: bool) -> AuditEntry {
    let connection = format!("con_{:04}", i % 1_000);
    let item = if !i.is_multiple_of(10) {
        Label::from(format!("Connection {}", i % 1_000))
    } else if typed {
        Label::item(ItemNoun::Connection, None, &connection)
    } else {
        Label::from(format!("connection {connection} (name not known)"))
    };
    AuditEntry {
        time: format!("2026-11-{:02}T{:02}:{:02}:00Z", 1 + i % 28, i % 24, i % 60),
        profile_id: format!("p-{}", i % 4),
        profile_name: format!("Tenant {}", i % 4),
        product: "auth0".into(),
        operation: "enable_connection".into(),
        targets: vec![
            Target {
                kind: "target".into(),
                id: format!("org_{i:08}"),
                name: Some(format!("organization-{i}").into()),
            },
            Target {
                kind: "item".into(),
                id: connection,
                name: Some(item),
            },
        ],
        request: serde_json::json!({"connection_id": "con_github", "show_as_button": true}),
        outcome: if i.is_multiple_of(10) {
            Outcome::Failure
        } else {
            Outcome::Success
        },
        status: Some(201),
        message: None,
        correlation_id: Some(format!("corr-{i:06}")),
        who: "bench".into(),
        run_id: None,
    }
}

fn log(typed: bool) -> (tempfile::TempDir, AuditLog) {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::in_dir(dir.path());
    let entries: Vec<AuditEntry> = (0..ENTRIES).map(|i| entry(i, typed)).collect();
    log.append_all(&entries).unwrap();
    (dir, log)
}

fn activity_filter(c: &mut Criterion) {
    let mut group = c.benchmark_group("activity filter");
    group.sample_size(10);
    for (typed, name) in [
        (false, "100,000 entries, names as plain strings"),
        (true, "100,000 entries, every tenth item typed"),
    ] {
        let (_dir, log) = log(typed);
        // One entry by its target's name, then a hundred unnamed items by id and English words.
        let filters = ["organization-77777", "con_0420 name not known"];
        let mut sequence = 0u64;
        group.bench_function(name, |b| {
            b.iter(|| {
                sequence += 1;
                let filter = filters[(sequence % 2) as usize];
                let page = log.page(filter, 0, 50, sequence).unwrap();
                assert_eq!(page.total, ENTRIES);
                assert_eq!(
                    page.matching,
                    if sequence.is_multiple_of(2) { 1 } else { 100 }
                );
            });
        });
    }
    group.finish();
}

criterion_group!(benches, activity_filter);
criterion_main!(benches);

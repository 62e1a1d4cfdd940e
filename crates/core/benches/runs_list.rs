//! The Bulk page's list of runs with 100 runs of 10,000 items on disk, and the journal's cost
//! per item change (issue 17).
//!
//! - `list 100 runs of 10,000 items, journals of version 3`: the append-only format; the list
//!   reads each journal's header and last line.
//! - `list ... version 2`: the same runs as the previous format wrote them (the whole run in one
//!   JSON document), which the list had to read and parse whole: the "before".
//! - `journal one item change of a 10,000-item run`: one line appended and fsynced (version 3),
//!   against the whole run rewritten and fsynced as the previous format did at every change.
//!
//! Each item is done, with a correlation id, a message and both states: 3.8 MB a run in version
//! 3 (380,761,200 bytes for the 100), 3.5 MB in version 2 (353,922,200).
//!
//! Measured on 2026-12-01 (`cargo bench -p lanyard-core --bench runs_list`, 2 cores and one
//! disk shared with other builds, two runs): listing 1.37 / 1.39 ms in version 3 against
//! 3.34 / 3.68 s in version 2; one item change 1.5 / 4.7 ms appended against 31 / 29 ms
//! rewritten whole (the append's time is the fsync's, and varies with what else the disk does).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the bench failing

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use lanyard_core::bulk::journal::{Item, Journal, RunRecord};
use lanyard_model::bulk::{BulkTarget, ItemNote, ItemStatus, MAX_TARGETS, RunState, RunTitle};
use lanyard_model::profile::{AuthMethod, Environment, Product};
use lanyard_model::{Profile, TargetState};

const RUNS: usize = 100;

fn run(n: usize) -> RunRecord {
    let profile = Profile {
        id: "bench".into(),
        product: Product::Hub,
        display_name: "Bench".into(),
        base_url: "http://127.0.0.1:9".into(),
        auth: AuthMethod::HubPermanentToken,
        environment: Environment::Sandbox,
        secret_ref: String::new(),
        builtin: false,
    };
    let items = (0..MAX_TARGETS)
        .map(|i| {
            let mut item = Item::new(BulkTarget {
                id: format!("module-{i:05}"),
                name: format!("Authentication module {i}"),
                owner_type: None,
            });
            item.current = Some(TargetState::HubGroup { auto_join: false });
            item.planned = Some(TargetState::HubGroup { auto_join: true });
            item.status = ItemStatus::Done;
            item.correlation_id = Some(format!("0f1e2d3c-aaaa-bbbb-cccc-{i:012}"));
            item.message = Some(ItemNote::AlreadySo);
            item.attempts = 1;
            item
        })
        .collect();
    let id = format!("run-0f1e2d3c-aaaa-bbbb-cccc-{n:012}");
    let title = RunTitle::AddGroup {
        group: "Developers".into(),
        modules: n,
    };
    let mut record = RunRecord::new(id, &profile, None, title, items);
    record.state = RunState::Finished;
    record
}

/// The run as a version 2 journal: one JSON document, items and all.
fn version_2(record: &RunRecord) -> Vec<u8> {
    let mut doc = serde_json::to_value(record).unwrap();
    let fields = doc.as_object_mut().unwrap();
    fields.insert("version".into(), 2.into());
    fields.insert("items".into(), serde_json::to_value(&record.items).unwrap());
    serde_json::to_vec(&doc).unwrap()
}

fn folder_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir.join("runs"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum()
}

fn runs_list(c: &mut Criterion) {
    let new = tempfile::tempdir().unwrap();
    let old = tempfile::tempdir().unwrap();
    let journal = Journal::in_dir(new.path());
    std::fs::create_dir_all(old.path().join("runs")).unwrap();
    let mut record = run(0);
    for n in 0..RUNS {
        record.id = format!("run-0f1e2d3c-aaaa-bbbb-cccc-{n:012}");
        journal.save(&record).unwrap();
        let file = old.path().join("runs").join(format!("{}.json", record.id));
        std::fs::write(file, version_2(&record)).unwrap();
    }
    eprintln!(
        "bench: runs_list runs={RUNS} items={MAX_TARGETS} v3_bytes={} v2_bytes={}",
        folder_size(new.path()),
        folder_size(old.path())
    );
    let mut group = c.benchmark_group("runs list");
    group.sample_size(10);
    group.bench_function(
        "list 100 runs of 10,000 items, journals of version 3",
        |b| {
            b.iter(|| {
                let (runs, unreadable) = Journal::in_dir(new.path()).list();
                assert_eq!((runs.len(), unreadable.len()), (RUNS, 0));
            });
        },
    );
    group.bench_function(
        "list 100 runs of 10,000 items, journals of version 2 (before)",
        |b| {
            b.iter(|| {
                let (runs, unreadable) = Journal::in_dir(old.path()).list();
                assert_eq!((runs.len(), unreadable.len()), (RUNS, 0));
            });
        },
    );
    group.finish();

    let mut group = c.benchmark_group("journal");
    group.sample_size(10);
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::in_dir(dir.path());
    let mut record = run(RUNS);
    record.state = RunState::Running;
    journal.save(&record).unwrap();
    let mut i = 0;
    group.bench_function(
        "journal one item change of a 10,000-item run: one line appended, fsynced",
        |b| {
            b.iter(|| {
                i = (i + 1) % MAX_TARGETS;
                record.items[i].attempts += 1;
                journal.save_items(&record, &[i]).unwrap();
            });
        },
    );
    group.bench_function(
        "journal one item change of a 10,000-item run: the whole run rewritten, fsynced (before)",
        |b| {
            b.iter(|| {
                i = (i + 1) % MAX_TARGETS;
                record.items[i].attempts += 1;
                journal.save(&record).unwrap();
            });
        },
    );
    group.finish();
}

criterion_group!(benches, runs_list);
criterion_main!(benches);

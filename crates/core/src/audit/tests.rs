//! The audit log on disk: order, torn and non-UTF-8 lines, permissions, failures, CSV.

#![allow(clippy::expect_used)]
use super::*;
use std::fs::OpenOptions;
use std::io::Write;

fn entry(op: &str, outcome: Outcome) -> AuditEntry {
    AuditEntry {
        time: crate::audit::now(),
        profile_id: "p1".into(),
        profile_name: "Acme prod".into(),
        product: "auth0".into(),
        operation: op.into(),
        targets: vec![Target {
            kind: "organization".into(),
            id: "org_1".into(),
            name: Some("Acme, Inc.".into()),
        }],
        request: serde_json::json!({"connection_id": "con_1", "is_enabled": true}),
        outcome,
        status: Some(201),
        message: None,
        correlation_id: Some("c-1".into()),
        who: "alice".into(),
        run_id: None,
    }
}

/// A log in a new folder (kept alive by the returned guard) holding one successful `op`.
fn log_with(op: &str) -> (tempfile::TempDir, AuditLog) {
    let dir = tempfile::tempdir().expect("dir");
    let log = AuditLog::in_dir(dir.path());
    log.append(&entry(op, Outcome::Success)).expect("append");
    (dir, log)
}

/// Writes `bytes` at the end of the log's file as they are, as a crash or a broken disk would.
fn append_raw(log: &AuditLog, bytes: &[u8], what: &str) {
    let mut file = OpenOptions::new()
        .append(true)
        .open(log.path())
        .expect("open");
    file.write_all(bytes).expect(what);
}

/// The operations of the entries read, in the order read.
fn operations(read: &AuditRead) -> Vec<&str> {
    read.entries.iter().map(|e| e.operation.as_str()).collect()
}

#[test]
fn entries_come_back_newest_first() {
    let (_dir, log) = log_with("enable");
    log.append(&entry("remove", Outcome::Failure))
        .expect("append");
    let read = log.read().expect("read");
    assert_eq!(operations(&read), ["remove", "enable"]);
    assert_eq!(read.skipped_lines, 0);
}

#[test]
fn a_line_cut_off_by_a_crash_is_skipped_and_later_entries_still_land() {
    let (_dir, log) = log_with("enable");
    // Simulate a crash in the middle of writing the next entry.
    append_raw(
        &log,
        br#"{"time":"2026-11-23T00:00:00Z","profile_id":"p1","prof"#,
        "partial",
    );
    log.append(&entry("remove", Outcome::Success))
        .expect("append after crash");
    let read = log.read().expect("read");
    assert_eq!(read.entries.len(), 2);
    assert_eq!(read.skipped_lines, 1);
    assert_eq!(read.entries[0].operation, "remove");
}

#[test]
fn a_line_that_is_not_utf8_is_skipped_and_counted_and_the_rest_is_read() {
    let (_dir, log) = log_with("first");
    append_raw(
        &log,
        b"{\"time\":\"\xff\xfe\"}\n\xc3\x28 not text\n",
        "garbage",
    );
    log.append(&entry("second", Outcome::Success))
        .expect("append");
    log.append(&entry("third", Outcome::Failure))
        .expect("append");
    let read = log.read().expect("read");
    assert_eq!(operations(&read), ["third", "second", "first"]);
    assert_eq!(read.skipped_lines, 2);
}

#[cfg(unix)]
#[test]
fn the_log_is_created_for_this_user_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, log) = log_with("enable");
    let mode = std::fs::metadata(log.path())
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_log_that_cannot_be_opened_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    // A folder where the file should be: refused even for root.
    std::fs::create_dir(dir.path().join("audit.jsonl")).expect("dir in the way");
    let log = AuditLog::in_dir(dir.path());
    let err = log
        .append(&entry("enable", Outcome::Success))
        .expect_err("cannot append to a folder");
    assert!(err.to_string().contains("audit.jsonl"), "{err}");
}

#[test]
fn a_missing_log_is_empty() {
    let dir = tempfile::tempdir().expect("dir");
    assert_eq!(
        AuditLog::in_dir(dir.path()).read().expect("read"),
        AuditRead::default()
    );
}

#[test]
fn csv_quotes_commas_and_defuses_formulas() {
    let mut e = entry("enable", Outcome::Success);
    e.message = Some("=HYPERLINK(\"x\")".into());
    let csv = to_csv(&[e]);
    let row = csv.lines().nth(1).expect("row");
    assert!(row.contains("\"organization:org_1 (Acme, Inc.)\""), "{row}");
    assert!(row.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{row}");
    assert_eq!(csv.lines().count(), 2);
}

//! What Lanyard records, read back in Japanese in the real window: the audit log's notes on the
//! Activity page (a typed note worded, an earlier Lanyard's English text quoted as written), a
//! target known only by its id worded, and the filter over them, and a crawl's stop on the
//! Inventory page. The home folder is prepared
//! before the app starts with the core's and the inventory's own writers.

use std::path::Path;

use lanyard_core::audit::{AuditEntry, AuditLog, AuditNote, Note, Outcome, Target};
use lanyard_e2e::with_app_env;
use lanyard_inventory::{CrawlRecord, Inventory, UnixMillis};
use lanyard_model::change::ItemNoun;
use lanyard_model::inventory::CrawlState;
use lanyard_model::{CommandError, Label, Product};

/// The built-in sandbox's Auth0 profile, which the app opens on with no profile of the user's.
const PROFILE: &str = "sandbox-auth0";

/// An old line's words, as an earlier Lanyard wrote them.
const OLD_WORDS: &str = "Auth0 answered 500: boom. Try again later";

fn entry(operation: &str, outcome: Outcome, correlation: &str, note: AuditNote) -> AuditEntry {
    AuditEntry {
        time: "2026-11-30T10:00:00Z".into(),
        profile_id: PROFILE.into(),
        profile_name: "Auth0 Sandbox".into(),
        product: "auth0".into(),
        operation: operation.into(),
        targets: vec![Target {
            kind: "target".into(),
            id: "org_1".into(),
            name: Some("Pied Piper".into()),
        }],
        request: serde_json::json!({}),
        outcome,
        status: None,
        message: Some(note),
        correlation_id: Some(correlation.into()),
        who: "dana".into(),
        run_id: None,
    }
}

/// The audit log: an old line with a note in words, a change already as wanted (of a
/// connection the product gave no name, typed) and one the server refused (typed); the inventory: a crawl the file calls running (Lanyard was killed).
fn prepare(home: &Path) -> Result<(), String> {
    let data = home.join("data");
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    let log = AuditLog::in_dir(&data);
    let failed = Note::Failed {
        error: CommandError::Server {
            product: Product::Auth0,
            status: 500,
            message: "boom".into(),
            error_code: None,
            correlation_id: Some("c-77".into()),
        },
    };
    let mut already = entry(
        "enable_connection",
        Outcome::Success,
        "c-already",
        Note::Already.into(),
    );
    already.targets.push(Target {
        kind: "item".into(),
        id: "con_e2e".into(),
        name: Some(Label::item(ItemNoun::Connection, None, "con_e2e")),
    });
    log.append_all(&[
        entry(
            "remove_connection",
            Outcome::Failure,
            "c-old",
            AuditNote::Stored(OLD_WORDS.into()),
        ),
        already,
        entry("update_connection", Outcome::Failure, "c-77", failed.into()),
    ])
    .map_err(|e| e.to_string())?;
    let mut inventory =
        Inventory::open(&data.join("inventory.sqlite")).map_err(|e| e.to_string())?;
    inventory
        .save_crawl(
            PROFILE,
            &CrawlRecord {
                started_at: UnixMillis(1_764_000_000_000),
                listed: false,
                state: CrawlState::Running,
                message: None,
                finished_at: None,
            },
        )
        .map_err(|e| e.to_string())
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn audit_notes_and_a_crawl_stop_read_in_japanese() {
    let home = tempfile::tempdir().expect("home");
    prepare(home.path()).expect("home");
    let env = [("LANYARD_HOME", home.path().to_str().expect("utf-8 path"))];
    with_app_env("records_ja", &env, async |app| {
        app.wait_text("[data-testid=app-version]", |t| t.starts_with('v'))
            .await?;
        app.choose_language("ja").await?;
        app.click("#nav-activity").await?;
        let table = app
            .wait_text("[data-testid=activity] tbody", |t| {
                t.contains("すでに求める状態だったため")
            })
            .await?;
        for shown in [
            format!("「{OLD_WORDS}」"),
            "「boom」（サーバーの応答）".to_owned(),
            "c-77".to_owned(),
            "Pied Piper · 接続 con_e2e（名前不明）".to_owned(),
        ] {
            if !table.contains(&shown) {
                return Err(format!("the notes or targets lack {shown}: {table}"));
            }
        }
        if table.contains("already in the wanted state") || table.contains("answered 500: boom (") {
            return Err(format!("a typed note still reads in English: {table}"));
        }
        if table.contains("name not known") {
            return Err(format!("a typed target still reads in English: {table}"));
        }
        app.screenshot("records_activity_ja").await?;
        // The filter looks in the notes (their English words and the ids they name).
        app.find("#activity-filter")
            .await?
            .send_keys("c-77")
            .await
            .map_err(|e| e.to_string())?;
        app.wait_text("[data-testid=activity] tbody", |t| {
            t.contains("「boom」") && !t.contains("すでに求める状態")
        })
        .await?;

        app.open_page("inventory").await?;
        let stop = app
            .wait_text("#crawl-message", |t| {
                t.starts_with("読み込みの途中で Lanyard が終了しました")
            })
            .await?;
        if stop.contains("Resume continues") {
            return Err(format!("the crawl's stop reads in English: {stop}"));
        }
        app.screenshot("records_crawl_stop_ja").await?;
        Ok(())
    })
    .await;
}

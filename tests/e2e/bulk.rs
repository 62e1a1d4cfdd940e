//! A bulk change through the real window against the built-in sandbox: linkedin enabled for 20
//! organizations, paused part-way (nothing is sent while paused), resumed, and the result table
//! checked row by row, and through the "Show" choice (answered from Rust a page at a time);
//! then the Activity page lists the run's writes.

use std::time::Duration;

use lanyard_e2e::{Locator, Pick, with_app};

/// The `N` of "N of 20 done" in the run's counts line.
fn done_of(counts: &str) -> Option<usize> {
    counts.split(" of ").next()?.trim().parse().ok()
}

/// Waits until the run's table draws `n` rows matching `rows` (and no other).
async fn rows_become(app: &lanyard_e2e::App, rows: &str, n: usize) -> Result<(), String> {
    let mut seen = (0, 0);
    for _ in 0..100 {
        let count = |css: String| async move {
            app.client
                .find_all(Locator::Css(&css))
                .await
                .map(|found| found.len())
                .map_err(|e| e.to_string())
        };
        let all = count("[data-testid=bulk-results] tbody tr[data-status]".into()).await?;
        let matching = count(format!("[data-testid=bulk-results] tbody tr{rows}")).await?;
        seen = (all, matching);
        if seen == (n, n) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!(
        "the table drew {} rows, {} of them {rows}, not {n}",
        seen.0, seen.1
    ))
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_bulk_enable_on_20_organizations_with_pause_and_resume() {
    with_app("bulk_run", async |app| {
        app.open_bulk_form("Auth0 Sandbox", Pick("linked", "linkedin"))
            .await?;

        // Preview with nothing ticked: an inline error, and no run.
        app.click("#bulk-preview").await?;
        app.wait_text("[data-testid=bulk-form] .field-error", |t| {
            t.contains("Tick at least one organization")
        })
        .await?;

        let boxes = app
            .client
            .find_all(Locator::Css(
                "[data-testid=bulk-targets] tbody input[type=checkbox]",
            ))
            .await
            .map_err(|e| e.to_string())?;
        if boxes.len() < 20 {
            return Err(format!("only {} organizations listed", boxes.len()));
        }
        for b in boxes.iter().take(20) {
            app.click_element(b).await?;
        }
        app.wait_text("#selected-count", |t| t == "20 selected")
            .await?;
        app.screenshot("bulk_targets").await?;
        app.click("#bulk-preview").await?;

        // The plan: every row read live, nothing sent yet.
        app.wait_text("#run-state", |t| t == "Ready to start")
            .await?;
        app.wait_text("#run-counts", |t| t.starts_with("0 of 20 done"))
            .await?;
        let planned = app
            .client
            .find_all(Locator::Css(
                "[data-testid=bulk-results] tbody tr[data-status=pending]",
            ))
            .await
            .map_err(|e| e.to_string())?;
        if planned.len() != 20 {
            return Err(format!("{} rows waiting, not 20", planned.len()));
        }
        app.wait_text("[data-testid=bulk-results] tbody tr", |t| {
            t.contains("not enabled") && t.contains("enabled · button")
        })
        .await?;
        app.screenshot("bulk_preview").await?;

        app.click("#run-start").await?;
        app.click("#modal-confirm").await?;
        app.wait_text("#run-counts", |t| done_of(t).is_some_and(|n| n >= 3))
            .await?;
        app.click("#run-pause").await?;
        app.wait_text("#run-state", |t| t == "Paused").await?;
        let at_pause = app.wait_text("#run-counts", |_| true).await?;
        let n = done_of(&at_pause).ok_or(format!("no count in {at_pause:?}"))?;
        if n >= 20 {
            return Err(format!("the run finished before the pause: {at_pause}"));
        }
        tokio::time::sleep(Duration::from_millis(1_500)).await;
        let later = app.wait_text("#run-counts", |_| true).await?;
        if done_of(&later) != Some(n) {
            return Err(format!(
                "writes went on while paused: {at_pause} then {later}"
            ));
        }
        app.screenshot("bulk_paused").await?;

        app.click("#run-resume").await?;
        app.wait_text("#run-state", |t| t == "Finished").await?;
        app.wait_text("#run-counts", |t| t.starts_with("20 of 20 done · 0 failed"))
            .await?;
        let done = app
            .client
            .find_all(Locator::Css(
                "[data-testid=bulk-results] tbody tr[data-status=done]",
            ))
            .await
            .map_err(|e| e.to_string())?;
        if done.len() != 20 {
            return Err(format!("{} rows done, not 20", done.len()));
        }
        for row in &done {
            let text = row.text().await.map_err(|e| e.to_string())?;
            if !text.contains("Done") || !text.contains("not enabled") {
                return Err(format!("a row reads {text:?}"));
            }
        }
        app.find("#run-undo").await?;
        app.screenshot("bulk_finished").await?;

        // The "Show" choice is answered from Rust a page at a time: nothing waits any more,
        // and the done rows come back when asked for.
        app.choose("#run-show", "pending").await?;
        rows_become(app, "[data-status]", 0).await?;
        app.choose("#run-show", "done").await?;
        rows_become(app, "[data-status=done]", 20).await?;

        // Every write is in the Activity page.
        app.click("#nav-activity").await?;
        app.wait_text("[data-testid=activity]", |t| {
            t.matches("enable connection").count() >= 20
        })
        .await?;
        Ok(())
    })
    .await;
}

/// A journal written half (as by a disk that filled up) and an audit log with a line that is
/// not text: the Bulk changes page names the file and why it cannot be read, and the Activity
/// page shows every other entry with the count of lines skipped.
#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn unreadable_journals_and_audit_lines_are_reported_not_hidden() {
    with_app("bulk_unreadable", async |app| {
        let data = app.home.path().join("data");
        let runs = data.join("runs");
        std::fs::create_dir_all(&runs).map_err(|e| e.to_string())?;
        let torn = "run-0f1e2d3c-aaaa-bbbb-cccc-000011112222.json";
        std::fs::write(
            runs.join(torn),
            br#"{"version":1,"id":"run-0f1e2d3c-aaaa-bb"#,
        )
        .map_err(|e| e.to_string())?;
        let entry = |operation: &str| {
            serde_json::json!({
                "time": "2026-11-23T10:00:00Z", "profile_id": "p1", "profile_name": "Acme",
                "product": "hub", "operation": operation, "targets": [], "request": null,
                "outcome": "success", "who": "alice"
            })
            .to_string()
        };
        let mut log = format!("{}\n", entry("add_auto_join_group")).into_bytes();
        log.extend_from_slice(b"{\"time\":\"\xff\xfe\"}\n");
        log.extend_from_slice(format!("{}\n", entry("remove_auto_join_group")).as_bytes());
        std::fs::write(data.join("audit.jsonl"), log).map_err(|e| e.to_string())?;

        app.click("#nav-bulk").await?;
        app.wait_text("[data-testid=unreadable-runs]", |t| {
            t.contains(torn) && t.contains("cut short")
        })
        .await?;
        app.screenshot("bulk_unreadable_journal").await?;

        app.click("#nav-activity").await?;
        app.wait_text("#activity-skipped", |t| {
            t.starts_with("1 unreadable line skipped")
        })
        .await?;
        app.wait_text("[data-testid=activity]", |t| {
            t.contains("add auto join group") && t.contains("remove auto join group")
        })
        .await?;
        Ok(())
    })
    .await;
}

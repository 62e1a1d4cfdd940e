//! The inventory through the real window against the built-in sandbox: a crawl of the Auth0
//! Sandbox (its progress in the top bar from another page), "which organizations lack
//! linkedin" answered from the inventory, those organizations handed to Bulk changes, planned
//! from the inventory with no live read, run, and the same question asked again answering 0:
//! the run's writes went through to the inventory.

use std::time::Duration;

use lanyard_e2e::{App, Locator, with_app};

/// Longer than `UI_WAIT`: a crawl of 30 organizations and a run of 30 writes wait on the
/// sandbox's buckets (100 reads and 150 writes a minute).
const LONG_WAIT: Duration = Duration::from_secs(180);

/// Scrolls the page's own scrolling area back to the top, for a screenshot of the whole page.
async fn to_top(app: &App) -> Result<(), String> {
    app.client
        .execute("document.getElementById('content').scrollTop = 0", vec![])
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The leading count of "37 organizations · …".
fn leading_count(text: &str) -> Option<usize> {
    text.split_whitespace()
        .next()?
        .replace(',', "")
        .parse()
        .ok()
}

/// Asks "which organizations lack linkedin" on the Inventory page; the answer's counts line.
async fn ask_who_lacks_linkedin(app: &App) -> Result<String, String> {
    app.click("#q-lacks").await?;
    app.pick("q-connection", "linked", "linkedin").await?;
    // The connection picker answered from the inventory, and says so with its age.
    app.wait_text("[data-testid=q-connection-source]", |t| {
        t.starts_with("From the inventory, ") && t.contains("Search live")
    })
    .await?;
    app.click("#inventory-ask").await?;
    app.wait_text("#answer-question", |t| {
        t == "Answer: organizations that lack linkedin"
    })
    .await?;
    app.wait_text("#answer-counts", |t| t.contains(" organization"))
        .await
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn organizations_lacking_a_connection_found_in_the_inventory_become_a_bulk_run_and_the_inventory_follows()
 {
    with_app("inventory", async |app| {
        app.click("#nav-inventory").await?;
        app.wait_text("#profile-switcher", |t| t.contains("Auth0 Sandbox"))
            .await?;
        app.wait_text("#crawl-state", |t| t == "Not read yet")
            .await?;
        app.click("#crawl-start").await?;

        // The crawl's progress is on every page while it runs, and opens the Inventory page.
        app.click("#nav-auth0").await?;
        app.wait_text("#crawl-line", |t| {
            t.starts_with("Inventory: reading Auth0 Sandbox") && t.contains(" of ")
        })
        .await?;
        app.screenshot("inventory_progress_line").await?;
        app.click("#crawl-line").await?;
        app.wait_text("#page-title", |t| t == "Inventory").await?;
        let state = app
            .wait_text("#crawl-state", |t| t == "Reading" || t == "Complete")
            .await?;
        if state == "Reading" {
            app.wait_text("#crawl-progress", |t| {
                t.contains(" of 30 organizations read")
            })
            .await?;
            app.screenshot("inventory_crawling").await?;
        }

        app.wait_text_within("#crawl-state", LONG_WAIT, |t| t == "Complete")
            .await?;
        app.wait_text("#crawl-progress", |t| {
            t.starts_with("All ") && t.contains("organizations read")
        })
        .await?;
        app.find("[data-testid=inventory-kinds] tbody tr").await?;
        to_top(app).await?;
        app.screenshot("inventory_complete").await?;

        let counts = ask_who_lacks_linkedin(app).await?;
        let n = leading_count(&counts).ok_or(format!("no count in {counts:?}"))?;
        if n == 0 || !counts.contains("· all ") {
            return Err(format!(
                "expected organizations lacking linkedin, all read: {counts:?}"
            ));
        }
        let rows = app
            .client
            .find_all(Locator::Css("[data-testid=inventory-answer] tbody tr"))
            .await
            .map_err(|e| e.to_string())?;
        if rows.len() != n {
            return Err(format!("{} rows shown for {counts:?}", rows.len()));
        }
        app.wait_text("#use-as-targets", |t| {
            t == format!("Use these {n} as bulk targets")
        })
        .await?;
        app.screenshot("inventory_answer").await?;

        // Bulk changes opens with them ticked and linkedin picked to enable.
        app.click("#use-as-targets").await?;
        app.wait_text("#page-title", |t| t == "Bulk changes")
            .await?;
        app.wait_text("#handoff-note", |t| {
            t.starts_with(&format!(
                "{n} from the inventory: organizations that lack linkedin"
            ))
        })
        .await?;
        app.wait_text("#selected-count", |t| t == format!("{n} selected"))
            .await?;
        let picked = app
            .find("#bulk-connection-picker")
            .await?
            .prop("value")
            .await
            .map_err(|e| e.to_string())?;
        if picked.as_deref() != Some("linkedin") {
            return Err(format!(
                "the connection picker holds {picked:?}, not linkedin"
            ));
        }
        let from_inventory = app
            .find("#plan-from-inventory")
            .await?
            .prop("checked")
            .await
            .map_err(|e| e.to_string())?;
        if from_inventory.as_deref() != Some("true") {
            return Err(format!(
                "planning from the inventory is not the default: {from_inventory:?}"
            ));
        }
        app.screenshot("inventory_handoff").await?;
        app.click("#bulk-preview").await?;

        // Planned from the inventory: ready at once, every row planned, none read live.
        app.wait_text("#run-state", |t| t == "Ready to start")
            .await?;
        app.wait_text("#run-source", |t| {
            t.starts_with("Planned from the inventory as of ")
        })
        .await?;
        app.wait_text("#run-counts", |t| t.starts_with(&format!("0 of {n} done")))
            .await?;
        app.screenshot("inventory_bulk_plan").await?;
        app.run_to_the_end(n, LONG_WAIT).await?;

        // Asked again, the inventory knows: none lacks linkedin now.
        app.click("#nav-inventory").await?;
        app.wait_text("#crawl-state", |t| t == "Complete").await?;
        let after = ask_who_lacks_linkedin(app).await?;
        if leading_count(&after) != Some(0) {
            return Err(format!(
                "after the run the inventory still answers {after:?}"
            ));
        }
        app.screenshot("inventory_after_run").await?;
        Ok(())
    })
    .await;
}

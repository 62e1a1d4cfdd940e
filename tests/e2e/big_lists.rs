//! Big lists through the real window: the Bulk page's target table with 10,000 organizations
//! (scrolled to its last row, all 10,000 selected with "Select all matching", filtered), the
//! Inventory's answer of 10,000 organizations (its pages read from SQLite as they scroll into
//! view), and the Activity page with 100,000 audit entries (scrolled to the oldest, and filtered in Rust across
//! every page: an entry near the oldest end is found). Each table draws only the rows on screen.

mod big_support;

use big_support::*;
use lanyard_e2e::{App, with_app_env, with_app_profiles_env};

/// At most this many rows may be drawn at once: a screenful and the overscan, never the list.
const DRAWN_MAX: u64 = 80;

/// Fails unless table `testid` draws only a window of its rows.
async fn only_a_window_drawn(app: &App, testid: &str) -> Result<(), String> {
    let drawn = drawn_rows(app, testid).await?;
    if drawn == 0 || drawn > DRAWN_MAX {
        return Err(format!("{drawn} rows of {testid} drawn"));
    }
    Ok(())
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn ten_thousand_organizations_scroll_to_the_last_and_all_matching_are_selected() {
    let s = sandbox().await.expect("sandbox");
    let seed = seed(&s);
    let home = tempfile::tempdir().expect("home");
    prepare_home(home.path(), std::slice::from_ref(&seed), 0).expect("home");
    let orgs = shown_organizations(&s);
    assert_eq!(orgs.len(), ORGANIZATIONS);
    let env = [("LANYARD_HOME", home.path().to_str().expect("utf-8 path"))];
    with_app_profiles_env("big_lists_bulk", &env, &[seed], async |app| {
        app.click("#nav-bulk").await?;
        app.wait_text("#profile-switcher", |t| t.contains("Big tenant"))
            .await?;
        app.wait_text_within("#select-matching", LONG_WAIT, |t| {
            t == "Select all 10,000 matching"
        })
        .await?;
        let rows = row_count(app, "bulk-targets").await?;
        if rows != "10001" {
            return Err(format!("aria-rowcount {rows}, not 10001"));
        }
        only_a_window_drawn(app, "bulk-targets").await?;

        // Scrolled to the end, the 10,000th row is drawn: an organization of the tenant.
        scroll_to_end(app, "bulk-targets").await?;
        let last = wait_row(app, "bulk-targets", 10_001, |t| !t.trim().is_empty()).await?;
        // The row's text is the name it shows (its display name), then its id.
        if !orgs
            .iter()
            .any(|(id, _)| last.ends_with(id.as_str()) && last.len() > id.len())
        {
            return Err(format!("the last row {last:?} is not an organization"));
        }
        only_a_window_drawn(app, "bulk-targets").await?;
        show_table(app, "bulk-targets").await?;
        app.screenshot("big_lists_bulk_end").await?;

        app.click("#select-matching").await?;
        app.wait_text("#selected-count", |t| t == "10,000 selected")
            .await?;
        app.wait_text("#bulk-preview", |t| t == "Preview 10,000 changes")
            .await?;

        // A filter narrows the table to the organizations it names (by name or id).
        let (picked, expected) = filter_of_one_organization(&s);
        app.find("#bulk-filter")
            .await?
            .send_keys(&picked)
            .await
            .map_err(|e| e.to_string())?;
        app.wait_text("#select-matching", |t| {
            t == format!("Select all {expected} matching")
        })
        .await?;
        let rows = row_count(app, "bulk-targets").await?;
        if rows != (expected + 1).to_string() {
            return Err(format!("aria-rowcount {rows} for {expected} matching"));
        }
        wait_row(app, "bulk-targets", 2, |t| t.contains(picked.as_str())).await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_ten_thousand_row_inventory_answer_is_read_page_by_page() {
    let s = sandbox().await.expect("sandbox");
    let seed = seed(&s);
    let home = inventory_home(&seed).expect("home");
    let env = [("LANYARD_HOME", home.path().to_str().expect("utf-8 path"))];
    with_app_profiles_env("big_lists_inventory", &env, &[seed], async |app| {
        app.click("#nav-inventory").await?;
        app.wait_text("#profile-switcher", |t| t.contains("Big tenant"))
            .await?;
        app.click("#inventory-ask").await?;
        app.wait_text_within("#answer-counts", LONG_WAIT, |t| {
            t.starts_with("10,000 organizations")
        })
        .await?;
        let rows = row_count(app, "inventory-answer").await?;
        if rows != "10001" {
            return Err(format!("aria-rowcount {rows}, not 10001"));
        }
        wait_row(app, "inventory-answer", 2, |t| t.contains("org-00000")).await?;
        only_a_window_drawn(app, "inventory-answer").await?;

        // The last row, 10,000 down, is read from the inventory when it scrolls into view.
        scroll_to_end(app, "inventory-answer").await?;
        wait_row(app, "inventory-answer", 10_001, |t| t.contains("org-09999")).await?;
        only_a_window_drawn(app, "inventory-answer").await?;
        show_table(app, "inventory-answer").await?;
        app.screenshot("big_lists_inventory_end").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_hundred_thousand_audit_entries_are_filtered_across_pages() {
    let home = tempfile::tempdir().expect("home");
    prepare_home(home.path(), &[], ENTRIES).expect("home");
    let (newest, oldest) = newest_and_oldest_targets();
    let env = [("LANYARD_HOME", home.path().to_str().expect("utf-8 path"))];
    with_app_env("big_lists_activity", &env, async |app| {
        app.click("#nav-activity").await?;
        app.wait_text_within("#activity-count", LONG_WAIT, |t| t == "100,000 entries")
            .await?;
        let rows = row_count(app, "activity").await?;
        if rows != "100001" {
            return Err(format!("aria-rowcount {rows}, not 100001"));
        }
        wait_row(app, "activity", 2, |t| t.contains(&newest)).await?;
        only_a_window_drawn(app, "activity").await?;

        // The oldest entry, 100,000 rows down, is read from Rust when it scrolls into view.
        scroll_to_end(app, "activity").await?;
        wait_row(app, "activity", 100_001, |t| {
            t.contains(&oldest) && t.contains("corr-000000")
        })
        .await?;
        only_a_window_drawn(app, "activity").await?;

        // The filter runs over the whole log: the needle, near the oldest end, is the one row.
        app.find("#activity-filter")
            .await?
            .send_keys(NEEDLE)
            .await
            .map_err(|e| e.to_string())?;
        app.wait_text("#activity-count", |t| t == "1 of 100,000 entries")
            .await?;
        let rows = row_count(app, "activity").await?;
        if rows != "2" {
            return Err(format!("aria-rowcount {rows} for one match"));
        }
        wait_row(app, "activity", 2, |t| {
            t.contains(NEEDLE) && t.contains("corr-000003")
        })
        .await?;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        app.screenshot("big_lists_activity_filtered").await?;

        // Two words: both must match (the failures, every tenth entry, among the oldest 100).
        app.find("#activity-filter")
            .await?
            .clear()
            .await
            .map_err(|e| e.to_string())?;
        app.find("#activity-filter")
            .await?
            .send_keys("failure corr-0000")
            .await
            .map_err(|e| e.to_string())?;
        app.wait_text("#activity-count", |t| t == "10 of 100,000 entries")
            .await?;
        Ok(())
    })
    .await;
}

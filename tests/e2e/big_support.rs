//! What the big-list test and bench share: a sandbox of 10,000 Auth0 organizations with room in
//! its buckets, the app's home prepared before it starts (its profile, and an audit log of
//! 100,000 entries written with the core's own writer), and scrolling a windowed table.

#![allow(dead_code)] // the test and the bench each use a part

use std::path::Path;
use std::time::Duration;

use lanyard_core::audit::{AuditEntry, AuditLog, Outcome, Target};
use lanyard_e2e::{App, Seed};
use lanyard_model::profile::Environment;
use lanyard_sandbox::ratelimit::BucketSpec;
use lanyard_sandbox::{Sandbox, SandboxConfig};

/// Organizations in the sandbox: the size the Bulk page must stay smooth at.
pub const ORGANIZATIONS: usize = 10_000;

/// Entries in the audit log: the size the Activity page must stay smooth at.
pub const ENTRIES: usize = 100_000;

/// The entry the Activity filter must find, this far from the newest (near the oldest end).
pub const NEEDLE_FROM_OLDEST: usize = 3;

/// The target name only the needle entry has.
pub const NEEDLE: &str = "needle-organization";

/// A long wait: listing 10,000 organizations, or planning a run on all of them.
pub const LONG_WAIT: Duration = Duration::from_secs(300);

/// A sandbox of 10,000 organizations whose buckets refill a thousand times faster than Auth0's,
/// with reads given room: listing and planning at this size are what is tested, not pacing.
pub async fn sandbox() -> Result<Sandbox, String> {
    let roomy = BucketSpec {
        burst: 2_000,
        per_minute: 600_000,
    };
    let mut config = SandboxConfig {
        organizations: ORGANIZATIONS,
        time_scale: 1_000.0,
        read_bucket: roomy,
        ..Default::default()
    };
    for bucket in [
        "organizations_read",
        "organization_by_id_read",
        "connections_read",
    ] {
        config.buckets.insert(bucket.to_owned(), roomy);
    }
    lanyard_sandbox::start(config)
        .await
        .map_err(|e| format!("the sandbox did not start: {e}"))
}

/// The user's own profile of the big sandbox.
pub fn seed(s: &Sandbox) -> Seed {
    Seed::auth0(s, "p-big", "Big tenant", Environment::Sandbox)
}

/// Entry `i` of the big log (0 is the oldest): a few profiles, one organization each, every
/// tenth a failure; the needle's target is named [`NEEDLE`].
fn entry(i: usize) -> AuditEntry {
    let needle = i == NEEDLE_FROM_OLDEST;
    AuditEntry {
        time: format!(
            "2026-{:02}-{:02}T{:02}:{:02}:00Z",
            1 + i / 10_000,
            1 + (i / 400) % 25,
            (i / 60) % 24,
            i % 60
        ),
        profile_id: format!("p-{}", i % 4),
        profile_name: format!("Tenant {}", i % 4),
        product: "auth0".into(),
        operation: "enable_connection".into(),
        targets: vec![Target {
            kind: "organization".into(),
            id: format!("org_{i:08}"),
            name: Some(
                if needle {
                    NEEDLE.to_owned()
                } else {
                    format!("organization-{i}")
                }
                .into(),
            ),
        }],
        request: serde_json::json!({"connection_id": "con_github", "show_as_button": true}),
        outcome: if i.is_multiple_of(10) {
            Outcome::Failure
        } else {
            Outcome::Success
        },
        status: Some(if i.is_multiple_of(10) { 409 } else { 201 }),
        message: None,
        correlation_id: Some(format!("corr-{i:06}")),
        who: "e2e".into(),
        run_id: None,
    }
}

/// Prepares `home` as the app's LANYARD_HOME: the settings file with `seeds`' profiles and,
/// when `entries` > 0, an audit log of that many entries written by the core's writer.
pub fn prepare_home(home: &Path, seeds: &[Seed], entries: usize) -> Result<(), String> {
    let file = lanyard_core::profiles::ProfilesFile {
        profiles: seeds.iter().map(|s| s.profile.clone()).collect(),
        hide_sandbox: false,
        language: None,
    };
    let config = home.join("config");
    std::fs::create_dir_all(&config).map_err(|e| e.to_string())?;
    let json = serde_json::to_vec(&file).map_err(|e| e.to_string())?;
    std::fs::write(config.join("profiles.json"), json).map_err(|e| e.to_string())?;
    if entries > 0 {
        let log = AuditLog::in_dir(&home.join("data"));
        for chunk in (0..entries).collect::<Vec<_>>().chunks(10_000) {
            let batch: Vec<AuditEntry> = chunk.iter().map(|&i| entry(i)).collect();
            log.append_all(&batch).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// A LANYARD_HOME with `seed`'s profile and an inventory of [`ORGANIZATIONS`] organizations of
/// it (see [`prepare_inventory`]).
pub fn inventory_home(seed: &Seed) -> Result<tempfile::TempDir, String> {
    let home = tempfile::tempdir().map_err(|e| e.to_string())?;
    prepare_home(home.path(), std::slice::from_ref(seed), 0)?;
    prepare_inventory(home.path(), &seed.profile.id, ORGANIZATIONS)?;
    Ok(home)
}

/// Writes an inventory of `count` organizations of `profile_id` (named `org-00000` … in
/// order, each read, no connection enabled) into `home`'s data folder, where the app opens it:
/// the Inventory page's question over all of them answers `count` rows.
fn prepare_inventory(home: &Path, profile_id: &str, count: usize) -> Result<(), String> {
    let data = home.join("data");
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    let mut inventory = lanyard_inventory::Inventory::open(&data.join("inventory.sqlite"))
        .map_err(|e| e.to_string())?;
    let read_at = lanyard_inventory::UnixMillis(1_764_000_000_000);
    for i in 0..count {
        let organization = lanyard_model::auth0::Organization {
            id: lanyard_model::ids::OrganizationId::parse(format!("org_{i:05}"))
                .map_err(|e| e.to_string())?,
            name: format!("org-{i:05}"),
            display_name: None,
        };
        inventory
            .replace_auth0_organization(
                profile_id,
                &organization,
                &[],
                read_at,
                lanyard_inventory::ReadOrigin::Independent,
            )
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The name of the newest entry's target, shown first, and the oldest's, shown last.
pub fn newest_and_oldest_targets() -> (String, String) {
    ("organization-99999".to_owned(), "organization-0".to_owned())
}

/// Scrolls the windowed table `testid` to its end (the app scrolls inside its own box).
pub async fn scroll_to_end(app: &App, testid: &str) -> Result<(), String> {
    let script = format!(
        "const box = document.querySelector('[data-testid={testid}]').closest('.wt-scroll'); box.scrollTop = box.scrollHeight; box.dispatchEvent(new Event('scroll'));"
    );
    app.client
        .execute(&script, vec![])
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// How many rows of table `testid` are drawn now.
pub async fn drawn_rows(app: &App, testid: &str) -> Result<u64, String> {
    let script =
        format!("return document.querySelectorAll('[data-testid={testid}] tbody tr').length;");
    let v = app
        .client
        .execute(&script, vec![])
        .await
        .map_err(|e| e.to_string())?;
    v.as_u64().ok_or(format!("no row count: {v}"))
}

/// The `aria-rowcount` of table `testid`.
pub async fn row_count(app: &App, testid: &str) -> Result<String, String> {
    app.find(&format!("[data-testid={testid}]"))
        .await?
        .attr("aria-rowcount")
        .await
        .map_err(|e| e.to_string())?
        .ok_or(format!("{testid} has no aria-rowcount"))
}

/// Waits until row `index` (its `aria-rowindex`) of table `testid` is drawn with a text that
/// satisfies `pred`; returns the text. The DOM's text is read: WebKitWebDriver's element text
/// leaves out cells cut short by an ellipsis.
pub async fn wait_row(
    app: &App,
    testid: &str,
    index: usize,
    pred: impl Fn(&str) -> bool,
) -> Result<String, String> {
    let script = format!(
        "const r = document.querySelector(\"[data-testid={testid}] tr[aria-rowindex='{index}']\"); return r ? r.textContent : null;"
    );
    let deadline = std::time::Instant::now() + lanyard_e2e::UI_WAIT;
    let mut last = String::new();
    loop {
        let v = app
            .client
            .execute(&script, vec![])
            .await
            .map_err(|e| e.to_string())?;
        if let Some(text) = v.as_str() {
            if pred(text) {
                return Ok(text.to_owned());
            }
            last = text.to_owned();
        }
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "row {index} of {testid} never showed the expected text; last seen: {last:?}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Each organization's id and the name the target table shows (its display name, else its
/// name).
pub fn shown_organizations(s: &Sandbox) -> Vec<(String, String)> {
    let state = s.state(lanyard_sandbox::Product::Auth0);
    state["organizations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| {
            let name = o["display_name"]
                .as_str()
                .filter(|d| !d.is_empty())
                .or(o["name"].as_str())
                .unwrap_or_default();
            (
                o["id"].as_str().unwrap_or_default().to_owned(),
                name.to_owned(),
            )
        })
        .collect()
}

/// A filter naming the organization halfway down the table, and how many rows it matches (the
/// table's rule: the shown name or the id contains it, in any case).
pub fn filter_of_one_organization(s: &Sandbox) -> (String, usize) {
    let orgs = shown_organizations(s);
    let picked = orgs
        .get(orgs.len() / 2)
        .map(|(_, n)| n.clone())
        .unwrap_or_default();
    let f = picked.to_lowercase();
    let matching = orgs
        .iter()
        .filter(|(id, n)| n.to_lowercase().contains(&f) || id.to_lowercase().contains(&f))
        .count();
    (picked, matching)
}

/// Scrolls the page so that table `testid`'s box is in view, for a screenshot of it.
pub async fn show_table(app: &App, testid: &str) -> Result<(), String> {
    let script = format!(
        "document.querySelector('[data-testid={testid}]').closest('.wt-scroll').scrollIntoView({{block: 'center'}});"
    );
    app.client
        .execute(&script, vec![])
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    Ok(())
}

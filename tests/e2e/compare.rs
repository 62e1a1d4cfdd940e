//! Staging copied to production through the real window: two sandboxes of the test's own stand
//! for the two tenants (the same names, other ids), production drifted in every way (a
//! connection removed, one added, an option changed). A bad snapshot file is named by its line;
//! a compare before any crawl says to crawl from the Inventory page; both profiles are crawled;
//! the Compare page shows one row of each difference with its counts; the differences are copied
//! to production, whose run asks for the tenant's host name typed before it starts; afterwards
//! production is wired as staging.

use std::collections::BTreeMap;
use std::time::Duration;

use lanyard_e2e::{App, Locator, Seed, with_app_profiles};
use lanyard_model::auth0::{EnableConnection, UpdateConnection};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use lanyard_model::profile::Environment;
use lanyard_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

/// A crawl of 30 organizations and a run wait on the sandbox's buckets.
const LONG_WAIT: Duration = Duration::from_secs(180);

fn id_of(state: &Value, list: &str, name: &str) -> String {
    state[list]
        .as_array()
        .into_iter()
        .flatten()
        .find(|x| x["name"] == name)
        .and_then(|x| x["id"].as_str())
        .unwrap_or_default()
        .to_owned()
}

fn name_of(state: &Value, list: &str, id: &str) -> String {
    state[list]
        .as_array()
        .into_iter()
        .flatten()
        .find(|x| x["id"] == id)
        .and_then(|x| x["name"].as_str())
        .unwrap_or_default()
        .to_owned()
}

/// Each organization's connections with their options, by names (ids differ between tenants).
fn wiring(s: &Sandbox) -> BTreeMap<String, BTreeMap<String, Value>> {
    let state = s.state(lanyard_sandbox::Product::Auth0);
    let mut out: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
    for l in state["org_connections"].as_array().into_iter().flatten() {
        let org = name_of(
            &state,
            "organizations",
            l["organization_id"].as_str().unwrap_or_default(),
        );
        let mut link = l["link"].clone();
        let conn = name_of(
            &state,
            "connections",
            link["connection_id"].as_str().unwrap_or_default(),
        );
        if let Some(o) = link.as_object_mut() {
            o.remove("connection_id");
        }
        out.entry(org).or_default().insert(conn, link);
    }
    out
}

/// Production drifts: Initech-Okta removed from Acme (only on the left), github enabled for
/// Globex (only on the right), Initech-Okta's button hidden on Initech (different).
async fn drift(p: &Sandbox, profile: &lanyard_model::Profile) -> Result<(), String> {
    let secret = secrecy::SecretString::from(p.credentials().auth0_client_secret.clone());
    let client = lanyard_core::Client::new(profile, secret).map_err(|e| e.to_string())?;
    let c = client.auth0().map_err(|e| e.to_string())?;
    let state = p.state(lanyard_sandbox::Product::Auth0);
    let org = |n: &str| {
        OrganizationId::parse(id_of(&state, "organizations", n)).map_err(|e| e.to_string())
    };
    let conn =
        |n: &str| ConnectionId::parse(id_of(&state, "connections", n)).map_err(|e| e.to_string());
    c.remove(&org("acme-corporation")?, &conn("Initech-Okta")?)
        .await
        .map_err(|e| e.to_string())?;
    c.enable(&org("globex")?, &EnableConnection::new(conn("github")?))
        .await
        .map_err(|e| e.to_string())?;
    let hide = UpdateConnection {
        show_as_button: Some(false),
        ..Default::default()
    };
    c.update(&org("initech")?, &conn("Initech-Okta")?, &hide)
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// A hand-written snapshot file (one line: WebKitWebDriver types no line break): Acme with
/// Initech-Okta as staging has it, but not shown as a button.
const SNAPSHOT: &str = r#"{"lanyard_snapshot": 1, "product": "auth0", "profile": "Reviewed in git", "targets": [{"name": "acme-corporation", "display_name": "Acme Corporation", "items": [{"name": "Initech-Okta", "options": {"is_enabled": true, "show_as_button": false, "assign_membership_on_login": false, "is_signup_enabled": false, "organization_access_level": "limited", "organization_connection_name": "Acme SSO"}}]}]}"#;

/// Scrolls `css` to the top of the window and lets it paint, for a screenshot.
async fn show(app: &App, css: &str) -> Result<(), String> {
    let el = app.find(css).await?;
    let arg = serde_json::to_value(&el).map_err(|e| e.to_string())?;
    app.client
        .execute("arguments[0].scrollIntoView({block: 'start'})", vec![arg])
        .await
        .map_err(|e| e.to_string())?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    Ok(())
}

/// The snapshot file the window's download saved in the app's Downloads folder: a
/// `lanyard_snapshot` 1 of production.
async fn saved_snapshot(app: &App) -> Result<(), String> {
    let text = app.downloaded("lanyard-snapshot-p-e2e-prod.json").await?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    if doc["lanyard_snapshot"] != 1 || doc["profile"] != "Acme production" {
        return Err(format!(
            "the saved file is not production's snapshot: {text:.200}"
        ));
    }
    if doc["targets"].as_array().map_or(0, Vec::len) != 30 {
        return Err("the saved snapshot does not hold the 30 organizations".into());
    }
    Ok(())
}

async fn crawl(app: &App, profile_id: &str) -> Result<(), String> {
    app.click("#nav-inventory").await?;
    app.choose("#profile-switcher", profile_id).await?;
    app.wait_text("#crawl-state", |t| t == "Not read yet")
        .await?;
    app.click("#crawl-start").await?;
    app.wait_text_within("#crawl-state", LONG_WAIT, |t| t == "Complete")
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn staging_is_copied_to_production_with_the_typed_host_name() {
    let fast = SandboxConfig {
        time_scale: 10.0,
        ..Default::default()
    };
    let staging = lanyard_sandbox::start(fast.clone())
        .await
        .expect("staging starts");
    let production = lanyard_sandbox::start(SandboxConfig { id_seed: 7, ..fast })
        .await
        .expect("production starts");
    let s = Seed::auth0(
        &staging,
        "p-e2e-staging",
        "Acme staging",
        Environment::Staging,
    );
    let p = Seed::auth0(
        &production,
        "p-e2e-prod",
        "Acme production",
        Environment::Production,
    );
    drift(&production, &p.profile)
        .await
        .expect("production drifts");
    assert_ne!(wiring(&staging), wiring(&production));

    with_app_profiles("compare", &[s, p], async |app| {
        app.click("#nav-compare").await?;
        app.wait_text("#page-title", |t| t == "Compare").await?;
        app.choose("#compare-right", "p-e2e-prod").await?;

        // A snapshot file that is not one: named by its line, under the field.
        app.click("#left-file").await?;
        app.find("#left-text")
            .await?
            // WebKitWebDriver types a line break as the Enter key, not as "\n".
            .send_keys(
                "{\u{E007}  \"lanyard_snapshot\": 1,\u{E007}  \"product\": \"okta\"\u{E007}}",
            )
            .await
            .map_err(|e| e.to_string())?;
        app.click("#compare-run").await?;
        app.wait_text("#left-problem", |t| t.contains("line"))
            .await?;
        app.painted_screenshot("compare_bad_file").await?;

        // Never crawled: the cause and the fix.
        app.click("#left-profile").await?;
        app.click("#compare-run").await?;
        app.wait_text("#compare-error", |t| {
            t.contains("never been crawled") && t.contains("Inventory page")
        })
        .await?;

        // A snapshot of production saved through the window's download.
        app.click("#nav-compare").await?;
        app.choose("#compare-right", "p-e2e-prod").await?;
        app.click("#snapshot-export").await?;
        app.wait_text("[data-testid=toast]", |t| t.contains("never been crawled"))
            .await?;
        app.click("[data-testid=toast] .toast-close").await?;

        crawl(app, "p-e2e-staging").await?;
        crawl(app, "p-e2e-prod").await?;

        app.click("#nav-compare").await?;
        app.choose("#compare-right", "p-e2e-prod").await?;
        app.click("#snapshot-export").await?;
        // Saved in the Downloads folder (the harness's, in the temp home), and said so.
        let said = format!(
            "Saved the snapshot of Acme production as lanyard-snapshot-p-e2e-prod.json to {}.",
            app.downloads().display()
        );
        app.wait_text("[data-testid=toast]", |t| t.contains(&said))
            .await?;
        saved_snapshot(app).await?;
        app.click("#compare-run").await?;
        app.find("[data-testid=diff-table]").await?;
        for (kind, label) in [
            ("only_left", "Only on the left (1)"),
            ("only_right", "Only on the right (1)"),
            ("different", "Different (1)"),
        ] {
            app.wait_text(&format!("label[data-kind={kind}]"), |t| t.trim() == label)
                .await?;
        }
        app.wait_text("[data-testid=side-right]", |t| {
            t.contains("Acme production") && t.contains("PRODUCTION")
        })
        .await?;
        app.wait_text("[data-testid=diff-table] tr[data-kind=different]", |t| {
            t.contains("Initech") && t.contains("show_as_button")
        })
        .await?;
        app.painted_screenshot("compare_diff").await?;

        app.click("#diff-select-copyable").await?;
        app.wait_text("#diff-copy", |t| t == "Copy 3 to Acme production")
            .await?;
        app.click("#diff-copy").await?;
        app.wait_text("#run-state", |t| t == "Ready to start")
            .await?;
        app.wait_text("#plan-groups-count", |t| t == "3 changes on 3 targets")
            .await?;

        // Production and a removal: nothing starts until the host name is typed.
        app.click("#run-start").await?;
        let needed = app
            .wait_text("label[for=confirm-typed] strong", |t| !t.is_empty())
            .await?;
        let confirm = app.find("#modal-confirm").await?;
        if confirm.is_enabled().await.map_err(|e| e.to_string())? {
            return Err("the production run can start without the host name typed".into());
        }
        app.find("#confirm-typed")
            .await?
            .send_keys(&needed)
            .await
            .map_err(|e| e.to_string())?;
        app.painted_screenshot("compare_confirm").await?;
        app.click("#modal-confirm").await?;
        app.wait_text_within("#run-state", LONG_WAIT, |t| t == "Finished")
            .await?;
        app.wait_text("#run-counts", |t| t.starts_with("3 of 3 done · 0 failed"))
            .await?;
        app.painted_screenshot("compare_copied").await?;

        // A snapshot file as the left side: Acme's Initech-Okta without its button.
        app.click("#bulk-back").await?;
        app.click("#left-file").await?;
        let text = app.find("#left-text").await?;
        text.clear().await.map_err(|e| e.to_string())?;
        text.send_keys(SNAPSHOT).await.map_err(|e| e.to_string())?;
        app.click("#compare-run").await?;
        app.wait_text("[data-testid=side-left]", |t| {
            t.contains("pasted snapshot") && t.contains("1 target ·")
        })
        .await?;
        app.wait_text("[data-testid=diff-table] tr[data-kind=different]", |t| {
            t.contains("acme-corporation") && t.contains("show_as_button")
        })
        .await?;
        app.wait_text("[data-testid=only-right-targets] summary", |t| {
            t.contains(": 29")
        })
        .await?;
        app.click("[data-testid=diff-table] tr[data-kind=different] input")
            .await?;
        app.wait_text("#diff-copy", |t| t == "Copy 1 to Acme production")
            .await?;
        show(app, "[data-testid=comparison]").await?;
        app.painted_screenshot("compare_file").await?;
        app.click("#diff-copy").await?;
        app.wait_text("#run-state", |t| t == "Ready to start")
            .await?;
        app.click("#run-start").await?;
        if let Ok(typed) = app.client.find(Locator::Css("#confirm-typed")).await {
            typed.send_keys(&needed).await.map_err(|e| e.to_string())?;
        }
        app.click("#modal-confirm").await?;
        app.wait_text_within("#run-state", LONG_WAIT, |t| t == "Finished")
            .await?;
        app.wait_text("#run-counts", |t| t.starts_with("1 of 1 done · 0 failed"))
            .await?;
        Ok(())
    })
    .await;

    let (s, p) = (wiring(&staging), wiring(&production));
    for org in ["globex", "initech"] {
        assert_eq!(s.get(org), p.get(org), "{org} is not wired as on staging");
    }
    // Acme as staging has it, but for the button the file took away.
    let mut acme = s.get("acme-corporation").cloned().unwrap_or_default();
    if let Some(okta) = acme.get_mut("Initech-Okta") {
        okta["show_as_button"] = Value::Bool(false);
    }
    assert_eq!(
        Some(&acme),
        p.get("acme-corporation"),
        "Acme is not as the file says"
    );
}

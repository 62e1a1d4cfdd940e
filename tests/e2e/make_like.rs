//! "Set up the new customer like Acme" through the real window: a tenant (a sandbox of the
//! test's own, as a staging profile) gets a new, empty organization; on the Make like page Acme
//! Corporation is picked as the source and the new organization is named in a pasted list (with
//! an unknown name and a repeat, listed and collapsed); the plan shows Acme's connections grouped
//! under the new organization; the run is started with a share of the write rate and finishes;
//! the tenant then holds the same connections with the same options on both, and planning again
//! says there is nothing to change.

use std::collections::BTreeMap;
use std::time::Duration;

use lanyard_e2e::{Seed, with_app_profiles};
use lanyard_model::profile::Environment;
use serde_json::Value;

/// A run of Acme's connections waits on the sandbox's write bucket.
const LONG_WAIT: Duration = Duration::from_secs(120);

/// An organization's connections in the sandbox, by connection id, with their options.
fn links_of(state: &Value, org_id: &str) -> BTreeMap<String, Value> {
    state["org_connections"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|l| l["organization_id"] == org_id)
        .map(|l| {
            let mut link = l["link"].clone();
            let id = link["connection_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            // The connection object repeats the tenant's own data; the options are the rest.
            if let Some(o) = link.as_object_mut() {
                o.remove("connection");
            }
            (id, link)
        })
        .collect()
}

fn org_id(state: &Value, name: &str) -> Option<String> {
    state["organizations"]
        .as_array()?
        .iter()
        .find(|o| o["name"] == name)
        .and_then(|o| o["id"].as_str())
        .map(str::to_owned)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn the_new_customer_is_set_up_like_acme() {
    let tenant = lanyard_sandbox::start(lanyard_sandbox::SandboxConfig::default())
        .await
        .expect("the test's sandbox starts");
    let new_id = tenant
        .add_auth0_organization("initrode-new", "Initrode (new customer)")
        .expect("the new organization is added");
    let own = Seed::auth0(&tenant, "p-e2e-like", "Acme tenant", Environment::Staging);
    let state = tenant.state(lanyard_sandbox::Product::Auth0);
    let acme = org_id(&state, "acme-corporation").expect("Acme is seeded");
    let acme_links = links_of(&state, &acme);
    assert!(acme_links.len() >= 2, "Acme has connections to copy");
    assert!(
        links_of(&state, &new_id).is_empty(),
        "the new organization starts empty"
    );

    with_app_profiles("make_like", &[own], async |app| {
        app.click("#nav-make-like").await?;
        app.wait_text("#page-title", |t| t == "Make like").await?;
        app.wait_text("#profile-switcher", |t| t.contains("Acme tenant"))
            .await?;
        app.find("[data-testid=like-targets] tbody tr").await?;

        // Plan with nothing picked: inline errors, nothing planned.
        app.click("#like-plan").await?;
        app.wait_text("[data-testid=like-form] .field-error", |t| !t.is_empty())
            .await?;

        app.pick("like-source", "acme", "Acme Corporation").await?;

        // The new organization from a pasted list with an unknown name and a repeat in
        // other case.
        app.click("#list-open").await?;
        app.find("#list-text")
            .await?
            // WebKitWebDriver types a line break as the Enter key, not as "\n".
            .send_keys("initrode-new\u{E007}no-such-customer\u{E007}INITRODE-NEW")
            .await
            .map_err(|e| e.to_string())?;
        app.click("#list-resolve").await?;
        app.wait_text("#list-resolved", |t| {
            t.starts_with("1 resolved") && t.contains("1 repeat collapsed")
        })
        .await?;
        app.wait_text("[data-testid=list-unknown]", |t| {
            t.contains("no-such-customer")
        })
        .await?;
        app.painted_screenshot("make_like_list").await?;
        app.click("#list-use").await?;
        app.wait_text("#like-selected-count", |t| t == "1 selected")
            .await?;
        app.painted_screenshot("make_like_form").await?;

        app.click("#like-plan").await?;
        app.wait_text("#run-state", |t| t == "Ready to start")
            .await?;
        let n = acme_links.len();
        app.wait_text("#plan-groups-count", |t| {
            t == format!("{n} changes on 1 target")
        })
        .await?;
        app.wait_text(
            &format!("[data-testid=plan-groups] tbody[data-target='{new_id}']"),
            |t| t.contains("Initrode (new customer)"),
        )
        .await?;

        // A share of the write rate: checked as typed, then set while the run waits.
        let share = app.find("#rate-share").await?;
        share.clear().await.map_err(|e| e.to_string())?;
        share.send_keys("0").await.map_err(|e| e.to_string())?;
        app.wait_text("#rate-share-error", |t| t.contains("from 1 to 100"))
            .await?;
        share.clear().await.map_err(|e| e.to_string())?;
        share.send_keys("50").await.map_err(|e| e.to_string())?;
        app.click("#rate-share-set").await?;
        app.wait_text("#rate-share-now", |t| {
            t.contains("at most 50% of the write rate")
        })
        .await?;
        app.painted_screenshot("make_like_plan").await?;

        app.run_to_the_end(n, LONG_WAIT).await?;
        app.painted_screenshot("make_like_finished").await?;

        // The tenant: the new organization wired exactly as Acme.
        let after = tenant.state(lanyard_sandbox::Product::Auth0);
        let got = links_of(&after, &new_id);
        if got != acme_links {
            return Err(format!(
                "the new organization is not like Acme:\n{got:#?}\nvs\n{acme_links:#?}"
            ));
        }

        // Planned again, there is nothing to change.
        app.click("#bulk-back").await?;
        app.pick("like-source", "acme", "Acme Corporation").await?;
        app.click(&format!(
            "[data-testid=like-targets] tr[data-target='{new_id}'] input"
        ))
        .await?;
        app.click("#like-plan").await?;
        app.wait_text("#like-error", |t| {
            t.contains("already like Acme Corporation: nothing to change")
        })
        .await?;
        app.painted_screenshot("make_like_equal").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn bulk_targets_come_from_a_csv_column() {
    lanyard_e2e::with_app("bulk_list_csv", async |app| {
        app.open_bulk("Auth0 Sandbox").await?;
        app.click("#list-open").await?;
        app.click("#list-csv").await?;
        // WebKitWebDriver types a line break as the Enter key, not as "\n".
        app.find("#list-text")
            .await?
            .send_keys(
                "ticket,customer\u{E007}T-1,acme-corporation\u{E007}T-2,globex\u{E007}T-3,nobody-inc\u{E007}T-4,GLOBEX",
            )
            .await
            .map_err(|e| e.to_string())?;
        // The columns by the header's names; the second holds the names.
        app.wait_text("#list-column", |t| t.contains("1 · ticket") && t.contains("2 · customer"))
            .await?;
        app.choose("#list-column", "1").await?;
        app.click("#list-resolve").await?;
        app.wait_text("#list-resolved", |t| {
            t.starts_with("2 resolved") && t.contains("1 repeat collapsed")
        })
        .await?;
        app.wait_text("[data-testid=list-unknown]", |t| t.contains("line 4: nobody-inc"))
            .await?;
        app.painted_screenshot("bulk_list_csv_dialog").await?;
        app.click("#list-use").await?;
        app.wait_text("#selected-count", |t| t == "2 selected").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn an_ambiguous_name_in_a_list_is_settled_by_choosing_among_its_candidates() {
    let tenant = lanyard_sandbox::start(lanyard_sandbox::SandboxConfig::default())
        .await
        .expect("the test's sandbox starts");
    // A second organization shown as "Globex".
    let twin = tenant
        .add_auth0_organization("globex-europe", "Globex")
        .expect("the twin is added");
    let own = Seed::auth0(&tenant, "p-e2e-twins", "Two Globexes", Environment::Staging);
    with_app_profiles("bulk_list_ambiguous", &[own], async |app| {
        app.open_bulk("Two Globexes").await?;
        app.click("#list-open").await?;
        app.find("#list-text")
            .await?
            .send_keys("Globex\u{E007}initech")
            .await
            .map_err(|e| e.to_string())?;
        app.click("#list-resolve").await?;
        app.wait_text("#list-resolved", |t| t.starts_with("1 resolved"))
            .await?;
        app.wait_text("[data-testid=list-ambiguous]", |t| {
            t.contains("line 1: Globex")
        })
        .await?;
        // Left out until one is chosen.
        app.wait_text("#list-use", |t| t == "Use these 1").await?;
        app.choose("#amb-1", &twin).await?;
        app.wait_text("#list-use", |t| t == "Use these 2").await?;
        app.painted_screenshot("bulk_list_ambiguous_dialog").await?;
        app.click("#list-use").await?;
        app.wait_text("#selected-count", |t| t == "2 selected")
            .await?;
        let ticked = app
            .find(&format!(
                "[data-testid=bulk-targets] tr[data-target='{twin}'] input"
            ))
            .await?
            .prop("checked")
            .await
            .map_err(|e| e.to_string())?;
        if ticked.as_deref() != Some("true") {
            return Err(format!("the chosen Globex is not ticked: {ticked:?}"));
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_zitadel_organizations_policy_is_made_like_the_instances() {
    lanyard_e2e::with_app("make_like_zitadel", async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Auth0 Sandbox"))
            .await?;
        app.click("#nav-make-like").await?;
        app.click("#like-tab-zitadel").await?;
        app.wait_text("#profile-switcher", |t| t.contains("ZITADEL Sandbox"))
            .await?;
        // The instance's policy is offered though it is no organization.
        app.pick("like-source", "inst", "Instance default").await?;
        app.click("[data-testid=like-targets] tr[data-target='284019223568204001'] input")
            .await?;
        app.click("#like-plan").await?;
        app.wait_text("#run-summary", |t| {
            t.starts_with("Make Acme like Instance default")
        })
        .await?;
        app.wait_text("#run-state", |t| t == "Ready to start")
            .await?;
        let groups = app
            .wait_text(
                "[data-testid=plan-groups] tbody[data-target='284019223568204001']",
                |t| t.contains("to the login policy of Acme"),
            )
            .await?;
        let n = groups.matches("Link ").count();
        if n == 0 {
            return Err(format!("no link planned: {groups}"));
        }
        app.run_to_the_end(n, LONG_WAIT).await?;
        // Planned again: nothing to change.
        app.click("#bulk-back").await?;
        app.pick("like-source", "inst", "Instance default").await?;
        app.click("[data-testid=like-targets] tr[data-target='284019223568204001'] input")
            .await?;
        app.click("#like-plan").await?;
        app.wait_text("#like-error", |t| t.contains("nothing to change"))
            .await?;
        Ok(())
    })
    .await;
}

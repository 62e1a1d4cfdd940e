//! Warnings before a change breaks sign-in, and who changed a target, through the real window
//! against the built-in sandbox's seeded cases (`crates/sandbox/README.md`): each product's
//! warning in the preview with its reason and source, the ZITADEL default-policy choice made
//! with the keyboard and applied, a bulk plan's per-row warnings, and the History of Globex
//! (Dashboard admin and Terraform entries beside Lanyard's own), with and without `read:logs`.

use lanyard_e2e::{App, Locator, Pick, Seed, with_app, with_app_profiles};
use lanyard_model::profile::{AuthMethod, Environment, Product};

/// The preview's warning of `kind` (the model's name): its text once it has a message.
async fn warning(app: &App, kind: &str) -> Result<String, String> {
    let css = format!("[data-testid=plan-warning][data-kind={kind}]");
    app.wait_text(&css, |t| !t.is_empty()).await
}

/// Opens the "Why" of the warning of `kind` and returns the reason shown.
async fn why(app: &App, kind: &str) -> Result<String, String> {
    let css = format!("[data-testid=plan-warning][data-kind={kind}]");
    app.click(&format!("{css} .warning-why summary")).await?;
    app.find(&format!("{css} .warning-why[open]")).await?;
    app.wait_text(&format!("{css} [data-testid=warning-reason]"), |t| {
        !t.is_empty()
    })
    .await
}

async fn absent(app: &App, css: &str) -> Result<bool, String> {
    Ok(app.client.find(Locator::Css(css)).await.is_err())
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn each_products_warning_shows_in_the_preview_and_the_zitadel_choice_is_explicit() {
    with_app("warnings_preview", async |app| {
        // Auth0: github is enabled for no application.
        app.wait_text("#profile-switcher", |t| t.contains("Auth0 Sandbox"))
            .await?;
        app.preview_enable(Pick("pied", "Pied Piper"), Pick("github", "github"))
            .await?;
        let text = warning(app, "connection_without_application").await?;
        if !text.contains("documented") && !text.contains("inferred") {
            return Err(format!("the warning has no source badge: {text}"));
        }
        let reason = why(app, "connection_without_application").await?;
        app.wait_text("#warnings-title", |t| t.starts_with("Before you apply"))
            .await?;
        // A warning informs; Apply stays offered.
        app.find("#change-apply:not([disabled])").await?;
        app.screenshot("warnings_auth0_preview").await?;
        if reason.is_empty() {
            return Err("no reason under Why".into());
        }
        app.click("#change-cancel").await?;

        // Hub: the GitHub module creates no users, so its auto-join never applies.
        app.click("#nav-hub").await?;
        app.choose("#module-select", "0a6f5b7c-1111-4e2d-9a3b-000000000004")
            .await?;
        app.pick("group-picker", "QA", "QA Engineers").await?;
        app.click("#add-group").await?;
        app.wait_text("[data-testid=plan-request]", |t| t.starts_with("POST"))
            .await?;
        let hub = warning(app, "module_creates_no_users").await?;
        if !hub.contains("GitHub") {
            return Err(format!("the Hub warning does not name the module: {hub}"));
        }
        app.screenshot("warnings_hub_preview").await?;
        app.click("#change-cancel").await?;

        // ZITADEL: Globex follows the instance default; linking asks how, and nothing can be
        // applied until a choice is made.
        app.click("#nav-zitadel").await?;
        app.choose("#scope-select", "284019223568204002").await?;
        app.find("[data-testid=uses-default]").await?;
        app.click(
            "[data-testid=available-idps] tr[data-idp='284019223568203781'] [data-action=link]",
        )
        .await?;
        warning(app, "organization_uses_default_policy").await?;
        app.find("[data-testid=policy-choice]").await?;
        if !absent(app, "#change-apply").await? {
            return Err("Apply is offered before the default-policy choice".into());
        }
        app.wait_text("#change-needs-choice", |t| t.contains("nothing is sent"))
            .await?;
        app.find("#choice-preview[disabled]").await?;
        app.screenshot("warnings_zitadel_choice").await?;
        // The keyboard alone: Space picks the focused option, Enter on the button previews it.
        let own = app.find("#policy-choice-0").await?;
        own.send_keys("\u{E00D}").await.map_err(|e| e.to_string())?;
        let preview = app.find("#choice-preview:not([disabled])").await?;
        preview
            .send_keys("\u{E007}")
            .await
            .map_err(|e| e.to_string())?;
        let own_first = app
            .wait_text(
                "[data-testid=plan-warning][data-kind=organization_uses_default_policy]",
                |t| t.contains("its own login policy"),
            )
            .await?;
        if own_first.contains("Choose how to link") {
            return Err(format!("the chosen link still asks: {own_first}"));
        }
        app.find("#change-back").await?;
        app.screenshot("warnings_zitadel_chosen").await?;
        app.click("#change-apply").await?;
        app.wait_text("[data-testid=toast]", |t| !t.is_empty())
            .await?;
        // Globex has its own policy now, with the provider linked.
        app.wait_text("[data-testid=linked-idps]", |t| {
            t.contains("Corporate SAML")
        })
        .await?;
        if !absent(app, "[data-testid=uses-default]").await? {
            return Err("Globex still reads as following the default".into());
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_bulk_plan_counts_the_targets_with_warnings() {
    with_app("warnings_bulk", async |app| {
        app.open_bulk_form("Auth0 Sandbox", Pick("github", "github"))
            .await?;
        // The target table fills one page at a time: wait for the twelve rows to tick.
        let boxes = app
            .wait_all(
                "[data-testid=bulk-targets] tbody input[type=checkbox]",
                |n| n >= 12,
            )
            .await?;
        for b in boxes.iter().take(12) {
            app.click_element(b).await?;
        }
        app.click("#bulk-preview").await?;
        app.wait_text("#run-state", |t| t == "Ready to start")
            .await?;
        let summary = app
            .wait_text("[data-testid=plan-warnings-summary] h3", |t| {
                t.contains("have warnings") || t.contains("has warnings")
            })
            .await?;
        // "3 targets have warnings": as many rows of the plan show a warning count, once the
        // plan's rows have arrived (after the summary, on a slow machine).
        let warned: usize = summary
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("the summary does not start with a count: {summary:?}"))?;
        app.wait_all(
            "[data-testid=bulk-results] tbody [data-testid=item-warnings][data-count]:not([data-count='0'])",
            |n| n == warned,
        )
        .await
        .map_err(|err| format!("the summary reads {summary:?}, but {err}"))?;
        let toggle = "[data-testid=bulk-results] tbody [data-testid=item-warnings]:not([data-count='0']) button";
        app.click(toggle).await?;
        app.wait_text(
            "[data-testid=bulk-results] tbody [data-testid=item-warnings] .item-warnings-list",
            |t| t.contains("No application uses this connection"),
        )
        .await?;
        // The table is drawn again at every poll of the run: the row stays open.
        tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
        app.find(&format!("{toggle}[aria-expanded=true]")).await?;
        app.find("[data-testid=bulk-results] .item-warnings-list").await?;
        let summary = app.find("[data-testid=plan-warnings-summary]").await?;
        let arg = serde_json::to_value(&summary).map_err(|e| e.to_string())?;
        app.client
            .execute("arguments[0].scrollIntoView({block: 'start'})", vec![arg])
            .await
            .map_err(|e| e.to_string())?;
        app.screenshot("warnings_bulk_plan").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn the_history_of_globex_names_who_changed_it_beside_lanyards_own_changes() {
    with_app("auth0_history", async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Auth0 Sandbox"))
            .await?;
        app.pick("org-picker", "globex", "Globex").await?;
        app.wait_text("[data-testid=org-connections]", |t| {
            t.contains("Globex-SAML")
        })
        .await?;
        // A change through Lanyard first, so that both sources are listed.
        app.click("[data-testid=org-connections] tbody tr [data-action=toggle]")
            .await?;
        app.wait_text("[data-testid=plan-request]", |t| t.starts_with("PATCH"))
            .await?;
        app.click("#change-apply").await?;
        app.wait_text("[data-testid=toast]", |t| !t.is_empty())
            .await?;
        app.click("#org-tab-history").await?;
        let table = app
            .wait_text("[data-testid=history]", |t| {
                t.contains("Terraform") && t.contains("Dana Admin")
            })
            .await?;
        for shown in ["Dashboard admin", "Application", "Auth0 log", "Lanyard"] {
            if !table.contains(shown) {
                return Err(format!("the history lacks {shown:?}: {table}"));
            }
        }
        let lanyard = app
            .wait_text("[data-testid=history] tbody tr[data-source=lanyard]", |t| {
                !t.is_empty()
            })
            .await?;
        if !lanyard.contains("success") {
            return Err(format!("Lanyard's own change reads {lanyard:?}"));
        }
        // Newest first: Lanyard's change of a moment ago before the seeded entries of days ago.
        let first = app
            .wait_text("[data-testid=history] tbody tr", |t| !t.is_empty())
            .await?;
        if first.contains("Terraform") || first.contains("Dana Admin") {
            return Err(format!("the newest row is a seeded one: {first}"));
        }
        if !absent(app, "[data-testid=history-tenant-unavailable]").await? {
            return Err("the logs read as unavailable with read:logs granted".into());
        }
        app.screenshot("auth0_history").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn without_read_logs_the_history_names_the_scope_and_lists_lanyards_own() {
    let tenant = lanyard_sandbox::start(lanyard_sandbox::SandboxConfig::default())
        .await
        .expect("the test's sandbox starts");
    let creds = tenant.credentials().clone();
    let readonly = Seed::new(
        "p-e2e-no-logs",
        "Acme read-only",
        Product::Auth0,
        &tenant.auth0_url(),
        AuthMethod::Auth0ClientCredentials {
            client_id: creds.auth0_readonly_client_id.clone(),
        },
        Environment::Staging,
        &creds.auth0_readonly_client_secret,
    );
    with_app_profiles("auth0_history_no_read_logs", &[readonly], async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Acme read-only"))
            .await?;
        app.click("#nav-auth0").await?;
        app.pick("org-picker", "globex", "Globex").await?;
        app.click("#org-tab-history").await?;
        let note = app
            .wait_text("[data-testid=history-tenant-unavailable]", |t| {
                t.contains("read:logs")
            })
            .await?;
        if !note.contains("Auth0 Dashboard") {
            return Err(format!("the note does not say how to grant it: {note}"));
        }
        if !absent(app, "[data-testid=load-error]").await? {
            return Err("a missing scope is shown as a failed load".into());
        }
        app.screenshot("auth0_history_no_read_logs").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_warnings_fix_is_previewed_and_applied_then_the_change_it_was_for_comes_back() {
    with_app("warnings_fix", async |app| {
        // Initech's own ZITADEL policy does not allow external identity providers.
        app.click("#nav-zitadel").await?;
        app.choose("#scope-select", "284019223568204003").await?;
        app.click(
            "[data-testid=available-idps] tr[data-idp='284019223568203781'] [data-action=link]",
        )
        .await?;
        warning(app, "external_idps_not_allowed").await?;
        app.click("[data-kind=external_idps_not_allowed] [data-action=warning-fix]")
            .await?;
        let request = app
            .wait_text("[data-testid=plan-request]", |t| t.starts_with("PUT"))
            .await?;
        if !request.contains("\"allowExternalIdp\": true") {
            return Err(format!("the fix does not turn external IdPs on: {request}"));
        }
        app.wait_text("#change-back", |t| {
            t.contains("Back to: Link Corporate SAML")
        })
        .await?;
        app.screenshot("warnings_fix_preview").await?;
        app.click("#change-apply").await?;
        // The link's preview again, read anew: the warning is gone.
        app.wait_text("[data-testid=plan-request]", |t| {
            t.starts_with("POST") && t.contains("/policies/login/idps")
        })
        .await?;
        app.wait_text("#change-title", |t| t.starts_with("Link Corporate SAML"))
            .await?;
        if !absent(app, "[data-kind=external_idps_not_allowed]").await? {
            return Err("the fixed warning is still shown".into());
        }
        if !absent(app, "#change-back").await? {
            return Err("Back is offered after the fix was applied".into());
        }
        app.click("#change-apply").await?;
        app.wait_text("[data-testid=linked-idps]", |t| {
            t.contains("Corporate SAML")
        })
        .await?;
        Ok(())
    })
    .await;
}

//! The three workflows through the real window against the built-in sandbox: each seed
//! operation with its fields, preview, apply and undo; inline validation with nothing sent.

use lanyard_e2e::{App, Pick, Seed, with_app, with_app_profiles};

async fn apply_change(app: &App) -> Result<(), String> {
    app.wait_text("[data-testid=plan-request]", |t| !t.is_empty())
        .await?;
    app.click("#change-apply").await?;
    app.wait_text("[data-testid=toast]", |t| !t.is_empty())
        .await?;
    Ok(())
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn auth0_enable_a_connection_with_every_option_then_undo() {
    with_app("auth0_enable", async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Auth0 Sandbox"))
            .await?;
        app.open_enable_form(
            Pick("pied", "Pied Piper"),
            Pick("Partners", "Partners-Database"),
        )
        .await?;
        let name = app.find("#organization_connection_name").await?;
        name.send_keys("Pied Piper partners")
            .await
            .map_err(|e| e.to_string())?;
        app.click("#assign_membership_on_login").await?;
        app.click("#is_signup_enabled").await?;
        app.choose("#organization_access_level", "readonly").await?;
        app.click("#enable-submit").await?;
        let plan = app
            .wait_text("[data-testid=plan-request]", |t| {
                t.contains("POST /api/v2/organizations/")
            })
            .await?;
        for field in [
            "\"organization_connection_name\": \"Pied Piper partners\"",
            "\"assign_membership_on_login\": true",
            "\"is_signup_enabled\": true",
            "\"organization_access_level\": \"readonly\"",
            "\"is_enabled\": true",
        ] {
            if !plan.contains(field) {
                return Err(format!("the preview does not send {field}: {plan}"));
            }
        }
        app.screenshot("auth0_preview").await?;
        apply_change(app).await?;
        let row = app
            .wait_text("[data-testid=org-connections] tbody tr", |t| {
                t.contains("Partners-Database")
            })
            .await?;
        for shown in ["auth0", "Enabled", "readonly", "Pied Piper partners"] {
            if !row.contains(shown) {
                return Err(format!("the table row lacks {shown}: {row}"));
            }
        }
        app.screenshot("auth0_enabled").await?;
        // Undo from the toast goes through the same preview.
        app.click("[data-testid=toast] .toast-action").await?;
        app.wait_text("[data-testid=plan-request]", |t| t.starts_with("DELETE"))
            .await?;
        app.click("#change-apply").await?;
        app.wait_text("main", |t| t.contains("No connection is enabled"))
            .await?;
        app.click("#nav-activity").await?;
        app.wait_text("[data-testid=activity] tbody", |t| {
            t.contains("enable connection") && t.contains("remove connection")
        })
        .await?;
        // The time is whole in its column, not cut with an ellipsis.
        let time = app
            .js(
                "const c = document.querySelector('[data-testid=activity] td.activity-time'); \
                 return c && [c.textContent, c.scrollWidth <= c.clientWidth];",
            )
            .await?;
        if time.get(1) != Some(&serde_json::Value::Bool(true)) {
            return Err(format!("the activity time is cut (text, fits): {time}"));
        }
        app.screenshot("activity").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_broken_rule_shows_inline_and_nothing_is_sent() {
    with_app("auth0_inline_errors", async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Auth0 Sandbox"))
            .await?;
        app.open_enable_form(Pick("hooli", "Hooli"), Pick("Okta", "Initech-Okta"))
            .await?;
        // Sign-up does not apply to an enterprise connection: the box is off, with the reason.
        let signup = app.find("#is_signup_enabled").await?;
        if signup
            .attr("disabled")
            .await
            .map_err(|e| e.to_string())?
            .is_none()
        {
            return Err("sign-up is offered for an enterprise connection".into());
        }
        app.wait_text("#is_signup_enabled-hint", |t| {
            t.contains("database connections only")
        })
        .await?;
        app.choose("#organization_access_level", "full").await?;
        app.wait_text(
            "#enable-form-errors, [data-testid=enable-form] .field-error",
            |t| t.contains("organization connection name"),
        )
        .await?;
        app.click("#enable-submit").await?;
        if app
            .client
            .find(lanyard_e2e::Locator::Css("[data-testid=change-dialog]"))
            .await
            .is_ok()
        {
            return Err("the preview opened although a rule is broken".into());
        }
        app.screenshot("auth0_inline_errors_form").await?;
        app.click("#nav-activity").await?;
        app.wait_text("main", |t| t.contains("No change has been made yet"))
            .await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn hub_add_a_group_to_a_module_then_remove_it() {
    with_app("hub_auto_join", async |app| {
        app.click("#nav-hub").await?;
        app.choose("#module-select", "0a6f5b7c-1111-4e2d-9a3b-000000000004")
            .await?;
        app.wait_text("main", |t| t.contains("adds new users to no group"))
            .await?;
        app.pick("group-picker", "Release", "Release Managers")
            .await?;
        app.click("#add-group").await?;
        apply_change(app).await?;
        app.wait_text("[data-testid=auto-join-groups]", |t| {
            t.contains("Release Managers")
        })
        .await?;
        app.screenshot("hub").await?;
        // Undo from the toast takes the group out again.
        app.click("[data-testid=toast] .toast-action").await?;
        let plan = app
            .wait_text("[data-testid=plan-request]", |t| t.starts_with("DELETE"))
            .await?;
        if !plan.contains("/autojoingroups/") {
            return Err(format!("the undo does not remove the group: {plan}"));
        }
        app.click("#change-apply").await?;
        app.wait_text("main", |t| t.contains("adds new users to no group"))
            .await?;
        // Added again, then removed with the row's own button.
        app.pick("group-picker", "Release", "Release Managers")
            .await?;
        app.click("#add-group").await?;
        apply_change(app).await?;
        app.click("[data-testid=auto-join-groups] [data-action=remove]")
            .await?;
        apply_change(app).await?;
        app.wait_text("main", |t| t.contains("adds new users to no group"))
            .await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn zitadel_link_an_identity_provider_then_undo() {
    with_app("zitadel_link", async |app| {
        app.click("#nav-zitadel").await?;
        app.wait_text("[data-testid=available-idps]", |t| {
            t.contains("Corporate SAML")
        })
        .await?;
        app.click(
            "[data-testid=available-idps] tr[data-idp='284019223568203781'] [data-action=link]",
        )
        .await?;
        apply_change(app).await?;
        app.wait_text("[data-testid=linked-idps]", |t| {
            t.contains("Corporate SAML")
        })
        .await?;
        app.screenshot("zitadel").await?;
        app.click("[data-testid=toast] .toast-action").await?;
        apply_change(app).await?;
        app.wait_text("[data-testid=linked-idps]", |t| {
            !t.contains("Corporate SAML")
        })
        .await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn auth0_edit_options_in_place_then_undo() {
    with_app("auth0_edit", async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Auth0 Sandbox"))
            .await?;
        app.pick("org-picker", "acme", "Acme Corporation").await?;
        app.wait_text("[data-testid=org-connections]", |t| {
            t.contains("Initech-Okta") && t.contains("limited")
        })
        .await?;
        let rows = app
            .client
            .find_all(lanyard_e2e::Locator::Css(
                "[data-testid=org-connections] tbody tr",
            ))
            .await
            .map_err(|e| e.to_string())?;
        let mut target = None;
        for row in rows {
            if row
                .text()
                .await
                .map_err(|e| e.to_string())?
                .contains("Initech-Okta")
            {
                target = row
                    .attr("data-connection")
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
        let id = target.ok_or("no Initech-Okta row")?;
        app.click(&format!("tr[data-connection='{id}'] [data-action=edit]"))
            .await?;
        app.choose("#edit_organization_access_level", "readonly")
            .await?;
        app.click("#edit-submit").await?;
        let plan = app
            .wait_text("[data-testid=plan-request]", |t| t.starts_with("PATCH"))
            .await?;
        if !plan.contains("\"organization_access_level\": \"readonly\"")
            || plan.contains("show_as_button")
        {
            return Err(format!("the PATCH should carry only what changed: {plan}"));
        }
        app.click("#change-apply").await?;
        app.wait_text(&format!("tr[data-connection='{id}']"), |t| {
            t.contains("readonly")
        })
        .await?;
        app.click("[data-testid=toast] .toast-action").await?;
        app.wait_text("[data-testid=plan-request]", |t| t.contains("\"limited\""))
            .await?;
        app.click("#change-apply").await?;
        app.wait_text(&format!("tr[data-connection='{id}']"), |t| {
            t.contains("limited")
        })
        .await?;
        // The README's first picture: an organization's connections as the seed has them.
        app.screenshot("auth0_organizations").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn auth0_a_409_from_another_admin_is_shown_and_changes_nothing() {
    // A tenant of the test's own, saved as the user's profile: the test holds its credentials
    // and plays the other admin with them.
    let tenant = lanyard_sandbox::start(lanyard_sandbox::SandboxConfig::default())
        .await
        .expect("the test's sandbox starts");
    let url = tenant.auth0_url();
    let creds = tenant.credentials().clone();
    let acme = Seed::auth0(
        &tenant,
        "p-e2e-acme-staging",
        "Acme staging",
        lanyard_model::profile::Environment::Staging,
    );
    with_app_profiles("auth0_conflict", &[acme], async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Acme staging"))
            .await?;
        app.click("#nav-auth0").await?;
        let plan = app
            .preview_enable(
                Pick("soylent", "Soylent Foods"),
                Pick("Umbrella", "Umbrella-OIDC"),
            )
            .await?;
        if !plan.starts_with("POST") {
            return Err(format!("enabling is not a POST: {plan}"));
        }

        // Another admin enables the same connection first, with the button hidden.
        let other = lanyard_providers::auth0::Auth0Client::new(
            &url,
            &creds.auth0_client_id,
            secrecy::SecretString::from(creds.auth0_client_secret.clone()),
            lanyard_providers::HttpOptions::default(),
        )
        .map_err(|e| e.to_string())?;
        let org = other
            .search_organizations("soylent-foods", 5)
            .await
            .map_err(|e| e.to_string())?
            .into_iter()
            .next()
            .ok_or("no Soylent Foods organization")?;
        let conn = other
            .connections(&Default::default())
            .await
            .map_err(|e| e.to_string())?
            .into_iter()
            .find(|c| c.name == "Umbrella-OIDC")
            .ok_or("no Umbrella-OIDC connection")?;
        let mut request = lanyard_model::auth0::EnableConnection::new(
            lanyard_model::ids::ConnectionId::parse(conn.id).map_err(|e| e.to_string())?,
        );
        request.show_as_button = Some(false);
        let org_id =
            lanyard_model::ids::OrganizationId::parse(org.id).map_err(|e| e.to_string())?;
        other
            .enable(&org_id, &request)
            .await
            .map_err(|e| e.to_string())?;

        app.click("#change-apply").await?;
        app.wait_text("[data-testid=change-error]", |t| {
            t.contains("already enabled for Soylent Foods, with other options")
                && t.contains("changed nothing")
        })
        .await?;
        app.screenshot("auth0_conflict").await?;
        let now = other
            .org_connections(&org_id)
            .await
            .map_err(|e| e.to_string())?;
        if now.len() != 1 || now[0].settings().show_as_button {
            return Err(format!("the other admin's options were touched: {now:?}"));
        }
        Ok(())
    })
    .await;
}

//! A profile added through the form, tested, edited (its keychain secret kept), used (its missing
//! scope shown in words), and removed with its entry in the real keychain.

use lanyard_core::secrets::Keychain;
use lanyard_e2e::{App, Locator, Seed, with_app, with_app_profiles};
use lanyard_model::profile::{AuthMethod, Environment, Product};

async fn type_into(app: &App, css: &str, text: &str) -> Result<(), String> {
    app.find(css)
        .await?
        .send_keys(text)
        .await
        .map_err(|e| e.to_string())
}

/// Tests the connection of profile `id` from its row, and waits for it to say Connected.
async fn connects(app: &App, id: &str) -> Result<(), String> {
    app.click(&format!("tr[data-profile='{id}'] [data-action=test]"))
        .await?;
    app.wait_text(
        &format!("tr[data-profile='{id}'] [data-testid=test-result]"),
        |t| t.contains("Connected"),
    )
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_profile_is_added_tested_used_and_removed_with_its_keychain_entry() {
    // A tenant of the test's own: its credentials are made at start and only the test knows them.
    let tenant = lanyard_sandbox::start(lanyard_sandbox::SandboxConfig::default())
        .await
        .expect("the test's sandbox starts");
    let address = tenant.auth0_url();
    let creds = tenant.credentials().clone();
    with_app("profiles", async |app| {
        app.click("#nav-profiles").await?;
        app.wait_text("tr[data-profile=sandbox-auth0] td.mono", |t| {
            t.starts_with("http://127.0.0.1:")
        })
        .await?;

        // A first submit with nothing filled shows every field's error in place.
        app.click("#add-profile").await?;
        app.wait_text("form.add-profile", |t| {
            let t = t.to_lowercase();
            t.contains("give the profile a name") && t.contains("paste the secret")
        })
        .await?;

        type_into(app, "#display_name", "Acme read-only").await?;
        type_into(app, "#address", &address).await?;
        type_into(app, "#client_id", &creds.auth0_readonly_client_id).await?;
        type_into(app, "#secret", &creds.auth0_readonly_client_secret).await?;
        app.click("#add-profile").await?;
        app.wait_text("[data-testid=toast]", |t| {
            t.contains("Added profile Acme read-only")
        })
        .await?;
        let row = app
            .find("[data-testid=profiles-table] tbody tr:nth-child(1)")
            .await?;
        let id = row
            .attr("data-profile")
            .await
            .map_err(|e| e.to_string())?
            .ok_or("the new row has no profile id")?;
        let text = row.text().await.map_err(|e| e.to_string())?;
        if !text.contains("Production") {
            return Err(format!("the new profile is not marked production: {text}"));
        }
        let stored = Keychain::default()
            .read(&id)
            .await
            .map_err(|e| e.to_string())?;
        if stored.is_none() {
            return Err("the secret is not in the system keychain".into());
        }

        connects(app, &id).await?;
        app.screenshot("profiles_page").await?;

        // Edited: a new name, the secret left empty so the keychain keeps it.
        app.click(&format!("tr[data-profile='{id}'] [data-action=edit]"))
            .await?;
        app.wait_text("#add-profile-title", |t| t == "Edit profile Acme read-only")
            .await?;
        app.screenshot("profile_edit").await?;
        let name = app.find("#display_name").await?;
        name.clear().await.map_err(|e| e.to_string())?;
        name.send_keys("Acme read-only EU")
            .await
            .map_err(|e| e.to_string())?;
        app.click("#add-profile").await?;
        app.wait_text("[data-testid=toast]", |t| {
            t.contains("Saved profile Acme read-only EU")
        })
        .await?;
        app.wait_text(&format!("tr[data-profile='{id}']"), |t| {
            t.contains("Acme read-only EU")
        })
        .await?;
        let kept = Keychain::default()
            .read(&id)
            .await
            .map_err(|e| e.to_string())?;
        if kept
            .as_ref()
            .map(|s| secrecy::ExposeSecret::expose_secret(s).to_owned())
            != Some(creds.auth0_readonly_client_secret.clone())
        {
            return Err("editing without a secret did not keep the stored one".into());
        }
        connects(app, &id).await?;

        // Used for a change, its missing scope is named.
        app.click("#nav-auth0").await?;
        app.choose("#profile-switcher", &id).await?;
        app.wait_text("[data-testid=env-badge]", |t| t == "PRODUCTION")
            .await?;
        let org = app.find("#org-picker").await?;
        org.click().await.map_err(|e| e.to_string())?;
        org.send_keys("wayne").await.map_err(|e| e.to_string())?;
        app.wait_text("#org-picker-list li[role=option] .picker-label", |t| {
            t == "Wayne Enterprises"
        })
        .await?;
        app.click("#org-picker-list li[role=option]").await?;
        app.click("#enable-connection").await?;
        let con = app.find("#connection-picker").await?;
        con.click().await.map_err(|e| e.to_string())?;
        con.send_keys("linkedin").await.map_err(|e| e.to_string())?;
        app.wait_text(
            "#connection-picker-list li[role=option] .picker-label",
            |t| t == "linkedin",
        )
        .await?;
        app.click("#connection-picker-list li[role=option]").await?;
        app.click("#enable-submit").await?;
        app.wait_text("[data-testid=plan-request]", |t| t.starts_with("POST"))
            .await?;
        app.click("#change-apply").await?;
        app.wait_text("[data-testid=change-error]", |t| {
            t.contains("create:organization_connections") && t.contains("Grant")
        })
        .await?;
        app.screenshot("auth0_missing_scope").await?;
        app.click("#change-cancel").await?;

        app.click("#nav-profiles").await?;
        app.click(&format!("tr[data-profile='{id}'] [data-action=remove]"))
            .await?;
        app.click("#modal-confirm").await?;
        app.wait_text("[data-testid=toast]", |t| {
            t.contains("Removed profile Acme read-only")
        })
        .await?;
        if app
            .client
            .find(Locator::Css(&format!("tr[data-profile='{id}']")))
            .await
            .is_ok()
        {
            return Err("the removed profile is still listed".into());
        }
        if Keychain::default()
            .read(&id)
            .await
            .map_err(|e| e.to_string())?
            .is_some()
        {
            return Err("the keychain entry outlived its profile".into());
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn with_a_profile_of_ones_own_the_sandbox_starts_only_when_tried() {
    let own = Seed::new(
        "p-e2e-acme-hub",
        "Acme Hub",
        Product::Hub,
        "https://hub.acme.example/hub",
        AuthMethod::HubPermanentToken,
        Environment::Production,
        "perm:YWNtZQ==.ZTJl.not-a-real-token",
    );
    with_app_profiles("try_sandbox", &[own], async |app| {
        app.click("#nav-profiles").await?;
        app.wait_text("[data-testid=profiles-table] tbody", |t| {
            t.contains("Acme Hub")
        })
        .await?;
        if app
            .client
            .find(Locator::Css("tr[data-profile=sandbox-auth0]"))
            .await
            .is_ok()
        {
            return Err("the sandbox started although the user has a profile".into());
        }
        app.screenshot("profiles_sandbox_not_started").await?;
        app.click("#try-sandbox").await?;
        app.wait_text("[data-testid=toast]", |t| t.contains("Started the sandbox"))
            .await?;
        app.wait_text("tr[data-profile=sandbox-hub] td.mono", |t| {
            t.starts_with("http://127.0.0.1:")
        })
        .await?;
        app.click("tr[data-profile=sandbox-hub] [data-action=test]")
            .await?;
        app.wait_text(
            "tr[data-profile=sandbox-hub] [data-testid=test-result]",
            |t| t.contains("Connected"),
        )
        .await?;
        app.click("#nav-hub").await?;
        app.wait_text("#profile-switcher", |t| {
            t.contains("Hub Sandbox") && t.contains("Acme Hub")
        })
        .await?;
        Ok(())
    })
    .await;
}

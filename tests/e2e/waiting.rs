//! Nothing a user waits on is silent: a host that keeps quiet shows what is loading, then why it
//! failed, never an empty list.

use lanyard_e2e::silent::Silent;
use lanyard_e2e::{Locator, Seed, with_app_profiles, with_app_profiles_env};
use lanyard_model::profile::{AuthMethod, Environment, Product};

/// "<prefix><Product> at 127.0.0.1:<port> could not be reached (<cause>). <what to do>": the
/// product and host once, the cause in words, what to do; no URL, no query, no reqwest chain.
fn unreachable_said(text: &str, prefix: &str, product: Product, address: &str) -> bool {
    let host = address.trim_start_matches("http://");
    text.starts_with(prefix)
        && text.contains(&format!("{product} at {host} could not be reached ("))
        && text.matches("could not be reached").count() == 1
        && (text.contains("Check the address on the Profiles page") || text.contains("Try again"))
        && !text.contains("http://")
        && !text.contains('?')
        && !text.contains("error sending request")
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_hub_that_does_not_answer_shows_loading_then_the_cause() {
    let mut host = Silent::start().expect("a silent port");
    let address = host.url();
    let hub = Seed::new(
        "p-e2e-quiet-hub",
        "Quiet Hub",
        Product::Hub,
        &address,
        AuthMethod::HubPermanentToken,
        Environment::Staging,
        "perm:cXVpZXQ=.ZTJl.not-a-real-token",
    );
    with_app_profiles("hub_modules_failed", &[hub], async |app| {
        app.click("#nav-hub").await?;
        // While the host keeps quiet, the select says what it waits for and cannot be used.
        app.wait_text("#module-select", |t| t == "Loading auth modules…")
            .await?;
        let select = app.find("#module-select").await?;
        let disabled = select.prop("disabled").await.map_err(|e| e.to_string())?;
        if disabled.as_deref() != Some("true") {
            return Err(format!(
                "the select can be used while it loads (disabled={disabled:?})"
            ));
        }
        app.screenshot("hub_modules_loading").await?;

        // The host hangs up: the page says why there is no module, where the select was.
        host.release();
        let shown = app
            .wait_text("[data-testid=load-error]", |t| {
                unreachable_said(t, "Could not load auth modules: ", Product::Hub, &address)
            })
            .await?;
        if !shown.contains("Retry") {
            return Err(format!("the failure offers no Retry: {shown}"));
        }
        if app
            .client
            .find(Locator::Css("#module-select"))
            .await
            .is_ok()
        {
            return Err("an empty module select is still shown beside the failure".into());
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_picker_search_that_fails_says_why() {
    let mut host = Silent::start().expect("a silent port");
    let address = host.url();
    // Nothing listens there any more: every request is refused.
    host.release();
    let tenant = Seed::new(
        "p-e2e-gone-tenant",
        "Gone tenant",
        Product::Auth0,
        &address,
        AuthMethod::Auth0ClientCredentials {
            client_id: "e2e-client".to_owned(),
        },
        Environment::Staging,
        "not-a-real-secret",
    );
    with_app_profiles("picker_search_failed", &[tenant], async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Gone tenant"))
            .await?;
        let picker = app.find("#org-picker").await?;
        picker.click().await.map_err(|e| e.to_string())?;
        picker.send_keys("acme").await.map_err(|e| e.to_string())?;
        app.wait_text("#org-picker-list .picker-problem", |t| {
            unreachable_said(t, "Could not search: ", Product::Auth0, &address)
        })
        .await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn zitadel_organizations_that_cannot_be_loaded_say_why_on_both_pages() {
    let mut host = Silent::start().expect("a silent port");
    let address = host.url();
    host.release();
    let zitadel = Seed::new(
        "p-e2e-gone-zitadel",
        "Gone ZITADEL",
        Product::Zitadel,
        &address,
        AuthMethod::ZitadelPat,
        Environment::Staging,
        "not-a-real-token",
    );
    // In the dark theme: the error boxes are read there too.
    let dark = [("GTK_THEME", "Adwaita:dark")];
    with_app_profiles_env("zitadel_orgs_failed", &dark, &[zitadel], async |app| {
        app.click("#nav-zitadel").await?;
        // The instance's policy stays pickable; the organizations say why they are missing.
        let orgs = ".field:has(#scope-select) [data-testid=load-error]";
        app.wait_text(orgs, |t| {
            unreachable_said(
                t,
                "Could not load organizations: ",
                Product::Zitadel,
                &address,
            )
        })
        .await?;
        app.find("#scope-select option[value=instance]").await?;
        app.find(&format!("{orgs} [data-action=retry]")).await?;
        app.screenshot("zitadel_orgs_failed_dark").await?;

        app.click("#nav-bulk").await?;
        app.click("#bulk-tab-zitadel").await?;
        app.wait_text(".field:has(#bulk-scope) [data-testid=load-error]", |t| {
            t.starts_with("Could not load organizations: ")
        })
        .await?;
        app.wait_text(
            "[data-testid=bulk-form] .card:nth-of-type(2) [data-testid=load-error]",
            |t| t.starts_with("Could not load identity providers: "),
        )
        .await?;
        // Retry asks again: loading, then the cause once more (nothing answers there).
        app.click(".field:has(#bulk-scope) [data-action=retry]")
            .await?;
        app.wait_text(".field:has(#bulk-scope) [role=status]", |t| {
            t == "Loading organizations…"
        })
        .await?;
        app.wait_text(".field:has(#bulk-scope) [data-testid=load-error]", |t| {
            t.starts_with("Could not load organizations: ")
        })
        .await?;
        Ok(())
    })
    .await;
}

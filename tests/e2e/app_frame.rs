//! The app starts, shows its frame, and answers over IPC.

use lanyard_e2e::{with_app, with_app_env};

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn frame_shows_sections_and_the_apps_answer() {
    with_app("app_frame", async |app| {
        // The version comes from the `app_info` command: seeing it proves IPC works end to end.
        let version = env!("CARGO_PKG_VERSION");
        app.wait_text("[data-testid=app-version]", |t| t.contains(version))
            .await?;

        for (slug, title) in [
            ("zitadel", "ZITADEL"),
            ("hub", "Hub"),
            ("bulk", "Bulk changes"),
            ("activity", "Activity"),
            ("auth0", "Auth0"),
        ] {
            app.click(&format!("#nav-{slug}")).await?;
            app.wait_text("#page-title", |t| t == title).await?;
            let current = app.find(&format!("#nav-{slug}")).await?;
            let aria = current
                .attr("aria-current")
                .await
                .map_err(|e| e.to_string())?;
            if aria.as_deref() != Some("page") {
                return Err(format!(
                    "the sidebar does not mark {title} as the current page (aria-current={aria:?})"
                ));
            }
        }

        // With no profile of their own, a new user is offered one Sandbox profile per product.
        app.click("#nav-profiles").await?;
        app.wait_text("[data-testid=profiles-table] tbody", |t| {
            t.contains("Auth0 Sandbox")
                && t.contains("ZITADEL Sandbox")
                && t.contains("Hub Sandbox")
        })
        .await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn sections_can_be_reached_with_the_keyboard_alone() {
    use fantoccini::key::Key;
    with_app("keyboard_navigation", async |app| {
        app.wait_text("[data-testid=app-version]", |t| t.starts_with('v'))
            .await?;
        // Tab walks the sidebar in order: Auth0, ZITADEL, Hub.
        let mut reached_hub = false;
        for _ in 0..6 {
            let active = app
                .client
                .active_element()
                .await
                .map_err(|e| e.to_string())?;
            active
                .send_keys(&Key::Tab.to_string())
                .await
                .map_err(|e| e.to_string())?;
            let focused = app
                .client
                .active_element()
                .await
                .map_err(|e| e.to_string())?;
            if focused
                .attr("id")
                .await
                .map_err(|e| e.to_string())?
                .as_deref()
                == Some("nav-hub")
            {
                reached_hub = true;
                break;
            }
        }
        if !reached_hub {
            return Err("Tab never reached the Hub entry of the sidebar".to_owned());
        }
        let focused = app
            .client
            .active_element()
            .await
            .map_err(|e| e.to_string())?;
        focused
            .send_keys(&Key::Enter.to_string())
            .await
            .map_err(|e| e.to_string())?;
        app.wait_text("#page-title", |t| t == "Hub").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_dark_desktop_theme_gets_the_dark_style() {
    with_app_env("dark_mode", &[("GTK_THEME", "Adwaita:dark")], async |app| {
        app.wait_text("[data-testid=app-version]", |t| t.starts_with('v'))
            .await?;
        app.click("#nav-bulk").await?;
        app.find("[data-testid=bulk-targets] tbody tr").await?;
        // The page background follows the desktop's dark preference.
        let bg = app
            .client
            .execute(
                "return getComputedStyle(document.body).backgroundColor",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        let bg = bg.as_str().unwrap_or_default().to_owned();
        if bg != "rgb(21, 24, 29)" {
            return Err(format!(
                "the page is not dark under a dark desktop theme: {bg}"
            ));
        }
        app.screenshot("dark_bulk").await?;
        Ok(())
    })
    .await;
}

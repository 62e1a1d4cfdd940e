//! The app starts, shows its frame, and answers over IPC.

use lanyard_e2e::with_app;

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

        app.click("#nav-profiles").await?;
        app.wait_text("[data-testid=info-version]", |t| t == version)
            .await?;
        Ok(())
    })
    .await;
}

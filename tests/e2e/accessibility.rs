//! Pages anyone can use: axe-core on every page and on the dialogs (a change's preview, a pasted
//! list, the updates) in English and Japanese, light and dark, with no serious or critical
//! violation (one summary line in the output); and one whole change made with the keyboard
//! alone: pick the organization and the connection, fill the form, preview, Esc and back,
//! apply, then undo from the toast.

use fantoccini::key::Key;
use lanyard_e2e::a11y::{PAGES, axe_source};
use lanyard_e2e::{App, Pick, with_app};

/// Opens the preview of enabling Partners-Database on Pied Piper (the sandbox's names).
async fn open_change_dialog(app: &App) -> Result<(), String> {
    app.open_page("auth0").await?;
    app.preview_enable(
        Pick("pied", "Pied Piper"),
        Pick("Partners", "Partners-Database"),
    )
    .await?;
    Ok(())
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn axe_finds_no_serious_violation_on_any_page_or_dialog() {
    with_app("accessibility_axe", async |app| {
        let axe = axe_source()?;
        app.wait_text("[data-testid=app-version]", |t| t.starts_with('v'))
            .await?;
        // axe sees what it should: grey on white is a serious contrast failure.
        app.js("const p = document.createElement('p'); p.id = 'axe-canary'; p.textContent = 'faint'; p.style.cssText = 'color:#ddd;background:#fff'; document.body.append(p);")
            .await?;
        let (canary, _) = app.axe(&axe).await?;
        if !canary.iter().any(|v| v.starts_with("color-contrast") && v.contains("axe-canary")) {
            return Err(format!("axe did not flag grey on white: {canary:?}"));
        }
        app.js("document.getElementById('axe-canary').remove();").await?;
        let mut found = Vec::new();
        let (mut pages, mut dialogs, mut rules) = (0, 0, 0);
        for lang in ["en", "ja"] {
            app.choose_language(lang).await?;
            for theme in ["light", "dark"] {
                app.theme(theme).await?;
                let mut check = async |what: &str| -> Result<(), String> {
                    let (bad, checked) = app.axe(&axe).await?;
                    rules = rules.max(checked);
                    found.extend(bad.into_iter().map(|b| format!("{lang} {theme} {what}: {b}")));
                    Ok(())
                };
                for slug in PAGES {
                    app.open_page(slug).await?;
                    check(slug).await?;
                    pages += 1;
                }
                app.open_page("bulk").await?;
                app.click("#list-open").await?;
                app.wait_text("#list-title", |t| !t.is_empty()).await?;
                check("list dialog").await?;
                app.press(Key::Escape).await?;
                app.click("[data-testid=update-check]").await?;
                app.wait_text("#update-title", |t| !t.is_empty()).await?;
                app.settle().await?;
                check("updates dialog").await?;
                app.press(Key::Escape).await?;
                open_change_dialog(app).await?;
                check("change dialog").await?;
                app.press(Key::Escape).await?;
                dialogs += 3;
            }
        }
        println!(
            "axe: {pages} pages and {dialogs} open dialogs in 2 languages and 2 themes, {rules} rules each: {} serious or critical violations",
            found.len()
        );
        if found.is_empty() {
            Ok(())
        } else {
            Err(found.join("\n"))
        }
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn one_whole_change_with_the_keyboard_alone() {
    with_app("keyboard_change", async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Auth0 Sandbox"))
            .await?;
        // Pick the organization: type, arrow down to it, Enter.
        app.tab_to("#org-picker", 40).await?;
        app.type_keys("pied").await?;
        app.wait_text("#org-picker-list .picker-label", |t| t == "Pied Piper")
            .await?;
        app.press(Key::Down).await?;
        app.press(Key::Enter).await?;
        app.wait_text("main", |t| t.contains("No connection is enabled"))
            .await?;
        // Open the form and pick the connection the same way.
        app.tab_to("#enable-connection", 40).await?;
        app.press(Key::Enter).await?;
        app.tab_to("#connection-picker", 10).await?;
        app.type_keys("Partners").await?;
        app.wait_text("#connection-picker-list .picker-label", |t| {
            t == "Partners-Database"
        })
        .await?;
        app.press(Key::Down).await?;
        app.press(Key::Enter).await?;
        // A box of the form, ticked with Space.
        app.tab_to("#assign_membership_on_login", 10).await?;
        app.press(Key::Space).await?;
        app.tab_to("#enable-submit", 20).await?;
        app.press(Key::Enter).await?;
        app.wait_text("[data-testid=plan-request]", |t| {
            t.contains("assign_membership_on_login\": true")
        })
        .await?;
        // The dialog has the focus; Esc closes it and gives the focus back to Preview.
        let inside = app
            .js("return !!document.activeElement.closest('[role=dialog]');")
            .await?;
        if inside != serde_json::Value::Bool(true) {
            return Err(format!(
                "the preview did not take the focus (it is on #{})",
                app.focused_id().await?
            ));
        }
        app.press(Key::Escape).await?;
        app.wait_gone("[data-testid=change-dialog]").await?;
        if app.focused_id().await? != "enable-submit" {
            return Err(format!(
                "after Esc the focus is on #{}, not on Preview",
                app.focused_id().await?
            ));
        }
        // Preview again, and apply.
        app.press(Key::Enter).await?;
        app.wait_text("[data-testid=plan-request]", |t| !t.is_empty())
            .await?;
        app.tab_to("#change-apply", 20).await?;
        app.press(Key::Enter).await?;
        app.wait_text("[data-testid=toast]", |t| t.contains("Partners-Database"))
            .await?;
        app.wait_text("[data-testid=org-connections] tbody", |t| {
            t.contains("Partners-Database")
        })
        .await?;
        // Undo from the toast, through its own preview.
        app.tab_to("[data-testid=toast] .toast-action", 200).await?;
        app.press(Key::Enter).await?;
        app.wait_text("[data-testid=plan-request]", |t| t.starts_with("DELETE"))
            .await?;
        app.tab_to("#change-apply", 20).await?;
        app.press(Key::Enter).await?;
        app.wait_text("main", |t| t.contains("No connection is enabled"))
            .await?;
        Ok(())
    })
    .await;
}

//! English and Japanese: every page in Japanese (and in English) at the smallest window Lanyard
//! allows (1024 x 700) with no text cut off or spilling out of its box and, in Japanese, no run of
//! three English words left in what a page shows, screenshots of three
//! Japanese pages for the README, and the language menu: the words change at once, and a
//! restart keeps the pick; a rule the model checks reads in Japanese under its field, and the
//! preview's title and its state now and after read in Japanese.

use lanyard_e2e::a11y::PAGES;
use lanyard_e2e::{App, Pick, with_app};
use lanyard_model::english::english_prose_run;

/// The texts a page shows or names, each apart (a table's cells are not one run of words):
/// every text node, and its controls' placeholders, titles and ARIA names.
const SHOWN_TEXT: &str = "const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (n.parentElement && n.parentElement.closest('script,style')) continue;
        if (n.textContent.trim()) out.push(n.textContent);
    }
    for (const e of document.querySelectorAll('[placeholder],[title],[aria-label]')) {
        for (const a of ['placeholder', 'title', 'aria-label']) {
            const v = e.getAttribute(a); if (v) out.push(v);
        }
    }
    return out;";

/// The window's smallest size (`minWidth`/`minHeight` in tauri.conf.json).
const MIN: (u32, u32) = (1024, 700);

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn every_page_fits_at_the_smallest_window_in_both_languages() {
    with_app("languages_pages", async |app| {
        app.wait_text("[data-testid=app-version]", |t| t.starts_with('v'))
            .await?;
        app.client
            .set_window_size(MIN.0, MIN.1)
            .await
            .map_err(|e| format!("the window could not be resized: {e}"))?;
        let inner = app.js("return innerWidth + 'x' + innerHeight;").await?;
        if inner.as_str() != Some(&format!("{}x{}", MIN.0, MIN.1)) {
            return Err(format!("the page is {inner}, not {}x{}", MIN.0, MIN.1));
        }
        let mut problems = Vec::new();
        for lang in ["en", "ja"] {
            app.choose_language(lang).await?;
            for slug in PAGES {
                app.open_page(slug).await?;
                for o in app.overflowing().await? {
                    problems.push(format!("{lang} {slug}: {o}"));
                }
                if lang == "ja" {
                    // Everything the page shows (each text, its controls' names and
                    // placeholders, the options of its menus), in Japanese: no English
                    // sentence but in a quote (names of things are not sentences).
                    let shown = app.js(SHOWN_TEXT).await?;
                    for text in shown.as_array().into_iter().flatten() {
                        if let Some(run) = text.as_str().and_then(english_prose_run) {
                            problems.push(format!("ja {slug}: English “{run}” in {text}"));
                        }
                    }
                }
                if lang == "ja" && matches!(slug, "auth0" | "inventory" | "bulk") {
                    app.screenshot(&format!("ja_{slug}")).await?;
                }
            }
        }
        // The Japanese words are there: the sidebar, a page's title and its subtitle.
        app.wait_text("#nav-inventory", |t| t == "インベントリ")
            .await?;
        app.wait_text("#page-title", |t| t == "プロファイル")
            .await?;
        app.wait_text(".subtitle", |t| t.contains("テナント"))
            .await?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "text does not fit its box at {}x{}, or is English in Japanese:\n{}",
                MIN.0,
                MIN.1,
                problems.join("\n")
            ))
        }
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn the_language_menu_changes_the_words_and_a_restart_keeps_them() {
    let app = App::start(&[], &[])
        .await
        .unwrap_or_else(|e| panic!("the app did not start: {e}"));
    let app = match switch_then_restart(app).await {
        Ok(app) => app,
        Err(err) => panic!("language_switch: {err}"),
    };
    let outcome = still_japanese(&app).await;
    let _ = app.screenshot("language_switch").await;
    let _ = app.client.clone().close().await;
    drop(app);
    if let Err(err) = outcome {
        panic!("language_switch: {err}");
    }
}

async fn switch_then_restart(app: App) -> Result<App, String> {
    app.wait_text("[data-testid=app-version]", |t| t.starts_with('v'))
        .await?;
    app.choose_language("en").await?;
    app.open_page("profiles").await?;
    app.wait_text("#page-title", |t| t == "Profiles").await?;
    app.wait_text("#nav-bulk", |t| t == "Bulk changes").await?;
    app.choose_language("ja").await?;
    // The page shown and the sidebar change at once, without a reload.
    app.wait_text("#page-title", |t| t == "プロファイル")
        .await?;
    app.wait_text("#nav-bulk", |t| t == "一括変更").await?;
    app.wait_text("#try-sandbox, [data-testid=profiles-table] thead", |t| {
        !t.is_ascii()
    })
    .await?;
    // Let the shell write the pick before the window goes.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.restart().await
}

async fn still_japanese(app: &App) -> Result<(), String> {
    app.wait_text("[data-testid=app-version]", |t| t.starts_with('v'))
        .await?;
    // Nothing was drawn in English first: the page marks each frame it draws with its language.
    let frames = app
        .js("return performance.getEntriesByType('mark').map(m => m.name).filter(n => n.startsWith('lanyard:frame-')).join(' ');")
        .await?;
    let frames = frames.as_str().unwrap_or_default();
    if !frames.starts_with("lanyard:frame-ja") || frames.contains("frame-en") {
        return Err(format!("after a restart the frames drawn were {frames}"));
    }
    app.wait_text("#nav-bulk", |t| t == "一括変更").await?;
    app.wait_text("#nav-inventory", |t| t == "インベントリ")
        .await?;
    let lang = app
        .js("return document.documentElement.lang + '|' + document.getElementById('language').value;")
        .await?;
    if lang.as_str() != Some("ja|ja") {
        return Err(format!("after a restart the page says lang|menu = {lang}"));
    }
    Ok(())
}

/// A rule the model checks as the user types reads in Japanese under its field: access for
/// organization admins without an organization connection name, in the Auth0 enable form.
#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn an_inline_field_error_and_the_preview_read_in_japanese() {
    with_app("languages_field_error", async |app| {
        app.wait_text("[data-testid=app-version]", |t| t.starts_with('v'))
            .await?;
        app.choose_language("ja").await?;
        app.open_page("auth0").await?;
        app.open_enable_form(Pick("hooli", "Hooli"), Pick("Okta", "Initech-Okta"))
            .await?;
        app.choose("#organization_access_level", "full").await?;
        let error = app
            .wait_text("[data-testid=enable-form] .field-error", |t| {
                t.contains("組織での接続名")
            })
            .await?;
        app.screenshot("ja_field_error").await?;
        if error.contains("organization connection name") {
            return Err(format!("the rule still reads in English: {error}"));
        }
        // With a name the rule is met; the preview words the state now and after in Japanese.
        app.find("#organization_connection_name")
            .await?
            .send_keys("Hooli SSO")
            .await
            .map_err(|e| e.to_string())?;
        app.click("#enable-submit").await?;
        app.wait_text("[data-testid=plan-now]", |t| t == "有効ではない")
            .await?;
        app.wait_text("[data-testid=plan-after]", |t| {
            t.starts_with("有効 · ") && t.contains("表示名「Hooli SSO」")
        })
        .await?;
        app.wait_text("#change-title", |t| {
            t == "Hooli で Initech-Okta を有効にする"
        })
        .await?;
        app.screenshot("ja_preview_states").await?;
        Ok(())
    })
    .await;
}

/// A preview's warning reads in Japanese: the message names the connection in Japanese words,
/// with no English sentence left (Lanyard words its warnings itself, from the catalogue).
#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_preview_warning_reads_in_japanese() {
    with_app("languages_warning", async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Auth0 Sandbox"))
            .await?;
        app.choose_language("ja").await?;
        app.preview_enable(Pick("pied", "Pied Piper"), Pick("github", "github"))
            .await?;
        let text = app
            .wait_text(
                "[data-testid=plan-warning][data-kind=connection_without_application]",
                |t| t.contains("github はどのアプリケーションでも有効になっていません"),
            )
            .await?;
        app.screenshot("ja_warning").await?;
        if text.contains("is not enabled") || text.contains("Lanyard infers") {
            return Err(format!("the warning still reads in English: {text}"));
        }
        Ok(())
    })
    .await;
}

//! The end-to-end harness: starts the built app through tauri-driver (WebKitWebDriver on Linux)
//! in a throw-away home folder, hands the test a WebDriver client, and saves a screenshot of the
//! window to `target/e2e-screenshots/<test>.png` whatever the outcome.
//!
//! The tests are `#[ignore]`d so that a plain `cargo test` does not need a display;
//! `cargo xtask test` builds the app, provides Xvfb, D-Bus and a keyring, and includes them.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use fantoccini::{Client, Locator};

pub mod a11y;
mod auth0;
mod binary;
mod bulk;
mod downloads;
mod ports;
mod runs;
mod shots;
pub mod silent;
#[cfg(target_os = "linux")]
mod x_screen;

pub use auth0::Pick;
pub use binary::{app_binary, wry_capabilities};
pub use ports::{free_port, wait_for_port};

/// How long the UI gets to show something before a test gives up.
pub const UI_WAIT: Duration = Duration::from_secs(20);

/// A running app under WebDriver.
pub struct App {
    pub client: Client,
    driver: Child,
    /// The app's private LANYARD_HOME; removed when the test ends.
    pub home: tempfile::TempDir,
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A profile of the user's own, in the settings file and the keychain before the app starts.
#[derive(Debug, Clone)]
pub struct Seed {
    pub profile: lanyard_model::Profile,
    pub secret: String,
}

impl Seed {
    /// A profile `id` named `name` at `base_url`, signing in with `auth` and `secret`.
    pub fn new(
        id: &str,
        name: &str,
        product: lanyard_model::profile::Product,
        base_url: &str,
        auth: lanyard_model::profile::AuthMethod,
        environment: lanyard_model::profile::Environment,
        secret: &str,
    ) -> Self {
        Self {
            profile: lanyard_model::Profile {
                id: id.to_owned(),
                product,
                display_name: name.to_owned(),
                base_url: base_url.to_owned(),
                auth,
                environment,
                secret_ref: id.to_owned(),
                builtin: false,
            },
            secret: secret.to_owned(),
        }
    }
}

/// Runs `test` against a freshly started app, saves the screenshot, and ends the session.
pub async fn with_app<F>(name: &str, test: F)
where
    F: AsyncFnOnce(&App) -> Result<(), String>,
{
    with_app_env(name, &[], test).await;
}

/// As [`with_app`], with extra environment variables for the app (e.g. a GTK theme).
pub async fn with_app_env<F>(name: &str, env: &[(&str, &str)], test: F)
where
    F: AsyncFnOnce(&App) -> Result<(), String>,
{
    with_app_seeded(name, env, &[], test).await;
}

/// As [`with_app`], with profiles of the user's own saved before the app starts (so the
/// built-in sandbox does not start by itself). Their keychain entries are removed afterwards.
pub async fn with_app_profiles<F>(name: &str, seeds: &[Seed], test: F)
where
    F: AsyncFnOnce(&App) -> Result<(), String>,
{
    with_app_seeded(name, &[], seeds, test).await;
}

/// As [`with_app_profiles`], with extra environment variables for the app (e.g. a GTK theme).
pub async fn with_app_profiles_env<F>(name: &str, env: &[(&str, &str)], seeds: &[Seed], test: F)
where
    F: AsyncFnOnce(&App) -> Result<(), String>,
{
    with_app_seeded(name, env, seeds, test).await;
}

async fn with_app_seeded<F>(name: &str, env: &[(&str, &str)], seeds: &[Seed], test: F)
where
    F: AsyncFnOnce(&App) -> Result<(), String>,
{
    let keychain = lanyard_core::secrets::Keychain::default();
    for seed in seeds {
        if let Err(err) = keychain
            .store(
                &seed.profile.secret_ref,
                secrecy::SecretString::from(seed.secret.clone()),
            )
            .await
        {
            panic!("{name}: the seeded secret could not be stored: {err}");
        }
    }
    let profiles: Vec<_> = seeds.iter().map(|s| s.profile.clone()).collect();
    run_app(name, env, &profiles, test).await;
    for seed in seeds {
        let _ = keychain.delete(&seed.profile.secret_ref).await;
    }
}

async fn run_app<F>(name: &str, env: &[(&str, &str)], profiles: &[lanyard_model::Profile], test: F)
where
    F: AsyncFnOnce(&App) -> Result<(), String>,
{
    // The driver's ports are picked free and then bound by another process; on a busy machine
    // one can be taken in between ("Unable to listen"). Starting again picks new ones.
    let mut attempt = 0;
    let app = loop {
        attempt += 1;
        match App::start(env, profiles).await {
            Ok(app) => break app,
            Err(err) if attempt < 3 => {
                eprintln!("{name}: the app did not start ({err}); trying again with new ports");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(err) => panic!("{name}: the app did not start: {err}"),
        }
    };
    let outcome = test(&app).await;
    let shot = app.screenshot(name).await;
    let _ = app.client.clone().close().await;
    drop(app);
    if let Err(err) = outcome {
        panic!("{name}: {err}");
    }
    if let Err(err) = shot {
        panic!("{name}: the screenshot could not be saved: {err}");
    }
}

impl App {
    /// Starts tauri-driver and, through it, a new window of the app whose settings file holds
    /// `profiles`.
    pub async fn start(
        env: &[(&str, &str)],
        profiles: &[lanyard_model::Profile],
    ) -> Result<Self, String> {
        let home = tempfile::tempdir().map_err(|err| format!("no temp folder: {err}"))?;
        Self::start_in(home, env, profiles).await
    }

    /// Ends this window and starts the app again in the same home folder, as a restart does.
    pub async fn restart(mut self) -> Result<Self, String> {
        let _ = self.client.clone().close().await;
        let spare = tempfile::tempdir().map_err(|err| format!("no temp folder: {err}"))?;
        let home = std::mem::replace(&mut self.home, spare);
        // Dropping the app ends its driver and window.
        drop(self);
        Self::start_in(home, &[], &[]).await
    }

    /// As [`App::start`], in the home folder `home`.
    pub async fn start_in(
        home: tempfile::TempDir,
        env: &[(&str, &str)],
        profiles: &[lanyard_model::Profile],
    ) -> Result<Self, String> {
        let binary = app_binary()?;
        let driver_bin =
            std::env::var_os("LANYARD_E2E_DRIVER").unwrap_or_else(|| "tauri-driver".into());
        let port = free_port()?;
        let native_port = free_port()?;
        if !profiles.is_empty() {
            let file = lanyard_core::profiles::ProfilesFile {
                profiles: profiles.to_vec(),
                hide_sandbox: false,
                language: None,
            };
            let config = home.path().join("config");
            std::fs::create_dir_all(&config).map_err(|e| e.to_string())?;
            let json = serde_json::to_vec(&file).map_err(|e| e.to_string())?;
            std::fs::write(config.join("profiles.json"), json).map_err(|e| e.to_string())?;
        }
        let xdg_config = downloads::user_dirs(home.path())?;
        let driver = Command::new(&driver_bin)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("LANYARD_HOME", home.path())
            .env("XDG_CONFIG_HOME", &xdg_config)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|err| format!("cannot start {}: {err}", driver_bin.to_string_lossy()))?;
        let mut app_guard = DriverGuard(Some(driver));
        wait_for_port(port, Duration::from_secs(30))?;

        let client = fantoccini::ClientBuilder::native()
            .capabilities(wry_capabilities(&binary))
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|err| format!("WebDriver session did not start: {err}"))?;
        let driver = app_guard.0.take().ok_or("driver handle lost")?;
        Ok(Self {
            client,
            driver,
            home,
        })
    }

    /// Waits until an element matching `css` exists and returns it.
    pub async fn find(&self, css: &str) -> Result<fantoccini::elements::Element, String> {
        self.client
            .wait()
            .at_most(UI_WAIT)
            .for_element(Locator::Css(css))
            .await
            .map_err(|err| format!("`{css}` did not appear within {UI_WAIT:?}: {err}"))
    }

    /// Waits until the element matching `css` has text that satisfies `pred`; returns the text.
    pub async fn wait_text(
        &self,
        css: &str,
        pred: impl Fn(&str) -> bool,
    ) -> Result<String, String> {
        self.wait_text_within(css, UI_WAIT, pred).await
    }

    /// [`App::wait_text`], waiting up to `within` (a crawl or a run paced by the sandbox).
    pub async fn wait_text_within(
        &self,
        css: &str,
        within: Duration,
        pred: impl Fn(&str) -> bool,
    ) -> Result<String, String> {
        let deadline = Instant::now() + within;
        let mut last = String::new();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await
                && let Ok(text) = el.text().await
            {
                if pred(&text) {
                    return Ok(text);
                }
                last = text;
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "`{css}` never showed the expected text; last seen: {last:?}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the elements matching `css` are as many as `wanted` says (the table's rows
    /// arrive after its summary, one page at a time); returns them.
    pub async fn wait_all(
        &self,
        css: &str,
        wanted: impl Fn(usize) -> bool,
    ) -> Result<Vec<fantoccini::elements::Element>, String> {
        let deadline = Instant::now() + UI_WAIT;
        loop {
            let found = self
                .client
                .find_all(Locator::Css(css))
                .await
                .map_err(|e| e.to_string())?;
            if wanted(found.len()) {
                return Ok(found);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "`{css}` matched {} elements, not what was awaited, within {UI_WAIT:?}",
                    found.len()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element matching `css`, trying again while the UI re-renders it (a stale or
    /// covered element) until `UI_WAIT` runs out.
    pub async fn click(&self, css: &str) -> Result<(), String> {
        let deadline = Instant::now() + UI_WAIT;
        loop {
            let attempt = match self.find(css).await {
                Ok(el) => {
                    // WebKitWebDriver does not scroll the app's inner scrolling area by itself.
                    let arg = serde_json::to_value(&el).map_err(|e| e.to_string())?;
                    let _ = self
                        .client
                        .execute("arguments[0].scrollIntoView({block: 'center'})", vec![arg])
                        .await;
                    el.click().await.map_err(|err| err.to_string())
                }
                Err(err) => Err(err),
            };
            match attempt {
                Ok(()) => return Ok(()),
                Err(err) if Instant::now() > deadline => {
                    return Err(format!("cannot click `{css}`: {err}"));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(150)).await,
            }
        }
    }

    /// Scrolls `el` into view (the app scrolls inside its own panes) and clicks it.
    pub async fn click_element(&self, el: &fantoccini::elements::Element) -> Result<(), String> {
        let arg = serde_json::to_value(el).map_err(|e| e.to_string())?;
        let _ = self
            .client
            .execute("arguments[0].scrollIntoView({block: 'center'})", vec![arg])
            .await;
        el.click().await.map_err(|e| e.to_string())
    }

    /// Types `text` into the picker `id`, then picks the option whose label is `label`.
    pub async fn pick(&self, id: &str, text: &str, label: &str) -> Result<(), String> {
        let input = self.find(&format!("#{id}")).await?;
        input.click().await.map_err(|e| e.to_string())?;
        input.send_keys(text).await.map_err(|e| e.to_string())?;
        let option = format!("#{id}-list li[role=option]");
        self.wait_text(&format!("{option} .picker-label"), |t| t == label)
            .await?;
        let options = self
            .client
            .find_all(Locator::Css(&option))
            .await
            .map_err(|e| e.to_string())?;
        for o in options {
            if o.text()
                .await
                .map_err(|e| e.to_string())?
                .starts_with(label)
            {
                return o.click().await.map_err(|e| e.to_string());
            }
        }
        Err(format!("no option {label} in {id}"))
    }

    /// Chooses the option whose value is `value` in the drop-down `select` (a CSS selector).
    pub async fn choose(&self, select: &str, value: &str) -> Result<(), String> {
        self.find(&format!("{select} option[value='{value}']"))
            .await?
            .click()
            .await
            .map_err(|e| e.to_string())
    }
}

/// Kills the driver if the session never started.
struct DriverGuard(Option<Child>);

impl Drop for DriverGuard {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

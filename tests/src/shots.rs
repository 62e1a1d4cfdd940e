//! The window's screenshots, saved to `target/e2e-screenshots/<name>.png`.

use std::path::PathBuf;
use std::time::Duration;

use crate::App;

impl App {
    /// [`App::screenshot`] half a second on, once the window has painted what the test just
    /// waited for (WebKitWebDriver can capture the frame before: a typed host name half shown).
    pub async fn painted_screenshot(&self, name: &str) -> Result<(), String> {
        tokio::time::sleep(Duration::from_millis(500)).await;
        self.screenshot(name).await.map(|_| ())
    }

    /// Saves the window to `target/e2e-screenshots/<name>.png`; an error too if the window's
    /// own document is scrolled (the frame fills the window: something spilled out of it).
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf, String> {
        let scrolled = self
            .js("const e = document.scrollingElement; return e.scrollTop + e.scrollLeft;")
            .await?;
        if scrolled.as_f64().is_some_and(|px| px > 0.0) {
            return Err(format!(
                "{name}: the window's document is scrolled by {scrolled} px (the top bar moved)"
            ));
        }
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|err| err.to_string())?;
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).map_err(|err| format!("{}: {err}", dir.display()))?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).map_err(|err| format!("{}: {err}", path.display()))?;
        Ok(path)
    }
}

fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join("target")
        });
    target.join("e2e-screenshots")
}

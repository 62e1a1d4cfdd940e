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
        let png = self.window_png().await?;
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).map_err(|err| format!("{}: {err}", dir.display()))?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).map_err(|err| format!("{}: {err}", path.display()))?;
        Ok(path)
    }

    /// The window as a PNG, once the page has drawn its next two frames: from the X display on
    /// Linux (see `x_screen`), from WebDriver elsewhere.
    async fn window_png(&self) -> Result<Vec<u8>, String> {
        // Two animation frames, or a second if the page draws none.
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 setTimeout(() => done(false), 1000); \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .map_err(|err| format!("waiting for the page's next frame: {err}"))?;
        #[cfg(target_os = "linux")]
        {
            // What the page drew reaches the X server on the window's next flush.
            tokio::time::sleep(Duration::from_millis(100)).await;
            tokio::task::spawn_blocking(crate::x_screen::capture_largest_window)
                .await
                .map_err(|err| format!("the capture stopped: {err}"))?
        }
        #[cfg(not(target_os = "linux"))]
        self.client
            .screenshot()
            .await
            .map_err(|err| err.to_string())
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

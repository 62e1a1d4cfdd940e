//! A run on the page (bulk changes, make like, a plan from the inventory), from its Start
//! button to its end.

use std::time::Duration;

use crate::App;

impl App {
    /// Starts the run shown, confirms its dialog (one that asks for no typed host name), and
    /// waits, up to `within` (a run paced by the sandbox), until it has finished with all `n`
    /// items done and none failed.
    pub async fn run_to_the_end(&self, n: usize, within: Duration) -> Result<(), String> {
        self.click("#run-start").await?;
        self.click("#modal-confirm").await?;
        self.wait_text_within("#run-state", within, |t| t == "Finished")
            .await?;
        self.wait_text("#run-counts", |t| {
            t.starts_with(&format!("{n} of {n} done · 0 failed"))
        })
        .await?;
        Ok(())
    }
}

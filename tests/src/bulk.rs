//! The Bulk changes page's walk that its tests start with: open it, wait until it lists the
//! targets of the profile in use, and pick the connection to change.

use crate::{App, Pick};

impl App {
    /// Opens Bulk changes and waits until its profile switcher shows `profile` and the target
    /// table has its first rows.
    pub async fn open_bulk(&self, profile: &str) -> Result<(), String> {
        self.click("#nav-bulk").await?;
        self.wait_text("#profile-switcher", |t| t.contains(profile))
            .await?;
        self.find("[data-testid=bulk-targets] tbody tr").await?;
        Ok(())
    }

    /// [`App::open_bulk`], then picks `connection` in the change's form; no target ticked.
    pub async fn open_bulk_form(&self, profile: &str, connection: Pick<'_>) -> Result<(), String> {
        self.open_bulk(profile).await?;
        self.pick("bulk-connection-picker", connection.0, connection.1)
            .await
    }
}

//! The crawl as the console offers it: start, resume, cancel, and where each profile's stands.

use lanyard_model::error::ConfigProblem;
use lanyard_model::inventory::{CrawlAction, CrawlView, InventoryStatus};

use super::Console;
use crate::error::CoreError;

impl Console {
    /// Every crawl this session knows of (started or resumed in it, or found interrupted when it
    /// opened) for the profiles that exist, and the inventory's last problem.
    pub async fn inventory_status(&self) -> InventoryStatus {
        InventoryStatus {
            crawls: self.crawls.known(&self.profiles().await),
            problem: self.stock.problem(),
        }
    }

    /// Where the profile's crawl stands.
    pub(crate) async fn crawl_view(&self, profile_id: &str) -> Result<CrawlView, CoreError> {
        let profile = self.profile(profile_id).await?;
        Ok(self.crawls.view(&profile))
    }

    /// Start, resume or cancel the profile's crawl. It reads with the profile's own client, so
    /// through the same pacing as the user's clicks, which go first.
    pub async fn inventory_crawl(
        &self,
        profile_id: &str,
        action: CrawlAction,
    ) -> Result<CrawlView, CoreError> {
        if !self.stock.is_open() {
            return Err(CoreError::Files(ConfigProblem::InventoryClosedForCrawl {
                reason: self.stock.problem(),
            }));
        }
        let (profile, client) = match action {
            CrawlAction::Cancel => (self.profile(profile_id).await?, None),
            CrawlAction::Start | CrawlAction::Resume => {
                let (profile, client) = self.client(profile_id).await?;
                (profile, Some(client))
            }
        };
        self.crawls.act(&profile, client, action)
    }
}

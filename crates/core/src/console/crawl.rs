//! The crawl as the console offers it: start, resume, cancel, and where each profile's stands.
//! (Issue 14: the crawl itself is under way; until it lands no crawl ever starts.)

use lanyard_model::inventory::{CrawlAction, CrawlState, CrawlView, InventoryStatus};

use super::Console;
use crate::error::CoreError;

impl Console {
    /// Every crawl this session knows of, and the inventory's last problem.
    pub async fn inventory_status(&self) -> InventoryStatus {
        InventoryStatus {
            crawls: Vec::new(),
            problem: self.stock.problem(),
        }
    }

    /// Where the profile's crawl stands.
    pub(crate) async fn crawl_view(&self, profile_id: &str) -> Result<CrawlView, CoreError> {
        let profile = self.profile(profile_id).await?;
        Ok(CrawlView {
            profile_id: profile.id.clone(),
            profile_name: profile.display_name.clone(),
            product: profile.product,
            state: CrawlState::NotStarted,
            phase: String::new(),
            done: 0,
            total: 0,
            rate_per_minute: None,
            eta_seconds: None,
            started_at_ms: None,
            finished_at_ms: None,
            message: None,
        })
    }

    /// Start, resume or cancel the profile's crawl.
    pub async fn inventory_crawl(
        &self,
        profile_id: &str,
        action: CrawlAction,
    ) -> Result<CrawlView, CoreError> {
        self.crawl_view(profile_id).await?;
        let _ = action;
        Err(CoreError::Other(
            "Reading the whole tenant into the inventory is not built yet".to_owned(),
        ))
    }
}

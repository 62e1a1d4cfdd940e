//! The inventory's questions as the console answers them: the overview, questions and their
//! export, and the pickers' searches. (Issue 14: under way.)

use lanyard_model::audit::ExportFormat;
use lanyard_model::inventory::{
    InventoryAnswer, InventoryOverview, InventoryQuestion, PickerAnswer, PickerKind,
};

use super::Console;
use crate::error::CoreError;

fn not_built() -> CoreError {
    CoreError::Other("The inventory's questions are not built yet".to_owned())
}

impl Console {
    pub async fn inventory_overview(
        &self,
        profile_id: &str,
    ) -> Result<InventoryOverview, CoreError> {
        Ok(InventoryOverview {
            crawl: self.crawl_view(profile_id).await?,
            kinds: Vec::new(),
            changed_outside: Vec::new(),
            problem: self.stock.problem(),
        })
    }

    pub async fn inventory_ask(
        &self,
        profile_id: &str,
        question: &InventoryQuestion,
    ) -> Result<InventoryAnswer, CoreError> {
        let _ = (profile_id, question);
        Err(not_built())
    }

    pub async fn inventory_export(
        &self,
        profile_id: &str,
        question: &InventoryQuestion,
        format: ExportFormat,
    ) -> Result<String, CoreError> {
        let _ = (profile_id, question, format);
        Err(not_built())
    }

    pub async fn inventory_search(
        &self,
        profile_id: &str,
        kind: PickerKind,
        text: &str,
        limit: u32,
    ) -> Result<Option<PickerAnswer>, CoreError> {
        let _ = (profile_id, kind, text, limit);
        Err(not_built())
    }
}

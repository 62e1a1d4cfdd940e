//! The inventory's commands: the crawl, the overview, questions and their export, the pickers'
//! searches.

use lanyard_model::CommandError;
use lanyard_model::audit::ExportFormat;
use lanyard_model::auth0::Connection;
use lanyard_model::hub::AuthModule;
use lanyard_model::inventory::{
    CrawlAction, CrawlView, InventoryAnswer, InventoryOverview, InventoryQuestion, InventoryStatus,
    Listed, PickerAnswer, PickerKind,
};
use lanyard_model::ipc::{self, NoArgs};
use lanyard_model::zitadel::Provider;

use super::{invoke, on_profile};

/// Every crawl this session knows of, and the inventory's problem.
pub async fn inventory_status() -> Result<InventoryStatus, CommandError> {
    invoke::<ipc::InventoryStatus>(&NoArgs {}).await
}

/// A profile's inventory: its crawl, what it holds, what changed outside Lanyard.
pub async fn inventory_overview(profile_id: &str) -> Result<InventoryOverview, CommandError> {
    invoke::<ipc::InventoryOverview>(&on_profile(profile_id)).await
}

/// Start, resume or cancel the profile's crawl.
pub async fn inventory_crawl(
    profile_id: &str,
    action: CrawlAction,
) -> Result<CrawlView, CommandError> {
    let args = ipc::CrawlArgs {
        profile_id: profile_id.to_owned(),
        action,
    };
    invoke::<ipc::InventoryCrawl>(&args).await
}

/// The answer to `question`: `limit` of its rows from `offset`, and the whole answer's counts.
pub async fn inventory_ask(
    profile_id: &str,
    question: &InventoryQuestion,
    offset: u64,
    limit: u32,
) -> Result<InventoryAnswer, CommandError> {
    let args = ipc::InventoryAskArgs {
        profile_id: profile_id.to_owned(),
        question: question.clone(),
        offset,
        limit,
    };
    invoke::<ipc::InventoryAsk>(&args).await
}

/// The answer to `question` as CSV or JSON text.
pub async fn inventory_export(
    profile_id: &str,
    question: &InventoryQuestion,
    format: ExportFormat,
) -> Result<String, CommandError> {
    let args = ipc::InventoryExportArgs {
        profile_id: profile_id.to_owned(),
        question: question.clone(),
        format,
    };
    invoke::<ipc::InventoryExport>(&args).await
}

/// A picker's search in the inventory: `None` when it holds nothing of `kind`.
pub async fn inventory_search(
    profile_id: &str,
    kind: PickerKind,
    text: &str,
    limit: u32,
) -> Result<Option<PickerAnswer>, CommandError> {
    let args = ipc::PickerSearchArgs {
        profile_id: profile_id.to_owned(),
        kind,
        text: text.to_owned(),
        limit,
    };
    invoke::<ipc::InventorySearch>(&args).await
}

/// The tenant's connections with their strategies from the inventory: `None` when it cannot say.
pub async fn inventory_connections(
    profile_id: &str,
) -> Result<Option<Listed<Connection>>, CommandError> {
    invoke::<ipc::InventoryConnections>(&on_profile(profile_id)).await
}

/// Hub's auth modules (name, type, enabled) from the inventory: `None` when it cannot say.
pub async fn inventory_modules(
    profile_id: &str,
) -> Result<Option<Listed<AuthModule>>, CommandError> {
    invoke::<ipc::InventoryModules>(&on_profile(profile_id)).await
}

/// ZITADEL's IdPs (name, type, state, owner) from the inventory: `None` when it cannot say.
pub async fn inventory_providers(
    profile_id: &str,
) -> Result<Option<Listed<Provider>>, CommandError> {
    invoke::<ipc::InventoryProviders>(&on_profile(profile_id)).await
}

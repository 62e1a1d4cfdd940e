//! The Inventory page, the crawl's progress line on every page, and the pickers' searches.

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::state::AppState;

#[tauri::command]
pub async fn inventory_status(
    state: tauri::State<'_, AppState>,
    _args: Args<ipc::InventoryStatus>,
) -> Reply<ipc::InventoryStatus> {
    Ok(state.console.inventory_status().await)
}

#[tauri::command]
pub async fn inventory_overview(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::InventoryOverview>,
) -> Reply<ipc::InventoryOverview> {
    Ok(state.console.inventory_overview(&args.0.profile_id).await?)
}

/// Start, resume or cancel a profile's crawl.
#[tauri::command]
pub async fn inventory_crawl(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::InventoryCrawl>,
) -> Reply<ipc::InventoryCrawl> {
    let ipc::CrawlArgs { profile_id, action } = args.0;
    Ok(state.console.inventory_crawl(&profile_id, action).await?)
}

#[tauri::command]
pub async fn inventory_ask(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::InventoryAsk>,
) -> Reply<ipc::InventoryAsk> {
    let ipc::InventoryAskArgs {
        profile_id,
        question,
        offset,
        limit,
    } = args.0;
    Ok(state
        .console
        .inventory_page(&profile_id, &question, offset, limit)
        .await?)
}

/// The answer as CSV or JSON text, for the window to save.
#[tauri::command]
pub async fn inventory_export(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::InventoryExport>,
) -> Reply<ipc::InventoryExport> {
    let ipc::InventoryExportArgs {
        profile_id,
        question,
        format,
    } = args.0;
    Ok(state
        .console
        .inventory_export(&profile_id, &question, format)
        .await?)
}

#[tauri::command]
pub async fn inventory_search(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::InventorySearch>,
) -> Reply<ipc::InventorySearch> {
    let ipc::PickerSearchArgs {
        profile_id,
        kind,
        text,
        limit,
    } = args.0;
    Ok(state
        .console
        .inventory_search(&profile_id, kind, &text, limit)
        .await?)
}

/// The connections (with their strategies) as the inventory holds them.
#[tauri::command]
pub async fn inventory_connections(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::InventoryConnections>,
) -> Reply<ipc::InventoryConnections> {
    Ok(state
        .console
        .inventory_connections(&args.0.profile_id)
        .await?)
}

/// Hub's auth modules (name, type, enabled) as the inventory holds them.
#[tauri::command]
pub async fn inventory_modules(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::InventoryModules>,
) -> Reply<ipc::InventoryModules> {
    Ok(state.console.inventory_modules(&args.0.profile_id).await?)
}

/// ZITADEL's IdPs (name, type, state) as the inventory holds them.
#[tauri::command]
pub async fn inventory_providers(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::InventoryProviders>,
) -> Reply<ipc::InventoryProviders> {
    Ok(state
        .console
        .inventory_providers(&args.0.profile_id)
        .await?)
}

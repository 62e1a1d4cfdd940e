//! ZITADEL reads: organizations, identity providers, a login policy and its links.

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::state::AppState;

#[tauri::command]
pub async fn zitadel_orgs(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ZitadelOrgs>,
) -> Reply<ipc::ZitadelOrgs> {
    Ok(state.console.zitadel_orgs(&args.0.profile_id).await?)
}

#[tauri::command]
pub async fn zitadel_providers(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ZitadelProviders>,
) -> Reply<ipc::ZitadelProviders> {
    let ipc::SearchArgs { profile_id, text } = args.0;
    Ok(state
        .console
        .zitadel_providers(&profile_id, Some(&text))
        .await?)
}

#[tauri::command]
pub async fn zitadel_policy(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ZitadelPolicy>,
) -> Reply<ipc::ZitadelPolicy> {
    let ipc::PolicyArgs { profile_id, scope } = args.0;
    Ok(state.console.zitadel_policy(&profile_id, &scope).await?)
}

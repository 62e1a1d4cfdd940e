//! Auth0 reads: organizations, connections, an organization's enabled connections.

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::state::AppState;

#[tauri::command]
pub async fn auth0_search_organizations(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::Auth0SearchOrganizations>,
) -> Reply<ipc::Auth0SearchOrganizations> {
    let ipc::SearchArgs { profile_id, text } = args.0;
    Ok(state
        .console
        .auth0_search_organizations(&profile_id, &text)
        .await?)
}

/// Every organization of the tenant (checkpoint paging), for picking bulk targets.
#[tauri::command]
pub async fn auth0_all_organizations(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::Auth0AllOrganizations>,
) -> Reply<ipc::Auth0AllOrganizations> {
    Ok(state
        .console
        .auth0_all_organizations(&args.0.profile_id)
        .await?)
}

#[tauri::command]
pub async fn auth0_connections(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::Auth0Connections>,
) -> Reply<ipc::Auth0Connections> {
    Ok(state.console.auth0_connections(&args.0.profile_id).await?)
}

#[tauri::command]
pub async fn auth0_org_connections(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::Auth0OrgConnections>,
) -> Reply<ipc::Auth0OrgConnections> {
    let ipc::OrgConnectionsArgs {
        profile_id,
        organization_id,
    } = args.0;
    Ok(state
        .console
        .auth0_org_connections(&profile_id, &organization_id)
        .await?)
}

/// Who changed an organization's connections: the tenant's `sapi` log entries for it (a
/// missing `read:logs` scope is named in the answer) and Lanyard's own audit entries.
#[tauri::command]
pub async fn auth0_history(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::Auth0History>,
) -> Reply<ipc::Auth0History> {
    let ipc::OrgConnectionsArgs {
        profile_id,
        organization_id,
    } = args.0;
    Ok(state
        .console
        .auth0_history(&profile_id, &organization_id)
        .await?)
}

//! Auth0 reads: organizations, connections, an organization's enabled connections.

use lanyard_model::CommandError;
use lanyard_model::auth0::{Connection, OrgConnection, Organization};
use lanyard_model::ids::OrganizationId;

use super::bad_id;
use crate::state::AppState;

#[tauri::command]
pub async fn auth0_organizations(
    state: tauri::State<'_, AppState>,
    profile_id: String,
    text: String,
) -> Result<Vec<Organization>, CommandError> {
    Ok(state
        .console
        .auth0_search_organizations(&profile_id, &text)
        .await?)
}

/// Every organization of the tenant (checkpoint paging), for picking bulk targets.
#[tauri::command]
pub async fn auth0_all_organizations(
    state: tauri::State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<Organization>, CommandError> {
    Ok(state.console.auth0_all_organizations(&profile_id).await?)
}

#[tauri::command]
pub async fn auth0_connections(
    state: tauri::State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<Connection>, CommandError> {
    Ok(state.console.auth0_connections(&profile_id).await?)
}

#[tauri::command]
pub async fn auth0_org_connections(
    state: tauri::State<'_, AppState>,
    profile_id: String,
    organization_id: String,
) -> Result<Vec<OrgConnection>, CommandError> {
    let org = OrganizationId::parse(organization_id).map_err(bad_id)?;
    Ok(state
        .console
        .auth0_org_connections(&profile_id, &org)
        .await?)
}

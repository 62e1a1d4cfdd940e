//! ZITADEL reads: organizations, identity providers, a login policy and its links.

use lanyard_model::CommandError;
use lanyard_model::zitadel::{LinkedIdp, LoginPolicy, Org, PolicyScope, Provider};
use serde::Serialize;

use super::bad_argument;
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct PolicyView {
    pub policy: LoginPolicy,
    pub linked: Vec<LinkedIdp>,
}

#[tauri::command]
pub async fn zitadel_orgs(
    state: tauri::State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<Org>, CommandError> {
    Ok(state.console.zitadel_orgs(&profile_id).await?)
}

#[tauri::command]
pub async fn zitadel_providers(
    state: tauri::State<'_, AppState>,
    profile_id: String,
    name: Option<String>,
) -> Result<Vec<Provider>, CommandError> {
    Ok(state
        .console
        .zitadel_providers(&profile_id, name.as_deref())
        .await?)
}

#[tauri::command]
pub async fn zitadel_policy(
    state: tauri::State<'_, AppState>,
    profile_id: String,
    scope: serde_json::Value,
) -> Result<PolicyView, CommandError> {
    let scope: PolicyScope =
        serde_json::from_value(scope).map_err(|e| bad_argument("org_id", e))?;
    let (policy, linked) = state.console.zitadel_policy(&profile_id, &scope).await?;
    Ok(PolicyView { policy, linked })
}

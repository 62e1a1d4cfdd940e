//! A change's target read live, and the preview built from it.

use lanyard_model::profile::Environment;
use lanyard_model::zitadel::{LinkInstanceIdp, LinkOrgIdp, PolicyScope};
use lanyard_model::{Change, Plan, Profile, TargetState};
use serde_json::Value;

use crate::client::Client;
use crate::error::CoreError;

/// The state of the change's target now, read from the server.
pub(crate) async fn current_state(
    client: &Client,
    change: &Change,
) -> Result<TargetState, CoreError> {
    Ok(match change {
        Change::Auth0Enable {
            organization_id,
            request: lanyard_model::auth0::EnableConnection { connection_id, .. },
            ..
        }
        | Change::Auth0Update {
            organization_id,
            connection_id,
            ..
        }
        | Change::Auth0Remove {
            organization_id,
            connection_id,
            ..
        } => TargetState::Auth0Connection {
            settings: client
                .auth0()?
                .org_connection(organization_id, connection_id)
                .await?
                .map(|c| c.settings()),
        },
        Change::ZitadelLink { scope, idp_id, .. } | Change::ZitadelUnlink { scope, idp_id, .. } => {
            TargetState::ZitadelIdp {
                linked: client
                    .zitadel()?
                    .linked_idps(scope)
                    .await?
                    .iter()
                    .any(|l| &l.idp_id == idp_id),
            }
        }
        Change::HubAdd {
            module_id,
            group_id,
            ..
        }
        | Change::HubRemove {
            module_id,
            group_id,
            ..
        } => TargetState::HubGroup {
            auto_join: client
                .hub()?
                .auto_join_groups(module_id)
                .await?
                .iter()
                .any(|g| &g.id == group_id),
        },
    })
}

/// What the change will send, the target's state now (read live) and after, and whether the
/// profile asks for the typed confirmation. The change has passed [`super::check`].
pub(crate) async fn preview(
    client: &Client,
    profile: &Profile,
    change: &Change,
) -> Result<Plan, CoreError> {
    let (request_line, request_body) = request(change)?;
    let current = current_state(client, change).await?;
    let planned = change.applied_to(&current);
    let destructive = change.is_destructive();
    Ok(Plan {
        summary: change.describe(),
        request_line,
        request_body,
        no_op: current == planned,
        current,
        planned,
        destructive,
        confirm_with: (destructive && profile.environment == Environment::Production)
            .then(|| profile.confirmation_name()),
    })
}

/// The request line and body the change sends, as the preview shows them.
fn request(change: &Change) -> Result<(String, Option<Value>), CoreError> {
    let body = |value: Result<Value, serde_json::Error>| {
        value.map(Some).map_err(|err| {
            CoreError::Other(format!(
                "The request of this change could not be written: {err}"
            ))
        })
    };
    let scope_path = |scope: &PolicyScope| match scope {
        PolicyScope::Instance => "/admin/v1",
        PolicyScope::Organization { .. } => "/management/v1",
    };
    let org = change.target_id();
    let item = change.item_id();
    Ok(match change {
        Change::Auth0Enable { request, .. } => (
            format!("POST /api/v2/organizations/{org}/connections"),
            body(serde_json::to_value(request))?,
        ),
        Change::Auth0Update { update, .. } => (
            format!("PATCH /api/v2/organizations/{org}/connections/{item}"),
            body(serde_json::to_value(update))?,
        ),
        Change::Auth0Remove { .. } => (
            format!("DELETE /api/v2/organizations/{org}/connections/{item}"),
            None,
        ),
        Change::ZitadelLink {
            scope,
            idp_id,
            owner_type,
            ..
        } => (
            format!("POST {}/policies/login/idps", scope_path(scope)),
            match scope {
                PolicyScope::Instance => body(serde_json::to_value(LinkInstanceIdp {
                    idp_id: idp_id.clone(),
                }))?,
                PolicyScope::Organization { .. } => body(serde_json::to_value(LinkOrgIdp {
                    idp_id: idp_id.clone(),
                    owner_type: *owner_type,
                }))?,
            },
        ),
        Change::ZitadelUnlink { scope, .. } => (
            format!("DELETE {}/policies/login/idps/{item}", scope_path(scope)),
            None,
        ),
        Change::HubAdd { group_id, .. } => (
            format!("POST /api/rest/authmodules/{org}/autojoingroups"),
            body(serde_json::to_value(lanyard_model::hub::AddAutoJoinGroup {
                id: group_id.clone(),
            }))?,
        ),
        Change::HubRemove { .. } => (
            format!("DELETE /api/rest/authmodules/{org}/autojoingroups/{item}"),
            None,
        ),
    })
}

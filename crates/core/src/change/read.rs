//! A change's target read live, and the preview built from it.

use lanyard_model::profile::Environment;
use lanyard_model::{Change, Plan, Profile, TargetState};

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
    // Read first: an Auth0 client learns from the read which endpoints the tenant answers, and
    // the request is described on those.
    let current = current_state(client, change).await?;
    let request = super::request::described(client, change)?;
    let planned = change.applied_to(&current);
    let destructive = change.is_destructive();
    Ok(Plan {
        summary: change.describe(),
        request,
        no_op: current == planned,
        current,
        planned,
        destructive,
        confirm_with: (destructive && profile.environment == Environment::Production)
            .then(|| profile.confirmation_name()),
    })
}

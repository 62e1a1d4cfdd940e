//! A change's target read live, and the preview built from it.

use lanyard_inventory::{PolicyRead, ReadOrigin};
use lanyard_model::profile::Environment;
use lanyard_model::zitadel::PolicyScope;
use lanyard_model::{Change, Plan, Profile, TargetState};

use lanyard_model::zitadel::LoginPolicy;

use super::target::{Target, target};
use crate::checks::{Checks, Facts};
use crate::client::Client;
use crate::error::CoreError;
use crate::stock::Stock;

/// The state of the change's target now, read from the server; the read refreshes the rows it
/// covers in the inventory (an Auth0 organization's one connection, a login policy's IdPs, a
/// module's groups): `origin` is
/// `AfterLanyardChange` for the read-back of a write of Lanyard's whose outcome is not known.
pub(crate) async fn current_state(
    client: &Client,
    stock: &Stock,
    profile_id: &str,
    origin: ReadOrigin,
    change: &Change,
) -> Result<TargetState, CoreError> {
    Ok(state_and_policy(client, stock, profile_id, origin, change)
        .await?
        .0)
}

/// [`current_state`], with the login policy when it was read on the way (a ZITADEL
/// organization's policy the inventory holds), for the checks to use rather than read again.
async fn state_and_policy(
    client: &Client,
    stock: &Stock,
    profile_id: &str,
    origin: ReadOrigin,
    change: &Change,
) -> Result<(TargetState, Option<LoginPolicy>), CoreError> {
    let mut read_policy = None;
    let target_name = change.labels().target.to_string();
    let name = Some(target_name.as_str()).filter(|n| !n.is_empty());
    super::through::learn_name(stock, profile_id, change);
    let state = match target(change) {
        Target::Auth0Connection {
            organization_id,
            connection_id,
        } => {
            let row = client
                .auth0()?
                .org_connection(organization_id, connection_id)
                .await?;
            let org = organization_id;
            stock.refresh_auth0_connection(profile_id, org, connection_id, row.as_ref(), origin);
            TargetState::Auth0Connection {
                settings: row.map(|c| c.settings()),
            }
        }
        Target::ZitadelLink { scope, idp_id } => {
            let z = client.zitadel()?;
            let linked = z.linked_idps(scope).await?;
            // The read of the links does not say whether an organization uses the instance
            // default: its policy is read too, but only when the inventory holds that policy
            // (a preview of an organization never read costs no extra request).
            let uses_instance_default = match scope {
                PolicyScope::Instance => Some(false),
                PolicyScope::Organization { .. } if stock.holds_policy(profile_id, scope) => {
                    match z.login_policy(scope).await {
                        Ok(policy) => {
                            let is_default = policy.is_default;
                            read_policy = Some(policy);
                            Some(is_default)
                        }
                        Err(err) => {
                            tracing::debug!(%err, "the policy was not read; the inventory keeps its row");
                            None
                        }
                    }
                }
                PolicyScope::Organization { .. } => None,
            };
            if let Some(uses_instance_default) = uses_instance_default {
                let policy = PolicyRead {
                    scope: scope.clone(),
                    name: match scope {
                        PolicyScope::Instance => name.unwrap_or("Instance").to_owned(),
                        // Empty: the name the inventory knows it by (see `Stock::refresh_zitadel`).
                        PolicyScope::Organization { .. } => String::new(),
                    },
                    uses_instance_default,
                    linked: linked.iter().map(|l| l.idp_id.clone()).collect(),
                };
                stock.refresh_zitadel(profile_id, &policy, origin);
            }
            TargetState::ZitadelIdp {
                linked: linked.iter().any(|l| &l.idp_id == idp_id),
            }
        }
        Target::ZitadelExternalIdps { scope } => TargetState::ZitadelExternalIdps {
            allowed: client
                .zitadel()?
                .login_settings(scope)
                .await?
                .allow_external_idp,
        },
        Target::HubGroup {
            module_id,
            group_id,
        } => {
            let groups = client.hub()?.auto_join_groups(module_id).await?;
            let ids: Vec<_> = groups.iter().map(|g| g.id.clone()).collect();
            stock.refresh_hub(profile_id, module_id, name, &ids, origin);
            TargetState::HubGroup {
                auto_join: ids.contains(group_id),
            }
        }
    };
    Ok((state, read_policy))
}

/// What the change will send, the target's state now (read live) and after, and whether the
/// profile asks for the typed confirmation. The change has passed [`super::check`].
pub(crate) async fn preview(
    client: &Client,
    stock: &Stock,
    profile: &Profile,
    change: &Change,
) -> Result<Plan, CoreError> {
    // Read first: an Auth0 client learns from the read which endpoints the tenant answers, and
    // the request is described on those.
    let (current, policy) =
        state_and_policy(client, stock, &profile.id, ReadOrigin::Independent, change).await?;
    let request = super::request::described(client, change).await?;
    let planned = change.applied_to(&current);
    let destructive = change.is_destructive();
    let facts = Facts {
        org_connections: None,
        policy,
    };
    let warnings = Checks::new()
        .warnings(client, change, &current, &planned, facts)
        .await;
    Ok(Plan {
        summary: change.summary(),
        request,
        no_op: current == planned,
        current,
        planned,
        destructive,
        confirm_with: (destructive && profile.environment == Environment::Production)
            .then(|| profile.confirmation_name()),
        warnings,
    })
}

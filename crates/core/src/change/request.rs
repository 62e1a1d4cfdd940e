//! The request a change's write will send, described by the profile's client with the same
//! builder its send uses (for Auth0, on the endpoint generation it has learned the tenant has).

use lanyard_model::{Change, HttpRequest};

use crate::client::Client;
use crate::error::CoreError;

/// The request `change` sends if applied now.
pub(crate) async fn described(client: &Client, change: &Change) -> Result<HttpRequest, CoreError> {
    Ok(match change {
        Change::Auth0Enable {
            organization_id,
            request,
            ..
        } => client.auth0()?.describe_enable(organization_id, request)?,
        Change::Auth0Update {
            organization_id,
            connection_id,
            update,
            ..
        } => client
            .auth0()?
            .describe_update(organization_id, connection_id, update)?,
        Change::Auth0Remove {
            organization_id,
            connection_id,
            ..
        } => client
            .auth0()?
            .describe_remove(organization_id, connection_id)?,
        Change::ZitadelLink {
            scope,
            idp_id,
            owner_type,
            ..
        } => client
            .zitadel()?
            .describe_link(scope, idp_id, *owner_type)?,
        Change::ZitadelUnlink { scope, idp_id, .. } => {
            client.zitadel()?.describe_unlink(scope, idp_id)?
        }
        // The whole policy is written back: described with its settings as read now.
        Change::ZitadelExternalIdps { scope, allow, .. } => {
            client
                .zitadel()?
                .describe_set_external_idps(scope, *allow)
                .await?
        }
        Change::HubAdd {
            module_id,
            group_id,
            ..
        } => client
            .hub()?
            .describe_add_auto_join_group(module_id, group_id)?,
        Change::HubRemove {
            module_id,
            group_id,
            ..
        } => client
            .hub()?
            .describe_remove_auto_join_group(module_id, group_id)?,
    })
}

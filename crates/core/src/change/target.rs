//! What a change reads and writes on its target, by kind: an Auth0 organization's connection, a
//! login policy's link to an identity provider, a login policy's "allow external IdPs", a Hub
//! module's group.

use lanyard_model::Change;
use lanyard_model::ids::{AuthModuleId, ConnectionId, IdpId, OrganizationId, UserGroupId};
use lanyard_model::zitadel::PolicyScope;

/// The part of a change's target it reads and writes.
pub(crate) enum Target<'a> {
    Auth0Connection {
        organization_id: &'a OrganizationId,
        connection_id: &'a ConnectionId,
    },
    ZitadelLink {
        scope: &'a PolicyScope,
        idp_id: &'a IdpId,
    },
    ZitadelExternalIdps {
        scope: &'a PolicyScope,
    },
    HubGroup {
        module_id: &'a AuthModuleId,
        group_id: &'a UserGroupId,
    },
}

/// The part of `change`'s target it reads and writes.
pub(crate) fn target(change: &Change) -> Target<'_> {
    match change {
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
        } => Target::Auth0Connection {
            organization_id,
            connection_id,
        },
        Change::ZitadelLink { scope, idp_id, .. } | Change::ZitadelUnlink { scope, idp_id, .. } => {
            Target::ZitadelLink { scope, idp_id }
        }
        Change::ZitadelExternalIdps { scope, .. } => Target::ZitadelExternalIdps { scope },
        Change::HubAdd {
            module_id,
            group_id,
            ..
        }
        | Change::HubRemove {
            module_id,
            group_id,
            ..
        } => Target::HubGroup {
            module_id,
            group_id,
        },
    }
}

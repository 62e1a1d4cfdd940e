//! Changes the console makes, as data: previewed, applied, audited and undone the same way for
//! every product. Each carries what it expects to find, so that an undo can refuse when
//! someone else changed the target since.

mod label;
mod request;
mod reversal;
mod summary;

use serde::{Deserialize, Serialize};

use crate::auth0::{EnableConnection, Settings, UpdateConnection};
use crate::ids::{AuthModuleId, ConnectionId, IdpId, OrganizationId, UserGroupId};
use crate::state::TargetState;
use crate::validation::FieldErrors;
use crate::zitadel::{IdpOwnerType, PolicyScope, Provider};

pub use label::{ConsoleName, ItemNoun, Label};
pub use request::{HttpMethod, HttpRequest};
pub use summary::{ChangeAct, ChangeSummary};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Change {
    Auth0Enable {
        organization_id: OrganizationId,
        request: EnableConnection,
        /// The connection's strategy, for the rules that depend on it.
        strategy: Option<String>,
        /// Names for messages and the audit log.
        labels: Labels,
    },
    Auth0Update {
        organization_id: OrganizationId,
        connection_id: ConnectionId,
        update: UpdateConnection,
        /// The options this change was planned against.
        expect: Settings,
        strategy: Option<String>,
        labels: Labels,
    },
    Auth0Remove {
        organization_id: OrganizationId,
        connection_id: ConnectionId,
        /// The options to restore on undo, and to find before removing.
        expect: Settings,
        strategy: Option<String>,
        labels: Labels,
    },
    ZitadelLink {
        scope: PolicyScope,
        idp_id: IdpId,
        owner_type: IdpOwnerType,
        labels: Labels,
        /// The choice for an organization that follows the instance's default login policy:
        /// create the organization's own policy (a copy of the default, an audited step of its
        /// own) before linking. Without it such a link is not sent (see [`crate::Warning`]).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        own_policy_first: bool,
    },
    ZitadelUnlink {
        scope: PolicyScope,
        idp_id: IdpId,
        owner_type: IdpOwnerType,
        labels: Labels,
    },
    /// Allow (or not) external identity providers on the login policy at `scope`: the fix a
    /// warning offers when linked providers would show no button.
    ZitadelExternalIdps {
        scope: PolicyScope,
        allow: bool,
        labels: Labels,
    },
    HubAdd {
        module_id: AuthModuleId,
        group_id: UserGroupId,
        labels: Labels,
    },
    HubRemove {
        module_id: AuthModuleId,
        group_id: UserGroupId,
        labels: Labels,
    },
}

/// Human names of a change's targets (ids alone mean little in a toast).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    /// The container: organization, policy scope or auth module.
    pub target: Label,
    /// The thing added or removed: connection, identity provider or group.
    pub item: Label,
}

/// A change's target, borrowed from it.
enum Target<'a> {
    Auth0(&'a OrganizationId),
    Zitadel(&'a PolicyScope),
    Hub(&'a AuthModuleId),
}

impl Change {
    /// Links `provider` to the login policy of `scope` (named `scope_name`), with the owner
    /// type its owner calls for: an organization's own provider is linked as the
    /// organization's, or ZITADEL refuses the link.
    pub fn link_provider(scope: PolicyScope, scope_name: Label, provider: &Provider) -> Change {
        Change::ZitadelLink {
            scope,
            idp_id: provider.id.clone(),
            owner_type: provider.owner_type(),
            labels: Labels {
                target: scope_name,
                item: Label::item(
                    ItemNoun::IdentityProvider,
                    Some(&provider.name),
                    provider.id.as_str(),
                ),
            },
            own_policy_first: false,
        }
    }

    pub fn labels(&self) -> &Labels {
        match self {
            Change::Auth0Enable { labels, .. }
            | Change::Auth0Update { labels, .. }
            | Change::Auth0Remove { labels, .. }
            | Change::ZitadelLink { labels, .. }
            | Change::ZitadelUnlink { labels, .. }
            | Change::ZitadelExternalIdps { labels, .. }
            | Change::HubAdd { labels, .. }
            | Change::HubRemove { labels, .. } => labels,
        }
    }

    fn labels_mut(&mut self) -> &mut Labels {
        match self {
            Change::Auth0Enable { labels, .. }
            | Change::Auth0Update { labels, .. }
            | Change::Auth0Remove { labels, .. }
            | Change::ZitadelLink { labels, .. }
            | Change::ZitadelUnlink { labels, .. }
            | Change::ZitadelExternalIdps { labels, .. }
            | Change::HubAdd { labels, .. }
            | Change::HubRemove { labels, .. } => labels,
        }
    }

    /// The change with its item named by [`Label::item`]'s rule (a blank name, or one
    /// that is only the id, becomes the id said to be one): a change that comes from the
    /// interface is named as a planned one is, in its preview, toast and audit entry.
    pub fn item_named(mut self) -> Change {
        let noun = match self {
            Change::Auth0Enable { .. }
            | Change::Auth0Update { .. }
            | Change::Auth0Remove { .. } => ItemNoun::Connection,
            Change::ZitadelLink { .. } | Change::ZitadelUnlink { .. } => ItemNoun::IdentityProvider,
            Change::HubAdd { .. } | Change::HubRemove { .. } => ItemNoun::Group,
            // Its item is a setting, not a thing with a name.
            Change::ZitadelExternalIdps { .. } => return self,
        };
        let id = self.item_id().to_owned();
        let labels = self.labels_mut();
        if let Label::Name(name) = &labels.item {
            labels.item = Label::item(noun, Some(name), &id);
        }
        self
    }

    /// The id of the change's target: the organization, the login policy's organization (or
    /// `instance`), the auth module.
    pub fn target_id(&self) -> &str {
        match self.target() {
            Target::Auth0(organization_id) => organization_id.as_str(),
            Target::Zitadel(PolicyScope::Instance) => "instance",
            Target::Zitadel(PolicyScope::Organization { org_id }) => org_id.as_str(),
            Target::Hub(module_id) => module_id.as_str(),
        }
    }

    /// The Auth0 organization an Auth0 change is made on, typed; `None` for the other products.
    pub fn auth0_organization(&self) -> Option<&OrganizationId> {
        match self.target() {
            Target::Auth0(organization_id) => Some(organization_id),
            Target::Zitadel(_) | Target::Hub(_) => None,
        }
    }

    /// Where the change is made, by product: the one match on the variants' target fields.
    fn target(&self) -> Target<'_> {
        match self {
            Change::Auth0Enable {
                organization_id, ..
            }
            | Change::Auth0Update {
                organization_id, ..
            }
            | Change::Auth0Remove {
                organization_id, ..
            } => Target::Auth0(organization_id),
            Change::ZitadelLink { scope, .. }
            | Change::ZitadelUnlink { scope, .. }
            | Change::ZitadelExternalIdps { scope, .. } => Target::Zitadel(scope),
            Change::HubAdd { module_id, .. } | Change::HubRemove { module_id, .. } => {
                Target::Hub(module_id)
            }
        }
    }

    /// The id of what the change adds, changes or removes: the connection, the identity
    /// provider, the group.
    pub fn item_id(&self) -> &str {
        match self {
            Change::Auth0Enable { request, .. } => request.connection_id.as_str(),
            Change::Auth0Update { connection_id, .. }
            | Change::Auth0Remove { connection_id, .. } => connection_id.as_str(),
            Change::ZitadelLink { idp_id, .. } | Change::ZitadelUnlink { idp_id, .. } => {
                idp_id.as_str()
            }
            Change::ZitadelExternalIdps { .. } => "allowExternalIdp",
            Change::HubAdd { group_id, .. } | Change::HubRemove { group_id, .. } => {
                group_id.as_str()
            }
        }
    }

    /// Operation name for the audit log.
    pub fn operation(&self) -> &'static str {
        match self {
            Change::Auth0Enable { .. } => "enable_connection",
            Change::Auth0Update { .. } => "update_connection",
            Change::Auth0Remove { .. } => "remove_connection",
            Change::ZitadelLink { .. } => "link_idp",
            Change::ZitadelUnlink { .. } => "unlink_idp",
            Change::ZitadelExternalIdps { .. } => "set_external_idps",
            Change::HubAdd { .. } => "add_auto_join_group",
            Change::HubRemove { .. } => "remove_auto_join_group",
        }
    }

    /// Whether the change takes something away (production profiles ask to type the name).
    pub fn is_destructive(&self) -> bool {
        match self {
            Change::Auth0Remove { .. }
            | Change::ZitadelUnlink { .. }
            | Change::HubRemove { .. } => true,
            Change::ZitadelExternalIdps { allow, .. } => !allow,
            Change::Auth0Update { update, expect, .. } => {
                expect.is_enabled && update.apply_to(expect).is_enabled != expect.is_enabled
            }
            _ => false,
        }
    }

    /// What the change does, typed (the UI words it in the user's language).
    pub fn summary(&self) -> ChangeSummary {
        let act = match self {
            Change::Auth0Enable { .. } => ChangeAct::Auth0Enable,
            Change::Auth0Update { .. } => ChangeAct::Auth0Update,
            Change::Auth0Remove { .. } => ChangeAct::Auth0Remove,
            Change::ZitadelLink {
                own_policy_first: true,
                ..
            } => ChangeAct::ZitadelOwnPolicyThenLink,
            Change::ZitadelLink { .. } => ChangeAct::ZitadelLink,
            Change::ZitadelUnlink { .. } => ChangeAct::ZitadelUnlink,
            Change::ZitadelExternalIdps { allow: true, .. } => ChangeAct::ExternalIdpsOn,
            Change::ZitadelExternalIdps { .. } => ChangeAct::ExternalIdpsOff,
            Change::HubAdd { .. } => ChangeAct::HubAdd,
            Change::HubRemove { .. } => ChangeAct::HubRemove,
        };
        let l = self.labels();
        ChangeSummary {
            act,
            item: l.item.clone(),
            target: l.target.clone(),
        }
    }

    /// A sentence for toasts and the audit log (the summary in English).
    pub fn describe(&self) -> String {
        self.summary().to_string()
    }

    /// The rules the change must pass before anything is sent.
    pub fn validate(&self) -> FieldErrors {
        match self {
            Change::Auth0Enable {
                request, strategy, ..
            } => crate::auth0::check_enable(request, strategy.as_deref()).errors,
            Change::Auth0Update {
                update,
                expect,
                strategy,
                ..
            } => crate::auth0::check_update(update, expect, strategy.as_deref()).errors,
            Change::ZitadelLink {
                scope: PolicyScope::Organization { .. },
                idp_id,
                owner_type,
                ..
            } => crate::zitadel::LinkOrgIdp {
                idp_id: idp_id.clone(),
                owner_type: *owner_type,
            }
            .validate(),
            _ => FieldErrors::new(),
        }
    }
}

/// What will be sent and what it changes, shown before applying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub summary: ChangeSummary,
    /// The request the write will send, as the profile's client would send it now.
    pub request: HttpRequest,
    /// The target's state now, read live, and after the change.
    pub current: TargetState,
    pub planned: TargetState,
    pub destructive: bool,
    /// Set when the profile is production and the change destructive: type this to confirm.
    pub confirm_with: Option<String>,
    /// Nothing to do: the target is already in the planned state.
    pub no_op: bool,
    /// What the change will do to people signing in, and the checks that could not be made.
    #[serde(default)]
    pub warnings: Vec<crate::Warning>,
}

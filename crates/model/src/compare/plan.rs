//! The change that makes one item of a target as wanted, in one place for make like and copy:
//! enable what is missing with the wanted options, change only the options that differ (a
//! PATCH of those), remove what is not wanted; link and unlink an IdP; add and remove a group.

use crate::Change;
use crate::auth0::{EnableConnection, Settings, UpdateConnection};
use crate::change::{ItemNoun, Label, Labels};
use crate::ids::{
    AuthModuleId, ConnectionId, IdError, IdpId, OrganizationId, UserGroupId, ZitadelOrgId,
};
use crate::product::Product;
use crate::state::TargetState;
use crate::zitadel::{IdpOwnerType, PolicyScope};

use super::{INSTANCE_POLICY_ID, SnapshotItem, SnapshotTarget};

/// One change of a plan, with the target's state before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedChange {
    pub change: Change,
    pub current: TargetState,
    pub planned: TargetState,
}

/// The change that takes item (`item_id`, `item_name`) of the target (`target_id`,
/// `target_name`) from `have` to `want` (`None`: not wired); `None` when it is already as
/// wanted. Ids are the tenant's the change is sent to.
pub fn item_change(
    product: Product,
    (target_id, target_name): (&str, &str),
    (item_id, item_name): (&str, &str),
    have: Option<&SnapshotItem>,
    want: Option<&SnapshotItem>,
) -> Result<Option<PlannedChange>, IdError> {
    let noun = match product {
        Product::Auth0 => ItemNoun::Connection,
        Product::Zitadel => ItemNoun::IdentityProvider,
        Product::Hub => ItemNoun::Group,
    };
    let labels = Labels {
        target: Label::from(target_name),
        item: Label::item(noun, Some(item_name), item_id),
    };
    let change = match product {
        Product::Auth0 => {
            let organization_id = OrganizationId::parse(target_id)?;
            let connection_id = ConnectionId::parse(item_id)?;
            // An item without options (never so in a checked snapshot) has Auth0's defaults.
            let settings = |i: &SnapshotItem| match &i.options {
                Some(o) => Settings::from(o),
                None => EnableConnection::new(connection_id.clone()).effective(),
            };
            let (have, want) = (have.map(settings), want.map(settings));
            // Signup on is only possible on a database connection: then the request carries it.
            let strategy = |s: &Settings| s.is_signup_enabled.then(|| "auth0".to_owned());
            match (have, want) {
                (None, None) => return Ok(None),
                (None, Some(want)) => Change::Auth0Enable {
                    organization_id,
                    request: want.to_enable_request(connection_id, strategy(&want).as_deref()),
                    strategy: strategy(&want),
                    labels,
                },
                (Some(have), Some(want)) if have == want => return Ok(None),
                (Some(have), Some(want)) => Change::Auth0Update {
                    organization_id,
                    connection_id,
                    update: UpdateConnection::between(&have, &want),
                    strategy: strategy(&want).or_else(|| strategy(&have)),
                    expect: have,
                    labels,
                },
                (Some(have), None) => Change::Auth0Remove {
                    organization_id,
                    connection_id,
                    strategy: strategy(&have),
                    expect: have,
                    labels,
                },
            }
        }
        Product::Zitadel => {
            let scope = if target_id == INSTANCE_POLICY_ID {
                PolicyScope::Instance
            } else {
                PolicyScope::Organization {
                    org_id: ZitadelOrgId::parse(target_id)?,
                }
            };
            let idp_id = IdpId::parse(item_id)?;
            // The inventory keeps no owner: linked as the instance's, as a bulk run does.
            let owner_type = IdpOwnerType::System;
            match (have.is_some(), want.is_some()) {
                (false, true) => Change::ZitadelLink {
                    scope,
                    idp_id,
                    owner_type,
                    labels,
                    own_policy_first: false,
                },
                (true, false) => Change::ZitadelUnlink {
                    scope,
                    idp_id,
                    owner_type,
                    labels,
                },
                _ => return Ok(None),
            }
        }
        Product::Hub => {
            let module_id = AuthModuleId::parse(target_id)?;
            let group_id = UserGroupId::parse(item_id)?;
            match (have.is_some(), want.is_some()) {
                (false, true) => Change::HubAdd {
                    module_id,
                    group_id,
                    labels,
                },
                (true, false) => Change::HubRemove {
                    module_id,
                    group_id,
                    labels,
                },
                _ => return Ok(None),
            }
        }
    };
    let current = match &change {
        Change::Auth0Update { expect, .. } | Change::Auth0Remove { expect, .. } => {
            TargetState::Auth0Connection {
                settings: Some(expect.clone()),
            }
        }
        Change::Auth0Enable { .. } => TargetState::Auth0Connection { settings: None },
        Change::ZitadelLink { .. } | Change::ZitadelUnlink { .. } => TargetState::ZitadelIdp {
            linked: have.is_some(),
        },
        _ => TargetState::HubGroup {
            auto_join: have.is_some(),
        },
    };
    let planned = change.applied_to(&current);
    Ok(Some(PlannedChange {
        change,
        current,
        planned,
    }))
}

/// The changes that make `target` like `source` in the same tenant (items matched by id):
/// what the source wires and the target lacks, options that differ, and, with
/// `remove_extra`, what the target wires and the source does not.
pub fn plan_like(
    product: Product,
    source: &SnapshotTarget,
    target: &SnapshotTarget,
    remove_extra: bool,
) -> Result<Vec<PlannedChange>, IdError> {
    let mut out = Vec::new();
    let at = (target.id.as_str(), target.name.as_str());
    for want in &source.items {
        let have = target.items.iter().find(|i| i.id == want.id);
        // Either side's name, whichever knows one (the other may hold only the id).
        let name = match have {
            Some(h) if want.name == want.id => h.name.as_str(),
            _ => want.name.as_str(),
        };
        let item = (want.id.as_str(), name);
        out.extend(item_change(product, at, item, have, Some(want))?);
    }
    if remove_extra {
        for have in &target.items {
            if source.items.iter().any(|i| i.id == have.id) {
                continue;
            }
            let item = (have.id.as_str(), have.name.as_str());
            out.extend(item_change(product, at, item, Some(have), None)?);
        }
    }
    Ok(out)
}

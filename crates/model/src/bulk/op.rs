//! The one change of a bulk run ([`BulkOp`]), its rules, and the concrete [`Change`] it makes on
//! each target.

use serde::{Deserialize, Serialize};

use crate::auth0::{EnableConnection, Patch, Settings, UpdateConnection};
use crate::change::{Change, ItemNoun, Label, Labels};
use crate::ids::{AuthModuleId, ConnectionId, IdError, IdpId, OrganizationId, UserGroupId};
use crate::validation::{FieldErrors, FieldProblem};

use super::{BulkTarget, RunTitle};
use crate::zitadel::{IdpOwnerType, PolicyScope};

/// The one change a bulk run makes, without its targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum BulkOp {
    /// Enable a connection for each organization (targets: organizations).
    Auth0Enable {
        request: EnableConnection,
        strategy: Option<String>,
        connection_name: String,
    },
    /// Change the options of a connection on each organization; `is_enabled: false` disables it.
    Auth0Update {
        connection_id: ConnectionId,
        update: UpdateConnection,
        strategy: Option<String>,
        connection_name: String,
    },
    /// Remove a connection from each organization.
    Auth0Remove {
        connection_id: ConnectionId,
        strategy: Option<String>,
        connection_name: String,
    },
    /// Link each identity provider (targets: IdPs) to one login policy.
    ZitadelLink {
        scope: PolicyScope,
        scope_name: Label,
    },
    ZitadelUnlink {
        scope: PolicyScope,
        scope_name: Label,
    },
    /// Add one group to the auto-join groups of each auth module (targets: modules).
    HubAdd {
        group_id: UserGroupId,
        group_name: String,
    },
    HubRemove {
        group_id: UserGroupId,
        group_name: String,
    },
}

impl BulkOp {
    /// What the run does, for the run list, toasts and the audit log.
    pub fn describe(&self, targets: usize) -> RunTitle {
        let n = targets;
        match self {
            BulkOp::Auth0Enable {
                connection_name, ..
            } => RunTitle::EnableConnection {
                connection: connection_name.clone(),
                organizations: n,
            },
            BulkOp::Auth0Update {
                connection_name,
                update,
                ..
            } if update.is_enabled == Patch::Set(false) => RunTitle::DisableConnection {
                connection: connection_name.clone(),
                organizations: n,
            },
            BulkOp::Auth0Update {
                connection_name, ..
            } => RunTitle::ChangeConnection {
                connection: connection_name.clone(),
                organizations: n,
            },
            BulkOp::Auth0Remove {
                connection_name, ..
            } => RunTitle::RemoveConnection {
                connection: connection_name.clone(),
                organizations: n,
            },
            BulkOp::ZitadelLink { scope_name, .. } => RunTitle::LinkProviders {
                policy_of: scope_name.clone(),
                providers: n,
            },
            BulkOp::ZitadelUnlink { scope_name, .. } => RunTitle::UnlinkProviders {
                policy_of: scope_name.clone(),
                providers: n,
            },
            BulkOp::HubAdd { group_name, .. } => RunTitle::AddGroup {
                group: group_name.clone(),
                modules: n,
            },
            BulkOp::HubRemove { group_name, .. } => RunTitle::RemoveGroup {
                group: group_name.clone(),
                modules: n,
            },
        }
    }

    /// The product whose profile runs this op.
    pub fn product(&self) -> crate::profile::Product {
        use crate::profile::Product;
        match self {
            BulkOp::Auth0Enable { .. }
            | BulkOp::Auth0Update { .. }
            | BulkOp::Auth0Remove { .. } => Product::Auth0,
            BulkOp::ZitadelLink { .. } | BulkOp::ZitadelUnlink { .. } => Product::Zitadel,
            BulkOp::HubAdd { .. } | BulkOp::HubRemove { .. } => Product::Hub,
        }
    }

    /// Whether the change takes something away (production profiles ask to type the name).
    pub fn is_destructive(&self) -> bool {
        match self {
            BulkOp::Auth0Remove { .. }
            | BulkOp::ZitadelUnlink { .. }
            | BulkOp::HubRemove { .. } => true,
            BulkOp::Auth0Update { update, .. } => update.is_enabled == Patch::Set(false),
            _ => false,
        }
    }

    /// The rules the op must pass whatever its targets; checked before anything is read.
    ///
    /// An update is checked against the most accommodating options a target could have now, so
    /// that only what fails on every target is refused here; the rest is checked per target
    /// once its options are read ([`Change::validate`]).
    pub fn validate(&self) -> FieldErrors {
        match self {
            BulkOp::Auth0Enable {
                request, strategy, ..
            } => crate::auth0::check_enable(request, strategy.as_deref()).errors,
            BulkOp::Auth0Update {
                connection_id,
                update,
                strategy,
                ..
            } => {
                let accommodating = Settings {
                    organization_connection_name: Some("name".to_owned()),
                    assign_membership_on_login: true,
                    ..EnableConnection::new(connection_id.clone()).effective()
                };
                crate::auth0::check_update(update, &accommodating, strategy.as_deref()).errors
            }
            _ => FieldErrors::new(),
        }
    }

    /// The op's rules, then each target's concrete change with the model's rules: a target whose
    /// id is not valid, or whose change breaks a rule, refuses the whole run before anything is
    /// read or sent. Messages name the target; at most a few are listed.
    pub fn check_targets(&self, targets: &[BulkTarget]) -> FieldErrors {
        const LISTED: usize = 5;
        let mut errors = self.validate();
        let mut problems = Vec::new();
        for target in targets {
            match self.change_for(target, None) {
                Err(err) => problems.push(FieldProblem::OfTarget {
                    target: target.name.clone(),
                    field: err.field,
                    problem: Box::new(err.problem),
                }),
                // An update or a remove is checked per target once its options are read: what it
                // expects is not known yet.
                Ok(_)
                    if matches!(
                        self,
                        BulkOp::Auth0Update { .. } | BulkOp::Auth0Remove { .. }
                    ) => {}
                Ok(change) => {
                    for (field, found) in change.validate().0 {
                        problems.extend(found.into_iter().map(|problem| FieldProblem::OfTarget {
                            target: target.name.clone(),
                            field: field.clone(),
                            problem: Box::new(problem),
                        }));
                    }
                }
            }
        }
        let more = problems.len().saturating_sub(LISTED);
        for problem in problems.into_iter().take(LISTED) {
            errors.add("targets", problem);
        }
        if more > 0 {
            errors.add("targets", FieldProblem::MoreTargets { more });
        }
        errors
    }

    /// The concrete change for one target, given its current Auth0 options where they matter
    /// (an update and a remove carry what they expect to find).
    pub fn change_for(
        &self,
        target: &BulkTarget,
        current: Option<&Settings>,
    ) -> Result<Change, IdError> {
        let labels = |(noun, item, id): (ItemNoun, &str, &str)| Labels {
            target: Label::from(target.name.as_str()),
            item: Label::item(noun, Some(item), id),
        };
        Ok(match self {
            BulkOp::Auth0Enable {
                request,
                strategy,
                connection_name,
            } => Change::Auth0Enable {
                organization_id: OrganizationId::parse(&target.id)?,
                request: request.clone(),
                strategy: strategy.clone(),
                labels: labels((
                    ItemNoun::Connection,
                    connection_name,
                    request.connection_id.as_str(),
                )),
            },
            BulkOp::Auth0Update {
                connection_id,
                update,
                strategy,
                connection_name,
            } => Change::Auth0Update {
                organization_id: OrganizationId::parse(&target.id)?,
                connection_id: connection_id.clone(),
                update: update.clone(),
                expect: current
                    .cloned()
                    .unwrap_or_else(|| EnableConnection::new(connection_id.clone()).effective()),
                strategy: strategy.clone(),
                labels: labels((
                    ItemNoun::Connection,
                    connection_name,
                    connection_id.as_str(),
                )),
            },
            BulkOp::Auth0Remove {
                connection_id,
                strategy,
                connection_name,
            } => Change::Auth0Remove {
                organization_id: OrganizationId::parse(&target.id)?,
                connection_id: connection_id.clone(),
                expect: current
                    .cloned()
                    .unwrap_or_else(|| EnableConnection::new(connection_id.clone()).effective()),
                strategy: strategy.clone(),
                labels: labels((
                    ItemNoun::Connection,
                    connection_name,
                    connection_id.as_str(),
                )),
            },
            BulkOp::ZitadelLink { scope, scope_name } => Change::ZitadelLink {
                scope: scope.clone(),
                idp_id: IdpId::parse(&target.id)?,
                owner_type: target.owner_type.unwrap_or(IdpOwnerType::System),
                labels: Labels {
                    target: scope_name.clone(),
                    item: Label::item(ItemNoun::IdentityProvider, Some(&target.name), &target.id),
                },
                // A bulk run never creates a policy: on an organization that follows the
                // instance default, its links are not sent (the preview says why).
                own_policy_first: false,
            },
            BulkOp::ZitadelUnlink { scope, scope_name } => Change::ZitadelUnlink {
                scope: scope.clone(),
                idp_id: IdpId::parse(&target.id)?,
                owner_type: target.owner_type.unwrap_or(IdpOwnerType::System),
                labels: Labels {
                    target: scope_name.clone(),
                    item: Label::item(ItemNoun::IdentityProvider, Some(&target.name), &target.id),
                },
            },
            BulkOp::HubAdd {
                group_id,
                group_name,
            } => Change::HubAdd {
                module_id: AuthModuleId::parse(&target.id)?,
                group_id: group_id.clone(),
                labels: labels((ItemNoun::Group, group_name, group_id.as_str())),
            },
            BulkOp::HubRemove {
                group_id,
                group_name,
            } => Change::HubRemove {
                module_id: AuthModuleId::parse(&target.id)?,
                group_id: group_id.clone(),
                labels: labels((ItemNoun::Group, group_name, group_id.as_str())),
            },
        })
    }
}

#[cfg(test)]
mod tests;

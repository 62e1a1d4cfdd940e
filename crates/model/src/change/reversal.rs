//! What a change leaves its target as, and the change that takes the target back (the undo of a
//! single change and the items of a run that undoes another).

use super::Change;
use crate::auth0::UpdateConnection;
use crate::state::TargetState;

impl Change {
    /// The state this change leaves a target in that is `before`. An update of a connection that
    /// is not enabled changes nothing (Auth0 refuses it).
    pub fn applied_to(&self, before: &TargetState) -> TargetState {
        match self {
            Change::Auth0Enable { request, .. } => TargetState::Auth0Connection {
                settings: Some(request.effective()),
            },
            Change::Auth0Update { update, .. } => TargetState::Auth0Connection {
                settings: before.auth0_settings().map(|s| update.apply_to(s)),
            },
            Change::Auth0Remove { .. } => TargetState::Auth0Connection { settings: None },
            Change::ZitadelLink { .. } => TargetState::ZitadelIdp { linked: true },
            Change::ZitadelUnlink { .. } => TargetState::ZitadelIdp { linked: false },
            Change::ZitadelExternalIdps { allow, .. } => {
                TargetState::ZitadelExternalIdps { allowed: *allow }
            }
            Change::HubAdd { .. } => TargetState::HubGroup { auto_join: true },
            Change::HubRemove { .. } => TargetState::HubGroup { auto_join: false },
        }
    }

    /// The change that takes a target this change moved from `before` to `after` back to
    /// `before`, expecting to find it as `after` (so that an undo refuses when someone changed
    /// it since). `after` is what the server said it stored when it said, else
    /// [`Change::applied_to`]. `None` when there is nothing to go back to: an update of a
    /// connection that was not enabled, or states of another product.
    pub fn reversal(&self, before: &TargetState, after: &TargetState) -> Option<Change> {
        Some(match self.clone() {
            Change::Auth0Enable {
                organization_id,
                request,
                strategy,
                labels,
            } => Change::Auth0Remove {
                organization_id,
                expect: after
                    .auth0_settings()
                    .cloned()
                    .unwrap_or_else(|| request.effective()),
                connection_id: request.connection_id,
                strategy,
                labels,
            },
            Change::Auth0Update {
                organization_id,
                connection_id,
                strategy,
                labels,
                ..
            } => {
                let (before, after) = (before.auth0_settings()?, after.auth0_settings()?);
                Change::Auth0Update {
                    organization_id,
                    connection_id,
                    update: UpdateConnection::between(after, before),
                    expect: after.clone(),
                    strategy,
                    labels,
                }
            }
            Change::Auth0Remove {
                organization_id,
                connection_id,
                expect,
                strategy,
                labels,
            } => Change::Auth0Enable {
                organization_id,
                request: before
                    .auth0_settings()
                    .unwrap_or(&expect)
                    .to_enable_request(connection_id, strategy.as_deref()),
                strategy,
                labels,
            },
            other => other.opposite()?,
        })
    }

    /// The change that reverses a link, unlink, add or remove: the same target and item, the
    /// other way. `None` for Auth0 changes, whose reversal depends on the options found (see
    /// [`Change::reversal`]).
    fn opposite(&self) -> Option<Change> {
        Some(match self.clone() {
            // The organization's own policy, if one was created first, stays: it is the
            // organization's now, and unlinking is what reverses the link.
            Change::ZitadelLink {
                scope,
                idp_id,
                owner_type,
                labels,
                ..
            } => Change::ZitadelUnlink {
                scope,
                idp_id,
                owner_type,
                labels,
            },
            Change::ZitadelUnlink {
                scope,
                idp_id,
                owner_type,
                labels,
            } => Change::ZitadelLink {
                scope,
                idp_id,
                owner_type,
                labels,
                own_policy_first: false,
            },
            Change::HubAdd {
                module_id,
                group_id,
                labels,
            } => Change::HubRemove {
                module_id,
                group_id,
                labels,
            },
            Change::HubRemove {
                module_id,
                group_id,
                labels,
            } => Change::HubAdd {
                module_id,
                group_id,
                labels,
            },
            Change::ZitadelExternalIdps {
                scope,
                allow,
                labels,
            } => Change::ZitadelExternalIdps {
                scope,
                allow: !allow,
                labels,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests;

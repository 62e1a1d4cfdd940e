//! Sends a change and reports what happened, with the change that reverses it.

use lanyard_model::auth0::OrgConnection;
use lanyard_model::error::StateChange;
use lanyard_model::{Applied, Change, Labels, TargetState};

use lanyard_model::zitadel::PolicyScope;

use crate::client::Client;
use crate::error::CoreError;
use crate::stock::Stock;

/// What a write did: its correlation id, whether the target was already so, whether a read-back
/// confirmed it, and the target's state before and after (what the reversal goes between).
struct Written {
    correlation_id: String,
    already: bool,
    read_back: bool,
    before: TargetState,
    after: TargetState,
    /// The Auth0 connection as the server returned it (enable, update), for the inventory.
    row: Option<OrgConnection>,
}

/// Sends the change. With `check_first`, an update or a remove first reads the target and refuses
/// when someone changed it since it was planned; a bulk run skips that read, as it planned every
/// target just before (and org-connection reads have a smaller bucket than writes).
pub(crate) async fn apply(
    client: &Client,
    stock: &Stock,
    profile_id: &str,
    change: &Change,
    check_first: bool,
) -> Result<Applied, CoreError> {
    let written = write(client, stock, profile_id, change, check_first).await?;
    super::through::record(stock, profile_id, change, written.row.as_ref());
    Ok(Applied {
        summary: change.summary(),
        correlation_id: written.correlation_id,
        already: written.already,
        read_back: written.read_back,
        // Nothing changed, so there is nothing to undo.
        undo: (!written.already)
            .then(|| change.reversal(&written.before, &written.after))
            .flatten(),
        audit_error: None,
    })
}

async fn write(
    client: &Client,
    stock: &Stock,
    profile_id: &str,
    change: &Change,
    check_first: bool,
) -> Result<Written, CoreError> {
    let connection = |settings| TargetState::Auth0Connection { settings };
    // A link, unlink, add or remove: it found the target the other way round.
    let toggled = |correlation_id, already, read_back, before: TargetState| Written {
        correlation_id,
        already,
        read_back,
        after: change.applied_to(&before),
        before,
        row: None,
    };
    Ok(match change {
        Change::Auth0Enable {
            organization_id,
            request,
            labels,
            ..
        } => {
            let done = client.auth0()?.enable(organization_id, request).await?;
            let found = done.value.settings();
            if done.already && found != request.effective() {
                // A 409: someone enabled it first, with other options. Not "already so"; the
                // connection as read back is someone else's change, recorded as such.
                let (org, id) = (organization_id, &request.connection_id);
                let origin = lanyard_inventory::ReadOrigin::Independent;
                stock.refresh_auth0_connection(profile_id, org, id, Some(&done.value), origin);
                return Err(CoreError::Refused(StateChange::EnabledWithOtherOptions {
                    item: labels.item.clone(),
                    target: labels.target.clone(),
                    found: connection(Some(found)),
                }));
            }
            Written {
                correlation_id: done.correlation_id,
                already: done.already,
                read_back: done.confirmed_by_read,
                before: connection(None),
                after: connection(Some(found)),
                row: Some(done.value),
            }
        }
        Change::Auth0Update {
            organization_id,
            connection_id,
            update,
            expect,
            labels,
            ..
        } => {
            let a = client.auth0()?;
            if check_first {
                let now = a
                    .org_connection(organization_id, connection_id)
                    .await?
                    .ok_or_else(|| {
                        CoreError::Refused(StateChange::NoLongerEnabled {
                            item: labels.item.clone(),
                            target: labels.target.clone(),
                        })
                    })?;
                if &now.settings() != expect {
                    return Err(changed_since(labels));
                }
            }
            let done = a.update(organization_id, connection_id, update).await?;
            Written {
                correlation_id: done.correlation_id,
                already: false,
                read_back: false,
                before: connection(Some(expect.clone())),
                after: connection(Some(done.value.settings())),
                row: Some(done.value),
            }
        }
        Change::Auth0Remove {
            organization_id,
            connection_id,
            expect,
            labels,
            ..
        } => {
            let a = client.auth0()?;
            if check_first
                && let Some(now) = a.org_connection(organization_id, connection_id).await?
                && &now.settings() != expect
            {
                return Err(changed_since(labels));
            }
            let done = a.remove(organization_id, connection_id).await?;
            Written {
                correlation_id: done.correlation_id,
                already: done.already,
                read_back: done.confirmed_by_read,
                before: connection(Some(expect.clone())),
                after: connection(None),
                row: None,
            }
        }
        Change::ZitadelLink {
            scope,
            idp_id,
            owner_type,
            own_policy_first,
            ..
        } => {
            let z = client.zitadel()?;
            if let PolicyScope::Organization { .. } = scope {
                // An organization on the instance default: the link is sent only with the
                // choice to create its own policy first, made in the preview.
                let policy = z.login_policy(scope).await?;
                if let Some(why) = crate::checks::default_policy_refusal(change, &policy) {
                    return Err(CoreError::Unfit(why));
                }
                if policy.is_default && *own_policy_first {
                    let created = z.create_own_policy(scope).await?;
                    tracing::info!(
                        correlation_id = %created.correlation_id,
                        "created the organization's own login policy before linking"
                    );
                }
            }
            let done = z.link(scope, idp_id, *owner_type).await?;
            let before = TargetState::ZitadelIdp { linked: false };
            toggled(
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                before,
            )
        }
        Change::ZitadelUnlink { scope, idp_id, .. } => {
            let done = client.zitadel()?.unlink(scope, idp_id).await?;
            let before = TargetState::ZitadelIdp { linked: true };
            toggled(
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                before,
            )
        }
        Change::HubAdd {
            module_id,
            group_id,
            ..
        } => {
            let done = client
                .hub()?
                .add_auto_join_group(module_id, group_id)
                .await?;
            let before = TargetState::HubGroup { auto_join: false };
            toggled(
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                before,
            )
        }
        Change::ZitadelExternalIdps { scope, allow, .. } => {
            let done = client.zitadel()?.set_external_idps(scope, *allow).await?;
            let before = TargetState::ZitadelExternalIdps { allowed: !allow };
            toggled(
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                before,
            )
        }
        Change::HubRemove {
            module_id,
            group_id,
            ..
        } => {
            let done = client
                .hub()?
                .remove_auto_join_group(module_id, group_id)
                .await?;
            let before = TargetState::HubGroup { auto_join: true };
            toggled(
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                before,
            )
        }
    })
}

fn changed_since(labels: &Labels) -> CoreError {
    CoreError::Refused(StateChange::ChangedSince {
        item: labels.item.clone(),
        target: labels.target.clone(),
    })
}

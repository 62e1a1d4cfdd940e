//! Preview, apply and undo of a `Change`, with the production guard and the audit trail.

use lanyard_model::auth0::{EnableConnection, Settings, UpdateConnection};
use lanyard_model::profile::Environment;
use lanyard_model::zitadel::PolicyScope;
use lanyard_model::{Applied, Change, Plan, Profile};
use serde_json::{Value, json};

use super::Console;
use super::clients::Client;
use crate::audit::{AuditEntry, Outcome, Target};
use crate::error::CoreError;

fn scope_path(scope: &PolicyScope) -> &'static str {
    match scope {
        PolicyScope::Instance => "/admin/v1",
        PolicyScope::Organization { .. } => "/management/v1",
    }
}

fn settings_json(s: &Settings) -> Value {
    serde_json::to_value(s).unwrap_or(Value::Null)
}

impl Console {
    /// What the change will send, the target's state now (read live) and after.
    pub async fn preview(&self, profile_id: &str, change: &Change) -> Result<Plan, CoreError> {
        let errors = change.validate();
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
        let (profile, client) = self.client(profile_id).await?;
        let (request_line, request_body, current, planned) = read_state(&client, change).await?;
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

    /// Applies the change after checking it again, and records it in the audit log.
    pub async fn apply(
        &self,
        profile_id: &str,
        change: &Change,
        confirm: Option<&str>,
    ) -> Result<Applied, CoreError> {
        let errors = change.validate();
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
        let profile = self.profile(profile_id).await?;
        if change.is_destructive() && profile.environment == Environment::Production {
            let expected = profile.confirmation_name();
            if confirm.map(str::trim) != Some(expected.as_str()) {
                return Err(CoreError::Confirm { expected });
            }
        }
        let result = match self.client(&profile.id).await {
            Ok((_, client)) => apply_change(&client, change, true).await,
            Err(err) => Err(err),
        };
        match self
            .audit
            .append(&audit_entry(&profile, change, &result, None))
        {
            Ok(()) => result,
            Err(err) => {
                tracing::error!(%err, "the audit log could not be written");
                // The change happened (or failed) all the same: say so, and why the log lacks it.
                match result {
                    Ok(applied) => Ok(Applied {
                        audit_error: Some(err.to_string()),
                        ..applied
                    }),
                    Err(failed) => Err(failed),
                }
            }
        }
    }
}

/// The request a change sends, and its target's state now (read live) and after the change.
pub(crate) async fn read_state(
    client: &Client,
    change: &Change,
) -> Result<(String, Option<Value>, Value, Value), CoreError> {
    Ok(match change {
        Change::Auth0Enable {
            organization_id,
            request,
            ..
        } => {
            let now = client
                .auth0()?
                .org_connection(organization_id, &request.connection_id)
                .await?;
            (
                format!("POST /api/v2/organizations/{organization_id}/connections"),
                Some(serde_json::to_value(request).unwrap_or(Value::Null)),
                now.map(|c| settings_json(&c.settings()))
                    .unwrap_or(Value::Null),
                settings_json(&request.effective()),
            )
        }
        Change::Auth0Update {
            organization_id,
            connection_id,
            update,
            ..
        } => {
            let now = client
                .auth0()?
                .org_connection(organization_id, connection_id)
                .await?;
            let current = now.map(|c| c.settings());
            (
                format!(
                    "PATCH /api/v2/organizations/{organization_id}/connections/{connection_id}"
                ),
                Some(serde_json::to_value(update).unwrap_or(Value::Null)),
                current.as_ref().map(settings_json).unwrap_or(Value::Null),
                current
                    .as_ref()
                    .map(|c| settings_json(&update.apply_to(c)))
                    .unwrap_or(Value::Null),
            )
        }
        Change::Auth0Remove {
            organization_id,
            connection_id,
            ..
        } => {
            let now = client
                .auth0()?
                .org_connection(organization_id, connection_id)
                .await?;
            (
                format!(
                    "DELETE /api/v2/organizations/{organization_id}/connections/{connection_id}"
                ),
                None,
                now.map(|c| settings_json(&c.settings()))
                    .unwrap_or(Value::Null),
                Value::Null,
            )
        }
        Change::ZitadelLink {
            scope,
            idp_id,
            owner_type,
            ..
        } => {
            let linked = zitadel_linked(client, scope, idp_id.as_str()).await?;
            let body = match scope {
                PolicyScope::Instance => json!({"idpId": idp_id}),
                PolicyScope::Organization { .. } => {
                    json!({"idpId": idp_id, "ownerType": owner_type})
                }
            };
            (
                format!("POST {}/policies/login/idps", scope_path(scope)),
                Some(body),
                json!({"linked": linked}),
                json!({"linked": true}),
            )
        }
        Change::ZitadelUnlink { scope, idp_id, .. } => {
            let linked = zitadel_linked(client, scope, idp_id.as_str()).await?;
            (
                format!("DELETE {}/policies/login/idps/{idp_id}", scope_path(scope)),
                None,
                json!({"linked": linked}),
                json!({"linked": false}),
            )
        }
        Change::HubAdd {
            module_id,
            group_id,
            ..
        } => {
            let member = hub_member(client, module_id, group_id.as_str()).await?;
            (
                format!("POST /api/rest/authmodules/{module_id}/autojoingroups"),
                Some(json!({"id": group_id})),
                json!({"auto_join": member}),
                json!({"auto_join": true}),
            )
        }
        Change::HubRemove {
            module_id,
            group_id,
            ..
        } => {
            let member = hub_member(client, module_id, group_id.as_str()).await?;
            (
                format!("DELETE /api/rest/authmodules/{module_id}/autojoingroups/{group_id}"),
                None,
                json!({"auto_join": member}),
                json!({"auto_join": false}),
            )
        }
    })
}

async fn zitadel_linked(
    client: &Client,
    scope: &PolicyScope,
    idp: &str,
) -> Result<bool, CoreError> {
    Ok(client
        .zitadel()?
        .linked_idps(scope)
        .await?
        .iter()
        .any(|l| l.idp_id == idp))
}

async fn hub_member(
    client: &Client,
    module: &lanyard_model::ids::AuthModuleId,
    group: &str,
) -> Result<bool, CoreError> {
    Ok(client
        .hub()?
        .auto_join_groups(module)
        .await?
        .iter()
        .any(|g| g.id == group))
}

/// Sends the change. With `check_first`, an update or a remove first reads the target and refuses
/// when someone changed it since it was planned; a bulk run skips that read, as it planned every
/// target just before (and org-connection reads have a smaller bucket than writes).
pub(crate) async fn apply_change(
    client: &Client,
    change: &Change,
    check_first: bool,
) -> Result<Applied, CoreError> {
    let summary = change.describe();
    let (done_cid, already, read_back, undo) = match change.clone() {
        Change::Auth0Enable {
            organization_id,
            request,
            strategy,
            labels,
        } => {
            let done = client.auth0()?.enable(&organization_id, &request).await?;
            let found = done.value.settings();
            if done.already && found != request.effective() {
                // A 409: someone enabled it first, with other options. Not "already so".
                return Err(CoreError::AlreadyExists(format!(
                    "{} is already enabled for {}, with other options ({}); Lanyard changed nothing. Reload the organization and edit the connection instead",
                    labels.item,
                    labels.target,
                    crate::bulk::record::describe_state(&settings_json(&found))
                )));
            }
            let undo = Change::Auth0Remove {
                organization_id,
                connection_id: request.connection_id.clone(),
                expect: done.value.settings(),
                strategy,
                labels,
            };
            (
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                undo,
            )
        }
        Change::Auth0Update {
            organization_id,
            connection_id,
            update,
            expect,
            strategy,
            labels,
        } => {
            let a = client.auth0()?;
            if check_first {
                let now = a
                    .org_connection(&organization_id, &connection_id)
                    .await?
                    .ok_or_else(|| {
                        CoreError::StateChanged(format!(
                            "{} is no longer enabled for {}; reload to see the current state",
                            labels.item, labels.target
                        ))
                    })?;
                if now.settings() != expect {
                    return Err(changed_since(&labels));
                }
            }
            let done = a.update(&organization_id, &connection_id, &update).await?;
            let after = done.value.settings();
            let undo = Change::Auth0Update {
                organization_id,
                connection_id,
                update: UpdateConnection::between(&after, &expect),
                expect: after,
                strategy,
                labels,
            };
            (done.correlation_id, false, false, undo)
        }
        Change::Auth0Remove {
            organization_id,
            connection_id,
            expect,
            strategy,
            labels,
        } => {
            let a = client.auth0()?;
            if check_first
                && let Some(now) = a.org_connection(&organization_id, &connection_id).await?
                && now.settings() != expect
            {
                return Err(changed_since(&labels));
            }
            let done = a.remove(&organization_id, &connection_id).await?;
            let request: EnableConnection =
                expect.to_enable_request(connection_id, strategy.as_deref());
            (
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                Change::Auth0Enable {
                    organization_id,
                    request,
                    strategy,
                    labels,
                },
            )
        }
        Change::ZitadelLink {
            ref scope,
            ref idp_id,
            owner_type,
            ..
        } => {
            let done = client.zitadel()?.link(scope, idp_id, owner_type).await?;
            reversed(
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                change,
            )?
        }
        Change::ZitadelUnlink {
            ref scope,
            ref idp_id,
            ..
        } => {
            let done = client.zitadel()?.unlink(scope, idp_id).await?;
            reversed(
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                change,
            )?
        }
        Change::HubAdd {
            ref module_id,
            ref group_id,
            ..
        } => {
            let done = client
                .hub()?
                .add_auto_join_group(module_id, group_id)
                .await?;
            reversed(
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                change,
            )?
        }
        Change::HubRemove {
            ref module_id,
            ref group_id,
            ..
        } => {
            let done = client
                .hub()?
                .remove_auto_join_group(module_id, group_id)
                .await?;
            reversed(
                done.correlation_id,
                done.already,
                done.confirmed_by_read,
                change,
            )?
        }
    };
    Ok(Applied {
        summary: if already {
            format!("{summary}: already so, nothing changed")
        } else {
            summary
        },
        correlation_id: done_cid,
        already,
        read_back,
        // Nothing changed, so there is nothing to undo.
        undo: (!already).then_some(undo),
        audit_error: None,
    })
}

/// The outcome of a link, unlink, add or remove, with its opposite as the undo.
fn reversed(
    correlation_id: String,
    already: bool,
    read_back: bool,
    change: &Change,
) -> Result<(String, bool, bool, Change), CoreError> {
    let undo = change
        .opposite()
        .ok_or_else(|| CoreError::Other("this change has no simple opposite".into()))?;
    Ok((correlation_id, already, read_back, undo))
}

/// The audit log's line for a change and its outcome.
pub(crate) fn audit_entry(
    profile: &Profile,
    change: &Change,
    result: &Result<Applied, CoreError>,
    run_id: Option<&str>,
) -> AuditEntry {
    let labels = change.labels();
    let (outcome, status, message, correlation_id) = match result {
        Ok(a) => (
            Outcome::Success,
            None,
            a.already.then(|| "already in the wanted state".to_owned()),
            Some(a.correlation_id.clone()),
        ),
        Err(CoreError::Provider(p)) => {
            let unknown = matches!(p, lanyard_providers::ProviderError::OutcomeUnknown { .. });
            (
                if unknown {
                    Outcome::Unknown
                } else {
                    Outcome::Failure
                },
                p.status(),
                Some(p.to_string()),
                p.correlation_id().map(str::to_owned),
            )
        }
        Err(other) => (Outcome::Failure, None, Some(other.to_string()), None),
    };
    AuditEntry {
        time: AuditEntry::now(),
        profile_id: profile.id.clone(),
        profile_name: profile.display_name.clone(),
        product: Console::product_of(profile).to_owned(),
        operation: change.operation().to_owned(),
        targets: vec![
            Target {
                kind: "target".into(),
                id: target_id(change),
                name: Some(labels.target.clone()),
            },
            Target {
                kind: "item".into(),
                id: item_id(change),
                name: Some(labels.item.clone()),
            },
        ],
        request: serde_json::to_value(change).unwrap_or(Value::Null),
        outcome,
        status,
        message,
        correlation_id,
        who: AuditEntry::os_user(),
        run_id: run_id.map(str::to_owned),
    }
}

fn changed_since(labels: &lanyard_model::Labels) -> CoreError {
    CoreError::StateChanged(format!(
        "{} of {} was changed by someone else since; Lanyard did not touch it. Reload to see its current options",
        labels.item, labels.target
    ))
}

fn target_id(change: &Change) -> String {
    match change {
        Change::Auth0Enable {
            organization_id, ..
        }
        | Change::Auth0Update {
            organization_id, ..
        }
        | Change::Auth0Remove {
            organization_id, ..
        } => organization_id.to_string(),
        Change::ZitadelLink { scope, .. } | Change::ZitadelUnlink { scope, .. } => match scope {
            PolicyScope::Instance => "instance".into(),
            PolicyScope::Organization { org_id } => org_id.to_string(),
        },
        Change::HubAdd { module_id, .. } | Change::HubRemove { module_id, .. } => {
            module_id.to_string()
        }
    }
}

fn item_id(change: &Change) -> String {
    match change {
        Change::Auth0Enable { request, .. } => request.connection_id.to_string(),
        Change::Auth0Update { connection_id, .. } | Change::Auth0Remove { connection_id, .. } => {
            connection_id.to_string()
        }
        Change::ZitadelLink { idp_id, .. } | Change::ZitadelUnlink { idp_id, .. } => {
            idp_id.to_string()
        }
        Change::HubAdd { group_id, .. } | Change::HubRemove { group_id, .. } => {
            group_id.to_string()
        }
    }
}

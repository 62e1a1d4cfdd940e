//! The explicit step before a ZITADEL link on an organization that follows the instance's
//! default login policy, when the preview's choice was to give it its own policy first: the
//! policy is created (a copy of the default) as an audited change of its own
//! (`create_login_policy`), and only then is the link sent. Without that choice the link is
//! not sent at all (see `crate::checks::default_policy_refusal`).

use lanyard_model::audit::Note;
use lanyard_model::change::{ChangeAct, ChangeSummary, ConsoleName};
use lanyard_model::zitadel::PolicyScope;
use lanyard_model::{Applied, Change, Label, Profile};

use super::audit::entry;
use crate::audit::AuditLog;
use crate::client::Client;
use crate::error::CoreError;

/// Creates the organization's own policy when `change` asks for it and the organization has
/// none; the step's audit entry is written whatever its outcome. `Err` stops the link.
pub(crate) async fn step(
    audit: &AuditLog,
    profile: &Profile,
    client: &Client,
    change: &Change,
) -> Result<(), CoreError> {
    let Change::ZitadelLink {
        scope: scope @ PolicyScope::Organization { .. },
        own_policy_first: true,
        labels,
        ..
    } = change
    else {
        return Ok(());
    };
    let z = client.zitadel()?;
    if !z.login_policy(scope).await?.is_default {
        return Ok(());
    }
    let summary = ChangeSummary {
        act: ChangeAct::ZitadelOwnPolicyThenLink,
        item: labels.item.clone(),
        target: labels.target.clone(),
    };
    let result = z
        .create_own_policy(scope)
        .await
        .map(|done| Applied {
            summary: summary.clone(),
            correlation_id: done.correlation_id,
            already: done.already,
            read_back: false,
            undo: None,
            audit_error: None,
        })
        .map_err(CoreError::from);
    let mut line = entry(profile, change, &result, None);
    line.operation = "create_login_policy".to_owned();
    if let Some(item) = line.targets.get_mut(1) {
        item.id = "login_policy".to_owned();
        item.name = Some(Label::Console {
            console: ConsoleName::OwnLoginPolicy,
        });
    }
    if result.is_ok() {
        line.message = Some(Note::DoneFor { change: summary }.into());
    }
    if let Err(err) = audit.append(&line) {
        tracing::error!(%err, "the audit log could not be written");
    }
    result.map(|_| ())
}

//! Hub's checks (API-NOTES-WARNINGS §10, §11):
//! - the auth module does not create users on first login (`allowedCreateNewUsers` or, for the
//!   built-in module, `registrationEnabled` off), or is disabled: its auto-join groups never
//!   apply (inferred from Hub's documentation: auto-join applies to accounts a module creates);
//! - the group has its own auto-join: every new account joins it anyway (documented meaning of
//!   `autoJoin`; the redundancy is inferred).

use lanyard_model::{Change, Source, Warning, WarningKind};
use lanyard_providers::hub::HubClient;

pub(super) async fn check(client: &HubClient, change: &Change) -> Vec<Warning> {
    let Change::HubAdd {
        module_id,
        group_id,
        labels,
    } = change
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match client.module_user_creation(module_id).await {
        Ok(module) => {
            let disabled = module.disabled == Some(true);
            if disabled || module.creates_users() == Some(false) {
                let why = if disabled {
                    "it is disabled, so nobody signs in through it"
                } else {
                    "it does not create Hub accounts on first sign-in (it only signs in people who already have one)"
                };
                out.push(Warning::new(
                    WarningKind::ModuleCreatesNoUsers,
                    Source::Inferred,
                    "API-NOTES-WARNINGS §10",
                    format!(
                        "Nobody will join {} through {}: {why}. Its auto-join groups apply only to accounts it creates.",
                        labels.item, labels.target
                    ),
                    if disabled {
                        "The module's disabled flag is on."
                    } else {
                        "allowedCreateNewUsers (registrationEnabled on the Hub module) is off; Hub adds new users to auto-join groups when it creates their account."
                    },
                ));
            }
        }
        Err(e) => out.push(Warning::could_not_check(
            "whether the auth module creates users on first sign-in",
            e,
        )),
    }
    match client.group_auto_join(group_id).await {
        Ok(group) if group.auto_join == Some(true) => {
            let domain = group
                .auto_join_domain
                .as_deref()
                .map(|d| format!(" (for e-mail addresses at {d})"))
                .unwrap_or_default();
            out.push(Warning::new(
                WarningKind::GroupAutoJoinsAlready,
                Source::Inferred,
                "API-NOTES-WARNINGS §11",
                format!(
                    "{} already adds every new account to itself{domain}, whichever module creates it: adding it here changes nothing for new users.",
                    labels.item
                ),
                "The group's own auto-join is on (Hub: \u{201c}any new user account is automatically added as a member to the group\u{201d}).",
            ));
        }
        Ok(_) => {}
        Err(e) => out.push(Warning::could_not_check(
            "whether the group already adds new users by itself",
            e,
        )),
    }
    out
}

//! Hub's checks (API-NOTES-WARNINGS §10, §11):
//! - the auth module does not create users on first login (`allowedCreateNewUsers` or, for the
//!   built-in module, `registrationEnabled` off), or is disabled: its auto-join groups never
//!   apply (inferred from Hub's documentation: auto-join applies to accounts a module creates);
//! - the group has its own auto-join: every new account joins it anyway (documented meaning of
//!   `autoJoin`; the redundancy is inferred).

use lanyard_model::{Change, Source, Unchecked, Warning, WarningText};
use lanyard_providers::hub::HubClient;

use super::shown;

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
                out.push(Warning::new(
                    WarningText::ModuleCreatesNoUsers {
                        group: labels.item.clone(),
                        module: labels.target.clone(),
                        disabled,
                    },
                    Source::Inferred,
                    "API-NOTES-WARNINGS §10",
                ));
            }
        }
        Err(e) => out.push(Warning::could_not_read(
            Unchecked::ModuleCreatesUsers,
            shown(e),
        )),
    }
    match client.group_auto_join(group_id).await {
        Ok(group) if group.auto_join == Some(true) => out.push(Warning::new(
            WarningText::GroupAutoJoinsAlready {
                group: labels.item.clone(),
                domain: group.auto_join_domain.clone(),
            },
            Source::Inferred,
            "API-NOTES-WARNINGS §11",
        )),
        Ok(_) => {}
        Err(e) => out.push(Warning::could_not_read(Unchecked::GroupAutoJoin, shown(e))),
    }
    out
}

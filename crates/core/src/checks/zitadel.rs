//! ZITADEL's checks (API-NOTES-WARNINGS §6–§8):
//! - the organization follows the instance's default login policy: ZITADEL refuses a link to it
//!   (404 `Org-Ffgw2`, the organization has no policy of its own); the preview offers both
//!   choices, each a change of its own: create the organization's own policy first (a copy of
//!   the default; the organization then stops following later changes to the default), or link
//!   the provider to the instance default instead. Without a choice the link is not sent
//!   ([`default_policy_refusal`]);
//! - the policy does not allow external identity providers: a linked provider shows no button
//!   and sign-in through it fails (§7, from ZITADEL's source);
//! - an unlink keeps users' links, but they cannot sign in with the provider until it is
//!   linked again (§8, ZITADEL PR #7079).

use lanyard_model::change::ConsoleName;
use lanyard_model::error::Unfit;
use lanyard_model::zitadel::{LoginPolicy, PolicyScope};
use lanyard_model::{ActionLabel, Change, Label, Labels, Source, Unchecked, Warning, WarningText};
use lanyard_providers::zitadel::ZitadelClient;

use super::{Checks, Facts, Kept, shown};

pub(super) async fn check(
    checks: &Checks,
    client: &ZitadelClient,
    change: &Change,
    facts: Facts,
) -> Vec<Warning> {
    match change {
        Change::ZitadelUnlink { labels, .. } => vec![unlink(labels)],
        Change::ZitadelLink {
            scope,
            labels,
            own_policy_first,
            ..
        } => {
            let policy = match facts.policy {
                Some(p) => p,
                None => match checks.policy(client, scope).await {
                    Ok(p) => p,
                    Err(e) => {
                        return vec![Warning::could_not_read(Unchecked::LoginPolicy, e)];
                    }
                },
            };
            link(change, scope, labels, *own_policy_first, &policy)
        }
        Change::ZitadelExternalIdps {
            allow: false,
            labels,
            ..
        } => vec![Warning::new(
            WarningText::ExternalIdpsTurnedOff {
                policy_of: labels.target.clone(),
            },
            Source::Documented,
            "API-NOTES-WARNINGS §7",
        )],
        _ => Vec::new(),
    }
}

impl Checks {
    async fn policy(&self, client: &ZitadelClient, scope: &PolicyScope) -> Kept<LoginPolicy> {
        let key = match scope {
            PolicyScope::Instance => "instance".to_owned(),
            PolicyScope::Organization { org_id } => org_id.to_string(),
        };
        let mut cache = self.cache.lock().await;
        if let Some(kept) = cache.policies.get(&key) {
            return kept.clone();
        }
        let kept = client.login_policy(scope).await.map_err(shown);
        cache.policies.insert(key, kept.clone());
        kept
    }
}

fn unlink(labels: &Labels) -> Warning {
    Warning::new(
        WarningText::UnlinkKeepsUserLinks {
            provider: labels.item.clone(),
        },
        Source::Documented,
        "API-NOTES-WARNINGS §8",
    )
}

fn link(
    change: &Change,
    scope: &PolicyScope,
    labels: &Labels,
    own_policy_first: bool,
    policy: &LoginPolicy,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let org_default = matches!(scope, PolicyScope::Organization { .. }) && policy.is_default;
    if org_default && own_policy_first {
        out.push(Warning::new(
            WarningText::OwnPolicyFirst {
                organization: labels.target.clone(),
            },
            Source::Documented,
            "API-NOTES-WARNINGS §6",
        ));
    } else if org_default {
        let mut own = change.clone();
        if let Change::ZitadelLink {
            own_policy_first, ..
        } = &mut own
        {
            *own_policy_first = true;
        }
        let mut instance = change.clone();
        if let Change::ZitadelLink { scope, labels, .. } = &mut instance {
            *scope = PolicyScope::Instance;
            labels.target = Label::Console {
                console: ConsoleName::TheInstance,
            };
        }
        out.push(
            Warning::new(
                WarningText::ChooseOwnPolicyOrDefault {
                    organization: labels.target.clone(),
                    provider: labels.item.clone(),
                },
                Source::Documented,
                "API-NOTES-WARNINGS §6",
            )
            .with_action(ActionLabel::OwnPolicyFirst, own)
            .with_action(ActionLabel::LinkToInstanceDefault, instance),
        );
    }
    if !policy.allow_external_idp {
        out.push(
            Warning::new(
                WarningText::ProviderWithoutButton {
                    policy_of: labels.target.clone(),
                    provider: labels.item.clone(),
                },
                Source::Documented,
                "API-NOTES-WARNINGS §7",
            )
            .with_action(
                ActionLabel::TurnOnExternalIdps,
                // An organization on the default has no policy of its own to change: the policy
                // in effect is the instance's.
                Change::ZitadelExternalIdps {
                    scope: if org_default {
                        PolicyScope::Instance
                    } else {
                        scope.clone()
                    },
                    allow: true,
                    labels: Labels {
                        target: if org_default {
                            Label::Console {
                                console: ConsoleName::TheInstance,
                            }
                        } else {
                            labels.target.clone()
                        },
                        item: Label::Console {
                            console: ConsoleName::ExternalIdps,
                        },
                    },
                },
            ),
        );
    }
    out
}

/// Why a link is not sent: the organization follows the instance default and the change
/// carries no choice. `None` when it may be sent.
pub(crate) fn default_policy_refusal(change: &Change, policy: &LoginPolicy) -> Option<Unfit> {
    match change {
        Change::ZitadelLink {
            scope: PolicyScope::Organization { .. },
            own_policy_first: false,
            labels,
            ..
        } if policy.is_default => Some(Unfit::LinkOnDefaultPolicy {
            target: labels.target.clone(),
        }),
        _ => None,
    }
}

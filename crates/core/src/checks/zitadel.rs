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

use lanyard_model::zitadel::{LoginPolicy, PolicyScope};
use lanyard_model::{Change, Labels, Source, Warning, WarningKind};
use lanyard_providers::zitadel::ZitadelClient;

use super::{Checks, Facts, Kept};

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
                        return vec![Warning::could_not_check(
                            "the login policy's settings (whether it is the instance default, whether it allows external identity providers)",
                            e,
                        )];
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
            WarningKind::ExternalIdpsNotAllowed,
            Source::Documented,
            "API-NOTES-WARNINGS §7",
            format!(
                "People who sign in through an identity provider on the login policy of {} will see no button for it, and sign-in through it fails.",
                labels.target
            ),
            "With allowExternalIdp off ZITADEL's login loads no provider (ZITADEL source, login handler).",
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
        let kept = client.login_policy(scope).await.map_err(|e| e.to_string());
        cache.policies.insert(key, kept.clone());
        kept
    }
}

fn unlink(labels: &Labels) -> Warning {
    Warning::new(
        WarningKind::UnlinkKeepsUserLinks,
        Source::Documented,
        "API-NOTES-WARNINGS §8",
        format!(
            "People who sign in with {} will not be able to until it is linked again: their accounts keep the link, so linking it again lets them in as before.",
            labels.item
        ),
        "ZITADEL keeps users' links when a provider leaves a login policy, and refuses sign-in through a provider the policy does not list (ZITADEL PR #7079).",
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
            WarningKind::OrganizationUsesDefaultPolicy,
            Source::Documented,
            "API-NOTES-WARNINGS §6",
            format!(
                "Lanyard will first give {} its own login policy, a copy of the instance default: from then on, later changes to the instance default (new providers included) no longer apply to it.",
                labels.target
            ),
            "The organization follows the instance default and has no policy of its own; an organization's own policy overrides the default (ZITADEL docs, zitadel #4552).",
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
            labels.target = "the instance".to_owned();
        }
        out.push(
            Warning::new(
                WarningKind::OrganizationUsesDefaultPolicy,
                Source::Documented,
                "API-NOTES-WARNINGS §6",
                format!(
                    "{} follows the instance's default login policy and has none of its own, so ZITADEL refuses this link. Choose: give the organization its own policy first (it then stops following later changes to the instance default), or link {} to the instance default instead (every organization that follows it gets it). Lanyard sends nothing until you choose.",
                    labels.target, labels.item
                ),
                "ZITADEL answers 404 Org-Ffgw2 \u{201c}Errors.Org.LoginPolicy.NotFound\u{201d} to a link on an organization without its own policy; its Console copies the default first (zitadel PR #7663).",
            )
            .with_action(
                "Create the organization's own login policy first, then link",
                own,
            )
            .with_action("Link to the instance's default policy instead", instance),
        );
    }
    if !policy.allow_external_idp {
        out.push(Warning::new(
            WarningKind::ExternalIdpsNotAllowed,
            Source::Documented,
            "API-NOTES-WARNINGS §7",
            format!(
                "The login policy of {} does not allow external identity providers: {} will show no button, and sign-in through it fails. People who only sign in through a provider cannot sign in at all.",
                labels.target, labels.item
            ),
            "allowExternalIdp is off: ZITADEL's login loads no provider and hides their buttons (ZITADEL source, login handler).",
        )
        .with_action(
            "Turn on external IdPs for this policy",
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
                        "the instance".to_owned()
                    } else {
                        labels.target.clone()
                    },
                    item: "external identity providers".to_owned(),
                },
            },
        ));
    }
    out
}

/// Why a link is not sent: the organization follows the instance default and the change
/// carries no choice. `None` when it may be sent.
pub(crate) fn default_policy_refusal(change: &Change, policy: &LoginPolicy) -> Option<String> {
    match change {
        Change::ZitadelLink {
            scope: PolicyScope::Organization { .. },
            own_policy_first: false,
            labels,
            ..
        } if policy.is_default => Some(format!(
            "{} follows the instance's default login policy and has none of its own, so the link was not sent. Preview it again and choose: create the organization's own policy first, or link to the instance default instead.",
            labels.target
        )),
        _ => None,
    }
}

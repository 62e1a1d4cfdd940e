//! What a change will do to people signing in, as a preview shows it before Apply: each warning
//! in an amber callout (a title, the help-desk message, a "Why" disclosure with the reason and
//! where the fact is written down, a badge "documented" or "inferred") with its fixes as
//! buttons; a check that could not be made as a muted note that blocks nothing; the ZITADEL
//! default-policy question as an explicit choice. The bulk plan shows the same warnings per row
//! and a count above its table.

use std::collections::BTreeMap;

use crate::i18n::kind_title;
use crate::i18n::{action_label, warning_message, warning_reason};
use crate::tr;
use lanyard_model::zitadel::PolicyScope;
use lanyard_model::{Change, Source, Warning, WarningAction, WarningKind};
use leptos::prelude::*;

/// A question the change cannot be applied without: an organization on the instance's default
/// login policy, with its two ways forward. Apply is not offered until one is chosen.
pub fn is_choice(w: &Warning) -> bool {
    w.kind == WarningKind::OrganizationUsesDefaultPolicy && w.actions.len() >= 2
}

/// Whether a plan with `warnings` waits for a choice before it can be applied.
pub fn needs_choice(warnings: &[Warning]) -> bool {
    warnings.iter().any(is_choice)
}

/// The warnings that say something about sign-in (not the checks that could not be made).
pub fn real_count(warnings: &[Warning]) -> usize {
    warnings.iter().filter(|w| !w.is_could_not_check()).count()
}

/// What a choice means, under its label.
fn choice_detail(change: &Change) -> String {
    match change {
        Change::ZitadelLink {
            own_policy_first: true,
            ..
        } => tr!("warn-choice-own-policy"),
        Change::ZitadelLink {
            scope: PolicyScope::Instance,
            ..
        } => tr!("warn-choice-instance"),
        _ => String::new(),
    }
}

fn source_badge(source: Source) -> impl IntoView {
    let (class, word, title) = match source {
        Source::Documented => (
            "badge badge-documented",
            tr!("warn-documented"),
            tr!("warn-documented-title"),
        ),
        Source::Inferred => (
            "badge badge-inferred",
            tr!("warn-inferred"),
            tr!("warn-inferred-title"),
        ),
    };
    view! { <span class=class title=title data-testid="warning-source">{word}</span> }
}

/// The preview's warnings. `on_action` gets the action chosen, and whether it answered the
/// default-policy question (rather than a fix to apply before coming back).
#[component]
pub fn PlanWarnings(
    warnings: Vec<Warning>,
    on_action: Callback<(WarningAction, bool)>,
) -> impl IntoView {
    if warnings.is_empty() {
        return ().into_any();
    }
    let (notes, real): (Vec<_>, Vec<_>) =
        warnings.into_iter().partition(Warning::is_could_not_check);
    let heading = (!real.is_empty()).then(|| {
        let n = real.len();
        view! {
            <h3 id="warnings-title" class="warnings-title">
                {tr!("warn-heading", n = n)}
            </h3>
        }
    });
    view! {
        <section class="warnings" aria-labelledby="warnings-title" data-testid="plan-warnings">
            {heading}
            {real.into_iter().enumerate().map(|(i, w)| warning_callout(i, w, on_action)).collect_view()}
            {notes.into_iter().map(could_not_check).collect_view()}
        </section>
    }
    .into_any()
}

fn warning_callout(
    i: usize,
    w: Warning,
    on_action: Callback<(WarningAction, bool)>,
) -> impl IntoView {
    let title_id = format!("warning-{i}-title");
    let labelled_by = title_id.clone();
    let choice = is_choice(&w);
    let actions = if choice {
        choice_fieldset(w.actions.clone(), on_action).into_any()
    } else if w.actions.is_empty() {
        ().into_any()
    } else {
        view! {
            <div class="warning-actions">
                {w.actions.clone().into_iter().map(|a| {
                    let label = action_label(a.label);
                    view! {
                        <button type="button" class="btn btn-small" data-action="warning-fix"
                            on:click=move |_| on_action.run((a.clone(), false))>{label}</button>
                    }
                }).collect_view()}
            </div>
        }
        .into_any()
    };
    view! {
        <div class="callout callout-warn" role="note" aria-labelledby=labelled_by
            data-testid="plan-warning" data-kind=kind_key(w.kind)>
            <div class="callout-head">
                <span class="callout-icon" aria-hidden="true">"!"</span>
                <h4 id=title_id>{kind_title(w.kind)}</h4>
                {source_badge(w.source)}
            </div>
            <p class="warning-message" data-testid="warning-message">{warning_message(&w)}</p>
            <details class="warning-why">
                <summary>{tr!("warn-why")}</summary>
                <p data-testid="warning-reason">{warning_reason(&w)}</p>
                {(!w.reference.is_empty()).then(|| view! { <p class="muted small">{tr!("warn-source", reference = w.reference.clone())}</p> })}
            </details>
            {actions}
        </div>
    }
}

/// The default-policy question as radio buttons (arrow keys move between them) and a button
/// that previews the chosen change; nothing is chosen at first.
fn choice_fieldset(
    actions: Vec<WarningAction>,
    on_action: Callback<(WarningAction, bool)>,
) -> impl IntoView {
    let chosen = RwSignal::new(None::<usize>);
    let actions = StoredValue::new(actions);
    view! {
        <fieldset class="choice" data-testid="policy-choice">
            <legend>{tr!("warn-choose-link")}</legend>
            {actions.get_value().into_iter().enumerate().map(|(j, a)| {
                let id = format!("policy-choice-{j}");
                let for_id = id.clone();
                view! {
                    <label class="choice-option" for=for_id>
                        <input type="radio" name="policy-choice" id=id value=j.to_string()
                            prop:checked=move || chosen.get() == Some(j)
                            on:change=move |_| chosen.set(Some(j)) />
                        <span>
                            <strong class="choice-label">{action_label(a.label)}</strong>
                            <span class="muted small choice-detail">{choice_detail(&a.change)}</span>
                        </span>
                    </label>
                }
            }).collect_view()}
            <button type="button" class="btn btn-primary" id="choice-preview" disabled=move || chosen.get().is_none()
                on:click=move |_| {
                    if let Some(a) = chosen.get_untracked().and_then(|j| actions.with_value(|all| all.get(j).cloned())) {
                        on_action.run((a, true));
                    }
                }>{tr!("warn-preview-choice")}</button>
        </fieldset>
    }
}

fn could_not_check(w: Warning) -> impl IntoView {
    view! {
        <div class="could-not-check muted small" role="note" data-testid="could-not-check">
            <span>{warning_message(&w)}</span>
            <details class="warning-why">
                <summary>{tr!("warn-why")}</summary>
                <p>{warning_reason(&w)}</p>
            </details>
        </div>
    }
}

/// The kind as the model serializes it, for tests and styles.
fn kind_key(kind: WarningKind) -> &'static str {
    match kind {
        WarningKind::ConnectionWithoutApplication => "connection_without_application",
        WarningKind::ConnectionWithoutOrganizationApplication => {
            "connection_without_organization_application"
        }
        WarningKind::NoVisibleConnection => "no_visible_connection",
        WarningKind::SignupRefused => "signup_refused",
        WarningKind::NoApplicationGranted => "no_application_granted",
        WarningKind::OrganizationUsesDefaultPolicy => "organization_uses_default_policy",
        WarningKind::ExternalIdpsNotAllowed => "external_idps_not_allowed",
        WarningKind::UnlinkKeepsUserLinks => "unlink_keeps_user_links",
        WarningKind::ModuleCreatesNoUsers => "module_creates_no_users",
        WarningKind::GroupAutoJoinsAlready => "group_auto_joins_already",
        WarningKind::CouldNotCheck => "could_not_check",
    }
}

/// The row's warnings in the bulk plan: a count that opens into the messages (and says them as
/// its tooltip); a muted note when only checks could not be made. Whether it is open is kept
/// by the page (`open`, `toggle`), since the run's table is drawn again at every poll.
pub fn item_warnings(warnings: &[Warning], open: Signal<bool>, toggle: Callback<()>) -> AnyView {
    let n = real_count(warnings);
    let unchecked = warnings.len() - n;
    if warnings.is_empty() {
        return view! { <span class="muted">"—"</span> }.into_any();
    }
    let tooltip = warnings
        .iter()
        .map(warning_message)
        .collect::<Vec<_>>()
        .join("\n\n");
    let summary = match (n, unchecked) {
        (0, u) => tr!("warn-not-checked", n = u),
        (n, _) => format!("⚠ {n}"),
    };
    let label = match (n, unchecked) {
        (0, u) => tr!("warn-checks-not-made", n = u),
        (n, 0) => tr!("warn-n-warnings", n = n),
        (n, u) => tr!("warn-n-warnings-unchecked", n = n, unchecked = u),
    };
    let class = if n == 0 {
        "item-warnings-toggle muted small"
    } else {
        "item-warnings-toggle item-warnings-count"
    };
    let list = StoredValue::new(warnings.to_vec());
    view! {
        <div class="item-warnings" data-testid="item-warnings" data-count=n.to_string()>
            <button type="button" class=class title=tooltip aria-label=label
                aria-expanded=move || open.get().to_string() on:click=move |_| toggle.run(())>{summary}</button>
            {move || open.get().then(|| view! {
                <ul class="plain item-warnings-list">
                    {list.get_value().into_iter().map(|w| {
                        let class = if w.is_could_not_check() { "muted small" } else { "item-warning" };
                        view! {
                            <li class=class>
                                <strong>{kind_title(w.kind)}</strong>" "{source_badge(w.source)}
                                <div>{warning_message(&w)}</div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
    .into_any()
}

/// "12 targets have warnings" and what they are, above the bulk plan's table; nothing when no
/// target has one.
pub fn plan_summary<'a>(items: impl IntoIterator<Item = &'a [Warning]>) -> Option<AnyView> {
    let (warned, unchecked, kinds) = summary_counts(items);
    if warned == 0 && unchecked == 0 {
        return None;
    }
    let head = match warned {
        0 => String::new(),
        n => tr!("warn-targets-warned", n = n),
    };
    let tail = match unchecked {
        0 => String::new(),
        n => tr!("warn-targets-unchecked", n = n),
    };
    let line = [head, tail]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let class = if warned == 0 {
        "callout plan-warnings muted"
    } else {
        "callout callout-warn plan-warnings"
    };
    Some(
        view! {
            <div class=class
                role="note" aria-labelledby="plan-warnings-title" data-testid="plan-warnings-summary">
                <div class="callout-head">
                    <span class="callout-icon" aria-hidden="true">"!"</span>
                    <h3 id="plan-warnings-title">{line}</h3>
                </div>
                <ul class="plain small">
                    {kinds.into_iter().map(|(title, n)| view! {
                        <li>{tr!("warn-kind-count", title = title, n = n)}</li>
                    }).collect_view()}
                </ul>
                <p class="muted small">{tr!("warn-summary-hint")}</p>
            </div>
        }
        .into_any(),
    )
}

/// How many items have a warning, how many only could not be checked, and each kind's count.
fn summary_counts<'a>(
    items: impl IntoIterator<Item = &'a [Warning]>,
) -> (usize, usize, BTreeMap<String, usize>) {
    let mut warned = 0;
    let mut unchecked = 0;
    let mut kinds = BTreeMap::new();
    for ws in items {
        if real_count(ws) > 0 {
            warned += 1;
        } else if !ws.is_empty() {
            unchecked += 1;
        }
        let mut seen = Vec::new();
        for w in ws.iter().filter(|w| !w.is_could_not_check()) {
            if !seen.contains(&w.kind) {
                seen.push(w.kind);
                *kinds.entry(kind_title(w.kind)).or_insert(0) += 1;
            }
        }
    }
    (warned, unchecked, kinds)
}

#[cfg(test)]
mod tests {
    use lanyard_model::{CheckCause, Unchecked, WarningText};

    use super::*;

    fn w(text: WarningText) -> Warning {
        Warning::new(text, Source::Documented, "§1")
    }

    fn without_app() -> Warning {
        w(WarningText::ConnectionWithoutApplication {
            connection: "github".into(),
        })
    }

    fn unchecked() -> Warning {
        Warning::could_not_check(Unchecked::LoginPolicy, CheckCause::ConnectionKindUnknown)
    }

    #[test]
    fn a_target_counts_once_and_could_not_check_alone_is_not_a_warning() {
        let items = [
            vec![without_app(), w(WarningText::NoApplicationGranted)],
            vec![without_app()],
            vec![unchecked()],
            vec![],
        ];
        let (warned, unchecked, kinds) = summary_counts(items.iter().map(Vec::as_slice));
        assert_eq!((warned, unchecked), (2, 1));
        assert_eq!(
            kinds.get(&kind_title(WarningKind::ConnectionWithoutApplication)),
            Some(&2)
        );
        assert_eq!(kinds.len(), 2);
    }

    #[test]
    fn only_the_default_policy_question_with_its_two_answers_holds_apply_back() {
        let plain = w(WarningText::OwnPolicyFirst {
            organization: "Globex".into(),
        });
        assert!(!needs_choice(std::slice::from_ref(&plain)));
        assert!(!needs_choice(&[unchecked()]));
        assert_eq!(
            kind_key(WarningKind::ExternalIdpsNotAllowed),
            "external_idps_not_allowed"
        );
    }
}

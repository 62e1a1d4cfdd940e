//! The diff table: each side's age and notes, the kinds with their counts as filters, the names
//! one side has that the other lacks, and rows to select for "Copy N to <right>" (only rows a
//! copy can make; the others say why).

use std::collections::BTreeSet;

use lanyard_model::compare::{DiffKind, DiffRow, RowKey, SideInfo, SideNote, SnapshotItem};
use leptos::prelude::*;

use super::Compared;
use crate::backend::compare::compare_copy;
use crate::context::use_ctx;
use crate::nav::Page;
use crate::time::ago;
use crate::tr;

const KINDS: [DiffKind; 4] = [
    DiffKind::OnlyLeft,
    DiffKind::OnlyRight,
    DiffKind::Different,
    DiffKind::Same,
];

fn slug(k: DiffKind) -> &'static str {
    match k {
        DiffKind::OnlyLeft => "only_left",
        DiffKind::OnlyRight => "only_right",
        DiffKind::Same => "same",
        DiffKind::Different => "different",
    }
}

fn copyable(r: &DiffRow) -> bool {
    r.kind != DiffKind::Same && r.not_copyable.is_none()
}

/// An item in words: its options (Auth0), or "wired".
fn item_words(item: Option<&SnapshotItem>) -> String {
    match item {
        None => "—".to_owned(),
        Some(SnapshotItem { options: None, .. }) => tr!("diff-yes"),
        Some(SnapshotItem {
            options: Some(o), ..
        }) => {
            let mut w = vec![if o.is_enabled {
                tr!("bulk-enabled")
            } else {
                tr!("bulk-disabled")
            }];
            for (on, word) in [
                (o.show_as_button, tr!("diff-button")),
                (o.assign_membership_on_login, tr!("diff-membership")),
                (o.is_signup_enabled, tr!("diff-signup")),
            ] {
                if on {
                    w.push(word);
                }
            }
            w.push(tr!(
                "diff-access",
                level = o.organization_access_level.as_str()
            ));
            if let Some(n) = &o.organization_connection_name {
                w.push(tr!("diff-as", name = n.clone()));
            }
            w.join(" · ")
        }
    }
}

fn side(which: &'static str, s: SideInfo) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="side" data-testid=format!("side-{which}")>
            <h3>{if which == "left" { tr!("diff-left-side", label = s.label.clone()) } else { tr!("diff-right-side", label = s.label.clone()) }}
                {s.production.then(|| view! { " "<span class="badge badge-prod">{tr!("env-production-badge")}</span> })}</h3>
            <p class="muted small">{format!("{}{}", tr!("diff-targets", n = s.targets), s.oldest_read_ms.map(|ms| format!(" · {}", tr!("diff-oldest-read", ago = ago(ms)))).unwrap_or_else(|| if s.profile_id.is_none() { format!(" · {}", tr!("diff-from-file")) } else { String::new() }))}</p>
            {(s.not_yet_read > 0).then(|| view! {
                <p class="notice small">{tr!("diff-not-read", n = s.not_yet_read)}" "
                    <button type="button" class="btn-link" on:click=move |_| ctx.page.set(Page::Inventory)>{tr!("diff-crawl")}</button></p>
            })}
            // Targets not read yet are said by the notice above, with its crawl button.
            {s.note.filter(|n| !matches!(n, SideNote::NotYetRead { .. })).map(|n| view! { <p class="muted small side-note">{crate::i18n::side_note(&n)}</p> })}
        </div>
    }
}

#[component]
pub(super) fn DiffTable(compared: Compared, on_planned: Callback<String>) -> impl IntoView {
    let ctx = use_ctx();
    let c = StoredValue::new(compared.clone());
    let a = compared.answer;
    let shown_kinds = RwSignal::new(BTreeSet::from([
        slug(DiffKind::OnlyLeft),
        slug(DiffKind::OnlyRight),
        slug(DiffKind::Different),
    ]));
    let picked = RwSignal::new(BTreeSet::<RowKey>::new());
    let busy = RwSignal::new(false);
    let rows = StoredValue::new(a.rows.clone());
    let counts = a.counts;
    let count_of = move |k: DiffKind| match k {
        DiffKind::OnlyLeft => counts.only_left,
        DiffKind::OnlyRight => counts.only_right,
        DiffKind::Same => counts.same,
        DiffKind::Different => counts.different,
    };
    let visible = move || -> Vec<DiffRow> {
        let kinds = shown_kinds.get();
        rows.get_value()
            .into_iter()
            .filter(|r| kinds.contains(slug(r.kind)))
            .collect()
    };
    let right_name = compared.right.display_name.clone();
    let copy = move || {
        let rows: Vec<RowKey> = picked.get_untracked().into_iter().collect();
        if rows.is_empty() {
            return;
        }
        let c = c.get_value();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let reply = compare_copy(&c.left, &c.right.id, c.name_contains.clone(), rows).await;
            busy.set(false);
            match reply {
                Ok(id) => on_planned.run(id),
                Err(err) => ctx.toasts.error(crate::i18n::error_with_problems(&err)),
            }
        });
    };
    let unmatched = [
        (
            "only-left-targets",
            tr!("diff-only-left-targets"),
            a.only_left_targets.clone(),
        ),
        (
            "only-right-targets",
            tr!("diff-only-right-targets"),
            a.only_right_targets.clone(),
        ),
        (
            "unknown-on-right",
            tr!("diff-unknown-on-right"),
            a.unknown_on_right.clone(),
        ),
    ];
    view! {
        <div class="card" data-testid="comparison">
            <div class="sides">{side("left", a.left)}{side("right", a.right)}</div>
            <div class="table-tools" role="group" aria-label=tr!("diff-show-kinds")>
                {KINDS.into_iter().map(|k| view! {
                    <label class="check" data-kind=slug(k)>
                        <input type="checkbox" id=format!("kind-{}", slug(k)) prop:checked=move || shown_kinds.with(|s| s.contains(slug(k)))
                            on:change=move |ev| { let on = event_target_checked(&ev); shown_kinds.update(|s| { if on { s.insert(slug(k)); } else { s.remove(slug(k)); } }); } />
                        " "{format!("{} ({})", crate::i18n::words::diff_kind(k), count_of(k))}
                    </label>
                }).collect_view()}
                <span class="topbar-spacer"></span>
                <button type="button" class="btn" id="diff-select-copyable" on:click=move |_| {
                    let keys: Vec<RowKey> = visible().iter().filter(|r| copyable(r)).map(DiffRow::key).collect();
                    picked.update(|p| p.extend(keys));
                }>{tr!("diff-select-copyable")}</button>
                <button type="button" class="btn" id="diff-select-none" on:click=move |_| picked.set(BTreeSet::new())>{tr!("diff-clear")}</button>
            </div>
            {unmatched.into_iter().filter(|(_, _, l)| !l.is_empty()).map(|(id, title, list)| view! {
                <details class="unmatched" data-testid=id><summary>{format!("{title}: {}", list.len())}</summary>
                    <p class="small">{list.join(", ")}</p></details>
            }).collect_view()}
            <div class="table-scroll">
                <table class="data" data-testid="diff-table">
                    <caption class="sr-only">{tr!("diff-caption")}</caption>
                    <thead><tr><th class="check" scope="col"><span class="sr-only">{tr!("diff-copy-col")}</span></th><th scope="col">{tr!("col-target")}</th><th scope="col">{tr!("col-item")}</th><th scope="col">{tr!("crawl-kind")}</th><th scope="col">{tr!("diff-left")}</th><th scope="col">{tr!("diff-right")}</th></tr></thead>
                    <tbody>
                        {move || visible().into_iter().map(|r| {
                            let key = r.key();
                            let key2 = key.clone();
                            let can = copyable(&r);
                            view! {
                                <tr data-kind=slug(r.kind) data-target=r.target.clone() data-item=r.item.clone()>
                                    <td class="check"><input type="checkbox" disabled=!can aria-label=tr!("diff-copy-one", item = r.item.clone(), target = r.target.clone())
                                        prop:checked=move || picked.with(|p| p.contains(&key))
                                        on:change=move |ev| { let on = event_target_checked(&ev); let k = key2.clone(); picked.update(|p| { if on { p.insert(k); } else { p.remove(&k); } }); } /></td>
                                    <td>{r.target.clone()}</td>
                                    <td>{r.item.clone()}</td>
                                    <td><span class=format!("badge kind-{}", slug(r.kind))>{crate::i18n::words::diff_kind(r.kind)}</span>
                                        {(!r.differs.is_empty()).then(|| view! { <div class="muted small">{tr!("diff-differs", what = r.differs.join(", "))}</div> })}
                                        {r.not_copyable.as_ref().map(|why| view! { <div class="muted small not-copyable">{tr!("diff-cannot-copy", why = crate::i18n::not_copyable(why))}</div> })}</td>
                                    <td class="small">{item_words(r.left.as_ref())}</td>
                                    <td class="small">{item_words(r.right.as_ref())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || visible().is_empty().then(|| view! { <p class="muted" id="diff-empty">{tr!("diff-empty")}</p> })}
            <div class="form-actions">
                <button type="button" class="btn btn-primary" id="diff-copy" disabled=move || busy.get() || picked.with(BTreeSet::is_empty) on:click=move |_| copy()>
                    {move || if busy.get() { tr!("bulk-planning") } else { tr!("diff-copy", n = picked.with(BTreeSet::len), name = right_name.clone()) }}
                </button>
            </div>
            <p class="muted small">{tr!("diff-copy-hint")}</p>
        </div>
    }
}

//! What a list resolved to: the targets found, the entries unknown (listed), the ambiguous ones
//! with their candidates to choose among, and the repeats collapsed; "Use these N".

use std::collections::BTreeMap;

use crate::tr;
use lanyard_model::bulk::BulkTarget;
use lanyard_model::bulk::list::ListResolution;
use leptos::prelude::*;

#[component]
pub(super) fn Resolution(
    answer: ListResolution,
    on_use: Callback<Vec<BulkTarget>>,
) -> impl IntoView {
    // The candidate chosen for each ambiguous entry, by its line.
    let chosen = RwSignal::new(BTreeMap::<usize, BulkTarget>::new());
    let resolved = StoredValue::new(answer.targets());
    let n_resolved = answer.resolved.len();
    let total = move || {
        let mut t = resolved.get_value();
        for c in chosen.get().into_values() {
            if !t.iter().any(|x| x.id == c.id) {
                t.push(c);
            }
        }
        t
    };
    let unknown = answer.unknown.clone();
    let duplicates = answer.duplicates.len();
    view! {
        <div class="card list-result" data-testid="list-result">
            <p id="list-resolved" role="status"><strong>{tr!("list-resolved", n = n_resolved)}</strong>
                {(duplicates > 0).then(|| format!(" · {}", tr!("list-repeats", n = duplicates)))}
                {(answer.blank > 0).then(|| format!(" · {}", tr!("list-blank", n = answer.blank)))}
            </p>
            {answer.live_note.as_ref().map(crate::i18n::list_note).map(|n| view! { <p class="muted small">{n}</p> })}
            {(!unknown.is_empty()).then(|| view! {
                <div class="notice" data-testid="list-unknown">
                    <strong>{tr!("list-unknown", n = unknown.len())}</strong>
                    <ul class="plain">{unknown.iter().map(|e| view! { <li>{tr!("list-line", line = e.line, text = e.text.clone())}</li> }).collect_view()}</ul>
                    <p class="muted small">{tr!("list-unknown-hint")}</p>
                </div>
            })}
            {(!answer.skipped.is_empty()).then(|| view! {
                <ul class="plain muted small">{answer.skipped.iter().map(|s| view! { <li>{tr!("list-skipped", line = s.line, reason = crate::i18n::skip_reason(&s.reason))}</li> }).collect_view()}</ul>
            })}
            {(!answer.ambiguous.is_empty()).then(|| view! {
                <div class="notice" data-testid="list-ambiguous">
                    <strong>{tr!("list-ambiguous")}</strong>
                    {answer.ambiguous.iter().map(|a| {
                        let line = a.entry.line;
                        let cands = StoredValue::new(a.candidates.clone());
                        view! {
                            <div class="form-row" data-line=line.to_string()>
                                <label for=format!("amb-{line}")>{tr!("list-line", line = line, text = a.entry.text.clone())}</label>
                                <select id=format!("amb-{line}") on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    let pick = cands.get_value().into_iter().find(|c| c.target.id == v).map(|c| c.target);
                                    chosen.update(|m| { match pick { Some(t) => { m.insert(line, t); } None => { m.remove(&line); } } });
                                }>
                                    <option value="">{tr!("list-leave-out")}</option>
                                    {a.candidates.iter().map(|c| view! {
                                        <option value=c.target.id.clone()>{format!("{}{} · {}", c.name, c.display_name.as_ref().map(|d| format!(" ({d})")).unwrap_or_default(), c.target.id)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        }
                    }).collect_view()}
                </div>
            })}
            <div class="form-actions">
                <button type="button" class="btn btn-primary" id="list-use" disabled=move || total().is_empty()
                    on:click=move |_| on_use.run(total())>{move || tr!("list-use", n = total().len())}</button>
            </div>
        </div>
    }
}

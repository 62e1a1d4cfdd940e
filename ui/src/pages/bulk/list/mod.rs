//! Targets from a list: names or ids pasted one per line, or a CSV file's column (picked by its
//! header or its position), resolved against the inventory (live where it lacks them). Unknown
//! entries are listed, ambiguous ones offer their candidates, repeats are collapsed and counted;
//! "Use these N" hands the targets to the form.

mod result;

use lanyard_model::bulk::BulkTarget;
use lanyard_model::bulk::list::{CsvColumn, ListInput, ListResolution, csv_preview};
use lanyard_model::inventory::PickerKind;
use leptos::prelude::*;

use super::file_text;
use crate::backend::compare::bulk_targets_from_list;
use crate::components::modal::Modal;
use crate::i18n::list_error;
use crate::tr;
use result::Resolution;

/// The "Paste a list" button and its dialog; `on_use` gets the targets picked.
#[component]
pub(in crate::pages) fn ListButton(
    #[prop(into)] profile_id: Signal<String>,
    kind: PickerKind,
    on_use: Callback<Vec<BulkTarget>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="btn" id="list-open" on:click=move |_| open.set(true)>{tr!("list-open")}</button>
        <Modal open=open on_close=Callback::new(move |_| open.set(false)) labelled_by="list-title" wide=true testid="list-dialog">
            <ListForm profile_id=profile_id.get_untracked() kind=kind
                on_use=Callback::new(move |t| { open.set(false); on_use.run(t); })
                on_cancel=Callback::new(move |_| open.set(false)) />
        </Modal>
    }
}

#[component]
fn ListForm(
    profile_id: String,
    kind: PickerKind,
    on_use: Callback<Vec<BulkTarget>>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let pid = StoredValue::new(profile_id);
    let csv = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let file_name = RwSignal::new(None::<String>);
    let header = RwSignal::new(true);
    let column = RwSignal::new("0".to_owned());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let answer = RwSignal::new(None::<ListResolution>);
    // The text field takes the keyboard when the dialog opens.
    let field = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(el) = field.get() {
            let _ = el.focus();
        }
    });
    // The CSV's columns, from its first row: header names, or "Column N".
    let columns = Memo::new(move |_| {
        if !csv.get() {
            return Ok(Vec::new());
        }
        let first = csv_preview(&text.get(), 1).map_err(|e| list_error(&e))?;
        let first = first.into_iter().next().unwrap_or_default();
        Ok::<_, String>(
            first
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    if header.get() && !f.trim().is_empty() {
                        format!("{} · {}", i + 1, f.trim())
                    } else {
                        tr!("list-column-n", n = i + 1)
                    }
                })
                .collect::<Vec<_>>(),
        )
    });
    let input = move || -> ListInput {
        let t = text.get_untracked();
        if csv.get_untracked() {
            let index = column.get_untracked().parse::<usize>().unwrap_or(0);
            let first = csv_preview(&t, 1)
                .ok()
                .and_then(|r| r.into_iter().next())
                .unwrap_or_default();
            let col = match first.get(index) {
                Some(name) if header.get_untracked() && !name.trim().is_empty() => {
                    CsvColumn::Header(name.trim().to_owned())
                }
                _ => CsvColumn::Index(index),
            };
            ListInput::Csv {
                text: t,
                header: header.get_untracked(),
                column: col,
            }
        } else {
            ListInput::Lines { text: t }
        }
    };
    let resolve = move || {
        let input = input();
        if let Err(err) = input.parse() {
            error.set(Some(list_error(&err)));
            return;
        }
        error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let reply = bulk_targets_from_list(&pid.get_value(), kind, input).await;
            busy.set(false);
            match reply {
                Ok(r) => answer.set(Some(r)),
                Err(err) => error.set(Some(match err.field_errors() {
                    Some(f) if !f.get("list").is_empty() => {
                        crate::i18n::field_problems(f.get("list")).join(" ")
                    }
                    _ => crate::i18n::error_text(&err),
                })),
            }
        });
    };
    let load_file = move |got: Option<Result<(String, String), String>>| match got {
        Some(Ok((name, t))) => {
            csv.set(name.to_lowercase().ends_with(".csv") || csv.get_untracked());
            file_name.set(Some(name));
            text.set(t);
            answer.set(None);
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    };
    view! {
        <h2 id="list-title">{tr!("list-title")}</h2>
        <p class="muted">{tr!("list-hint")}</p>
        <div class="radio-row" role="radiogroup" aria-label=tr!("list-format")>
            <label class="radio"><input type="radio" name="list-format" id="list-lines" prop:checked=move || !csv.get() on:change=move |_| csv.set(false) />" "{tr!("list-lines")}</label>
            <label class="radio"><input type="radio" name="list-format" id="list-csv" prop:checked=move || csv.get() on:change=move |_| csv.set(true) />" CSV"</label>
            <label class="btn btn-small file-button">{tr!("left-open-file")}
                <input type="file" id="list-file" class="sr-only" accept=".csv,.txt,text/csv,text/plain"
                    on:change=move |ev| leptos::task::spawn_local(async move { load_file(file_text::from_input(&ev).await) }) />
            </label>
            {move || file_name.get().map(|n| view! { <span class="muted small">{n}</span> })}
        </div>
        <div class="field">
            <label for="list-text">{move || if csv.get() { tr!("list-csv-text") } else { tr!("list-lines-text") }}</label>
            <textarea node_ref=field id="list-text" rows="8" class="mono" aria-describedby="list-error"
                prop:value=move || text.get()
                on:input=move |ev| { text.set(event_target_value(&ev)); answer.set(None); }
                on:dragover=|ev| ev.prevent_default()
                on:drop=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); leptos::task::spawn_local(async move { load_file(file_text::from_drop(&ev).await) }) }></textarea>
        </div>
        {move || csv.get().then(|| view! {
            <div class="form-row">
                <label class="check"><input type="checkbox" id="list-header" prop:checked=move || header.get() on:change=move |ev| { header.set(event_target_checked(&ev)); answer.set(None); } />" "{tr!("list-header")}</label>
                <label for="list-column">{tr!("list-column")}</label>
                <select id="list-column" on:change=move |ev| { column.set(event_target_value(&ev)); answer.set(None); }>
                    {move || match columns.get() {
                        Ok(cols) if !cols.is_empty() => cols.into_iter().enumerate().map(|(i, c)| view! {
                            <option value=i.to_string() selected=move || column.get() == i.to_string()>{c}</option>
                        }).collect_view().into_any(),
                        _ => view! { <option value="0">{tr!("list-column-n", n = 1)}</option> }.into_any(),
                    }}
                </select>
            </div>
        })}
        <div id="list-error" aria-live="polite">
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
        {move || answer.get().map(|r| view! { <Resolution answer=r on_use=on_use /> })}
        <div class="form-actions">
            <button type="button" class="btn" id="list-cancel" on:click=move |_| on_cancel.run(())>{tr!("action-cancel")}</button>
            <button type="button" class="btn btn-primary" id="list-resolve" disabled=move || busy.get() || text.with(|t| t.trim().is_empty())
                on:click=move |_| resolve()>{move || if busy.get() { tr!("list-resolving") } else { tr!("list-resolve") }}</button>
        </div>
    }
}

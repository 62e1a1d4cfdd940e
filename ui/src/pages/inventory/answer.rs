//! The answer to a question: its counts (and how much of the inventory it cannot speak for),
//! the rows, CSV and JSON export, and "Use these N as bulk targets".
//!
//! An answer can hold every organization of a tenant, so the page never holds it whole: the
//! question comes with its first page of rows, the table draws only the rows on screen, and the
//! pages those rows need are read from the inventory as they scroll into view (at most
//! [`PAGES_KEPT`] pages are kept). The export and the hand-over to the Bulk page read the whole
//! answer in Rust.

use lanyard_model::audit::ExportFormat;
use lanyard_model::bulk::{BulkTarget, MAX_TARGETS};
use lanyard_model::inventory::{INVENTORY_PAGE_MAX, InventoryAnswer, InventoryRow};
use lanyard_model::profile::Product;
use leptos::prelude::*;

use super::asked::Asked;
use super::targets_noun;
use crate::backend;
use crate::components::download::save;
use crate::components::paged_rows::PagedRows;
use crate::components::windowed_table::{WindowedTable, aria_row};
use crate::context::handoff::Handoff;
use crate::context::use_ctx;
use crate::nav::Page;
use crate::time::{age_words, ago, clock, now_ms};
use crate::tr;

/// Rows asked for at a time (the first page comes with the answer).
pub(super) const ANSWER_PAGE: u32 = 200;

/// Pages held at most; those farthest from the rows on screen go first.
const PAGES_KEPT: usize = 12;

/// "37 organizations · 120 not read yet, so the answer may be incomplete".
pub(super) fn counts_words(product: Product, a: &InventoryAnswer, now_ms: i64) -> String {
    let n = a.matching;
    let found = tr!("answer-found", n = n, noun = targets_noun(product, n));
    if a.known == 0 {
        return tr!(
            "answer-none-known",
            found = found,
            noun = targets_noun(product, 2)
        );
    }
    if a.not_yet_read > 0 {
        return tr!("answer-not-yet-read", found = found, n = a.not_yet_read);
    }
    match a.oldest_read_ms {
        Some(t) => tr!(
            "answer-all-read-oldest",
            found = found,
            n = a.known,
            age = age_words(t, now_ms)
        ),
        None => tr!("answer-all-read", found = found, n = a.known),
    }
}

/// A row as the Bulk page's target: an organization or an auth module by the name it shows.
fn target(row: &InventoryRow) -> BulkTarget {
    BulkTarget {
        id: row.id.clone(),
        name: row
            .display_name
            .clone()
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| row.name.clone()),
        owner_type: None,
    }
}

/// Why the rows cannot be bulk targets, if they cannot.
fn handoff_refusal(product: Product, rows: usize) -> Option<String> {
    if product == Product::Zitadel {
        return Some(tr!("answer-refusal-zitadel"));
    }
    if rows == 0 {
        return Some(tr!("answer-refusal-nothing"));
    }
    if rows > MAX_TARGETS {
        return Some(tr!("answer-refusal-too-many", max = MAX_TARGETS));
    }
    None
}

#[component]
pub(super) fn Answer(
    product: Product,
    profile_id: String,
    asked: Asked,
    answer: InventoryAnswer,
) -> impl IntoView {
    let ctx = use_ctx();
    let n = usize::try_from(answer.matching).unwrap_or(usize::MAX);
    let asked = StoredValue::new(asked);
    let pid = StoredValue::new(profile_id);
    let pages = PagedRows::<InventoryRow>::new(ANSWER_PAGE as usize, PAGES_KEPT);
    let counts = counts_words(product, &answer, now_ms());
    pages.start(answer.rows);
    // Reads page `p` of the answer into `pages`.
    let fetch = move |p: usize| {
        let size = pages.size();
        leptos::task::spawn_local(async move {
            let question = asked.get_value().question;
            let offset = (p * size) as u64;
            match backend::inventory_ask(&pid.get_value(), &question, offset, ANSWER_PAGE).await {
                Ok(page) => pages.put(p, page.rows),
                Err(err) => {
                    pages.failed(p);
                    ctx.toasts.error(crate::i18n::error_text(&err));
                }
            }
        });
        true
    };
    let on_window = Callback::new(move |rows: std::ops::Range<usize>| pages.show(rows, fetch));
    let export = move |format: ExportFormat| {
        leptos::task::spawn_local(async move {
            let question = asked.get_value().question;
            match backend::inventory_export(&pid.get_value(), &question, format).await {
                Ok(text) => {
                    let name = format!(
                        "lanyard-inventory-{}.{}",
                        product.slug(),
                        format.extension()
                    );
                    save(ctx.toasts, &name, &text, format.mime()).await;
                }
                Err(err) => ctx.toasts.error(tr!(
                    "answer-export-failed",
                    cause = crate::i18n::error_text(&err)
                )),
            }
        });
    };
    // The Bulk page takes every row: they are read whole (at most MAX_TARGETS, as the refusal
    // says) when the button is pressed.
    let hand_over = move |_| {
        leptos::task::spawn_local(async move {
            let a = asked.get_value();
            let profile_id = pid.get_value();
            match backend::inventory_ask(&profile_id, &a.question, 0, INVENTORY_PAGE_MAX).await {
                Ok(all) => {
                    ctx.bulk_handoff.set(Some(Handoff {
                        product,
                        profile_id,
                        targets: all.rows.iter().map(target).collect(),
                        question: a.words,
                        preset: a.preset,
                    }));
                    ctx.bulk_product.set(product);
                    ctx.page.set(Page::Bulk);
                }
                Err(err) => ctx.toasts.error(crate::i18n::error_text(&err)),
            }
        });
    };
    let refusal = handoff_refusal(product, n);
    view! {
        <div class="card" data-testid="answer-card">
            <h2 id="answer-question">{tr!("answer-title", question = asked.get_value().words)}</h2>
            <p class="answer-counts" id="answer-counts" role="status">{counts}</p>
            <div class="table-tools">
                <button type="button" class="btn" id="inventory-export-csv" on:click=move |_| export(ExportFormat::Csv)>{tr!("export-csv")}</button>
                <button type="button" class="btn" id="inventory-export-json" on:click=move |_| export(ExportFormat::Json)>{tr!("export-json")}</button>
                <span class="topbar-spacer"></span>
                {if product == Product::Zitadel || n == 0 {
                    ().into_any()
                } else {
                    view! {
                        <button type="button" class="btn btn-primary" id="use-as-targets" disabled=refusal.is_some()
                            title=refusal.clone().unwrap_or_default() on:click=hand_over>
                            {tr!("answer-use-as-targets", n = n)}
                        </button>
                    }.into_any()
                }}
            </div>
            {refusal.filter(|_| n > 0).map(|r| view! { <p class="muted small" id="handoff-refusal">{r}</p> })}
            {(n > 0).then(move || view! {
                <WindowedTable testid="inventory-answer" label=tr!("answer-table") head=vec![tr!("col-name"), tr!("answer-display-name"), tr!("answer-detail"), tr!("answer-read")]
                    count=Signal::stored(n) on_window=on_window
                    row=move |i| pages.with_row(i, |r| answer_row(i, r).into_any()).unwrap_or_else(|| view! {
                        <tr aria-rowindex=aria_row(i)><td colspan="4" class="muted">{tr!("profiles-loading")}</td></tr>
                    }.into_any()) />
            })}
        </div>
    }
}

/// Row `i` of the answer's table.
fn answer_row(i: usize, r: &InventoryRow) -> impl IntoView + use<> {
    view! {
        <tr aria-rowindex=aria_row(i) data-target=r.id.clone()>
            <td title=r.name.clone()>{r.name.clone()}<div class="muted small mono">{r.id.clone()}</div></td>
            <td>{r.display_name.clone().unwrap_or_default()}</td>
            <td class="small" title=r.detail.clone().unwrap_or_default()>{r.detail.clone().unwrap_or_default()}</td>
            <td title=r.read_at_ms.map(clock).unwrap_or_default()>{r.read_at_ms.map_or_else(|| tr!("answer-not-read"), ago)}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(rows: usize, known: u64, not_yet_read: u64) -> InventoryAnswer {
        let row = InventoryRow {
            id: "org_1".to_owned(),
            name: "acme".to_owned(),
            display_name: None,
            detail: None,
            read_at_ms: Some(0),
        };
        InventoryAnswer {
            rows: vec![row; rows],
            offset: 0,
            matching: rows as u64,
            known,
            not_yet_read,
            oldest_read_ms: Some(0),
        }
    }

    #[test]
    fn counts_say_how_much_the_answer_cannot_speak_for() {
        assert_eq!(
            counts_words(Product::Auth0, &answer(37, 10_000, 120), 0),
            "37 organizations · 120 not read yet, so the answer may be incomplete"
        );
        assert_eq!(
            counts_words(Product::Auth0, &answer(0, 30, 0), 12 * 60_000),
            "0 organizations · all 30 read, the oldest 12 min ago"
        );
        assert_eq!(
            counts_words(Product::Hub, &answer(1, 0, 0), 0),
            "1 auth module · the inventory holds no auth modules yet: start reading above"
        );
    }

    #[test]
    fn zitadel_policies_too_many_or_none_are_not_handed_over() {
        assert!(handoff_refusal(Product::Zitadel, 3).is_some());
        assert!(handoff_refusal(Product::Auth0, 0).is_some());
        assert!(handoff_refusal(Product::Auth0, MAX_TARGETS + 1).is_some());
        assert_eq!(handoff_refusal(Product::Hub, 12), None);
    }
}

//! Compare: the left side (a profile, or a snapshot file picked, dropped or pasted) against a
//! right-hand profile of the same product, matched by name; the diff table with its kinds and
//! counts; "Copy N to <right>" plans a bulk run on the right-hand profile, reviewed (with the
//! typed host name on production) before it starts. A profile's snapshot can be exported here.

mod left;
mod table;

use lanyard_model::CommandError;
use lanyard_model::Profile;
use lanyard_model::compare::{CompareLeft, Comparison};
use leptos::prelude::*;

use super::groups::PlanByTarget;
use super::run::RunPanel;
use super::share::RateShareControl;
use crate::backend::compare::{compare_profiles, snapshot_export};
use crate::components::download::download;
use crate::context::use_ctx;
use crate::nav::Page;
use crate::tr;
use left::{LeftChoice, LeftSide};
use table::DiffTable;

/// What was compared: the request (to copy with) and the answer.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Compared {
    pub left: CompareLeft,
    pub right: Profile,
    pub name_contains: Option<String>,
    pub answer: Comparison,
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let ctx = use_ctx();
    let run = RwSignal::new(None::<String>);
    let right_id = RwSignal::new(String::new());
    let right = move || {
        let all = ctx.profiles();
        let id = right_id.get();
        all.iter()
            .find(|p| p.id == id)
            .cloned()
            .or_else(|| all.into_iter().next())
    };
    let left = LeftChoice::new();
    let name = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<CommandError>);
    let compared = RwSignal::new(None::<Compared>);
    let name_contains =
        move || Some(name.get_untracked().trim().to_owned()).filter(|n| !n.is_empty());
    let compare = move || {
        let Some(right) = right() else { return };
        let Some(l) = left.request(&right) else {
            return;
        };
        let filter = name_contains();
        busy.set(true);
        error.set(None);
        compared.set(None);
        leptos::task::spawn_local(async move {
            let reply = compare_profiles(&l, &right.id, filter.clone()).await;
            busy.set(false);
            match reply {
                Ok(answer) => compared.set(Some(Compared {
                    left: l,
                    right,
                    name_contains: filter,
                    answer,
                })),
                Err(err) => {
                    compared.set(None);
                    left.show_error(&err);
                    error.set(Some(err));
                }
            }
        });
    };
    let export = move |profile: Profile| {
        let filter = name_contains();
        leptos::task::spawn_local(async move {
            match snapshot_export(&profile.id, filter).await {
                Ok(text) => {
                    let file = format!("lanyard-snapshot-{}.json", profile.id);
                    match download(&file, &text, "application/json").await {
                        Ok(saved) if saved.saved => ctx.toasts.success(tr!(
                            "compare-snapshot-saved",
                            name = profile.display_name.clone(),
                            file = saved.file_name.clone(),
                            folder = saved.folder.clone()
                        )),
                        Ok(failed) => ctx
                            .toasts
                            .error(crate::i18n::words::download_outcome(&failed)),
                        Err(err) => ctx
                            .toasts
                            .error(tr!("compare-snapshot-not-saved", cause = err)),
                    }
                }
                Err(err) => ctx.toasts.error(crate::i18n::error_text(&err)),
            }
        });
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            {crate::pages::header(Page::Compare)}
            {move || match run.get() {
                Some(id) => view! {
                    <RateShareControl run_id=id.clone() />
                    <PlanByTarget run_id=id.clone() />
                    <RunPanel run_id=id on_close=Callback::new(move |_| run.set(None)) on_open=Callback::new(move |id| run.set(Some(id))) back_label=tr!("compare-back") />
                }.into_any(),
                None => view! {
                    <form class="card compare-sides" novalidate=true on:submit=move |ev| { ev.prevent_default(); compare(); } data-testid="compare-form">
                        <div class="form-row">
                            <div class="field">
                                <label for="compare-right">{tr!("compare-right")}</label>
                                <select id="compare-right" on:change=move |ev| { right_id.set(event_target_value(&ev)); compared.set(None); }>
                                    {move || {
                                        let current = right().map(|p| p.id).unwrap_or_default();
                                        ctx.profiles().into_iter().map(|p| {
                                            let sel = p.id == current;
                                            view! { <option value=p.id.clone() selected=sel>{format!("{} ({}, {})", p.display_name, p.product.label(), crate::i18n::words::environment(p.environment))}</option> }
                                        }).collect_view()
                                    }}
                                </select>
                            </div>
                            <div class="field">
                                <label for="compare-name">{tr!("compare-names")}</label>
                                <input type="search" id="compare-name" placeholder=tr!("compare-all-targets") prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                            </div>
                        </div>
                        {move || right().map(|r| view! { <LeftSide choice=left right=r /> })}
                        {move || error.get().filter(|e| e.field_errors().is_none_or(|f| f.get("snapshot").is_empty())).map(|e| view! {
                            <div class="error" role="alert">
                                <p id="compare-error">{crate::i18n::error_text(&e)}</p>
                                {e.to_string().contains("Inventory page").then(|| view! {
                                    <button type="button" class="btn btn-small" id="compare-open-inventory" on:click=move |_| ctx.page.set(Page::Inventory)>{tr!("compare-open-inventory")}</button>
                                })}
                            </div>
                        })}
                        <div class="form-actions">
                            {move || right().map(|r| {
                                let label = tr!("compare-export-snapshot", name = r.display_name.clone());
                                view! { <button type="button" class="btn" id="snapshot-export" on:click=move |_| export(r.clone())>{label}</button> }
                            })}
                            <button type="submit" class="btn btn-primary" id="compare-run" disabled=move || busy.get()>
                                {move || if busy.get() { tr!("compare-comparing") } else { tr!("page-compare") }}
                            </button>
                        </div>
                    </form>
                    {move || compared.get().map(|c| view! { <DiffTable compared=c on_planned=Callback::new(move |id| run.set(Some(id))) /> })}
                }.into_any(),
            }}
        </section>
    }
}

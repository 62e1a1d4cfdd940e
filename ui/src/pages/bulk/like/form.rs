//! The make-like form: the source (a searchable picker answering from the inventory), the
//! targets (a filterable table, or a pasted list), "also remove what the source does not
//! have", and where the plan reads each side.

use std::collections::BTreeSet;

use lanyard_model::CommandError;
use lanyard_model::bulk::BulkTarget;
use lanyard_model::compare::{INSTANCE_POLICY_ID, MakeLike};
use lanyard_model::profile::Product;
use leptos::prelude::*;

use super::super::plan_source::plan_source_control;
use super::super::target_table::{Row, TargetTable, TargetTools, ToolIds};
use super::targets::{items_noun, list_kind, noun, target_rows};
use crate::backend::compare::make_like_plan;
use crate::components::inventory_search::{LabelBy, item_option, use_inventory_search};
use crate::components::picker::{Picker, PickerOption, pick_required};
use crate::load::use_load;
use crate::tr;

const TOOL_IDS: ToolIds = ToolIds {
    filter: "like-filter",
    select_matching: "like-select-matching",
    select_none: "like-select-none",
    count: "like-selected-count",
};

#[component]
pub(super) fn LikeForm(
    product: Product,
    profile_id: String,
    on_planned: Callback<String>,
) -> impl IntoView {
    let pid = StoredValue::new(profile_id);
    let rows = use_load(move || {
        let profile_id = pid.get_value();
        async move { target_rows(product, &profile_id).await }
    });
    // Targets a list named that the table does not show (not listed yet).
    let extra = RwSignal::new(Vec::<Row>::new());
    let all_rows = move || {
        let mut all = rows.value().unwrap_or_default();
        for r in extra.get() {
            if !all.iter().any(|a| a.target.id == r.target.id) {
                all.push(r);
            }
        }
        all
    };
    let query = RwSignal::new(String::new());
    let source = RwSignal::new(None::<PickerOption<String>>);
    let search = use_inventory_search(
        pid.get_value(),
        list_kind(product),
        query,
        |item| item_option(item, LabelBy::DisplayName, |id| Some(id.to_owned())),
        move |text: String| {
            let all = rows.value().unwrap_or_default();
            async move {
                let t = text.to_lowercase();
                Ok(all
                    .into_iter()
                    .filter(|r| r.matches(&t))
                    .take(50)
                    .map(|r| PickerOption {
                        value: r.target.id.clone(),
                        label: r.target.name.clone(),
                        detail: r.detail,
                        disabled: false,
                    })
                    .collect())
            }
        },
    );
    // The ZITADEL instance's policy is no organization, so the inventory's organizations do not
    // offer it: it is offered first whenever its name matches.
    let options = Signal::derive(move || {
        let mut found = search.options().get();
        let t = query.get().to_lowercase();
        if product == Product::Zitadel
            && tr!("like-instance-default")
                .to_lowercase()
                .contains(t.trim())
            && !found.iter().any(|o| o.value == INSTANCE_POLICY_ID)
        {
            found.insert(
                0,
                PickerOption {
                    value: INSTANCE_POLICY_ID.to_owned(),
                    label: tr!("like-instance-default"),
                    detail: tr!("like-instance-policy"),
                    disabled: false,
                },
            );
        }
        found
    });
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let filter = RwSignal::new(String::new());
    let remove_extra = RwSignal::new(false);
    let plan_source = plan_source_control();
    let submitted = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<CommandError>);
    let source_id = move || source.with(|s| s.as_ref().map(|s| s.value.clone()));
    let matching = Memo::new(move |_| -> Vec<Row> {
        let f = filter.get().to_lowercase();
        let src = source_id();
        all_rows()
            .into_iter()
            .filter(|r| Some(&r.target.id) != src.as_ref())
            .filter(|r| r.matches(&f))
            .collect()
    });
    let targets = move || -> Vec<BulkTarget> {
        let chosen = selected.get();
        let src = source_id();
        all_rows()
            .into_iter()
            .filter(|r| chosen.contains(&r.target.id) && Some(&r.target.id) != src.as_ref())
            .map(|r| r.target)
            .collect()
    };
    let source_errors = pick_required(submitted.into(), source, tr!("like-pick-source"));
    let target_errors = Signal::derive(move || {
        if submitted.get() && targets().is_empty() {
            vec![tr!("like-tick-one", noun = noun(product, false))]
        } else {
            Vec::new()
        }
    });
    let on_list = Callback::new(move |list: Vec<BulkTarget>| {
        extra.update(|e| {
            e.extend(list.iter().map(|t| Row {
                detail: t.id.clone(),
                target: t.clone(),
            }))
        });
        selected.update(|s| s.extend(list.into_iter().map(|t| t.id)));
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Some(src) = source.get_untracked() else {
            return;
        };
        let Ok(plan_source) = plan_source.source.get_untracked() else {
            return;
        };
        let t = targets();
        if t.is_empty() {
            return;
        }
        let request = MakeLike {
            source: BulkTarget {
                id: src.value.clone(),
                name: src.label.clone(),
                owner_type: None,
            },
            targets: t,
            remove_extra: remove_extra.get_untracked(),
            plan_source,
        };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let reply = make_like_plan(&pid.get_value(), &request).await;
            busy.set(false);
            match reply {
                Ok(id) => on_planned.run(id),
                Err(err) => error.set(Some(err)),
            }
        });
    };
    view! {
        <form class="bulk-form" on:submit=submit novalidate=true aria-label=tr!("page-make-like") data-testid="like-form">
            <div class="card">
                <h2>{tr!("like-step-source", noun = noun(product, false))}</h2>
                <p class="muted">{tr!("like-source-hint", items = items_noun(product))}</p>
                <Picker id="like-source" label=tr!("like-source") placeholder=tr!("search-by-name")
                    options=options loading=search.searching() search_problem=search.problem() source=search.note()
                    on_open=Callback::new(move |_| search.refresh()) query=query selected=source errors=source_errors
                    empty_text=tr!("picker-nothing-matches") />
            </div>
            <div class="card">
                <h2>{tr!("like-step-targets", noun = noun(product, true))}</h2>
                <TargetTools ids=TOOL_IDS many=noun(product, true) filter=filter selected=selected
                    matching=matching.into() count=Signal::derive(move || targets().len()) errors=target_errors
                    profile_id=pid.get_value() list_kind=list_kind(product) on_list=on_list />
                {rows.view(noun(product, true), move |_| {
                    view! { <TargetTable matching=matching.into() selected=selected testid="like-targets" /> }.into_any()
                })}
            </div>
            <div class="card">
                <h2>{tr!("bulk-step-plan")}</h2>
                <label class="check" for="like-remove-extra">
                    <input type="checkbox" id="like-remove-extra" aria-describedby="like-remove-extra-help"
                        prop:checked=move || remove_extra.get() on:change=move |ev| remove_extra.set(event_target_checked(&ev)) />
                    " "{tr!("like-remove-extra", items = items_noun(product))}
                </label>
                <p id="like-remove-extra-help" class=move || if remove_extra.get() { "notice small" } else { "muted small" }>
                    {tr!("like-remove-extra-help", items = items_noun(product))}
                </p>
                {plan_source.fields}
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert" id="like-error">{crate::i18n::error_with_problems(&e)}</p> })}
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" id="like-plan" disabled=move || busy.get()>
                    {move || if busy.get() { tr!("bulk-planning") } else { tr!("like-plan", n = targets().len()) }}
                </button>
            </div>
        </form>
    }
}

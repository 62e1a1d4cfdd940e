//! The form for a new run: the change, then the targets ticked in a filterable table (or those
//! an inventory answer handed over, all ticked), then where the plan reads their state.

use std::collections::BTreeSet;

use lanyard_model::CommandError;
use lanyard_model::bulk::BulkTarget;
use lanyard_model::profile::Product;
use leptos::prelude::*;

use super::op_form::op_form;
use super::plan_source::plan_source_control;
use super::target_table::{Row, TargetTable, TargetTools, ToolIds};
use crate::backend;
use crate::context::handoff::{Handoff, Preset};
use crate::context::use_ctx;
use crate::load::use_load;
use crate::tr;

const TOOL_IDS: ToolIds = ToolIds {
    filter: "bulk-filter",
    select_matching: "select-matching",
    select_none: "select-none",
    count: "selected-count",
};

/// The form for a new run: the change, then the targets.
#[component]
pub(super) fn NewRun(
    product: Product,
    profile_id: String,
    on_planned: Callback<String>,
    /// Targets handed over by an inventory answer: the table lists them, all ticked.
    #[prop(optional)]
    handoff: Option<Handoff>,
) -> impl IntoView {
    let ctx = use_ctx();
    let pid = StoredValue::new(profile_id);
    let handed: Option<Vec<Row>> = handoff.as_ref().map(|h| {
        h.targets
            .iter()
            .map(|t| Row {
                detail: t.id.clone(),
                target: t.clone(),
            })
            .collect()
    });
    let selected = RwSignal::new(
        handed
            .iter()
            .flatten()
            .map(|r| r.target.id.clone())
            .collect::<BTreeSet<String>>(),
    );
    let handed = StoredValue::new(handed);
    let preset = handoff
        .as_ref()
        .map_or(Preset::Nothing, |h| h.preset.clone());
    let source = plan_source_control();
    let filter = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<CommandError>);
    let submitted = RwSignal::new(false);
    let form = op_form(product, pid.get_value(), submitted.into(), preset);
    let op = form.op;

    let rows = use_load(move || {
        let profile_id = pid.get_value();
        let handed = handed.get_value();
        async move {
            match handed {
                Some(rows) => Ok(rows),
                None => target_rows(product, &profile_id).await,
            }
        }
    });

    // Worked out once per filter or list, for the table, its count and "Select all matching".
    let matching = Memo::new(move |_| -> Vec<Row> {
        let f = filter.get().to_lowercase();
        rows.value()
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.matches(&f))
            .collect()
    });
    let targets = move || -> Vec<BulkTarget> {
        let chosen = selected.get();
        rows.value()
            .unwrap_or_default()
            .into_iter()
            .filter(|r| chosen.contains(&r.target.id))
            .map(|r| r.target)
            .collect()
    };
    let target_errors = Signal::derive(move || {
        if submitted.get() && selected.with(BTreeSet::is_empty) {
            vec![tr!("bulk-tick-one", noun = noun(product, 1))]
        } else {
            Vec::new()
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Some(Ok(change)) = op.get_untracked() else {
            return;
        };
        let Ok(plan_source) = source.source.get_untracked() else {
            return;
        };
        let t = targets();
        if t.is_empty() {
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = backend::bulk_plan(&pid.get_value(), &change, &t, plan_source).await;
            busy.set(false);
            match result {
                Ok(id) => on_planned.run(id),
                Err(err) => error.set(Some(err)),
            }
        });
    };

    view! {
        <form class="bulk-form" on:submit=submit novalidate=true aria-label=tr!("bulk-new") data-testid="bulk-form">
            <div class="card">
                <h2>{tr!("bulk-step-change")}</h2>
                {form.fields}
            </div>
            <div class="card">
                <h2>{tr!("bulk-step-targets", noun = noun(product, 2))}</h2>
                {handoff.map(|h| view! {
                    <div class="notice notice-ok" role="status" id="handoff-note">
                        {tr!("bulk-handoff", n = h.targets.len(), question = h.question.clone())}" "
                        <button type="button" class="btn-link" id="handoff-clear" on:click=move |_| ctx.bulk_handoff.set(None)>
                            {tr!("bulk-handoff-clear", noun = noun(product, 2))}
                        </button>
                    </div>
                })}
                <TargetTools ids=TOOL_IDS many=noun(product, 2) filter=filter selected=selected
                    matching=matching.into() count=Signal::derive(move || selected.with(BTreeSet::len)) errors=target_errors
                    profile_id=pid.get_value() list_kind=list_kind(product)
                    on_list=Callback::new(move |list: Vec<BulkTarget>| selected.update(|s| s.extend(list.into_iter().map(|t| t.id)))) />
                {rows.view(noun(product, 2), move |all: Vec<Row>| match all {
                    all if all.is_empty() => view! { <div class="empty-state"><p>{tr!("bulk-no-targets", noun = noun(product, 2))}</p></div> }.into_any(),
                    _ => view! { <TargetTable matching=matching.into() selected=selected testid="bulk-targets" /> }.into_any(),
                })}
            </div>
            <div class="card">
                <h2>{tr!("bulk-step-plan")}</h2>
                {source.fields}
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{crate::i18n::error_text(&e)}</p> })}
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" id="bulk-preview" disabled=move || busy.get()>
                    {move || if busy.get() { tr!("bulk-planning") } else { tr!("bulk-preview-n", n = selected.with(BTreeSet::len)) }}
                </button>
            </div>
        </form>
    }
}

/// The targets `product` offers on `profile_id`, as rows of the target table.
async fn target_rows(product: Product, profile_id: &str) -> Result<Vec<Row>, CommandError> {
    match product {
        Product::Auth0 => backend::auth0_all_organizations(profile_id)
            .await
            .map(|orgs| {
                orgs.iter()
                    .map(|o| Row {
                        detail: o.id.to_string(),
                        target: BulkTarget::organization(o),
                    })
                    .collect()
            }),
        Product::Zitadel => backend::zitadel_providers(profile_id, "")
            .await
            .map(|list| {
                list.into_iter()
                    .map(|i| Row {
                        detail: format!(
                            "{} · {}",
                            i.kind_label(),
                            if i.is_active() {
                                tr!("bulk-active")
                            } else {
                                tr!("bulk-inactive")
                            }
                        ),
                        target: BulkTarget::identity_provider(&i),
                    })
                    .collect()
            }),
        Product::Hub => backend::hub_modules(profile_id).await.map(|list| {
            list.into_iter()
                .map(|m| Row {
                    detail: format!(
                        "{} · {}",
                        m.kind_label(),
                        if m.disabled == Some(true) {
                            tr!("bulk-disabled")
                        } else {
                            tr!("bulk-enabled")
                        }
                    ),
                    target: BulkTarget::auth_module(&m),
                })
                .collect()
        }),
    }
}

/// What a pasted list names on `product`: the targets this form offers.
fn list_kind(product: Product) -> lanyard_model::inventory::PickerKind {
    use lanyard_model::inventory::PickerKind;
    match product {
        Product::Auth0 => PickerKind::Auth0Organization,
        Product::Zitadel => PickerKind::ZitadelIdp,
        Product::Hub => PickerKind::HubAuthModule,
    }
}

fn noun(product: Product, n: usize) -> String {
    match (product, n == 1) {
        (Product::Auth0, true) => tr!("noun-organization"),
        (Product::Auth0, false) => tr!("what-organizations"),
        (Product::Zitadel, true) => tr!("noun-idp"),
        (Product::Zitadel, false) => tr!("what-idps"),
        (Product::Hub, true) => tr!("noun-auth-module"),
        (Product::Hub, false) => tr!("what-auth-modules"),
    }
}

//! Make like: pick a source (an Auth0 organization, a ZITADEL login policy, a Hub auth module)
//! and targets of the same product; Lanyard plans, per target, what makes its wiring equal to
//! the source's (and, only when ticked, removes what the source does not have). The plan is a
//! bulk run shown grouped by target, with the run's controls.

mod form;
mod targets;

use leptos::prelude::*;

use super::groups::PlanByTarget;
use super::run::RunPanel;
use super::share::RateShareControl;
use crate::context::use_ctx;
use crate::nav::Page;
use crate::tr;
use form::LikeForm;

#[component]
pub fn MakeLikePage() -> impl IntoView {
    let ctx = use_ctx();
    let run = RwSignal::new(None::<String>);
    let product = ctx.bulk_product;
    view! {
        <section class="page" aria-labelledby="page-title">
            {crate::pages::header(Page::MakeLike)}
            {move || match run.get() {
                Some(id) => view! {
                    <RateShareControl run_id=id.clone() />
                    <PlanByTarget run_id=id.clone() />
                    <RunPanel run_id=id on_close=Callback::new(move |_| run.set(None)) on_open=Callback::new(move |id| run.set(Some(id))) back_label=tr!("like-again") />
                }.into_any(),
                None => view! {
                    {crate::pages::product_tabs("like", product)}
                    {move || {
                        let p = product.get();
                        match ctx.profile_for(p) {
                            None => crate::pages::no_profile(p).into_any(),
                            Some(profile) => view! {
                                <LikeForm product=p profile_id=profile.id on_planned=Callback::new(move |id| run.set(Some(id))) />
                            }.into_any(),
                        }
                    }}
                }.into_any(),
            }}
        </section>
    }
}

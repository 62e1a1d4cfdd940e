//! The question for one product's inventory: its filters (one form per product, each returning
//! its fields and a `Memo` of the question they describe), Ask, and the answer below.

mod auth0;
mod filters;
mod hub;
mod zitadel;

use lanyard_model::profile::Product;
use leptos::prelude::*;

use super::answer::{ANSWER_PAGE, Answer};
use super::asked::Asked;
use crate::backend;
use crate::load::use_load;
use crate::tr;

/// A product's question form: its fields, and the question they describe (`Err` while a
/// filter needs something picked; the fields show why once `submitted`).
struct QuestionForm {
    fields: AnyView,
    question: Memo<Result<Asked, ()>>,
}

fn question_form(product: Product, profile_id: String, submitted: Signal<bool>) -> QuestionForm {
    match product {
        Product::Auth0 => auth0::auth0_question(profile_id, submitted),
        Product::Zitadel => zitadel::zitadel_question(profile_id, submitted),
        Product::Hub => hub::hub_question(profile_id, submitted),
    }
}

/// " named like “acme”" when `text` is not blank.
fn named_like(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        String::new()
    } else {
        tr!("q-named-like", text = text)
    }
}

#[component]
pub(super) fn Ask(product: Product, profile_id: String) -> impl IntoView {
    let pid = StoredValue::new(profile_id.clone());
    let submitted = RwSignal::new(false);
    let form = question_form(product, profile_id, submitted.into());
    let question = form.question;
    // The question last asked, and how many times Ask was pressed (asking the same question
    // again reads the inventory again).
    let asked = RwSignal::new(None::<Asked>);
    let asks = RwSignal::new(0_u32);
    let answer = use_load(move || {
        asks.track();
        let asked = asked.get_untracked();
        let profile_id = pid.get_value();
        async move {
            match asked {
                None => Ok(None),
                Some(a) => backend::inventory_ask(&profile_id, &a.question, 0, ANSWER_PAGE)
                    .await
                    .map(|answer| Some((a, answer))),
            }
        }
    });
    let pending = Signal::derive(move || answer.replies().with(|l| l.pending));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if let Ok(a) = question.get_untracked() {
            asked.set(Some(a));
            asks.update(|n| *n = n.wrapping_add(1));
        }
    };
    view! {
        <form class="card" on:submit=submit novalidate=true aria-label=tr!("q-form") data-testid="inventory-question">
            <h2>{tr!("q-ask")}</h2>
            {form.fields}
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" id="inventory-ask" disabled=move || pending.get()>
                    {move || if pending.get() { tr!("q-asking") } else { tr!("q-ask") }}
                </button>
            </div>
        </form>
        {answer.view(tr!("what-answer"), move |reply| match reply {
            None => view! {
                <p class="muted" id="answer-none">{tr!("q-none")}</p>
            }.into_any(),
            Some((asked, found)) => view! {
                <Answer product=product profile_id=pid.get_value() asked=asked answer=found />
            }.into_any(),
        })}
    }
}

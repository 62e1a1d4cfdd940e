//! The change of a new run, one form per product. Each form returns its fields and a `Memo` of
//! the op they describe, which the run's form reads when the user asks for the preview.

mod auth0;
mod hub;
mod zitadel;

use lanyard_model::bulk::BulkOp;
use lanyard_model::profile::Product;
use leptos::prelude::*;

use crate::context::handoff::Preset;
use crate::tr;

/// The op as its form has it: `None` until what it is about (a connection, a group) is picked,
/// `Err` with the reason while a rule fails, `Ok` once it can be planned.
pub(super) type OpDraft = Option<Result<BulkOp, String>>;

/// A product's op form: the fields to show and the op they describe.
pub(super) struct OpForm {
    pub fields: AnyView,
    pub op: Memo<OpDraft>,
}

/// The op form of `product` on profile `profile_id`, starting with what `preset` picks (the
/// connection or group an inventory question was about). `submitted` turns on the "pick one"
/// messages once the user asked for the preview.
pub(super) fn op_form(
    product: Product,
    profile_id: String,
    submitted: Signal<bool>,
    preset: Preset,
) -> OpForm {
    match product {
        Product::Auth0 => auth0::auth0_op_form(profile_id, submitted, preset),
        Product::Zitadel => zitadel::zitadel_op_form(profile_id),
        Product::Hub => hub::hub_op_form(profile_id, submitted, preset),
    }
}

/// "What to do": one radio per choice (`op-<value>` its id), the one in `chosen` checked.
fn what_to_do<T>(
    name: &'static str,
    choices: impl IntoIterator<Item = (T, &'static str, String)>,
    chosen: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let radios = choices
        .into_iter()
        .map(|(choice, value, label)| {
            view! {
                <label class="radio"><input type="radio" name=name value=value id=format!("op-{value}")
                    prop:checked=move || chosen.get() == choice on:change=move |_| chosen.set(choice) />{label}</label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="radio-row">
            <legend>{tr!("op-what-to-do")}</legend>
            {radios}
        </fieldset>
    }
}

//! Where a plan reads each target's state: from the inventory when its rows are young enough
//! (the default, an hour), or each target live. The age is checked as it is typed.

use lanyard_model::inventory::PlanSource;
use leptos::prelude::*;

use crate::tr;

/// The plan source the control describes, or why the age typed is not one.
pub(super) fn plan_source(from_inventory: bool, minutes: &str) -> Result<PlanSource, String> {
    if !from_inventory {
        return Ok(PlanSource::Live);
    }
    let max = PlanSource::MAX_AGE_MINUTES;
    match minutes.trim().parse::<u32>() {
        Ok(m) if (1..=max).contains(&m) => Ok(PlanSource::Inventory { max_age_minutes: m }),
        _ => Err(tr!("plan-source-invalid", max = max)),
    }
}

/// The control and the source it describes.
pub(super) struct PlanSourceControl {
    pub fields: AnyView,
    pub source: Memo<Result<PlanSource, String>>,
}

pub(super) fn plan_source_control() -> PlanSourceControl {
    let from_inventory = RwSignal::new(true);
    let minutes = RwSignal::new(PlanSource::DEFAULT_MAX_AGE_MINUTES.to_string());
    let source = Memo::new(move |_| plan_source(from_inventory.get(), &minutes.get()));
    let error = Signal::derive(move || source.get().err());
    let fields = view! {
        <fieldset class="radio-row plan-source" data-testid="plan-source">
            <legend>{tr!("plan-source-legend")}</legend>
            <label class="radio">
                <input type="radio" name="plan-source" id="plan-from-inventory" value="inventory"
                    prop:checked=move || from_inventory.get() on:change=move |_| from_inventory.set(true) />
                {tr!("plan-source-inventory")}
            </label>
            <input type="number" class="inline-number" id="plan-max-age" min="1" max=PlanSource::MAX_AGE_MINUTES.to_string()
                step="1" inputmode="numeric" aria-label=tr!("plan-source-max-age")
                aria-invalid=move || error.get().is_some().to_string() aria-describedby="plan-max-age-errors"
                disabled=move || !from_inventory.get()
                prop:value=move || minutes.get()
                on:input=move |ev| minutes.set(event_target_value(&ev))
                on:focus=move |_| from_inventory.set(true) />
            <span>{tr!("plan-source-minutes")}</span>
            <label class="radio">
                <input type="radio" name="plan-source" id="plan-live" value="live"
                    prop:checked=move || !from_inventory.get() on:change=move |_| from_inventory.set(false) />
                {tr!("plan-source-live")}
            </label>
        </fieldset>
        <div class="field-messages" id="plan-max-age-errors" aria-live="polite">
            {move || error.get().map(|e| view! { <p class="field-error">{e}</p> })}
        </div>
        <p class="hint muted small">{tr!("plan-source-hint")}</p>
    }
    .into_any();
    PlanSourceControl { fields, source }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_age_is_whole_minutes_up_to_a_week() {
        assert_eq!(
            plan_source(true, "60"),
            Ok(PlanSource::Inventory {
                max_age_minutes: 60
            })
        );
        assert_eq!(
            plan_source(true, " 10080 "),
            Ok(PlanSource::Inventory {
                max_age_minutes: 10_080
            })
        );
        for wrong in ["0", "10081", "", "1.5", "-3", "an hour"] {
            let err = plan_source(true, wrong).err().unwrap_or_default();
            assert!(err.contains("from 1 to 10,080"), "{wrong}: {err}");
        }
        // Live needs no age, whatever is typed.
        assert_eq!(plan_source(false, "0"), Ok(PlanSource::Live));
    }
}

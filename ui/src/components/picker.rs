//! A searchable picker (combobox): type to search (the page asks the server, see
//! `crate::search`, or the inventory first, see `inventory_search`), arrows to move, Enter to
//! pick, Esc to close. Shows each option's name with a detail line (strategy, type…), where the
//! options came from ("From the inventory, 12 min old" with "Search live"), and why a search
//! failed instead of an empty list.

use crate::tr;
use leptos::prelude::*;

/// One choice in a picker, carrying the typed value it stands for (an id, checked when the
/// server's reply was read), so that picking it needs no parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerOption<T> {
    pub value: T,
    pub label: String,
    pub detail: String,
    /// Shown but not selectable, with the reason as its detail.
    pub disabled: bool,
}

/// Where a picker's options came from, shown above them and under the field, with the button
/// that searches the other way (e.g. "Search live").
#[derive(Clone)]
pub struct SourceNote {
    pub text: String,
    pub action: Option<(String, Callback<()>)>,
}

/// Moves the highlight by `step` over `len` options, skipping none, wrapping at the ends.
pub fn move_highlight(current: Option<usize>, step: isize, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let next = match current {
        None if step >= 0 => 0,
        None => len as isize - 1,
        Some(i) => (i as isize + step).rem_euclid(len as isize),
    };
    Some(next as usize)
}

/// `message` (e.g. "Pick a connection.") under a picker once its form was submitted with
/// nothing picked.
pub fn pick_required<T: Send + Sync + 'static>(
    submitted: Signal<bool>,
    selected: RwSignal<Option<PickerOption<T>>>,
    message: impl Into<String>,
) -> Signal<Vec<String>> {
    let message = message.into();
    Signal::derive(move || {
        if submitted.get() && selected.with(Option::is_none) {
            vec![message.clone()]
        } else {
            Vec::new()
        }
    })
}

#[component]
pub fn Picker<T>(
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] placeholder: String,
    /// The options for the current query.
    #[prop(into)]
    options: Signal<Vec<PickerOption<T>>>,
    /// Whether the options are being fetched.
    #[prop(into)]
    loading: Signal<bool>,
    /// The text typed; the page watches it to search.
    query: RwSignal<String>,
    selected: RwSignal<Option<PickerOption<T>>>,
    #[prop(into, optional)] errors: Option<Signal<Vec<String>>>,
    /// Why the search failed ("Could not search: …"): shown in the list instead of the
    /// options, and under the field while the list is closed.
    #[prop(into, optional)]
    search_problem: Option<Signal<Option<String>>>,
    #[prop(into, optional)] empty_text: Option<String>,
    /// Asks again; a Retry button beside the problem while the list is closed.
    #[prop(into, optional)]
    retry: Option<Callback<()>>,
    /// Where the options came from (the inventory and its age), with its switch.
    #[prop(into, optional)]
    source: Option<Signal<Option<SourceNote>>>,
    /// Called when the list opens (e.g. to ask the inventory again).
    #[prop(into, optional)]
    on_open: Option<Callback<()>>,
) -> impl IntoView
where
    T: Clone + PartialEq + std::fmt::Display + Send + Sync + 'static,
{
    let open = RwSignal::new(false);
    let highlight = RwSignal::new(None::<usize>);
    let errors = errors.unwrap_or_else(|| Signal::derive(Vec::new));
    let search_problem = search_problem.unwrap_or_else(|| Signal::derive(|| None));
    let source = source.unwrap_or_else(|| Signal::derive(|| None));
    let list_label = StoredValue::new(label.clone());
    let empty_text = StoredValue::new(empty_text.unwrap_or_else(|| tr!("picker-nothing-matches")));
    let switch_id = format!("{id}-switch");
    let list_id = format!("{id}-list");
    let option_id = move |i: usize| format!("{id}-opt-{i}");
    let pick = move |opt: PickerOption<T>| {
        if !opt.disabled {
            query.set(opt.label.clone());
            selected.set(Some(opt));
            open.set(false);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let len = options.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                open.set(true);
                highlight.update(|h| *h = move_highlight(*h, 1, len));
            }
            "ArrowUp" => {
                ev.prevent_default();
                open.set(true);
                highlight.update(|h| *h = move_highlight(*h, -1, len));
            }
            "Enter" if open.get_untracked() => {
                ev.prevent_default();
                let chosen = highlight.get_untracked().or((len == 1).then_some(0));
                if let Some(opt) =
                    chosen.and_then(|i| options.with_untracked(|o| o.get(i).cloned()))
                {
                    pick(opt);
                }
            }
            // Esc closes the list first; a second Esc reaches the dialog around it.
            "Escape" if open.get_untracked() => {
                ev.stop_propagation();
                open.set(false);
            }
            _ => {}
        }
    };
    let list_id_attr = list_id.clone();
    view! {
        <div class="field picker" class:invalid=move || !errors.get().is_empty()>
            <label for=id>{label}</label>
            <div class="picker-box">
                <input
                    id=id
                    type="search"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=placeholder
                    aria-autocomplete="list"
                    aria-controls=list_id_attr
                    aria-expanded=move || open.get().to_string()
                    aria-activedescendant=move || highlight.get().map(option_id).unwrap_or_default()
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        query.set(event_target_value(&ev));
                        selected.set(None);
                        highlight.set(None);
                        open.set(true);
                    }
                    on:focus=move |_| {
                        open.set(true);
                        if let Some(f) = on_open {
                            f.run(());
                        }
                    }
                    on:blur=move |_| {
                        // Let a click on an option land before the list closes.
                        set_timeout(move || open.set(false), std::time::Duration::from_millis(150));
                    }
                    on:keydown=on_key
                />
                <Show when=move || open.get()>
                    <ul class="picker-list" id=list_id.clone() role="listbox" aria-label=list_label.get_value()>
                        {move || {
                            if loading.get() {
                                return view! { <li class="picker-empty" role="status">{tr!("picker-searching")}</li> }.into_any();
                            }
                            if let Some(problem) = search_problem.get() {
                                return view! { <li class="picker-empty picker-problem" role="alert">{problem}</li> }.into_any();
                            }
                            // Where the options came from, above them; the button is the mouse's way,
                            // the one under the field the keyboard's.
                            let note = source.get().map(|n| view! {
                                <li class="picker-source" role="presentation">
                                    <span>{n.text}</span>
                                    {n.action.map(|(label, run)| view! {
                                        " " <button type="button" class="btn-link" tabindex="-1"
                                            on:mousedown=move |ev| { ev.prevent_default(); run.run(()); }>{label}</button>
                                    })}
                                </li>
                            });
                            let opts = options.get();
                            if opts.is_empty() {
                                return view! { {note}<li class="picker-empty">{empty_text.get_value()}</li> }.into_any();
                            }
                            let items = opts.into_iter()
                                .enumerate()
                                .map(|(i, opt)| {
                                    let chosen = opt.clone();
                                    view! {
                                        <li
                                            id=option_id(i)
                                            role="option"
                                            class="picker-option"
                                            class:highlighted=move || highlight.get() == Some(i)
                                            class:disabled=opt.disabled
                                            aria-selected=move || (highlight.get() == Some(i)).to_string()
                                            aria-disabled=opt.disabled.to_string()
                                            data-id=opt.value.to_string()
                                            on:mousedown=move |ev| {
                                                ev.prevent_default();
                                                pick(chosen.clone());
                                            }
                                        >
                                            <span class="picker-label">{opt.label.clone()}</span>
                                            <span class="picker-detail">{opt.detail.clone()}</span>
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! { {note}{items} }.into_any()
                        }}
                    </ul>
                </Show>
            </div>
            <div class="field-messages" aria-live="polite">
                {move || source.get().map(|n| {
                    let switch_id = switch_id.clone();
                    view! {
                        <p class="hint picker-source-hint" data-testid=format!("{id}-source")>{n.text}
                            {n.action.map(|(label, run)| view! {
                                " " <button type="button" class="btn-link" id=switch_id on:click=move |_| run.run(())>{label}</button>
                            })}
                        </p>
                    }
                })}
                {move || search_problem.get().filter(|_| !open.get()).map(|problem| view! {
                    <p class="field-error picker-problem" role="alert">{problem}
                        {retry.map(|retry| view! { " " <button type="button" class="btn btn-small" data-action="retry" on:click=move |_| retry.run(())>{tr!("action-retry")}</button> })}
                    </p>
                })}
                {move || errors.get().into_iter().map(|m| view! { <p class="field-error">{crate::components::field::sentence(&m)}</p> }).collect_view()}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::move_highlight;

    #[test]
    fn arrows_wrap_around_the_list() {
        assert_eq!(move_highlight(None, 1, 3), Some(0));
        assert_eq!(move_highlight(None, -1, 3), Some(2));
        assert_eq!(move_highlight(Some(2), 1, 3), Some(0));
        assert_eq!(move_highlight(Some(0), -1, 3), Some(2));
        assert_eq!(move_highlight(Some(1), 1, 0), None);
    }
}

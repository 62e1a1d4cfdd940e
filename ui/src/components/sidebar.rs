//! The section list on the left; buttons, so Tab and Enter work without extra code.

use leptos::prelude::*;

use crate::nav::Page;
use crate::tr;

#[component]
pub fn Sidebar(current: RwSignal<Page>) -> impl IntoView {
    view! {
        <nav class="sidebar" aria-label=tr!("nav-sections")>
            <ul>
                {Page::ALL
                    .into_iter()
                    .map(|page| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="nav-item"
                                    class:active=move || current.get() == page
                                    id=format!("nav-{}", page.slug())
                                    aria-current=move || (current.get() == page).then_some("page")
                                    on:click=move |_| current.set(page)
                                >
                                    <span class=format!("nav-icon icon-{}", page.slug()) aria-hidden="true"></span>
                                    {page.label()}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

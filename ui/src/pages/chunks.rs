//! The pages other than Auth0, each a split point (`crate::lazy`): loaded on its first visit.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::lazy::Arrived;

#[wasm_split(zitadel, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn zitadel(profile_id: String) -> Arrived {
    Ok(view! { <super::zitadel::Policy profile_id=profile_id /> }.into_any())
}

#[wasm_split(hub, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn hub(profile_id: String) -> Arrived {
    Ok(view! { <super::hub::Modules profile_id=profile_id /> }.into_any())
}

#[wasm_split(inventory, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn inventory() -> Arrived {
    Ok(view! { <super::inventory::InventoryPage /> }.into_any())
}

#[wasm_split(bulk, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn bulk() -> Arrived {
    Ok(view! { <super::bulk::BulkPage /> }.into_any())
}

#[wasm_split(make_like, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn make_like() -> Arrived {
    Ok(view! { <super::bulk::MakeLikePage /> }.into_any())
}

#[wasm_split(compare, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn compare() -> Arrived {
    Ok(view! { <super::bulk::ComparePage /> }.into_any())
}

#[wasm_split(activity, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn activity() -> Arrived {
    Ok(view! { <super::activity::ActivityPage /> }.into_any())
}

#[wasm_split(profiles, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn profiles() -> Arrived {
    Ok(view! { <super::profiles::ProfilesPage /> }.into_any())
}

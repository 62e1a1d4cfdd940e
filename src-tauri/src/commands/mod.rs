//! The commands the webview may call; each is a few lines into `lanyard_core::Console`.
//! Each takes its arguments as [`Args<C>`] of its `lanyard_model::ipc` command `C` and answers
//! [`Reply<C>`]: the contract is written once, in the model.

pub mod activity;
pub mod app;
pub mod args;
pub mod auth0;
pub mod bulk;
pub mod changes;
pub mod compare;
pub mod hub;
pub mod inventory;
pub mod lists;
pub mod profiles;
pub mod updates;
pub mod zitadel;

pub use args::Args;

use lanyard_model::CommandError;
use lanyard_model::ipc::Command;

/// What command `C` answers.
pub type Reply<C> = Result<<C as Command>::Reply, CommandError>;

/// The app's commands, for `tauri::Builder::invoke_handler`. Each function is named like its
/// `lanyard_model::ipc` command; `ipc::ALL_COMMANDS` lists the same names.
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        app::app_info,
        app::app_set_language,
        app::app_catalogue,
        profiles::profile_add,
        profiles::profile_edit,
        profiles::profile_remove,
        profiles::profile_test,
        profiles::profiles_hide_sandbox,
        profiles::profiles_try_sandbox,
        auth0::auth0_search_organizations,
        auth0::auth0_connections,
        auth0::auth0_org_connections,
        auth0::auth0_all_organizations,
        auth0::auth0_history,
        zitadel::zitadel_orgs,
        zitadel::zitadel_providers,
        zitadel::zitadel_policy,
        hub::hub_modules,
        hub::hub_auto_join_groups,
        hub::hub_search_groups,
        changes::change_preview,
        changes::change_apply,
        bulk::bulk_plan,
        bulk::bulk_view,
        bulk::bulk_control,
        bulk::bulk_undo,
        bulk::bulk_runs,
        bulk::bulk_export,
        lists::bulk_targets_from_list,
        lists::bulk_rate_share,
        compare::make_like_plan,
        compare::bulk_groups,
        compare::compare_profiles,
        compare::compare_copy,
        compare::snapshot_export,
        inventory::inventory_status,
        inventory::inventory_overview,
        inventory::inventory_crawl,
        inventory::inventory_ask,
        inventory::inventory_export,
        inventory::inventory_search,
        inventory::inventory_connections,
        inventory::inventory_modules,
        inventory::inventory_providers,
        activity::activity_page,
        activity::activity_export,
        activity::download_result,
        updates::update_check,
        updates::update_install,
        updates::update_progress,
    ]
}

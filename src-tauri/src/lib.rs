//! The Tauri shell: registers Lanyard's commands and hands each one to the application layer.

pub mod commands;
mod logging;
pub mod state;

/// Builds the app with its commands and state; `run` and the command tests share it.
pub fn builder<R: tauri::Runtime>(state: state::AppState) -> tauri::Builder<R> {
    tauri::Builder::<R>::new()
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::profiles::profile_add,
            commands::profiles::profile_edit,
            commands::profiles::profile_remove,
            commands::profiles::profile_test,
            commands::profiles::profiles_hide_sandbox,
            commands::auth0::auth0_organizations,
            commands::auth0::auth0_connections,
            commands::auth0::auth0_org_connections,
            commands::auth0::auth0_all_organizations,
            commands::bulk::bulk_plan,
            commands::bulk::bulk_view,
            commands::bulk::bulk_control,
            commands::bulk::bulk_undo,
            commands::bulk::bulk_runs,
            commands::bulk::bulk_export,
            commands::zitadel::zitadel_orgs,
            commands::zitadel::zitadel_providers,
            commands::zitadel::zitadel_policy,
            commands::hub::hub_modules,
            commands::hub::hub_auto_join_groups,
            commands::hub::hub_groups,
            commands::changes::change_preview,
            commands::changes::change_apply,
            commands::activity::activity_list,
            commands::activity::activity_export,
        ])
}

/// Starts the desktop app and blocks until its last window closes.
pub fn run() {
    logging::init();
    let state = match state::AppState::from_env() {
        Ok(state) => state,
        Err(err) => {
            tracing::error!(%err, "cannot prepare Lanyard's folders");
            eprintln!("Lanyard cannot start: {err}");
            std::process::exit(2);
        }
    };
    let context = tauri::generate_context!("../tauri.conf.json");
    if let Err(err) = builder::<tauri::Wry>(state).run(context) {
        tracing::error!(%err, "the app stopped with an error");
        eprintln!("Lanyard stopped with an error: {err}");
        std::process::exit(1);
    }
}

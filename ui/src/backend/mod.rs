//! Typed calls into Lanyard's Rust commands over Tauri IPC: the only way the UI reaches anything
//! outside the webview. Each wrapper calls one command of the contract (`lanyard_model::ipc`)
//! through [`invoke`] and returns `Result<_, CommandError>`; nothing here panics.

pub mod compare;
mod inventory;
mod invoke;

pub use inventory::{
    inventory_ask, inventory_connections, inventory_crawl, inventory_export, inventory_modules,
    inventory_overview, inventory_providers, inventory_search, inventory_status,
};
pub use invoke::invoke;
pub use lanyard_model::AppInfo;
pub use lanyard_model::TestReport;
pub use lanyard_model::zitadel::PolicyView;

use lanyard_model::audit::{ActivityPage, ExportFormat};
use lanyard_model::auth0::{Connection, OrgConnection, Organization};
use lanyard_model::bulk::{BulkOp, BulkTarget, ItemPage, RunAction, RunList, RunView};
use lanyard_model::history::OrganizationHistory;
use lanyard_model::hub::{AuthModule, UserGroup};
use lanyard_model::ids::{AuthModuleId, OrganizationId};
use lanyard_model::inventory::PlanSource;
use lanyard_model::ipc::{self, NoArgs, ProfileArgs, RunArgs, SearchArgs};
use lanyard_model::profile::ProfileDraft;
use lanyard_model::zitadel::{Org, PolicyScope, Provider};
use lanyard_model::{Applied, Change, CommandError, Plan, Profile};

fn on_profile(profile_id: &str) -> ProfileArgs {
    ProfileArgs {
        profile_id: profile_id.to_owned(),
    }
}

fn search(profile_id: &str, text: &str) -> SearchArgs {
    SearchArgs {
        profile_id: profile_id.to_owned(),
        text: text.to_owned(),
    }
}

fn run(run_id: &str) -> RunArgs {
    RunArgs {
        run_id: run_id.to_owned(),
    }
}

/// The app's version and its configured profiles.
pub async fn app_info() -> Result<AppInfo, CommandError> {
    invoke::<ipc::AppInfo>(&NoArgs {}).await
}

/// The catalogue of a UI language the shell keeps: its Fluent source.
pub async fn app_catalogue(
    language: lanyard_model::catalogue::ShellLanguage,
) -> Result<String, CommandError> {
    invoke::<ipc::AppCatalogue>(&ipc::CatalogueArgs { language }).await
}

pub async fn profile_add(draft: &ProfileDraft) -> Result<Profile, CommandError> {
    let args = ipc::ProfileAddArgs {
        draft: draft.clone(),
    };
    invoke::<ipc::ProfileAdd>(&args).await
}

/// Saves changes to profile `id`; an empty secret keeps the one in the keychain.
pub async fn profile_edit(id: &str, draft: &ProfileDraft) -> Result<Profile, CommandError> {
    let args = ipc::ProfileEditArgs {
        profile_id: id.to_owned(),
        draft: draft.clone(),
    };
    invoke::<ipc::ProfileEdit>(&args).await
}

pub async fn profile_remove(id: &str) -> Result<(), CommandError> {
    invoke::<ipc::ProfileRemove>(&on_profile(id)).await
}

pub async fn profile_test(id: &str) -> Result<TestReport, CommandError> {
    invoke::<ipc::ProfileTest>(&on_profile(id)).await
}

pub async fn profiles_hide_sandbox(hide: bool) -> Result<(), CommandError> {
    invoke::<ipc::ProfilesHideSandbox>(&ipc::HideSandboxArgs { hide }).await
}

/// Starts the built-in sandbox for this session and adds its profiles.
pub async fn profiles_try_sandbox() -> Result<(), CommandError> {
    invoke::<ipc::ProfilesTrySandbox>(&NoArgs {}).await
}

pub async fn auth0_search_organizations(
    profile_id: &str,
    text: &str,
) -> Result<Vec<Organization>, CommandError> {
    invoke::<ipc::Auth0SearchOrganizations>(&search(profile_id, text)).await
}

pub async fn auth0_connections(profile_id: &str) -> Result<Vec<Connection>, CommandError> {
    invoke::<ipc::Auth0Connections>(&on_profile(profile_id)).await
}

pub async fn auth0_org_connections(
    profile_id: &str,
    organization_id: &OrganizationId,
) -> Result<Vec<OrgConnection>, CommandError> {
    let args = ipc::OrgConnectionsArgs {
        profile_id: profile_id.to_owned(),
        organization_id: organization_id.clone(),
    };
    invoke::<ipc::Auth0OrgConnections>(&args).await
}

/// Who changed `organization_id`: the tenant's log entries for its connections and Lanyard's
/// own audit entries for it (a missing `read:logs` is said in the answer, not as an error).
pub async fn auth0_history(
    profile_id: &str,
    organization_id: &OrganizationId,
) -> Result<OrganizationHistory, CommandError> {
    let args = ipc::OrgConnectionsArgs {
        profile_id: profile_id.to_owned(),
        organization_id: organization_id.clone(),
    };
    invoke::<ipc::Auth0History>(&args).await
}

/// Every organization of the tenant, for picking bulk targets.
pub async fn auth0_all_organizations(profile_id: &str) -> Result<Vec<Organization>, CommandError> {
    invoke::<ipc::Auth0AllOrganizations>(&on_profile(profile_id)).await
}

pub async fn zitadel_orgs(profile_id: &str) -> Result<Vec<Org>, CommandError> {
    invoke::<ipc::ZitadelOrgs>(&on_profile(profile_id)).await
}

/// Identity providers whose name contains `name`; all of them for an empty one.
pub async fn zitadel_providers(
    profile_id: &str,
    name: &str,
) -> Result<Vec<Provider>, CommandError> {
    invoke::<ipc::ZitadelProviders>(&search(profile_id, name)).await
}

pub async fn zitadel_policy(
    profile_id: &str,
    scope: &PolicyScope,
) -> Result<PolicyView, CommandError> {
    let args = ipc::PolicyArgs {
        profile_id: profile_id.to_owned(),
        scope: scope.clone(),
    };
    invoke::<ipc::ZitadelPolicy>(&args).await
}

pub async fn hub_modules(profile_id: &str) -> Result<Vec<AuthModule>, CommandError> {
    invoke::<ipc::HubModules>(&on_profile(profile_id)).await
}

pub async fn hub_auto_join_groups(
    profile_id: &str,
    module_id: &AuthModuleId,
) -> Result<Vec<UserGroup>, CommandError> {
    let args = ipc::AutoJoinGroupsArgs {
        profile_id: profile_id.to_owned(),
        module_id: module_id.clone(),
    };
    invoke::<ipc::HubAutoJoinGroups>(&args).await
}

pub async fn hub_search_groups(
    profile_id: &str,
    text: &str,
) -> Result<Vec<UserGroup>, CommandError> {
    invoke::<ipc::HubSearchGroups>(&search(profile_id, text)).await
}

pub async fn change_preview(profile_id: &str, change: &Change) -> Result<Plan, CommandError> {
    let args = ipc::ChangePreviewArgs {
        profile_id: profile_id.to_owned(),
        change: change.clone(),
    };
    invoke::<ipc::ChangePreview>(&args).await
}

pub async fn change_apply(
    profile_id: &str,
    change: &Change,
    confirm: Option<&str>,
) -> Result<Applied, CommandError> {
    let args = ipc::ChangeApplyArgs {
        profile_id: profile_id.to_owned(),
        change: change.clone(),
        confirm: confirm.map(str::to_owned),
    };
    invoke::<ipc::ChangeApply>(&args).await
}

/// `limit` of the audit log's entries that match `filter`, newest first, from `offset` on. A
/// read asked for before one of another filter may answer that it was superseded.
pub async fn activity_page(
    filter: &str,
    offset: usize,
    limit: usize,
) -> Result<ActivityPage, CommandError> {
    let args = ipc::ActivityPageArgs {
        filter: filter.to_owned(),
        offset,
        limit,
        sequence: next_sequence(),
    };
    invoke::<ipc::ActivityPage>(&args).await
}

/// The next number of the window's reads of the log, in the order they are asked for: the time
/// in milliseconds, times 1,024, plus a count, so that it keeps growing across a reload.
fn next_sequence() -> u64 {
    thread_local! {
        static LAST: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    let now = (js_sys::Date::now().max(0.0) as u64).saturating_mul(1_024);
    LAST.with(|last| {
        let next = now.max(last.get().saturating_add(1));
        last.set(next);
        next
    })
}

pub async fn activity_export(format: ExportFormat) -> Result<String, CommandError> {
    invoke::<ipc::ActivityExport>(&ipc::ActivityExportArgs { format }).await
}

/// Where the window's download of `url` (a Blob URL it made) went, once it ended.
pub async fn download_result(
    url: &str,
) -> Result<lanyard_model::download::DownloadOutcome, CommandError> {
    invoke::<ipc::DownloadResult>(&ipc::DownloadResultArgs {
        url: url.to_owned(),
    })
    .await
}

/// Starts planning a bulk change, reading each target's state from `source`; the run's id.
pub async fn bulk_plan(
    profile_id: &str,
    op: &BulkOp,
    targets: &[BulkTarget],
    source: PlanSource,
) -> Result<String, CommandError> {
    let args = ipc::BulkPlanArgs {
        profile_id: profile_id.to_owned(),
        op: op.clone(),
        targets: targets.to_vec(),
        source,
    };
    invoke::<ipc::BulkPlan>(&args).await
}

/// The run's state and counts, and the rows of `page`.
pub async fn bulk_view(run_id: &str, page: ItemPage) -> Result<RunView, CommandError> {
    let args = ipc::BulkViewArgs {
        run_id: run_id.to_owned(),
        page,
    };
    invoke::<ipc::BulkView>(&args).await
}

pub async fn bulk_control(
    run_id: &str,
    action: RunAction,
    confirm: Option<&str>,
) -> Result<RunView, CommandError> {
    let args = ipc::BulkControlArgs {
        run_id: run_id.to_owned(),
        action,
        confirm: confirm.map(str::to_owned),
    };
    invoke::<ipc::BulkControl>(&args).await
}

pub async fn bulk_undo(run_id: &str) -> Result<String, CommandError> {
    invoke::<ipc::BulkUndo>(&run(run_id)).await
}

/// The runs on disk and the journal files that could not be read.
pub async fn bulk_runs() -> Result<RunList, CommandError> {
    invoke::<ipc::BulkRuns>(&NoArgs {}).await
}

pub async fn bulk_export(run_id: &str) -> Result<String, CommandError> {
    invoke::<ipc::BulkExport>(&run(run_id)).await
}

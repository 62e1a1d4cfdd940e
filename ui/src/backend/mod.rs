//! Typed calls into Lanyard's Rust commands over Tauri IPC: the only way the UI reaches anything
//! outside the webview. Every wrapper returns `Result<_, CommandError>`; nothing here panics.

mod invoke;

pub use invoke::call;
pub use lanyard_model::AppInfo;

use lanyard_model::auth0::{Connection, OrgConnection, Organization};
use lanyard_model::bulk::{BulkOp, BulkTarget, RunAction, RunList, RunView};
use lanyard_model::hub::{AuthModule, UserGroup};
use lanyard_model::ids::{AuthModuleId, OrganizationId};
use lanyard_model::profile::ProfileDraft;
use lanyard_model::zitadel::{LinkedIdp, LoginPolicy, Org, PolicyScope, Provider};
use lanyard_model::{Applied, Change, CommandError, Plan, Profile};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// The app's version and its configured profiles.
pub async fn app_info() -> Result<AppInfo, CommandError> {
    call("app_info", &json!({})).await
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TestReport {
    pub ok: bool,
    pub message: String,
    pub missing: Vec<String>,
}

pub async fn profile_add(draft: &ProfileDraft) -> Result<Profile, CommandError> {
    call("profile_add", &json!({ "draftJson": draft })).await
}

/// Saves changes to profile `id`; an empty secret keeps the one in the keychain.
pub async fn profile_edit(id: &str, draft: &ProfileDraft) -> Result<Profile, CommandError> {
    call("profile_edit", &json!({ "id": id, "draftJson": draft })).await
}

pub async fn profile_remove(id: &str) -> Result<(), CommandError> {
    call("profile_remove", &json!({ "id": id })).await
}

pub async fn profile_test(id: &str) -> Result<TestReport, CommandError> {
    call("profile_test", &json!({ "id": id })).await
}

pub async fn profiles_hide_sandbox(hide: bool) -> Result<(), CommandError> {
    call("profiles_hide_sandbox", &json!({ "hide": hide })).await
}

/// Starts the built-in sandbox for this session and adds its profiles.
pub async fn profiles_try_sandbox() -> Result<(), CommandError> {
    call("profiles_try_sandbox", &json!({})).await
}

pub async fn auth0_organizations(
    profile_id: &str,
    text: &str,
) -> Result<Vec<Organization>, CommandError> {
    call(
        "auth0_organizations",
        &json!({ "profileId": profile_id, "text": text }),
    )
    .await
}

pub async fn auth0_connections(profile_id: &str) -> Result<Vec<Connection>, CommandError> {
    call("auth0_connections", &json!({ "profileId": profile_id })).await
}

pub async fn auth0_org_connections(
    profile_id: &str,
    organization_id: &OrganizationId,
) -> Result<Vec<OrgConnection>, CommandError> {
    call(
        "auth0_org_connections",
        &json!({ "profileId": profile_id, "organizationId": organization_id }),
    )
    .await
}

pub async fn zitadel_orgs(profile_id: &str) -> Result<Vec<Org>, CommandError> {
    call("zitadel_orgs", &json!({ "profileId": profile_id })).await
}

pub async fn zitadel_providers(
    profile_id: &str,
    name: &str,
) -> Result<Vec<Provider>, CommandError> {
    call(
        "zitadel_providers",
        &json!({ "profileId": profile_id, "name": name }),
    )
    .await
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PolicyView {
    pub policy: LoginPolicy,
    pub linked: Vec<LinkedIdp>,
}

pub async fn zitadel_policy(
    profile_id: &str,
    scope: &PolicyScope,
) -> Result<PolicyView, CommandError> {
    call(
        "zitadel_policy",
        &json!({ "profileId": profile_id, "scope": scope }),
    )
    .await
}

pub async fn hub_modules(profile_id: &str) -> Result<Vec<AuthModule>, CommandError> {
    call("hub_modules", &json!({ "profileId": profile_id })).await
}

pub async fn hub_auto_join_groups(
    profile_id: &str,
    module_id: &AuthModuleId,
) -> Result<Vec<UserGroup>, CommandError> {
    call(
        "hub_auto_join_groups",
        &json!({ "profileId": profile_id, "moduleId": module_id }),
    )
    .await
}

pub async fn hub_groups(profile_id: &str, text: &str) -> Result<Vec<UserGroup>, CommandError> {
    call(
        "hub_groups",
        &json!({ "profileId": profile_id, "text": text }),
    )
    .await
}

pub async fn change_preview(profile_id: &str, change: &Change) -> Result<Plan, CommandError> {
    call(
        "change_preview",
        &json!({ "profileId": profile_id, "change": change }),
    )
    .await
}

pub async fn change_apply(
    profile_id: &str,
    change: &Change,
    confirm: Option<&str>,
) -> Result<Applied, CommandError> {
    call(
        "change_apply",
        &json!({ "profileId": profile_id, "change": change, "confirm": confirm }),
    )
    .await
}

/// One line of the audit log, as the Activity page shows it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct ActivityEntry {
    pub time: String,
    pub profile_name: String,
    pub product: String,
    pub operation: String,
    pub targets: Vec<ActivityTarget>,
    pub outcome: String,
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub correlation_id: Option<String>,
    pub who: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct ActivityTarget {
    pub kind: String,
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ActivityView {
    pub entries: Vec<ActivityEntry>,
    pub skipped_lines: usize,
    pub path: String,
}

pub async fn activity_list() -> Result<ActivityView, CommandError> {
    call("activity_list", &json!({})).await
}

pub async fn activity_export(format: &str) -> Result<String, CommandError> {
    call("activity_export", &json!({ "format": format })).await
}

/// Every organization of the tenant, for picking bulk targets.
pub async fn auth0_all_organizations(profile_id: &str) -> Result<Vec<Organization>, CommandError> {
    call(
        "auth0_all_organizations",
        &json!({ "profileId": profile_id }),
    )
    .await
}

/// Starts planning a bulk change; the run's id.
pub async fn bulk_plan(
    profile_id: &str,
    op: &BulkOp,
    targets: &[BulkTarget],
) -> Result<String, CommandError> {
    call(
        "bulk_plan",
        &json!({ "profileId": profile_id, "op": op, "targets": targets }),
    )
    .await
}

pub async fn bulk_view(run_id: &str) -> Result<RunView, CommandError> {
    call("bulk_view", &json!({ "runId": run_id })).await
}

pub async fn bulk_control(
    run_id: &str,
    action: RunAction,
    confirm: Option<&str>,
) -> Result<RunView, CommandError> {
    call(
        "bulk_control",
        &json!({ "runId": run_id, "action": action, "confirm": confirm }),
    )
    .await
}

pub async fn bulk_undo(run_id: &str) -> Result<String, CommandError> {
    call("bulk_undo", &json!({ "runId": run_id })).await
}

/// The runs on disk and the journal files that could not be read.
pub async fn bulk_runs() -> Result<RunList, CommandError> {
    call("bulk_runs", &json!({})).await
}

pub async fn bulk_export(run_id: &str) -> Result<String, CommandError> {
    call("bulk_export", &json!({ "runId": run_id })).await
}

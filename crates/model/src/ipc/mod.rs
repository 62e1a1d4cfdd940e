//! The contract between the window and the shell: each command's name, its arguments and its
//! reply, written once. The UI calls a command only through its type here (`invoke::<C>`), the
//! shell reads the arguments into `C::Args` and checks them with [`Arguments::check`] (the
//! webview is not trusted), and `build.rs` and the capability file are held to [`ALL_COMMANDS`].
//!
//! On the wire a command's arguments are the fields of its `Args` struct, snake_case, and its
//! reply is `C::Reply`; every error is a [`CommandError`](crate::CommandError).

mod app_args;
mod args;
mod audit_args;
mod bulk_view;
mod update_args;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::auth0::{Connection, OrgConnection, Organization};
use crate::bulk::{RunList, RunView};
use crate::download::DownloadOutcome;
use crate::hub::{AuthModule, UserGroup};
use crate::inventory::{CrawlView, InventoryAnswer, Listed, PickerAnswer};
use crate::test_report::TestReport;
use crate::validation::FieldErrors;
use crate::zitadel::{Org, PolicyView, Provider};
use crate::{Applied, Plan, Profile};
pub use app_args::{CatalogueArgs, LanguageArgs};
pub use audit_args::ActivityPageArgs;
pub use bulk_view::BulkViewArgs;
pub use update_args::UpdateInstallArgs;

pub use args::{
    ActivityExportArgs, AutoJoinGroupsArgs, BulkControlArgs, BulkPlanArgs, BulkRateShareArgs,
    BulkTargetsFromListArgs, ChangeApplyArgs, ChangePreviewArgs, CrawlArgs, HideSandboxArgs,
    InventoryAskArgs, InventoryExportArgs, NoArgs, OrgConnectionsArgs, PickerSearchArgs,
    PolicyArgs, ProfileAddArgs, ProfileArgs, ProfileEditArgs, RunArgs, SearchArgs,
};
pub use args::{
    CompareArgs, CompareCopyArgs, DownloadResultArgs, MakeLikeArgs, SnapshotExportArgs,
};

/// One command the window may call.
pub trait Command {
    /// The name Tauri routes it by: the handler function's name, and `allow-<name>` (with `-`
    /// for `_`) in the capability file.
    const NAME: &'static str;
    type Args: Arguments;
    type Reply: Serialize + DeserializeOwned;
}

/// A command's arguments, and the model's rules for them that can be checked without reading
/// anything (the core checks what needs its state, such as another profile's name).
pub trait Arguments: Serialize + DeserializeOwned {
    /// Field errors; empty when the arguments may go on.
    fn check(&self) -> FieldErrors {
        FieldErrors::new()
    }
}

macro_rules! commands {
    ($($(#[$doc:meta])* $ty:ident = $name:literal ($args:ty) -> $reply:ty;)*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub struct $ty;

            impl Command for $ty {
                const NAME: &'static str = $name;
                type Args = $args;
                type Reply = $reply;
            }
        )*

        /// Every command, by name, in the order the shell registers them.
        pub const ALL_COMMANDS: &[&str] = &[$($name),*];

        /// Each command's type name beside its name, to hold them to one spelling.
        #[cfg(test)]
        const TYPE_NAMES: &[(&str, &str)] = &[$((stringify!($ty), $name)),*];
    };
}

commands! {
    /// The version, the platform and the profiles, for the window's frame.
    AppInfo = "app_info" (NoArgs) -> crate::app::AppInfo;
    /// Remembers the UI language the user picked, in the settings file.
    AppSetLanguage = "app_set_language" (LanguageArgs) -> ();
    /// A UI language's catalogue the shell keeps (every language but English): its Fluent
    /// source, for the window to load when that language is chosen.
    AppCatalogue = "app_catalogue" (CatalogueArgs) -> String;

    ProfileAdd = "profile_add" (ProfileAddArgs) -> Profile;
    /// An empty secret keeps the one in the keychain.
    ProfileEdit = "profile_edit" (ProfileEditArgs) -> Profile;
    /// Removes the profile and its keychain entry.
    ProfileRemove = "profile_remove" (ProfileArgs) -> ();
    /// "Test connection": reads something cheap and names what is missing.
    ProfileTest = "profile_test" (ProfileArgs) -> TestReport;
    ProfilesHideSandbox = "profiles_hide_sandbox" (HideSandboxArgs) -> ();
    /// "Try the sandbox": starts the built-in sandbox for this session and shows its profiles.
    ProfilesTrySandbox = "profiles_try_sandbox" (NoArgs) -> ();

    /// Organizations whose name matches the text (exact name first).
    Auth0SearchOrganizations = "auth0_search_organizations" (SearchArgs) -> Vec<Organization>;
    Auth0Connections = "auth0_connections" (ProfileArgs) -> Vec<Connection>;
    Auth0OrgConnections = "auth0_org_connections" (OrgConnectionsArgs) -> Vec<OrgConnection>;
    /// Every organization of the tenant (checkpoint paging), for picking bulk targets.
    Auth0AllOrganizations = "auth0_all_organizations" (ProfileArgs) -> Vec<Organization>;
    /// Who changed an organization's connections: the tenant's logs and Lanyard's audit log.
    Auth0History = "auth0_history" (OrgConnectionsArgs) -> crate::history::OrganizationHistory;

    ZitadelOrgs = "zitadel_orgs" (ProfileArgs) -> Vec<Org>;
    /// Identity providers whose name contains the text; all of them for an empty text.
    ZitadelProviders = "zitadel_providers" (SearchArgs) -> Vec<Provider>;
    ZitadelPolicy = "zitadel_policy" (PolicyArgs) -> PolicyView;

    HubModules = "hub_modules" (ProfileArgs) -> Vec<AuthModule>;
    HubAutoJoinGroups = "hub_auto_join_groups" (AutoJoinGroupsArgs) -> Vec<UserGroup>;
    /// Groups whose name matches the text.
    HubSearchGroups = "hub_search_groups" (SearchArgs) -> Vec<UserGroup>;

    /// What the change will send, the target's state now (read live) and after.
    ChangePreview = "change_preview" (ChangePreviewArgs) -> Plan;
    /// Applies the change (checked again, with the production guard) and logs it.
    ChangeApply = "change_apply" (ChangeApplyArgs) -> Applied;

    /// Starts planning a bulk change; the run's id. The window polls `bulk_view`.
    BulkPlan = "bulk_plan" (BulkPlanArgs) -> String;
    BulkView = "bulk_view" (BulkViewArgs) -> RunView;
    /// Start, pause, resume, cancel, retry the failed items, or discard.
    BulkControl = "bulk_control" (BulkControlArgs) -> RunView;
    /// A new run that reverses what the run applied; its id.
    BulkUndo = "bulk_undo" (RunArgs) -> String;
    /// The runs on disk, and the journal files that could not be read.
    BulkRuns = "bulk_runs" (NoArgs) -> RunList;
    /// The run's results as CSV text, for the window to save.
    BulkExport = "bulk_export" (RunArgs) -> String;
    /// Targets from a pasted list or a CSV column: each entry resolved by id, or by name or
    /// display name (any case, whole), in the inventory or else live; unknown, ambiguous and
    /// repeated entries listed apart.
    BulkTargetsFromList = "bulk_targets_from_list" (BulkTargetsFromListArgs) -> crate::bulk::list::ListResolution;
    /// Sets a run's share of the write rate (while planning, ready, paused or interrupted).
    BulkRateShare = "bulk_rate_share" (BulkRateShareArgs) -> RunView;

    /// "Make like": plans the changes that make each target like the source; the run's id
    /// (it waits in Ready; its items are (target, change) pairs, see `bulk_groups`).
    MakeLikePlan = "make_like_plan" (MakeLikeArgs) -> String;
    /// A run's items grouped by target, each named by its change.
    BulkGroups = "bulk_groups" (RunArgs) -> Vec<crate::compare::RunGroup>;
    /// Two profiles of a product (or a snapshot file and a profile) compared by name.
    CompareProfiles = "compare_profiles" (CompareArgs) -> crate::compare::Comparison;
    /// "Copy to the right": the selected differences as a run on the right-hand profile; its id.
    CompareCopy = "compare_copy" (CompareCopyArgs) -> String;
    /// A profile's wiring as a snapshot file's text, for the window to save.
    SnapshotExport = "snapshot_export" (SnapshotExportArgs) -> String;

    /// Every crawl this session knows of, for the progress line on every page.
    InventoryStatus = "inventory_status" (NoArgs) -> crate::inventory::InventoryStatus;
    /// A profile's inventory: its crawl, what it holds, what changed outside Lanyard.
    InventoryOverview = "inventory_overview" (ProfileArgs) -> crate::inventory::InventoryOverview;
    /// Start, resume or cancel a profile's crawl.
    InventoryCrawl = "inventory_crawl" (CrawlArgs) -> CrawlView;
    /// The targets that answer a question, from the inventory.
    InventoryAsk = "inventory_ask" (InventoryAskArgs) -> InventoryAnswer;
    /// A question's answer as CSV or JSON text, for the window to save.
    InventoryExport = "inventory_export" (InventoryExportArgs) -> String;
    /// A picker's search in the inventory; `None` when it holds nothing of the kind.
    InventorySearch = "inventory_search" (PickerSearchArgs) -> Option<PickerAnswer>;
    /// The tenant's connections with their strategies, from the inventory; `None` when it
    /// cannot say (none listed, or listed without their strategy): the page then lists live.
    InventoryConnections = "inventory_connections" (ProfileArgs) -> Option<Listed<Connection>>;
    /// Hub's auth modules (name, type, enabled) from the inventory; `None` when it cannot say.
    InventoryModules = "inventory_modules" (ProfileArgs) -> Option<Listed<AuthModule>>;
    /// ZITADEL's IdPs (name, type, state) from the inventory; `None` when it cannot say.
    InventoryProviders = "inventory_providers" (ProfileArgs) -> Option<Listed<Provider>>;

    /// A page of the audit log's entries that match a filter, newest first, with their count;
    /// the filter runs over the whole log.
    ActivityPage = "activity_page" (ActivityPageArgs) -> crate::audit::ActivityPage;
    /// The audit log as CSV or JSON text, for the window to save.
    ActivityExport = "activity_export" (ActivityExportArgs) -> String;
    /// Where the window's download of a Blob URL it made went (the user's Downloads folder),
    /// once it has ended; waits for it a while.
    DownloadResult = "download_result" (DownloadResultArgs) -> DownloadOutcome;

    /// "Check for updates": whether the update server offers a newer version, or that updates
    /// are off. The offer is kept for `update_install`.
    UpdateCheck = "update_check" (NoArgs) -> crate::update::UpdateCheck;
    /// Starts downloading the offered version, checking its signature and installing it; the
    /// window polls `update_progress`.
    UpdateInstall = "update_install" (UpdateInstallArgs) -> crate::update::UpdateProgress;
    UpdateProgress = "update_progress" (NoArgs) -> crate::update::UpdateProgress;
}

/// The capability file's permission for command `name`, as tauri-build names it.
pub fn permission(name: &str) -> String {
    format!("allow-{}", name.replace('_', "-"))
}

#[cfg(test)]
mod tests;

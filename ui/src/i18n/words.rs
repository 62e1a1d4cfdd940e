//! The model's enums in the UI's language: one function per enum, one catalogue key per value.

use lanyard_model::Product;
use lanyard_model::audit::Outcome;
use lanyard_model::auth0::{AccessLevel, StrategyKind};
use lanyard_model::bulk::ItemStatus;
use lanyard_model::compare::DiffKind;
use lanyard_model::download::DownloadOutcome;
use lanyard_model::inventory::{CrawlPhase, CrawlState, PickerKind, Targets};
use lanyard_model::profile::Environment;

use crate::tr;

/// "Production", "本番", ...
pub fn environment(env: Environment) -> String {
    match env {
        Environment::Production => tr!("env-production"),
        Environment::Staging => tr!("env-staging"),
        Environment::Development => tr!("env-development"),
        Environment::Sandbox => tr!("env-sandbox"),
    }
}

/// "database", "social", ... as a connection's kind.
pub fn strategy_kind(kind: StrategyKind) -> String {
    match kind {
        StrategyKind::Database => tr!("strategy-database"),
        StrategyKind::Social => tr!("strategy-social"),
        StrategyKind::Enterprise => tr!("strategy-enterprise"),
        StrategyKind::Passwordless => tr!("strategy-passwordless"),
    }
}

/// What a running crawl is doing: "Listing organizations", "Reading each organization's
/// connections"; empty when it is idle.
pub fn crawl_phase(phase: CrawlPhase) -> String {
    match phase {
        CrawlPhase::Idle => String::new(),
        CrawlPhase::Listing(Targets::Organizations) => tr!("crawl-phase-list-organizations"),
        CrawlPhase::Listing(Targets::Connections) => tr!("crawl-phase-list-connections"),
        CrawlPhase::Listing(Targets::Instance) => tr!("crawl-phase-list-instance"),
        CrawlPhase::Listing(Targets::LoginPolicies) => tr!("crawl-phase-list-login-policies"),
        CrawlPhase::Listing(Targets::IdentityProviders) => tr!("crawl-phase-list-idps"),
        CrawlPhase::Listing(Targets::AuthModules) => tr!("crawl-phase-list-auth-modules"),
        CrawlPhase::Listing(Targets::Groups) => tr!("crawl-phase-list-groups"),
        CrawlPhase::Reading(Targets::Organizations) => tr!("crawl-phase-read-org-connections"),
        CrawlPhase::Reading(Targets::Instance | Targets::LoginPolicies) => {
            tr!("crawl-phase-read-policy-idps")
        }
        CrawlPhase::Reading(Targets::AuthModules) => tr!("crawl-phase-read-module-groups"),
        CrawlPhase::Reading(other) => tr!("crawl-phase-read", what = targets(other)),
    }
}

/// "Organizations", "Login policies", ... as the Inventory page counts them.
pub fn targets(kind: Targets) -> String {
    match kind {
        Targets::Organizations => tr!("targets-organizations"),
        Targets::Connections => tr!("targets-connections"),
        Targets::Instance => tr!("targets-instance"),
        Targets::LoginPolicies => tr!("targets-login-policies"),
        Targets::IdentityProviders => tr!("targets-idps"),
        Targets::AuthModules => tr!("targets-auth-modules"),
        Targets::Groups => tr!("targets-groups"),
    }
}

/// An audit entry's operation ("enable connection", ...); one Lanyard does not know (a newer
/// version's) reads as its code with spaces.
pub fn audit_operation(code: &str) -> String {
    match code {
        "enable_connection" => tr!("op-enable-connection"),
        "update_connection" => tr!("op-update-connection"),
        "remove_connection" => tr!("op-remove-connection"),
        "link_idp" => tr!("op-link-idp"),
        "unlink_idp" => tr!("op-unlink-idp"),
        "set_external_idps" => tr!("op-set-external-idps"),
        "add_auto_join_group" => tr!("op-add-auto-join-group"),
        "remove_auto_join_group" => tr!("op-remove-auto-join-group"),
        "create_login_policy" => tr!("op-create-login-policy"),
        other => other.replace('_', " "),
    }
}

/// An audit entry's outcome.
pub fn audit_outcome(outcome: Outcome) -> String {
    match outcome {
        Outcome::Success => tr!("outcome-success"),
        Outcome::Failure => tr!("outcome-failure"),
        Outcome::Unknown => tr!("outcome-unknown"),
    }
}

/// "Reading", "Complete", ... of a crawl.
pub fn crawl_state(state: CrawlState) -> String {
    match state {
        CrawlState::NotStarted => tr!("crawl-state-not-started"),
        CrawlState::Running => tr!("crawl-state-running"),
        CrawlState::Interrupted => tr!("crawl-state-interrupted"),
        CrawlState::Cancelled => tr!("crawl-state-cancelled"),
        CrawlState::Finished => tr!("crawl-state-finished"),
    }
}

/// "Done", "Failed", ... of a bulk run's item.
pub fn item_status(status: ItemStatus) -> String {
    match status {
        ItemStatus::Pending => tr!("item-pending"),
        ItemStatus::Skipped => tr!("item-skipped"),
        ItemStatus::Sending => tr!("item-sending"),
        ItemStatus::Done => tr!("item-done"),
        ItemStatus::Failed => tr!("item-failed"),
        ItemStatus::Unknown => tr!("item-unknown"),
        ItemStatus::NotSent => tr!("item-not-sent"),
    }
}

/// "Only on the left", "Same", ... of a comparison's row.
pub fn diff_kind(kind: DiffKind) -> String {
    match kind {
        DiffKind::OnlyLeft => tr!("diff-only-left"),
        DiffKind::OnlyRight => tr!("diff-only-right"),
        DiffKind::Same => tr!("diff-same"),
        DiffKind::Different => tr!("diff-different"),
    }
}

/// What an Auth0 organization access level lets the organization's admins do.
pub fn access_level(level: AccessLevel) -> String {
    match level {
        AccessLevel::None => tr!("access-none"),
        AccessLevel::Readonly => tr!("access-readonly"),
        AccessLevel::Limited => tr!("access-limited"),
        AccessLevel::Full => tr!("access-full"),
    }
}

/// Where a download went ("Saved acme.csv to ~/Downloads."), or why it was not saved; the
/// cause is the system's words, as it gave them.
pub fn download_outcome(outcome: &DownloadOutcome) -> String {
    let file = outcome.file_name.as_str();
    let folder = outcome.folder.as_str();
    if outcome.saved {
        return tr!("download-saved", file = file, folder = folder);
    }
    let cause = outcome
        .error
        .clone()
        .unwrap_or_else(|| tr!("download-failed-in-window"));
    if file.is_empty() {
        tr!("download-export-not-saved", cause = cause)
    } else {
        tr!(
            "download-not-saved",
            file = file,
            folder = folder,
            cause = cause
        )
    }
}

/// What a picker or a pasted list finds: "Auth0 organizations".
pub fn picker_kind(kind: PickerKind) -> String {
    match kind {
        PickerKind::Auth0Organization => tr!("unfit-kind-auth0-organizations"),
        PickerKind::Auth0Connection => tr!("unfit-kind-auth0-connections"),
        PickerKind::ZitadelOrganization => tr!("unfit-kind-zitadel-organizations"),
        PickerKind::ZitadelIdp => tr!("unfit-kind-zitadel-idps"),
        PickerKind::HubAuthModule => tr!("unfit-kind-hub-auth-modules"),
        PickerKind::HubGroup => tr!("unfit-kind-hub-groups"),
    }
}

/// What a product's compare and make-like act on: organizations, login policies, auth modules.
pub fn product_targets(product: Product) -> String {
    match product {
        Product::Auth0 => tr!("compare-targets-auth0"),
        Product::Zitadel => tr!("compare-targets-zitadel"),
        Product::Hub => tr!("compare-targets-hub"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lang, set_lang};
    use super::*;

    #[test]
    fn a_download_says_where_it_went_in_each_language() {
        let saved = DownloadOutcome {
            saved: true,
            file_name: "acme.csv".to_owned(),
            folder: "~/Downloads".to_owned(),
            path: "/home/a/Downloads/acme.csv".to_owned(),
            error: None,
        };
        let refused = DownloadOutcome {
            saved: false,
            error: Some("disk full".to_owned()),
            ..saved.clone()
        };
        set_lang(Lang::En);
        assert_eq!(download_outcome(&saved), "Saved acme.csv to ~/Downloads.");
        assert_eq!(
            download_outcome(&refused),
            "acme.csv was not saved to ~/Downloads: disk full."
        );
        set_lang(Lang::Ja);
        let ja = download_outcome(&saved);
        set_lang(Lang::En);
        assert_eq!(ja, "acme.csv を ~/Downloads に保存しました。");
    }
}

//! The details of the errors whose whole message Lanyard writes (its setup, the keychain, a
//! state that changed), in the UI's language; what the system or a parser said is quoted.

use lanyard_model::Product;
use lanyard_model::error::{ConfigProblem, KeychainProblem, StateChange};
use lanyard_model::inventory::CrawlAction;

use super::changes::label;
use super::run_refusals::{not_copied, rate_share_refused, run_refuses};
use super::runs_journal::journal_problem;
use super::states::target_state;
use super::words::{crawl_state, product_targets};
use crate::tr;

/// What is wrong with Lanyard's setup or files; the system's own words are quoted as said.
pub(super) fn config_problem(problem: &ConfigProblem) -> String {
    match problem {
        ConfigProblem::InsecureAddress { url } => tr!("config-insecure-address", url = url.clone()),
        ConfigProblem::BadAddress { url, reason } => {
            tr!(
                "config-bad-address",
                url = url.clone(),
                reason = reason.clone()
            )
        }
        ConfigProblem::SecretMissing { profile } => {
            tr!("config-secret-missing", profile = profile.clone())
        }
        ConfigProblem::SettingsUnreadable { path, detail } => {
            tr!(
                "config-settings-unreadable",
                path = path.clone(),
                detail = detail.clone()
            )
        }
        ConfigProblem::SettingsUnwritable { path, detail } => {
            tr!(
                "config-settings-unwritable",
                path = path.clone(),
                detail = detail.clone()
            )
        }
        ConfigProblem::AuditLogUnreadable { path, detail } => {
            tr!(
                "config-audit-unreadable",
                path = path.clone(),
                detail = detail.clone()
            )
        }
        ConfigProblem::InventoryNotOpen => tr!("config-inventory-not-open"),
        ConfigProblem::InventoryUnreadable { detail } => {
            tr!("config-inventory-unreadable", detail = detail.clone())
        }
        ConfigProblem::InventoryClosed {
            reason: Some(reason),
        } => {
            tr!(
                "config-inventory-closed",
                reason = super::records::inventory_problem(reason)
            )
        }
        ConfigProblem::InventoryClosed { reason: None } => tr!("config-inventory-never-opened"),
        ConfigProblem::InventoryClosedForCrawl {
            reason: Some(reason),
        } => tr!(
            "config-inventory-closed-for-crawl",
            reason = super::records::inventory_problem(reason)
        ),
        ConfigProblem::InventoryClosedForCrawl { reason: None } => {
            tr!("config-inventory-closed-for-crawl-unsaid")
        }
        ConfigProblem::InventoryUnwritable { step, detail } => tr!(
            "config-inventory-unwritable",
            step = super::records::crawl_step(*step),
            detail = detail.clone()
        ),
        ConfigProblem::InventoryBadTime { ms } => {
            tr!("config-inventory-bad-time", ms = ms.to_string())
        }
        ConfigProblem::ExportUnwritten { detail } => {
            tr!("config-export-unwritten", detail = detail.clone())
        }
        ConfigProblem::WorkStopped { work, detail } => super::records::work_stopped(*work, detail),
        ConfigProblem::SandboxNotStarted { cause } => super::records::sandbox_not_started(cause),
        ConfigProblem::InventoryReadStopped { detail } => {
            tr!("config-inventory-read-stopped", detail = detail.clone())
        }
        ConfigProblem::InventoryBadId { id, detail } => tr!(
            "config-inventory-bad-id",
            id = id.clone(),
            detail = detail.clone()
        ),
        ConfigProblem::CrawlWithoutClient => tr!("config-crawl-without-client"),
        ConfigProblem::CrawlOutsideRuntime => tr!("config-crawl-outside-runtime"),
        ConfigProblem::ClientOfOtherProduct => tr!("config-client-of-other-product"),
        ConfigProblem::CrawlKindUnread { kind } => {
            tr!("config-crawl-kind-unread", kind = kind.clone())
        }
        ConfigProblem::RunNotFound { run } => tr!("config-run-not-found", run = run.clone()),
        ConfigProblem::RunUnreadable { run, reason } => tr!(
            "config-run-unreadable",
            run = run.clone(),
            reason = journal_problem(reason)
        ),
        ConfigProblem::RunJournalUnwritable {
            run,
            folder,
            detail,
        } => tr!(
            "config-run-journal-unwritable",
            run = run.clone(),
            folder = folder.clone(),
            detail = detail.clone()
        ),
        ConfigProblem::AuditLogUnwritable { path, detail } => {
            tr!(
                "config-audit-unwritable",
                path = path.clone(),
                detail = detail.clone()
            )
        }
        ConfigProblem::BrokenBuild { routed_as, reads } => {
            tr!(
                "config-broken-build",
                routed_as = routed_as.clone(),
                reads = reads.clone()
            )
        }
        ConfigProblem::WindowUnreachable { command, detail } => tr!(
            "config-window-unreachable",
            command = command.clone(),
            detail = detail.clone()
        ),
        ConfigProblem::ActivityFilterSuperseded => tr!("config-activity-filter-superseded"),
        ConfigProblem::SettingsUnencodable { detail } => {
            tr!("config-settings-unencodable", detail = detail.clone())
        }
    }
}

/// What changed since the plan, or why the action does not fit the state now.
pub(super) fn state_change(change: &StateChange) -> String {
    match change {
        StateChange::NoLongerEnabled { item, target } => tr!(
            "state-no-longer-enabled",
            item = label(item),
            target = label(target)
        ),
        StateChange::ChangedSince { item, target } => tr!(
            "state-changed-since",
            item = label(item),
            target = label(target)
        ),
        StateChange::EnabledWithOtherOptions {
            item,
            target,
            found,
        } => tr!(
            "state-enabled-with-other-options",
            item = label(item),
            target = label(target),
            found = target_state(found)
        ),
        StateChange::CrawlRefuses {
            profile,
            state,
            action,
        } => {
            let (profile, state) = (profile.clone(), crawl_state(*state).to_lowercase());
            match action {
                CrawlAction::Start => {
                    tr!(
                        "state-crawl-refuses-start",
                        profile = profile,
                        state = state
                    )
                }
                CrawlAction::Resume => {
                    tr!(
                        "state-crawl-refuses-resume",
                        profile = profile,
                        state = state
                    )
                }
                CrawlAction::Cancel => {
                    tr!(
                        "state-crawl-refuses-cancel",
                        profile = profile,
                        state = state
                    )
                }
            }
        }
        StateChange::NeverCrawled { profile } => {
            tr!("state-never-crawled", profile = profile.clone())
        }
        StateChange::NothingToCopy => tr!("state-nothing-to-copy"),
        StateChange::LikeTargetCount {
            product,
            max,
            source,
        } => tr!(
            "state-like-target-count",
            max = max.to_string(),
            targets = product_targets(*product),
            source = source.clone()
        ),
        StateChange::AlreadyLike {
            targets: 1,
            first,
            source,
            ..
        } => tr!(
            "state-already-like-one",
            first = first.clone(),
            source = source.clone()
        ),
        StateChange::AlreadyLike {
            product,
            targets,
            source,
            ..
        } => tr!(
            "state-already-like",
            n = targets.to_string(),
            targets = product_targets(*product),
            source = source.clone()
        ),
        StateChange::SameProfileBothSides => tr!("state-same-profile-both-sides"),
        StateChange::ProductsDiffer {
            left,
            right,
            right_name,
        } => tr!(
            "state-products-differ",
            left = left.label(),
            right = right.label(),
            right_name = right_name.clone()
        ),
        StateChange::NeverCrawledToCompare {
            profile,
            product,
            name_contains: None,
        } => tr!(
            "state-never-crawled-to-compare",
            profile = profile.clone(),
            targets = product_targets(*product),
            items = product_items(*product)
        ),
        StateChange::NeverCrawledToCompare {
            profile,
            product,
            name_contains: Some(term),
        } => tr!(
            "state-never-crawled-to-compare-named",
            profile = profile.clone(),
            targets = product_targets(*product),
            items = product_items(*product),
            term = term.clone()
        ),
        StateChange::RunRefuses { state, action } => run_refuses(*state, *action),
        StateChange::RateShareRefused { state } => rate_share_refused(*state),
        StateChange::NothingToUndo => tr!("run-refused-nothing-to-undo"),
        StateChange::UndoIsItsOwnRun => tr!("run-refused-undo-is-its-own-run"),
        StateChange::RunWithoutProfile => tr!("run-refused-without-profile"),
        StateChange::NothingToRetry => tr!("run-refused-nothing-to-retry"),
        StateChange::NotCopied { rows, more } => not_copied(rows, *more),
    }
}

/// What the keychain refused or failed at; the platform's own words are quoted as it said them.
pub(super) fn keychain_problem(problem: &KeychainProblem) -> String {
    match problem {
        KeychainProblem::TooLong { len, max } => {
            tr!("keychain-too-long", len = *len, max = *max)
        }
        KeychainProblem::Empty => tr!("keychain-empty"),
        KeychainProblem::NoAccess(detail) => tr!("keychain-no-access", detail = detail.clone()),
        KeychainProblem::Unavailable(detail) => {
            tr!("keychain-unavailable", detail = detail.clone())
        }
        KeychainProblem::Other(detail) => tr!("keychain-other", detail = detail.clone()),
        KeychainProblem::TaskFailed => tr!("keychain-task-failed"),
    }
}

/// What a product's targets hold: connections, identity providers, groups.
fn product_items(product: Product) -> String {
    match product {
        Product::Auth0 => tr!("compare-items-auth0"),
        Product::Zitadel => tr!("compare-items-zitadel"),
        Product::Hub => tr!("compare-items-hub"),
    }
}

//! The words of records and checks: audit-log messages, the crawl's stop message, the
//! inventory's and the compare's refusals, from `locales/<tag>/records.ftl`.

use lanyard_model::Product;
use lanyard_model::audit::{AuditNote, Note, Target};
use lanyard_model::crawl_stop::{CrawlReading, CrawlStep, CrawlStop, StopCause};
use lanyard_model::error::{Asked, SandboxStart, Unfit, Work};
use lanyard_model::inventory::Targets;
use lanyard_model::inventory_problem::{InventoryProblem, InventoryWrite};

use super::words::picker_kind;
use super::{change_summary, error_text, label};
use crate::tr;

/// An audit entry's note in the UI's language. Words an earlier Lanyard wrote as text are
/// shown as written (quoted where the UI is not English); a later Lanyard's note, as it wrote it.
pub fn audit_note(note: &AuditNote) -> String {
    match note {
        AuditNote::Stored(text) => tr!("audit-note-stored", text = text.clone()),
        AuditNote::Noted(Note::Already) => tr!("audit-note-already"),
        AuditNote::Noted(Note::Failed { error }) => error_text(error),
        AuditNote::Noted(Note::DoneFor { change }) => change_summary(change),
        AuditNote::Noted(Note::LeftAlone { item }) => super::runs::item_note(item),
        AuditNote::Later(_) => tr!("audit-note-later", text = note.to_string()),
    }
}

/// What an audit entry's target is called in the UI's language: the product's name as it is
/// (an old line's name as written, English or not), what the console calls it (an item known
/// only by its id, the instance, an organization's own login policy), or its id when the line
/// names none.
pub fn audit_target(target: &Target) -> String {
    target
        .name
        .as_ref()
        .map_or_else(|| target.id.clone(), label)
}

/// An audit entry's targets as the Activity page lists them, one after the other.
pub fn audit_targets(targets: &[Target]) -> String {
    targets
        .iter()
        .map(audit_target)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Why a crawl stopped, with what to do, in the UI's language; an earlier Lanyard's words as
/// written.
pub fn crawl_stop(stop: &CrawlStop) -> String {
    let cause = match stop {
        CrawlStop::Stored(text) => return tr!("crawl-stop-stored", text = text.clone()),
        CrawlStop::Said(cause) => cause,
    };
    match cause {
        StopCause::LanyardStopped => tr!("crawl-stop-lanyard-stopped"),
        StopCause::Cancelled => tr!("crawl-stop-cancelled"),
        StopCause::NotKept => tr!("crawl-stop-not-kept"),
        StopCause::TargetsGone { count } => tr!("crawl-stop-targets-gone", count = *count),
        StopCause::WriterStopped => tr!("crawl-stop-writer-stopped"),
        StopCause::ReaderStopped => tr!("crawl-stop-reader-stopped"),
        StopCause::Unwritable { step, detail } => tr!(
            "crawl-stop-unwritable",
            step = crawl_step(*step),
            detail = detail.clone()
        ),
        StopCause::InventoryClosed {
            reason: Some(reason),
        } => tr!("crawl-stop-closed", reason = inventory_problem(reason)),
        StopCause::InventoryClosed { reason: None } => tr!("crawl-stop-never-opened"),
        StopCause::Unreadable { detail } => {
            tr!("crawl-stop-unreadable", detail = detail.clone())
        }
        StopCause::ServerFailed { reading, error } => tr!(
            "crawl-stop-server",
            reading = crawl_reading(reading),
            error = error_text(error).trim_end_matches(['.', '。']).to_owned()
        ),
    }
}

/// What the crawl was writing when the inventory refused it.
pub(super) fn crawl_step(step: CrawlStep) -> String {
    match step {
        CrawlStep::SaveState => tr!("crawl-step-save-state"),
        CrawlStep::RecordInstance => tr!("crawl-step-record-instance"),
        CrawlStep::RecordListed => tr!("crawl-step-record-listed"),
        CrawlStep::ForgetUnlisted => tr!("crawl-step-forget-unlisted"),
        CrawlStep::ForgetGone => tr!("crawl-step-forget-gone"),
        CrawlStep::RecordRead => tr!("crawl-step-record-read"),
    }
}

/// What the crawl was reading when the server failed.
fn crawl_reading(reading: &CrawlReading) -> String {
    match reading {
        CrawlReading::Listing { targets } => match targets {
            Targets::Organizations => tr!("crawl-reading-organizations"),
            Targets::Connections => tr!("crawl-reading-connections"),
            Targets::Instance => tr!("crawl-reading-instance"),
            Targets::LoginPolicies => tr!("crawl-reading-login-policies"),
            Targets::IdentityProviders => tr!("crawl-reading-idps"),
            Targets::AuthModules => tr!("crawl-reading-auth-modules"),
            Targets::Groups => tr!("crawl-reading-groups"),
        },
        CrawlReading::Target { name } => tr!("crawl-reading-target", name = name.clone()),
    }
}

/// A request that does not fit the profile picked, or a question that could only mislead.
pub(super) fn unfit(unfit: &Unfit) -> String {
    match unfit {
        Unfit::OtherProduct {
            profile,
            product,
            needs,
            asked,
        } => tr!(
            "unfit-other-product",
            profile = profile.clone(),
            product = product.label(),
            needs = needs.label(),
            asked = asked_words(*asked, *needs)
        ),
        Unfit::NotOfProduct { needs } => tr!("unfit-not-of-product", needs = needs.name()),
        Unfit::OptionsWithLacks => tr!("unfit-options-with-lacks"),
        Unfit::LinkOnDefaultPolicy { target } => {
            tr!("unfit-link-on-default-policy", target = label(target))
        }
    }
}

/// What was asked of a profile of another product than `needs`.
fn asked_words(asked: Asked, needs: Product) -> String {
    match asked {
        Asked::Question => match needs {
            Product::Auth0 => tr!("unfit-asked-question-auth0"),
            Product::Zitadel => tr!("unfit-asked-question-zitadel"),
            Product::Hub => tr!("unfit-asked-question-hub"),
        },
        Asked::Picker => tr!("unfit-asked-picker"),
        Asked::ConnectionList => tr!("unfit-asked-connection-list"),
        Asked::AuthModuleList => tr!("unfit-asked-auth-module-list"),
        Asked::IdpList => tr!("unfit-asked-idp-list"),
        Asked::TargetList { kind } => tr!("unfit-asked-target-list", kind = picker_kind(kind)),
        Asked::BulkChange => tr!("unfit-asked-bulk-change"),
    }
}

/// Work of Lanyard's own that stopped before it ended.
pub(super) fn work_stopped(work: Work, detail: &str) -> String {
    let work = match work {
        Work::SnapshotRead => tr!("work-snapshot-read"),
        Work::Compare => tr!("work-compare"),
        Work::SnapshotExport => tr!("work-snapshot-export"),
    };
    tr!(
        "config-work-stopped",
        work = work,
        detail = detail.to_owned()
    )
}

/// Why the built-in sandbox could not start; the system's words quoted.
pub(super) fn sandbox_not_started(cause: &SandboxStart) -> String {
    let cause = match cause {
        SandboxStart::CannotListen { addr, detail } => tr!(
            "sandbox-cannot-listen",
            addr = addr.clone(),
            detail = detail.clone()
        ),
        SandboxStart::Settings { detail } => tr!("sandbox-settings", detail = detail.clone()),
        SandboxStart::Certificates { detail } => {
            tr!("sandbox-certificates", detail = detail.clone())
        }
        SandboxStart::CaUnwritable { path, detail } => tr!(
            "sandbox-ca-unwritable",
            path = path.clone(),
            detail = detail.clone()
        ),
    };
    tr!("config-sandbox-not-started", cause = cause)
}

/// Why the inventory is not at hand, or why its last write failed; SQLite's and the system's
/// words quoted.
pub fn inventory_problem(problem: &InventoryProblem) -> String {
    match problem {
        InventoryProblem::CannotCreate { path, detail } => tr!(
            "inventory-cannot-create",
            path = path.clone(),
            detail = detail.clone()
        ),
        InventoryProblem::CannotOpen { path, detail } => tr!(
            "inventory-cannot-open",
            path = path.clone(),
            detail = detail.clone()
        ),
        InventoryProblem::Damaged { path, cause } => tr!(
            "inventory-damaged",
            path = path.clone(),
            cause = cause.clone()
        ),
        InventoryProblem::TooNew { found, known } => tr!(
            "inventory-too-new",
            found = found.to_string(),
            known = known.to_string()
        ),
        InventoryProblem::CannotUpgrade { version, detail } => tr!(
            "inventory-cannot-upgrade",
            version = version.to_string(),
            detail = detail.clone()
        ),
        InventoryProblem::BadValue { detail } => {
            tr!("inventory-bad-value", detail = detail.clone())
        }
        InventoryProblem::Failed { detail } => tr!("inventory-failed", detail = detail.clone()),
        InventoryProblem::Unwritten { write, detail } => tr!(
            "inventory-unwritten",
            write = inventory_write(*write),
            detail = detail.clone()
        ),
    }
}

/// What Lanyard was writing to the inventory.
fn inventory_write(write: InventoryWrite) -> String {
    match write {
        InventoryWrite::Crawl(step) => crawl_step(step),
        InventoryWrite::MarkInterrupted => tr!("inventory-write-mark-interrupted"),
        InventoryWrite::RefreshOrganizationConnections => tr!("inventory-write-org-connections"),
        InventoryWrite::RefreshOrganizationConnection => tr!("inventory-write-org-connection"),
        InventoryWrite::RefreshPolicyIdps => tr!("inventory-write-policy-idps"),
        InventoryWrite::RecordTargetName => tr!("inventory-write-target-name"),
        InventoryWrite::RefreshModuleGroups => tr!("inventory-write-module-groups"),
        InventoryWrite::RecordChange => tr!("inventory-write-change"),
        InventoryWrite::RecordMakeLikeRead => tr!("inventory-write-make-like"),
        InventoryWrite::RecordListingNames => tr!("inventory-write-listing-names"),
    }
}

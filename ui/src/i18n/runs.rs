//! A bulk run's words: its title, its notes and its items' notes, from `locales/<tag>/runs.ftl`.
//! English reads as the model's `Display`; a title or note journaled before they were typed is
//! shown as it was written.

use lanyard_model::bulk::{ItemNote, ListLiveReason, ListNote, LiveReason, RunNote, RunTitle};
use lanyard_model::compare::SideNote;
use lanyard_model::{CommandError, FieldErrors};

use super::words::{picker_kind, product_targets};
use super::{error_text, field_problems, label, target_state};
use crate::tr;

/// What a run does ("Enable github for 3 organizations").
pub fn run_title(title: &RunTitle) -> String {
    match title {
        RunTitle::EnableConnection {
            connection,
            organizations: n,
        } => tr!("run-title-enable", connection = connection.clone(), n = *n),
        RunTitle::DisableConnection {
            connection,
            organizations: n,
        } => tr!("run-title-disable", connection = connection.clone(), n = *n),
        RunTitle::ChangeConnection {
            connection,
            organizations: n,
        } => tr!("run-title-change", connection = connection.clone(), n = *n),
        RunTitle::RemoveConnection {
            connection,
            organizations: n,
        } => tr!("run-title-remove", connection = connection.clone(), n = *n),
        RunTitle::LinkProviders {
            policy_of,
            providers: n,
        } => tr!("run-title-link", policy = label(policy_of), n = *n),
        RunTitle::UnlinkProviders {
            policy_of,
            providers: n,
        } => tr!("run-title-unlink", policy = label(policy_of), n = *n),
        RunTitle::AddGroup { group, modules: n } => {
            tr!("run-title-hub-add", group = group.clone(), n = *n)
        }
        RunTitle::RemoveGroup { group, modules: n } => {
            tr!("run-title-hub-remove", group = group.clone(), n = *n)
        }
        RunTitle::Undo { of, items } => {
            tr!("run-title-undo", title = run_title(of), n = *items)
        }
        RunTitle::MakeLike {
            product,
            targets,
            first,
            source,
            remove_extra,
            changes,
        } => {
            let who = if *targets == 1 {
                first.clone()
            } else {
                tr!(
                    "run-title-like-targets",
                    n = *targets,
                    targets = product_targets(*product)
                )
            };
            let source = source.clone();
            if *remove_extra {
                tr!(
                    "run-title-like-removing",
                    who = who,
                    source = source,
                    n = *changes
                )
            } else {
                tr!("run-title-like", who = who, source = source, n = *changes)
            }
        }
        RunTitle::Copy {
            differences,
            from,
            to,
        } => tr!(
            "run-title-copy",
            n = *differences,
            from = from.clone(),
            to = to.clone()
        ),
        RunTitle::Stored(text) => text.clone(),
    }
}

/// An error's words inside a note's sentence, without its own closing full stop.
fn cause(err: &CommandError) -> String {
    error_text(err).trim_end_matches(['.', '。']).to_owned()
}

/// Why a run stands as it does.
pub fn run_note(note: &RunNote) -> String {
    match note {
        RunNote::Halted { cause: c } => tr!("run-note-halted", cause = cause(c)),
        RunNote::NotSaved {
            before: Some(before),
            cause: c,
        } => tr!(
            "run-note-not-saved-after",
            before = run_note(before),
            cause = cause(c)
        ),
        RunNote::NotSaved {
            before: None,
            cause: c,
        } => tr!("run-note-not-saved", cause = cause(c)),
        RunNote::Unreachable { error } => tr!("run-note-unreachable", error = cause(error)),
        RunNote::ConnectionLost { error } => {
            tr!("run-note-connection-lost", error = cause(error))
        }
        RunNote::RateLimited { error } => tr!("run-note-rate-limited", error = cause(error)),
        RunNote::ConfirmProduction { expected } => {
            tr!("run-note-confirm-production", expected = expected.clone())
        }
        RunNote::Finished {
            done,
            skipped,
            failed,
            unknown,
            not_sent,
        } => tr!(
            "run-note-finished",
            done = *done,
            skipped = *skipped,
            failed = *failed,
            unknown = *unknown,
            notsent = *not_sent
        ),
        RunNote::Cancelled { not_sent } => tr!("run-note-cancelled", n = *not_sent),
        RunNote::StoppedWhileRunning => tr!("run-note-stopped-running"),
        RunNote::StoppedWhilePlanning => tr!("run-note-stopped-planning"),
        RunNote::ReadLive { why } => tr!("run-note-read-live", why = live_reason(why)),
        RunNote::Stored(text) => text.clone(),
    }
}

/// Why a plan read its targets live.
fn live_reason(why: &LiveReason) -> String {
    match why {
        LiveReason::InventoryUnreadable { detail } => {
            tr!("live-inventory-unreadable", detail = detail.clone())
        }
        LiveReason::InventoryNotOpen => tr!("live-inventory-not-open"),
        LiveReason::Stale {
            stale,
            targets,
            minutes,
        } => tr!(
            "live-stale",
            stale = *stale,
            n = *targets,
            minutes = *minutes
        ),
        LiveReason::PolicyStale { policy_of, minutes } => tr!(
            "live-policy-stale",
            policy = label(policy_of),
            minutes = *minutes
        ),
        LiveReason::NoRow => tr!("live-no-row"),
        LiveReason::MissingWiring => tr!("live-missing-wiring"),
        LiveReason::LikeStale {
            product,
            live,
            targets,
        } => tr!(
            "live-like-stale",
            live = *live,
            n = *targets,
            targets = product_targets(*product)
        ),
    }
}

/// Each field's problems, "field: problem", one a line (as `FieldErrors::summary` in English).
fn problems(errors: &FieldErrors) -> String {
    errors
        .0
        .iter()
        .flat_map(|(field, found)| {
            field_problems(found).into_iter().map(move |problem| {
                tr!(
                    "item-note-field-problem",
                    field = field.clone(),
                    problem = problem
                )
            })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What happened to one item, beyond its status.
pub fn item_note(note: &ItemNote) -> String {
    match note {
        ItemNote::NothingToSend => tr!("item-note-nothing-to-send"),
        ItemNote::ConfirmedByReadBack => tr!("item-note-confirmed-by-read-back"),
        ItemNote::AlreadyAsPlanned => tr!("item-note-already-as-planned"),
        ItemNote::AlreadySo => tr!("item-note-already-so"),
        ItemNote::ChangedElsewhere { now } => {
            tr!("item-note-changed-elsewhere", now = target_state(now))
        }
        ItemNote::NotPlannedAgain => tr!("item-note-not-planned-again"),
        ItemNote::NotSent { problems: p } => tr!("item-note-not-sent", problems = problems(p)),
        ItemNote::NotAppliedAfter { tries } => tr!("item-note-not-applied-after", tries = *tries),
        ItemNote::CouldNotRead { error } => {
            tr!("item-note-could-not-read", error = error_text(error))
        }
        ItemNote::NoInventoryState => tr!("item-note-no-inventory-state"),
        ItemNote::BadId { error } => tr!(
            "item-note-bad-id",
            field = error.field.clone(),
            problem = field_problems(std::slice::from_ref(&error.problem)).concat()
        ),
        ItemNote::NotEnabled { connection } => {
            tr!("item-note-not-enabled", connection = connection.clone())
        }
        ItemNote::Refused { error } => error_text(error),
        ItemNote::CancelledWhileSending => tr!("item-note-cancelled-while-sending"),
        ItemNote::Stored(text) => text.clone(),
    }
}

/// What to know about one side of a compare.
pub fn side_note(note: &SideNote) -> String {
    match note {
        SideNote::NotYetRead {
            targets,
            product,
            profile,
        } => tr!(
            "side-not-yet-read",
            n = *targets,
            targets = product_targets(*product),
            profile = profile.clone()
        ),
        SideNote::Exported { from, at } => match (from, at) {
            (Some(from), Some(at)) => tr!(
                "side-exported-from-at",
                from = from.clone(),
                at = at.clone()
            ),
            (Some(from), None) => tr!("side-exported-from", from = from.clone()),
            (None, Some(at)) => tr!("side-exported-at", at = at.clone()),
            (None, None) => tr!("side-exported"),
        },
    }
}

/// An error shown where there are no inputs to put its field problems beside (a plan's
/// refusal): its words, then each problem ("Globex: organization_id: …").
pub fn error_with_problems(err: &CommandError) -> String {
    let found: Vec<String> = err
        .field_errors()
        .map(|fields| fields.0.values().flat_map(|p| field_problems(p)).collect())
        .unwrap_or_default();
    if found.is_empty() {
        return error_text(err);
    }
    tr!(
        "error-with-problems",
        error = error_text(err),
        problems = found.join("; ")
    )
}

/// How a pasted list was resolved on the server.
pub fn list_note(note: &ListNote) -> String {
    match note {
        ListNote::LookedUp { missing, found } => {
            tr!("list-note-looked-up", n = *missing, found = *found)
        }
        ListNote::ReadLive { why, read } => {
            let why = match why {
                ListLiveReason::IdpOwnerType => tr!("list-live-idp-owner-type"),
                ListLiveReason::NoneHeld { kind } => {
                    tr!("list-live-none-held", kind = picker_kind(*kind))
                }
                ListLiveReason::NotHeld { entries } => tr!("list-live-not-held", n = *entries),
            };
            tr!("list-note-read-live", why = why, n = *read)
        }
    }
}

//! A bulk run's title and notes, and its items' notes, in Japanese: every variant, with one
//! target and with many, reads with no English run; English reads as the model's `Display`;
//! a title or note journaled as text before they were typed is shown as written. So are a
//! compare's side notes, how a pasted list was resolved, (`journal`) why a journal file
//! cannot be read, and (`refusals`) what a run or a copy refuses.

use lanyard_model::bulk::{ItemNote, ListLiveReason, ListNote, LiveReason, RunNote, RunTitle};
use lanyard_model::change::{ConsoleName, ItemNoun};
use lanyard_model::compare::SideNote;
use lanyard_model::error::ConfigProblem;
use lanyard_model::lookup::PickerKind;
use lanyard_model::{
    CommandError, FieldErrors, FieldProblem, IdError, Label, Product, TargetState,
};

use super::{assert_japanese, japanese};
use crate::i18n::{
    Lang, error_with_problems, item_note, list_note, run_note, run_title, set_lang, side_note,
};

mod journal;
mod refusals;

pub(super) use refusals::runs_errors;

fn titles() -> Vec<RunTitle> {
    let mut titles = Vec::new();
    for n in [1, 3] {
        let connection = || "github".to_owned();
        titles.extend([
            RunTitle::EnableConnection {
                connection: connection(),
                organizations: n,
            },
            RunTitle::DisableConnection {
                connection: connection(),
                organizations: n,
            },
            RunTitle::ChangeConnection {
                connection: connection(),
                organizations: n,
            },
            RunTitle::RemoveConnection {
                connection: connection(),
                organizations: n,
            },
            RunTitle::LinkProviders {
                policy_of: Label::Console {
                    console: ConsoleName::TheInstance,
                },
                providers: n,
            },
            RunTitle::UnlinkProviders {
                policy_of: Label::Name("Globex".into()),
                providers: n,
            },
            RunTitle::AddGroup {
                group: "Developers".into(),
                modules: n,
            },
            RunTitle::RemoveGroup {
                group: "Developers".into(),
                modules: n,
            },
            RunTitle::Copy {
                differences: n,
                from: "Staging".into(),
                to: "Production".into(),
            },
        ]);
        for product in [Product::Auth0, Product::Zitadel, Product::Hub] {
            for remove_extra in [false, true] {
                titles.push(RunTitle::MakeLike {
                    product,
                    targets: n,
                    first: "Globex".into(),
                    source: "Initech".into(),
                    remove_extra,
                    changes: n,
                });
            }
        }
    }
    let undo = RunTitle::Undo {
        of: Box::new(titles[0].clone()),
        items: 2,
    };
    titles.push(undo);
    titles
}

/// An error that reads in Japanese (its own words are tested with the errors).
fn error() -> CommandError {
    CommandError::Configuration {
        problem: ConfigProblem::InventoryNotOpen,
    }
}

fn run_notes() -> Vec<RunNote> {
    let mut notes = vec![
        RunNote::Halted { cause: error() },
        RunNote::NotSaved {
            before: None,
            cause: error(),
        },
        RunNote::NotSaved {
            before: Some(Box::new(RunNote::Cancelled { not_sent: 2 })),
            cause: error(),
        },
        RunNote::Unreachable { error: error() },
        RunNote::ConnectionLost { error: error() },
        RunNote::RateLimited { error: error() },
        RunNote::ConfirmProduction {
            expected: "acme.eu.auth0.com".into(),
        },
        RunNote::StoppedWhileRunning,
        RunNote::StoppedWhilePlanning,
    ];
    for n in [0, 1, 3] {
        notes.push(RunNote::Finished {
            done: 4,
            skipped: 1,
            failed: n,
            unknown: n,
            not_sent: n,
        });
        notes.push(RunNote::Cancelled { not_sent: n });
    }
    let mut reasons = vec![
        LiveReason::InventoryUnreadable {
            detail: "locked".into(),
        },
        LiveReason::InventoryNotOpen,
        LiveReason::NoRow,
        LiveReason::MissingWiring,
    ];
    for n in [1, 3] {
        reasons.push(LiveReason::Stale {
            stale: n,
            targets: n,
            minutes: n as u32,
        });
        reasons.push(LiveReason::PolicyStale {
            policy_of: Label::Console {
                console: ConsoleName::TheInstance,
            },
            minutes: n as u32,
        });
        for product in [Product::Auth0, Product::Zitadel, Product::Hub] {
            reasons.push(LiveReason::LikeStale {
                product,
                live: n,
                targets: n + 1,
            });
        }
    }
    notes.extend(reasons.into_iter().map(|why| RunNote::ReadLive { why }));
    notes
}

fn item_notes() -> Vec<ItemNote> {
    let mut problems = FieldErrors::new();
    problems.add("organization_connection_name", FieldProblem::Required);
    problems.add("targets", FieldProblem::TargetCount { max: 10_000 });
    vec![
        ItemNote::NothingToSend,
        ItemNote::ConfirmedByReadBack,
        ItemNote::AlreadyAsPlanned,
        ItemNote::AlreadySo,
        ItemNote::ChangedElsewhere {
            now: TargetState::HubGroup { auto_join: true },
        },
        ItemNote::NotPlannedAgain,
        ItemNote::NotSent { problems },
        ItemNote::NotAppliedAfter { tries: 3 },
        ItemNote::CouldNotRead { error: error() },
        ItemNote::NoInventoryState,
        ItemNote::BadId {
            error: IdError {
                field: "organization_id".into(),
                problem: FieldProblem::Required,
            },
        },
        ItemNote::NotEnabled {
            connection: "github".into(),
        },
        ItemNote::Refused { error: error() },
        ItemNote::CancelledWhileSending,
    ]
}

#[test]
fn every_run_title_and_note_and_item_note_reads_in_japanese() {
    for title in titles() {
        assert_japanese(&format!("{title:?}"), &japanese(|| run_title(&title)));
    }
    for note in run_notes() {
        assert_japanese(&format!("{note:?}"), &japanese(|| run_note(&note)));
    }
    for note in item_notes() {
        assert_japanese(&format!("{note:?}"), &japanese(|| item_note(&note)));
    }
    // A ZITADEL IdP known only by its id is named in Japanese inside the title too.
    let unnamed = RunTitle::LinkProviders {
        policy_of: Label::Unnamed {
            noun: ItemNoun::IdentityProvider,
            id: "idp_1".into(),
        },
        providers: 2,
    };
    let text = japanese(|| run_title(&unnamed));
    assert!(
        text.contains("idp_1") && text.contains("名前不明"),
        "{text}"
    );
}

#[test]
fn english_reads_as_the_model_words_it() {
    set_lang(Lang::En);
    for title in titles() {
        assert_eq!(run_title(&title), title.to_string());
    }
    for note in run_notes() {
        assert_eq!(run_note(&note), note.to_string());
    }
    for note in item_notes() {
        assert_eq!(item_note(&note), note.to_string());
    }
}

#[test]
fn text_journaled_before_the_types_is_shown_as_written_in_either_language() {
    let title = RunTitle::Stored("Enable github for 2 organizations".into());
    let note = RunNote::Stored("Paused: Auth0 could not be reached.".into());
    let item = ItemNote::Stored("Was already so; nothing changed".into());
    for lang in [Lang::Ja, Lang::En] {
        set_lang(lang);
        assert_eq!(run_title(&title), "Enable github for 2 organizations");
        assert_eq!(run_note(&note), "Paused: Auth0 could not be reached.");
        assert_eq!(item_note(&item), "Was already so; nothing changed");
    }
    // An undo of such a run words its own part and keeps the stored title.
    let undo = RunTitle::Undo {
        of: Box::new(title),
        items: 1,
    };
    let text = japanese(|| run_title(&undo));
    assert_eq!(text, "取り消し: Enable github for 2 organizations（1 件）");
    set_lang(Lang::En);
}

fn side_notes() -> Vec<SideNote> {
    let mut notes: Vec<SideNote> = [Product::Auth0, Product::Zitadel, Product::Hub]
        .into_iter()
        .map(|product| SideNote::NotYetRead {
            targets: 12,
            product,
            profile: "Staging".into(),
        })
        .collect();
    let (from, at) = (Some("Staging".to_owned()), Some("2026-11-30".to_owned()));
    for (from, at) in [
        (from.clone(), at.clone()),
        (from, None),
        (None, at),
        (None, None),
    ] {
        notes.push(SideNote::Exported { from, at });
    }
    notes
}

/// A make-like or copy plan refused because an id of a target is not valid.
fn refused_plan() -> CommandError {
    let mut fields = FieldErrors::new();
    fields.add(
        "targets",
        FieldProblem::OfTarget {
            target: "Globex · github".into(),
            field: "connection_id".into(),
            problem: Box::new(FieldProblem::Required),
        },
    );
    CommandError::validation(fields)
}

#[test]
fn compare_side_notes_and_a_refused_plan_read_in_japanese_and_english_as_display() {
    for note in side_notes() {
        assert_japanese(&format!("{note:?}"), &japanese(|| side_note(&note)));
        assert_eq!(side_note(&note), note.to_string());
    }
    let err = refused_plan();
    let text = japanese(|| error_with_problems(&err));
    assert_japanese("refused plan", &text);
    assert!(
        text.contains("Globex · github") && text.contains("connection_id"),
        "{text}"
    );
    set_lang(Lang::En);
    assert_eq!(
        error_with_problems(&err),
        "One field needs attention: Globex · github: connection_id: is required"
    );
    assert_eq!(
        error_with_problems(&error()),
        crate::i18n::error_text(&error())
    );
}

fn list_notes() -> Vec<ListNote> {
    let mut notes = Vec::new();
    for n in [1, 3] {
        notes.push(ListNote::LookedUp {
            missing: n,
            found: n - 1,
        });
        let mut whys = vec![
            ListLiveReason::IdpOwnerType,
            ListLiveReason::NotHeld { entries: n },
        ];
        whys.extend(
            [PickerKind::Auth0Organization, PickerKind::HubGroup]
                .map(|kind| ListLiveReason::NoneHeld { kind }),
        );
        notes.extend(
            whys.into_iter()
                .map(|why| ListNote::ReadLive { why, read: n }),
        );
    }
    notes
}

#[test]
fn how_a_pasted_list_was_resolved_reads_in_japanese_and_english_as_display() {
    for note in list_notes() {
        assert_japanese(&format!("{note:?}"), &japanese(|| list_note(&note)));
        assert_eq!(list_note(&note), note.to_string());
    }
}

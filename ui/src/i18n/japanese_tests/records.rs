//! Audit messages, the crawl's stop message and the inventory's and compare's refusals, in Japanese.

use lanyard_model::audit::{AuditNote, Note, Target};
use lanyard_model::bulk::ItemNote;
use lanyard_model::change::{ChangeAct, ChangeSummary, ConsoleName, ItemNoun};
use lanyard_model::crawl_stop::{CrawlReading, CrawlStep, CrawlStop, StopCause};
use lanyard_model::error::{Asked, ConfigProblem, SandboxStart, Unfit, Work};
use lanyard_model::inventory::Targets;
use lanyard_model::inventory_problem::{InventoryProblem, InventoryWrite};
use lanyard_model::{CommandError, Label, Product, TargetState};

use super::{assert_japanese, japanese};
use crate::i18n::records::{audit_note, audit_targets, crawl_stop, inventory_problem};
use crate::i18n::{Lang, set_lang};

/// Every kind of audit note: an old line's words, each typed note, a later Lanyard's.
fn audit_notes() -> Vec<AuditNote> {
    vec![
        AuditNote::Stored("already in the wanted state".into()),
        Note::Already.into(),
        Note::Failed {
            error: CommandError::Server {
                product: Product::Auth0,
                status: 500,
                message: "boom".into(),
                error_code: None,
                correlation_id: Some("c-9".into()),
            },
        }
        .into(),
        Note::Failed {
            error: CommandError::Configuration {
                problem: ConfigProblem::InventoryNotOpen,
            },
        }
        .into(),
        Note::DoneFor {
            change: ChangeSummary {
                act: ChangeAct::ZitadelOwnPolicyThenLink,
                item: Label::Name("Okta".into()),
                target: Label::Name("Globex".into()),
            },
        }
        .into(),
        Note::LeftAlone {
            item: ItemNote::ChangedElsewhere {
                now: TargetState::HubGroup { auto_join: true },
            },
        }
        .into(),
        Note::LeftAlone {
            item: ItemNote::NotPlannedAgain,
        }
        .into(),
        AuditNote::Later("a later note".into()),
    ]
}

#[test]
fn every_audit_note_reads_in_japanese_and_in_english_as_the_log_writes_it() {
    for note in audit_notes() {
        let text = japanese(|| audit_note(&note));
        assert_japanese(&format!("{note:?}"), &text);
        set_lang(Lang::En);
        assert_eq!(audit_note(&note), note.to_string());
    }
    let old = japanese(|| audit_note(&AuditNote::Stored("Not sent: boom".into())));
    assert_eq!(old, "「Not sent: boom」");
    let failed = japanese(|| audit_note(&audit_notes()[2]));
    assert!(
        failed.contains("「boom」") && failed.contains("c-9"),
        "{failed}"
    );
}

#[test]
fn an_audit_entrys_typed_targets_read_in_japanese_and_names_stay_as_written() {
    let target = |kind: &str, id: &str, name: Option<Label>| Target {
        kind: kind.into(),
        id: id.into(),
        name,
    };
    let targets = [
        target("target", "org_1", Some("Pied Piper".into())),
        target(
            "item",
            "con_1",
            Some(Label::item(ItemNoun::Connection, None, "con_1")),
        ),
        target(
            "target",
            "instance",
            Some(Label::Console {
                console: ConsoleName::TheInstance,
            }),
        ),
        target(
            "item",
            "login_policy",
            Some(Label::Console {
                console: ConsoleName::OwnLoginPolicy,
            }),
        ),
        target("item", "grp_7", None),
    ];
    let ja = japanese(|| audit_targets(&targets));
    assert_japanese("typed targets", &ja);
    assert_eq!(
        ja,
        "Pied Piper · 接続 con_1（名前不明） · インスタンス · 組織独自のログインポリシー · grp_7"
    );
    set_lang(Lang::En);
    assert_eq!(
        audit_targets(&targets),
        "Pied Piper · connection con_1 (name not known) · the instance · its own login policy · grp_7"
    );
    // An earlier Lanyard's line named an unnamed item in English: a name, shown as written.
    let old = [target(
        "item",
        "con_1",
        Some("connection con_1 (name not known)".into()),
    )];
    assert_eq!(
        japanese(|| audit_targets(&old)),
        "connection con_1 (name not known)"
    );
}

/// Every kind of crawl stop, with each thing it could have been reading or writing.
fn crawl_stops() -> Vec<CrawlStop> {
    let mut causes = vec![
        StopCause::LanyardStopped,
        StopCause::Cancelled,
        StopCause::NotKept,
        StopCause::TargetsGone { count: 5 },
        StopCause::WriterStopped,
        StopCause::ReaderStopped,
        StopCause::InventoryClosed {
            reason: Some(damaged()),
        },
        StopCause::InventoryClosed { reason: None },
        StopCause::Unreadable {
            detail: "database is locked".into(),
        },
    ];
    for step in CrawlStep::ALL {
        causes.push(StopCause::Unwritable {
            step,
            detail: "disk I/O error".into(),
        });
    }
    let timed_out = CommandError::TimedOut {
        product: Product::Zitadel,
        host: "acme.zitadel.cloud".into(),
        after_ms: 45_000,
    };
    let readings = Targets::ALL.map(|targets| CrawlReading::Listing { targets });
    for reading in readings.into_iter().chain([CrawlReading::Target {
        name: "Globex".into(),
    }]) {
        causes.push(StopCause::ServerFailed {
            reading,
            error: Box::new(timed_out.clone()),
        });
    }
    let mut stops: Vec<CrawlStop> = causes.into_iter().map(CrawlStop::from).collect();
    stops.push(CrawlStop::Stored(
        "Lanyard stopped while this crawl was reading; Resume continues where it stopped".into(),
    ));
    stops
}

#[test]
fn every_crawl_stop_reads_in_japanese_and_in_english_as_the_model_says_it() {
    for stop in crawl_stops() {
        let text = japanese(|| crawl_stop(&stop));
        assert_japanese(&format!("{stop:?}"), &text);
        set_lang(Lang::En);
        assert_eq!(crawl_stop(&stop), stop.to_string());
    }
    let server = japanese(|| {
        crawl_stop(
            &StopCause::ServerFailed {
                reading: CrawlReading::Target {
                    name: "Globex".into(),
                },
                error: Box::new(CommandError::Cancelled),
            }
            .into(),
        )
    });
    assert!(
        server.starts_with("「Globex」の読み込み中に停止しました"),
        "{server}"
    );
    assert!(!server.contains("。。"), "{server}");
}

/// The errors worded in `records.rs`, for `every_error`: the problems of Lanyard's own work and
/// files, and every request that does not fit.
pub(super) fn records_errors() -> Vec<CommandError> {
    new_config_problems()
        .into_iter()
        .map(|problem| CommandError::Configuration { problem })
        .chain(
            unfits()
                .into_iter()
                .map(|unfit| CommandError::Unfit { unfit }),
        )
        .collect()
}

/// The configuration problems of Lanyard's own work and files added with the records.
fn new_config_problems() -> Vec<ConfigProblem> {
    let mut problems = vec![
        ConfigProblem::InventoryBadTime {
            ms: 253_402_300_800_000,
        },
        ConfigProblem::ExportUnwritten {
            detail: "key must be a string".into(),
        },
    ];
    for step in CrawlStep::ALL {
        problems.push(ConfigProblem::InventoryUnwritable {
            step,
            detail: "disk I/O error".into(),
        });
    }
    for work in Work::ALL {
        problems.push(ConfigProblem::WorkStopped {
            work,
            detail: "task 7 panicked".into(),
        });
    }
    for cause in [
        SandboxStart::CannotListen {
            addr: "127.0.0.1:0".into(),
            detail: "Address already in use (os error 98)".into(),
        },
        SandboxStart::Settings {
            detail: "rate must be positive".into(),
        },
        SandboxStart::Certificates {
            detail: "key generation failed".into(),
        },
        SandboxStart::CaUnwritable {
            path: "/home/dana/.local/share/lanyard/sandbox-ca.pem".into(),
            detail: "Permission denied (os error 13)".into(),
        },
    ] {
        problems.push(ConfigProblem::SandboxNotStarted { cause });
    }
    problems
}

/// Every request that does not fit: each thing asked of each product's profile by another's.
fn unfits() -> Vec<Unfit> {
    let mut unfits = vec![
        Unfit::OptionsWithLacks,
        Unfit::LinkOnDefaultPolicy {
            target: Label::Name("Globex".into()),
        },
    ];
    for needs in Product::ALL {
        unfits.push(Unfit::NotOfProduct { needs });
        for asked in Asked::ALL {
            unfits.push(Unfit::OtherProduct {
                profile: "Acme".into(),
                product: if needs == Product::Auth0 {
                    Product::Hub
                } else {
                    Product::Auth0
                },
                needs,
                asked,
            });
        }
    }
    unfits
}

#[test]
fn every_unfit_request_and_new_file_problem_is_worded_in_both_languages() {
    for e in &records_errors() {
        let text = japanese(|| crate::i18n::error_text(e));
        assert_japanese(&format!("{e:?}"), &text);
        set_lang(Lang::En);
        assert_eq!(crate::i18n::error_text(e), e.to_string());
    }
    let hub_for_auth0 = CommandError::Unfit {
        unfit: Unfit::OtherProduct {
            profile: "Acme".into(),
            product: Product::Hub,
            needs: Product::Auth0,
            asked: Asked::Question,
        },
    };
    let text = japanese(|| crate::i18n::error_text(&hub_for_auth0));
    assert!(
        text.starts_with(
            "プロファイル「Acme」は JetBrains Hub 用です。Auth0 の組織についての質問には"
        ),
        "{text}"
    );
    set_lang(Lang::En);
    assert_eq!(
        hub_for_auth0.to_string(),
        "Profile \u{201c}Acme\u{201d} is for JetBrains Hub, and Auth0 organizations needs Auth0; pick a profile for Auth0 in the profile switcher"
    );
}

/// An inventory file that is not a database, as the inventory says it.
pub(super) fn damaged() -> InventoryProblem {
    InventoryProblem::Damaged {
        path: "/home/dana/.local/share/lanyard/inventory.sqlite".into(),
        cause: "file is not a database".into(),
    }
}

#[test]
fn every_inventory_problem_reads_in_japanese_and_in_english_as_the_inventory_says_it() {
    let mut problems = vec![
        InventoryProblem::CannotCreate {
            path: "/home/dana/.local/share/lanyard".into(),
            detail: "Permission denied (os error 13)".into(),
        },
        InventoryProblem::CannotOpen {
            path: "/home/dana/.local/share/lanyard/inventory.sqlite".into(),
            detail: "unable to open database file".into(),
        },
        damaged(),
        InventoryProblem::TooNew { found: 9, known: 4 },
        InventoryProblem::CannotUpgrade {
            version: 4,
            detail: "disk I/O error".into(),
        },
        InventoryProblem::BadValue {
            detail: "crawl state \"paused\"".into(),
        },
        InventoryProblem::Failed {
            detail: "database is locked".into(),
        },
    ];
    for write in InventoryWrite::ALL {
        problems.push(InventoryProblem::Unwritten {
            write,
            detail: "the inventory database failed: disk I/O error".into(),
        });
    }
    for problem in &problems {
        let text = japanese(|| inventory_problem(problem));
        assert_japanese(&format!("{problem:?}"), &text);
        set_lang(Lang::En);
        assert_eq!(inventory_problem(problem), problem.to_string());
    }
    // A refusal that names the problem words it in Japanese too, not quoted as a server's.
    let closed = CommandError::Configuration {
        problem: ConfigProblem::InventoryClosed {
            reason: Some(damaged()),
        },
    };
    let text = japanese(|| crate::i18n::error_text(&closed));
    assert!(
        text.contains("（インベントリのファイル /home/dana/"),
        "{text}"
    );
    set_lang(Lang::En);
    assert_eq!(crate::i18n::error_text(&closed), closed.to_string());
}

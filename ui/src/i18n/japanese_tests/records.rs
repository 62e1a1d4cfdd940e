//! Audit messages, the crawl's stop message and the inventory's and compare's refusals, in Japanese.

use lanyard_model::audit::{AuditNote, Note};
use lanyard_model::change::{ChangeAct, ChangeSummary};
use lanyard_model::crawl_stop::{CrawlReading, CrawlStep, CrawlStop, StopCause};
use lanyard_model::error::ConfigProblem;
use lanyard_model::inventory::Targets;
use lanyard_model::{CommandError, Label, Product};

use super::{assert_japanese, japanese};
use crate::i18n::records::{audit_note, crawl_stop};
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
            reason: Some("database disk image is malformed".into()),
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
    let readings = [
        Targets::Organizations,
        Targets::Connections,
        Targets::Instance,
        Targets::LoginPolicies,
        Targets::IdentityProviders,
        Targets::AuthModules,
        Targets::Groups,
    ]
    .map(|targets| CrawlReading::Listing { targets });
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

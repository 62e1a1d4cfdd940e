//! No English sentence left in the Japanese UI where Lanyard writes the words itself: every
//! warning (message, reason, fix), every check that could not be made, every crawl phase and
//! inventory kind, every `CommandError` variant, rendered in Japanese, holds no run of three
//! English words. Names, ids, field names (`allowExternalIdp`), and what a server said (quoted
//! 「…」) are allowed; the arguments below are single words, so a run can only be Lanyard's.

use lanyard_model::{
    ActionLabel, CheckCause, CommandError, Product, Source, Unchecked, Warning, WarningText,
};

use super::{Lang, action_label, kind_title, set_lang, warning_message, warning_reason};

pub(super) use lanyard_model::english::english_run;

fn japanese<T>(f: impl FnOnce() -> T) -> T {
    set_lang(Lang::Ja);
    let out = f();
    set_lang(Lang::En);
    out
}

fn assert_japanese(what: &str, text: &str) {
    assert!(!text.is_empty(), "{what}: empty");
    assert!(
        !text.contains("warn-") && !text.contains("err-"),
        "{what}: a key: {text}"
    );
    if let Some(run) = english_run(text) {
        panic!("{what}: English left in Japanese (“{run}”): {text}");
    }
}

#[test]
fn the_english_run_finder_finds_sentences_and_spares_names() {
    assert_eq!(
        english_run("Could not check whether …").as_deref(),
        Some("Could not check")
    );
    assert_eq!(
        english_run("（Lanyard infers this; the vendor…）").as_deref(),
        Some("Lanyard infers this")
    );
    assert_eq!(english_run("GET /connections/:id/clients がアプリ"), None);
    assert_eq!(english_run("ZITADEL PR #7079"), None);
    assert_eq!(
        english_run("Auth0 のエラー「no connections enabled for the organization」"),
        None
    );
    assert_eq!(english_run("Hub の組み込み registrationEnabled"), None);
}

fn every_warning_text() -> Vec<WarningText> {
    let read = |e: CommandError| CheckCause::Read { error: Box::new(e) };
    let mut texts = vec![
        WarningText::ConnectionWithoutApplication {
            connection: "github".into(),
        },
        WarningText::ConnectionWithoutOrganizationApplication {
            connection: "Hooli-ADFS".into(),
            applications: vec!["Intranet".into()],
        },
        WarningText::ConnectionWithoutOrganizationApplication {
            connection: "Hooli-ADFS".into(),
            applications: Vec::new(),
        },
        WarningText::NoVisibleConnection {
            auth0_says: "no connections enabled for the organization are visible".into(),
        },
        WarningText::SignupRefused {
            connection: "github".into(),
            database: true,
        },
        WarningText::SignupRefused {
            connection: "github".into(),
            database: false,
        },
        WarningText::NoApplicationGranted,
        WarningText::OwnPolicyFirst {
            organization: "Globex".into(),
        },
        WarningText::ChooseOwnPolicyOrDefault {
            organization: "Globex".into(),
            provider: "Okta".into(),
        },
        WarningText::ProviderWithoutButton {
            policy_of: "Initech".into(),
            provider: "Okta".into(),
        },
        WarningText::ExternalIdpsTurnedOff {
            policy_of: "Initech".into(),
        },
        WarningText::UnlinkKeepsUserLinks {
            provider: "Google".into(),
        },
        WarningText::ModuleCreatesNoUsers {
            group: "Developers".into(),
            module: "GitHub".into(),
            disabled: true,
        },
        WarningText::ModuleCreatesNoUsers {
            group: "Developers".into(),
            module: "GitHub".into(),
            disabled: false,
        },
        WarningText::GroupAutoJoinsAlready {
            group: "Developers".into(),
            domain: Some("northwind.example".into()),
        },
        WarningText::GroupAutoJoinsAlready {
            group: "Developers".into(),
            domain: None,
        },
    ];
    let unchecked = [
        Unchecked::ConnectionApplications {
            connection: "github".into(),
        },
        Unchecked::ApplicationsAllowOrganizations {
            connection: "github".into(),
        },
        Unchecked::MembersRestricted,
        Unchecked::GrantedApplications,
        Unchecked::VisibleConnection,
        Unchecked::LoginPolicy,
        Unchecked::ModuleCreatesUsers,
        Unchecked::GroupAutoJoin,
    ];
    for what in unchecked {
        texts.push(WarningText::CouldNotCheck {
            what: what.clone(),
            cause: read(CommandError::Server {
                product: Product::Auth0,
                status: 500,
                message: "boom".into(),
                error_code: None,
                correlation_id: Some("c-1".into()),
            }),
        });
        texts.push(WarningText::CouldNotCheck {
            what,
            cause: CheckCause::ConnectionKindUnknown,
        });
    }
    texts
}

#[test]
fn every_warning_reads_in_japanese() {
    for text in every_warning_text() {
        for source in [Source::Documented, Source::Inferred] {
            let w = Warning::new(text.clone(), source, "§1");
            let (title, message, reason) =
                japanese(|| (kind_title(w.kind), warning_message(&w), warning_reason(&w)));
            let what = format!("{text:?}");
            assert_japanese(&what, &title);
            assert_japanese(&what, &message);
            assert_japanese(&what, &reason);
        }
    }
    for label in [
        ActionLabel::OwnPolicyFirst,
        ActionLabel::LinkToInstanceDefault,
        ActionLabel::TurnOnExternalIdps,
    ] {
        assert_japanese(&format!("{label:?}"), &japanese(|| action_label(label)));
    }
}

#[test]
fn english_warnings_name_what_they_are_about() {
    set_lang(Lang::En);
    let w = Warning::new(
        WarningText::ConnectionWithoutApplication {
            connection: "github".into(),
        },
        Source::Inferred,
        "§1",
    );
    let message = warning_message(&w);
    assert!(
        message.starts_with("github is not enabled for any application")
            && message.ends_with("(Lanyard infers this; the vendor does not document it.)"),
        "{message}"
    );
    let unchecked =
        Warning::could_not_check(Unchecked::LoginPolicy, CheckCause::ConnectionKindUnknown);
    assert!(warning_message(&unchecked).starts_with("Could not check the login policy's settings"));
}

#[test]
fn every_crawl_phase_and_inventory_kind_reads_in_japanese() {
    use lanyard_model::inventory::{CrawlPhase, Targets};

    use super::words::{crawl_phase, targets};
    for t in Targets::ALL {
        for phase in [CrawlPhase::Listing(t), CrawlPhase::Reading(t)] {
            assert_japanese(&format!("{phase:?}"), &japanese(|| crawl_phase(phase)));
        }
        assert_japanese(&format!("{t:?}"), &japanese(|| targets(t)));
    }
    assert_eq!(crawl_phase(CrawlPhase::Idle), "");
    set_lang(Lang::En);
    assert_eq!(
        crawl_phase(CrawlPhase::Reading(Targets::Organizations)),
        "Reading each organization's connections"
    );
}

mod errors;
mod labels;
mod lists;
mod records;
mod runs;
mod typed_parts;

#[test]
fn every_field_rule_reads_in_japanese() {
    for problem in super::problems::tests::every_problem() {
        let text = japanese(|| super::problems::field_problem(&problem));
        assert_japanese(&format!("{problem:?}"), &text);
    }
}

#[test]
fn every_audit_operation_and_outcome_reads_in_japanese() {
    use lanyard_model::audit::Outcome;

    use super::words::{audit_operation, audit_outcome};
    let codes = [
        "enable_connection",
        "update_connection",
        "remove_connection",
        "link_idp",
        "unlink_idp",
        "set_external_idps",
        "add_auto_join_group",
        "remove_auto_join_group",
        "create_login_policy",
    ];
    for code in codes {
        let words = japanese(|| audit_operation(code));
        assert!(!words.contains('_') && !words.is_ascii(), "{code}: {words}");
    }
    for outcome in [Outcome::Success, Outcome::Failure, Outcome::Unknown] {
        let words = japanese(|| audit_outcome(outcome));
        assert!(!words.is_ascii(), "{outcome:?}: {words}");
        set_lang(Lang::En);
        assert_eq!(audit_outcome(outcome), outcome.as_str());
    }
}

#[test]
fn every_snapshot_problem_reads_in_japanese() {
    use lanyard_model::FieldProblem;
    use lanyard_model::compare::{SnapshotError, SnapshotProblem};
    let problems = [
        SnapshotProblem::TooLarge { max_mb: 64 },
        SnapshotProblem::Version {
            found: "9".into(),
            reads: 1,
        },
        SnapshotProblem::Json {
            detail: "unknown field `colour`".into(),
        },
        SnapshotProblem::TargetNameMissing,
        SnapshotProblem::TargetTwice {
            name: "Acme".into(),
        },
        SnapshotProblem::ItemNameMissing,
        SnapshotProblem::ItemTwice {
            item: "github".into(),
            target: "Acme".into(),
        },
        SnapshotProblem::OptionsMissing,
        SnapshotProblem::OptionsNotAuth0,
    ];
    for problem in problems {
        let error = FieldProblem::Snapshot {
            file: "acme.json".into(),
            error: Box::new(SnapshotError {
                line: Some(12),
                column: Some(4),
                field: Some("targets[0].name".into()),
                problem: problem.clone(),
            }),
        };
        let text = japanese(|| super::problems::field_problem(&error));
        assert_japanese(&format!("{problem:?}"), &text);
        set_lang(Lang::En);
        assert_eq!(super::problems::field_problem(&error), error.to_string());
    }
}

//! Every `CommandError` variant in Japanese: no English run outside what a server or the
//! platform said (quoted 「…」).

use lanyard_model::{CommandError, Product};

use super::{assert_japanese, japanese};

/// One of each `CommandError` variant (and each keychain problem); the match below has no
/// catch-all, so a new variant must be added here.
fn every_error() -> Vec<CommandError> {
    use lanyard_model::FieldErrors;
    use lanyard_model::bulk::{RunAction, RunState};
    use lanyard_model::error::{
        ConfigProblem, KeychainProblem, Missing, NetworkCause, StateChange,
    };
    use lanyard_model::inventory::{CrawlAction, CrawlState};
    let mut fields = FieldErrors::new();
    fields.add("connection_id", lanyard_model::FieldProblem::Required);
    let p = Product::Auth0;
    let mut all = vec![
        CommandError::validation(fields),
        CommandError::NotFound {
            what: Missing::Product(p),
            id: String::new(),
            message: "Not Found".into(),
        },
        CommandError::NotFound {
            what: Missing::Profile,
            id: "acme-prod".into(),
            message: "It may have been removed; pick another profile.".into(),
        },
        CommandError::AlreadyExists {
            message: "already exists".into(),
        },
        CommandError::Unauthorized {
            product: p,
            message: "invalid_client".into(),
        },
        CommandError::Forbidden {
            product: p,
            message: "Insufficient scope".into(),
            missing_scope: Some("read:clients".into()),
            missing_role: None,
        },
        CommandError::RateLimited {
            message: "Global limit".into(),
            retry_after_secs: Some(3),
        },
        CommandError::Network {
            product: p,
            host: "acme.auth0.com".into(),
            cause: NetworkCause::ConnectionRefused,
        },
        CommandError::TimedOut {
            product: p,
            host: "acme.auth0.com".into(),
            after_ms: 45_000,
        },
        CommandError::UnexpectedReply {
            product: p,
            status: 502,
            excerpt: "<html>bad gateway</html>".into(),
        },
        CommandError::UnreadableReply {
            product: p,
            expected: "a list of connections".into(),
            reason: "missing field `connections`".into(),
            correlation_id: None,
        },
        CommandError::TooLarge {
            product: p,
            limit_bytes: 8_388_608,
        },
        CommandError::Redirected {
            product: p,
            location: "https://login.acme.com/".into(),
            reason: "it points at another host".into(),
        },
        CommandError::Server {
            product: p,
            status: 500,
            message: "boom".into(),
            error_code: None,
            correlation_id: Some("c-1".into()),
        },
        CommandError::OutcomeUnknown {
            product: p,
            cause: "the connection closed before the answer".into(),
            correlation_id: None,
        },
        CommandError::NotApplied {
            product: p,
            cause: "the connection closed before the answer".into(),
            correlation_id: None,
        },
        CommandError::ConfirmationRequired {
            message: "This is a production profile: type acme to confirm the change.".into(),
            expected: "acme".into(),
        },
        CommandError::Cancelled,
        CommandError::TargetUnread {
            target: "Globex".into(),
            error: Box::new(CommandError::Network {
                product: p,
                host: "acme.eu.auth0.com".into(),
                cause: NetworkCause::ConnectionRefused,
            }),
        },
    ];
    for problem in [
        KeychainProblem::TooLong {
            len: 3000,
            max: 2560,
        },
        KeychainProblem::Empty,
        KeychainProblem::NoAccess("locked".into()),
        KeychainProblem::Unavailable("no dbus".into()),
        KeychainProblem::Other("platform error".into()),
        KeychainProblem::TaskFailed,
    ] {
        all.push(CommandError::Keychain { problem });
    }
    let path = "/home/dana/.config/lanyard/settings.json".to_owned();
    let os = "Permission denied (os error 13)".to_owned();
    let problems = [
        ConfigProblem::InsecureAddress {
            url: "http://hub.acme.com".into(),
        },
        ConfigProblem::BadAddress {
            url: "https://".into(),
            reason: "empty host".into(),
        },
        ConfigProblem::SecretMissing {
            profile: "Acme".into(),
        },
        ConfigProblem::SettingsUnreadable {
            path: path.clone(),
            detail: os.clone(),
        },
        ConfigProblem::SettingsUnwritable {
            path: path.clone(),
            detail: os.clone(),
        },
        ConfigProblem::AuditLogUnreadable {
            path: path.clone(),
            detail: os.clone(),
        },
        ConfigProblem::AuditLogUnwritable { path, detail: os },
        ConfigProblem::BrokenBuild {
            routed_as: "bulk_undo".into(),
            reads: "bulk_view".into(),
        },
        ConfigProblem::WindowUnreachable {
            command: "app_info".into(),
            detail: "IPC custom protocol failed".into(),
        },
        ConfigProblem::InventoryNotOpen,
        ConfigProblem::InventoryUnreadable {
            detail: "database disk image is malformed".into(),
        },
        ConfigProblem::InventoryClosed {
            reason: Some(super::records::damaged()),
        },
        ConfigProblem::InventoryClosed { reason: None },
        ConfigProblem::InventoryClosedForCrawl {
            reason: Some(super::records::damaged()),
        },
        ConfigProblem::InventoryClosedForCrawl { reason: None },
        ConfigProblem::InventoryReadStopped {
            detail: "task 12 panicked".into(),
        },
        ConfigProblem::InventoryBadId {
            id: "org_?".into(),
            detail: "not an organization id".into(),
        },
        ConfigProblem::CrawlWithoutClient,
        ConfigProblem::CrawlOutsideRuntime,
        ConfigProblem::ClientOfOtherProduct,
        ConfigProblem::CrawlKindUnread {
            kind: "zitadel_instance".into(),
        },
    ];
    let problems = problems.into_iter().chain([
        ConfigProblem::ActivityFilterSuperseded,
        ConfigProblem::SettingsUnencodable {
            detail: "key must be a string".into(),
        },
    ]);
    for problem in problems {
        all.push(CommandError::Configuration { problem });
    }
    all.extend(super::records::records_errors());
    all.extend(super::runs::runs_errors());
    let changes = [
        StateChange::NoLongerEnabled {
            item: "Globex-SAML".into(),
            target: "Globex".into(),
        },
        StateChange::ChangedSince {
            item: "Globex-SAML".into(),
            target: "Globex".into(),
        },
        StateChange::EnabledWithOtherOptions {
            item: "Globex-SAML".into(),
            target: "Globex".into(),
            found: lanyard_model::TargetState::Auth0Connection {
                settings: Some(lanyard_model::auth0::Settings {
                    is_enabled: true,
                    show_as_button: true,
                    assign_membership_on_login: false,
                    is_signup_enabled: true,
                    organization_access_level: lanyard_model::auth0::AccessLevel::None,
                    organization_connection_name: Some("Globex login".into()),
                }),
            },
        },
    ];
    let changes = changes.into_iter().chain([
        StateChange::NeverCrawled {
            profile: "Acme staging".into(),
        },
        StateChange::NothingToCopy,
        StateChange::SameProfileBothSides,
        StateChange::ProductsDiffer {
            left: Product::Auth0,
            right: Product::Hub,
            right_name: "Acme Hub".into(),
        },
    ]);
    for change in changes {
        all.push(CommandError::StateChanged { change });
    }
    for product in Product::ALL {
        for change in [
            StateChange::LikeTargetCount {
                product,
                max: 10_000,
                source: "Acme Corporation".into(),
            },
            StateChange::AlreadyLike {
                product,
                targets: 1,
                first: "Globex".into(),
                source: "Acme Corporation".into(),
            },
            StateChange::AlreadyLike {
                product,
                targets: 3,
                first: "Globex".into(),
                source: "Acme Corporation".into(),
            },
            StateChange::NeverCrawledToCompare {
                profile: "Acme staging".into(),
                product,
                name_contains: None,
            },
            StateChange::NeverCrawledToCompare {
                profile: "Acme staging".into(),
                product,
                name_contains: Some("Acme".into()),
            },
        ] {
            all.push(CommandError::StateChanged { change });
        }
    }
    for state in [
        CrawlState::NotStarted,
        CrawlState::Running,
        CrawlState::Interrupted,
        CrawlState::Cancelled,
        CrawlState::Finished,
    ] {
        for action in [CrawlAction::Start, CrawlAction::Resume, CrawlAction::Cancel] {
            all.push(CommandError::StateChanged {
                change: StateChange::CrawlRefuses {
                    profile: "Acme".into(),
                    state,
                    action,
                },
            });
        }
    }
    for state in RunState::ALL {
        for action in RunAction::ALL {
            all.push(CommandError::StateChanged {
                change: StateChange::RunRefuses { state, action },
            });
        }
        all.push(CommandError::StateChanged {
            change: StateChange::RateShareRefused { state },
        });
    }
    for e in &all {
        match e {
            CommandError::Validation { .. }
            | CommandError::NotFound { .. }
            | CommandError::AlreadyExists { .. }
            | CommandError::Unauthorized { .. }
            | CommandError::Forbidden { .. }
            | CommandError::RateLimited { .. }
            | CommandError::Network { .. }
            | CommandError::TimedOut { .. }
            | CommandError::UnexpectedReply { .. }
            | CommandError::UnreadableReply { .. }
            | CommandError::TooLarge { .. }
            | CommandError::Redirected { .. }
            | CommandError::Server { .. }
            | CommandError::OutcomeUnknown { .. }
            | CommandError::NotApplied { .. }
            | CommandError::Keychain { .. }
            | CommandError::StateChanged {
                change:
                    StateChange::NoLongerEnabled { .. }
                    | StateChange::ChangedSince { .. }
                    | StateChange::EnabledWithOtherOptions { .. }
                    | StateChange::CrawlRefuses { .. }
                    | StateChange::NeverCrawled { .. }
                    | StateChange::NothingToCopy
                    | StateChange::LikeTargetCount { .. }
                    | StateChange::AlreadyLike { .. }
                    | StateChange::SameProfileBothSides
                    | StateChange::ProductsDiffer { .. }
                    | StateChange::NeverCrawledToCompare { .. }
                    | StateChange::RunRefuses { .. }
                    | StateChange::RateShareRefused { .. }
                    | StateChange::NothingToUndo
                    | StateChange::UndoIsItsOwnRun
                    | StateChange::RunWithoutProfile
                    | StateChange::NothingToRetry
                    | StateChange::NotCopied { .. },
            }
            | CommandError::ConfirmationRequired { .. }
            | CommandError::Configuration {
                problem:
                    ConfigProblem::InsecureAddress { .. }
                    | ConfigProblem::BadAddress { .. }
                    | ConfigProblem::SecretMissing { .. }
                    | ConfigProblem::SettingsUnreadable { .. }
                    | ConfigProblem::SettingsUnwritable { .. }
                    | ConfigProblem::AuditLogUnreadable { .. }
                    | ConfigProblem::AuditLogUnwritable { .. }
                    | ConfigProblem::BrokenBuild { .. }
                    | ConfigProblem::WindowUnreachable { .. }
                    | ConfigProblem::InventoryNotOpen
                    | ConfigProblem::InventoryUnreadable { .. }
                    | ConfigProblem::InventoryClosed { .. }
                    | ConfigProblem::InventoryClosedForCrawl { .. }
                    | ConfigProblem::InventoryReadStopped { .. }
                    | ConfigProblem::InventoryUnwritable { .. }
                    | ConfigProblem::InventoryBadTime { .. }
                    | ConfigProblem::ExportUnwritten { .. }
                    | ConfigProblem::WorkStopped { .. }
                    | ConfigProblem::SandboxNotStarted { .. }
                    | ConfigProblem::InventoryBadId { .. }
                    | ConfigProblem::CrawlWithoutClient
                    | ConfigProblem::CrawlOutsideRuntime
                    | ConfigProblem::ClientOfOtherProduct
                    | ConfigProblem::CrawlKindUnread { .. }
                    | ConfigProblem::RunNotFound { .. }
                    | ConfigProblem::RunUnreadable { .. }
                    | ConfigProblem::RunJournalUnwritable { .. }
                    | ConfigProblem::ActivityFilterSuperseded
                    | ConfigProblem::SettingsUnencodable { .. },
            }
            | CommandError::Cancelled
            | CommandError::Unfit { .. }
            | CommandError::TargetUnread { .. } => {}
        }
    }
    all
}

#[test]
fn every_error_reads_in_japanese_with_the_server_quoted() {
    for e in every_error() {
        let text = japanese(|| crate::i18n::error_text(&e));
        assert_japanese(&format!("{e:?}"), &text);
    }
}

#[test]
fn every_refusal_and_file_problem_in_english_is_the_models_sentence() {
    crate::i18n::set_lang(crate::i18n::Lang::En);
    for e in every_error() {
        if let CommandError::StateChanged { .. } | CommandError::Configuration { .. } = e {
            assert_eq!(crate::i18n::error_text(&e), e.to_string());
        }
    }
}

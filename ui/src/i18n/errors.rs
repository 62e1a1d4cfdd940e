//! A `CommandError` in the UI's language. The variant is the error's code and its fields are
//! the arguments: the English text is the model's `Display` (the same words Lanyard logs), and
//! another language renders each variant from its fields. What a server said (its message, an
//! excerpt of its reply) is never translated: it is quoted as sent and marked as the server's.
//!
//! The wording of every error kind (and the model's English words behind it) is a chunk of its
//! own (`crate::lazy`), not part of the start: [`words_ready`] loads it, and every path that hands
//! the UI an error awaits that first (a command's error in `backend::invoke`, a part that may show
//! stored errors in `lazy::show`). On native builds (the unit tests) the wording is a plain call.

use std::cell::Cell;

use lanyard_model::CommandError;
use lanyard_model::error::{Missing, NetworkCause};

use super::error_details::{config_problem, keychain_problem, state_change};

use crate::tr;

/// Words an error, in the UI's language.
type Wording = fn(&CommandError) -> String;

thread_local! {
    /// The wording once its chunk is in.
    static WORDING: Cell<Option<Wording>> = const { Cell::new(None) };
}

/// What went wrong and what to do, for the user; if the wording's chunk could not be loaded,
/// that it could not, and what to do (never a made-up cause).
pub fn error_text(err: &CommandError) -> String {
    match wording() {
        Some(word) => word(err),
        None => tr!("err-words-missing"),
    }
}

#[cfg(target_arch = "wasm32")]
fn wording() -> Option<Wording> {
    WORDING.with(Cell::get)
}

#[cfg(not(target_arch = "wasm32"))]
fn wording() -> Option<Wording> {
    Some(worded)
}

/// Loads the wording of errors if it is not in yet (a chunk is fetched once; a failed fetch is
/// tried again by the next call). Returns when it is in, or could not be loaded.
pub async fn words_ready() {
    if WORDING.with(Cell::get).is_some() {
        return;
    }
    if let Ok(word) = error_words().await {
        WORDING.with(|w| w.set(Some(word)));
    }
}

/// The split point: the wording's chunk holds [`worded`] and all it alone reaches.
#[leptos::wasm_split::wasm_split(error_words, wasm_split_path = ::leptos::wasm_split, fallible)]
fn error_words() -> Result<Wording, leptos::wasm_split::SplitLoaderError> {
    Ok(worded)
}

/// [`error_text`]'s words for `err`.
fn worded(err: &CommandError) -> String {
    let display = err.to_string();
    let said = |text: &str| tr!("err-server-said", text = text.to_owned());
    match err {
        CommandError::Validation { fields, .. } => {
            tr!(
                "err-validation",
                display = display,
                n = fields.fields().count()
            )
        }
        CommandError::NotFound { what, id, message } if id.is_empty() => tr!(
            "err-not-found-server",
            display = display,
            what = missing(what),
            said = said(message)
        ),
        CommandError::NotFound { what, id, .. } => tr!(
            "err-not-found",
            display = display,
            what = missing(what),
            id = id.clone()
        ),
        CommandError::AlreadyExists { message } => {
            tr!(
                "err-already-exists",
                display = display,
                said = said(message)
            )
        }
        CommandError::Unauthorized { product, message } => tr!(
            "err-unauthorized",
            display = display,
            product = product.to_string(),
            said = said(message)
        ),
        CommandError::Forbidden {
            product,
            missing_scope: Some(scope),
            ..
        } => tr!(
            "err-forbidden-scope",
            display = display,
            product = product.to_string(),
            scope = scope.clone()
        ),
        CommandError::Forbidden {
            product,
            missing_role: Some(role),
            ..
        } => tr!(
            "err-forbidden-role",
            display = display,
            product = product.to_string(),
            role = role.clone()
        ),
        CommandError::Forbidden {
            product, message, ..
        } => tr!(
            "err-forbidden",
            display = display,
            product = product.to_string(),
            said = said(message)
        ),
        CommandError::RateLimited {
            retry_after_secs: Some(secs),
            ..
        } => tr!("err-rate-limited-wait", display = display, secs = *secs),
        CommandError::RateLimited { .. } => tr!("err-rate-limited", display = display),
        CommandError::Network {
            product,
            host,
            cause,
        } => tr!(
            "err-network",
            display = display,
            product = product.to_string(),
            host = host.clone(),
            cause = network_cause(cause)
        ),
        CommandError::TimedOut {
            product,
            host,
            after_ms,
        } => tr!(
            "err-timed-out",
            display = display,
            product = product.to_string(),
            host = host.clone(),
            secs = after_ms / 1000
        ),
        CommandError::UnexpectedReply {
            product,
            status,
            excerpt,
        } if excerpt.is_empty() => tr!(
            "err-reply-broke-off",
            display = display,
            product = product.to_string(),
            status = *status
        ),
        CommandError::UnexpectedReply {
            product,
            status,
            excerpt,
        } => tr!(
            "err-unexpected-reply",
            display = display,
            product = product.to_string(),
            status = *status,
            said = said(excerpt)
        ),
        CommandError::UnreadableReply {
            product, reason, ..
        } => tr!(
            "err-unreadable",
            display = display,
            product = product.to_string(),
            reason = reason.clone()
        ),
        CommandError::TooLarge {
            product,
            limit_bytes,
        } => tr!(
            "err-too-large",
            display = display,
            product = product.to_string(),
            limit = *limit_bytes
        ),
        CommandError::Redirected {
            product, location, ..
        } => tr!(
            "err-redirected",
            display = display,
            product = product.to_string(),
            location = lanyard_model::error::words::without_query(location).to_owned()
        ),
        CommandError::Server {
            product,
            status,
            message,
            correlation_id,
            ..
        } => tr!(
            "err-server",
            display = display,
            product = product.to_string(),
            status = *status,
            said = said(message),
            correlation = correlation_id.clone().unwrap_or_default()
        ),
        CommandError::OutcomeUnknown { product, cause, .. } => tr!(
            "err-outcome-unknown",
            display = display,
            product = product.to_string(),
            cause = cause.clone()
        ),
        CommandError::NotApplied { product, cause, .. } => tr!(
            "err-not-applied",
            display = display,
            product = product.to_string(),
            cause = cause.clone()
        ),
        CommandError::Keychain { problem } => {
            tr!(
                "err-keychain",
                display = display,
                detail = keychain_problem(problem)
            )
        }
        CommandError::Configuration { problem } => {
            tr!("err-configuration", detail = config_problem(problem))
        }
        CommandError::StateChanged { change } => {
            tr!("err-state-changed", detail = state_change(change))
        }
        CommandError::ConfirmationRequired { expected, .. } => {
            tr!(
                "err-confirmation",
                display = display,
                expected = expected.clone()
            )
        }
        CommandError::Cancelled => tr!("err-cancelled", display = display),
        CommandError::Unfit { unfit } => super::records::unfit(unfit),
        CommandError::TargetUnread { target, error } => tr!(
            "err-target-unread",
            target = target.clone(),
            error = worded(error)
        ),
    }
}

/// Why a host could not be reached, in a few words.
/// What was not found: a profile, or the product whose server answered 404.
fn missing(what: &Missing) -> String {
    match what {
        Missing::Profile => tr!("missing-profile"),
        Missing::Product(product) => product.name().to_owned(),
        Missing::Stored(word) => word.clone(),
    }
}

fn network_cause(cause: &NetworkCause) -> String {
    match cause {
        NetworkCause::ConnectionRefused => tr!("net-refused"),
        NetworkCause::NameNotFound => tr!("net-name-not-found"),
        NetworkCause::TimedOut => tr!("net-timed-out"),
        NetworkCause::ConnectionClosed => tr!("net-closed"),
        NetworkCause::CertificateNotTrusted => tr!("net-cert-untrusted"),
        NetworkCause::CertificateWrongHost => tr!("net-cert-wrong-host"),
        NetworkCause::CertificateExpired => tr!("net-cert-expired"),
        NetworkCause::Tls { detail } => tr!("net-tls", detail = detail.clone()),
        NetworkCause::Other { detail } => detail.clone(),
    }
}

#[cfg(test)]
mod tests {
    use lanyard_model::Product;

    use super::*;
    use crate::i18n::{Lang, set_lang};
    use lanyard_model::error::{ConfigProblem, StateChange};
    use lanyard_model::inventory::CrawlAction;

    fn samples() -> Vec<CommandError> {
        vec![
            CommandError::Network {
                product: Product::Hub,
                host: "127.0.0.1:9".into(),
                cause: NetworkCause::ConnectionRefused,
            },
            CommandError::Server {
                product: Product::Auth0,
                status: 500,
                message: "boom".into(),
                error_code: Some("internal".into()),
                correlation_id: Some("c-9".into()),
            },
            CommandError::Unauthorized {
                product: Product::Zitadel,
                message: "invalid_client".into(),
            },
            CommandError::Cancelled,
            CommandError::Keychain {
                problem: lanyard_model::error::KeychainProblem::NoAccess("locked".into()),
            },
            CommandError::Keychain {
                problem: lanyard_model::error::KeychainProblem::TooLong { len: 9, max: 8 },
            },
            CommandError::Configuration {
                problem: ConfigProblem::SettingsUnwritable {
                    path: "/home/dana/.config/lanyard/settings.json".into(),
                    detail: "Permission denied (os error 13)".into(),
                },
            },
            CommandError::StateChanged {
                change: StateChange::ChangedSince {
                    item: "Globex-SAML".into(),
                    target: "Massive Dynamic".into(),
                },
            },
            CommandError::StateChanged {
                change: StateChange::CrawlRefuses {
                    profile: "Acme".into(),
                    state: lanyard_model::inventory::CrawlState::Running,
                    action: CrawlAction::Start,
                },
            },
        ]
    }

    #[test]
    fn english_is_the_models_own_words() {
        set_lang(Lang::En);
        for e in samples() {
            assert_eq!(error_text(&e), e.to_string());
        }
    }

    #[test]
    fn japanese_names_the_cause_and_quotes_the_server_as_it_said_it() {
        set_lang(Lang::Ja);
        let texts: Vec<String> = samples().iter().map(error_text).collect();
        set_lang(Lang::En);
        assert!(
            texts[0].contains("127.0.0.1:9") && texts[0].contains("接続が拒否されました"),
            "{}",
            texts[0]
        );
        assert!(
            texts[1].contains("「boom」（サーバーの応答）") && texts[1].contains("c-9"),
            "{}",
            texts[1]
        );
        assert!(texts[2].contains("「invalid_client」"), "{}", texts[2]);
        for t in &texts {
            assert!(!t.is_ascii(), "not translated: {t}");
        }
    }
}

//! A transport error reduced to its root cause: reqwest's chain ("error sending request for url
//! (…): client error (Connect): tcp connect error: Connection refused (os error 111)") becomes
//! one [`NetworkCause`] ("connection refused"), with no URL and no query string. The words for
//! each cause are the model's.

use std::error::Error;
use std::io;

use lanyard_model::error::NetworkCause;
use tokio_rustls::rustls;

use crate::error::clip;

/// The root cause of a failed request (also of the updater's own downloads).
pub fn of(err: &reqwest::Error) -> NetworkCause {
    if err.is_timeout() {
        return NetworkCause::TimedOut;
    }
    match root(err) {
        Some(cause) => cause,
        // Nothing under reqwest's own error: its words, less the URL it names.
        None => {
            let mut text = err.to_string();
            if let Some(url) = err.url() {
                text = text.replace(&format!(" for url ({url})"), "");
            }
            NetworkCause::Other {
                detail: clip(&text),
            }
        }
    }
}

/// The cause the chain under `top` comes to: the first link that is a known cause, else the
/// innermost link's words. `None` when `top` has no source.
pub(crate) fn root(top: &(dyn Error + 'static)) -> Option<NetworkCause> {
    let mut innermost = None;
    let mut link = top.source();
    while let Some(err) = link {
        if let Some(cause) = known(err) {
            return Some(cause);
        }
        innermost = Some(err);
        link = err.source();
    }
    innermost.map(|err| NetworkCause::Other {
        detail: clip(&err.to_string()),
    })
}

/// The cause one link names, if it is one a user can act on.
fn known(err: &(dyn Error + 'static)) -> Option<NetworkCause> {
    if let Some(tls) = err.downcast_ref::<rustls::Error>() {
        return Some(tls_cause(tls));
    }
    if let Some(io) = err.downcast_ref::<io::Error>() {
        // An io::Error made from another error does not give it as its source: look inside.
        if let Some(cause) = io.get_ref().and_then(|inner| known(inner)) {
            return Some(cause);
        }
        if let Some(cause) = io_cause(io.kind()) {
            return Some(cause);
        }
    }
    // What hyper and hyper-util say has no type to match on; their words are stable. (Never
    // reqwest's own error, whose words hold the URL, and so whatever a query says.)
    let text = err.to_string();
    let has = |words: &str| text.contains(words);
    if text.starts_with("dns error")
        || has("failed to lookup address")
        || has("Name or service not known")
    {
        Some(NetworkCause::NameNotFound)
    } else if text == "operation timed out" {
        Some(NetworkCause::TimedOut)
    } else if has("connection closed before message completed") {
        Some(NetworkCause::ConnectionClosed)
    } else {
        None
    }
}

fn io_cause(kind: io::ErrorKind) -> Option<NetworkCause> {
    use io::ErrorKind as K;
    match kind {
        K::ConnectionRefused => Some(NetworkCause::ConnectionRefused),
        K::TimedOut => Some(NetworkCause::TimedOut),
        K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe | K::UnexpectedEof => {
            Some(NetworkCause::ConnectionClosed)
        }
        _ => None,
    }
}

fn tls_cause(err: &rustls::Error) -> NetworkCause {
    use rustls::CertificateError as C;
    match err {
        rustls::Error::InvalidCertificate(cert) => match cert {
            C::UnknownIssuer | C::BadSignature => NetworkCause::CertificateNotTrusted,
            C::NotValidForName | C::NotValidForNameContext { .. } => {
                NetworkCause::CertificateWrongHost
            }
            C::Expired
            | C::ExpiredContext { .. }
            | C::NotValidYet
            | C::NotValidYetContext { .. } => NetworkCause::CertificateExpired,
            other => NetworkCause::Tls {
                detail: clip(&format!("the certificate was refused: {other}")),
            },
        },
        other => NetworkCause::Tls {
            detail: clip(&other.to_string()),
        },
    }
}

#[cfg(test)]
mod tests;

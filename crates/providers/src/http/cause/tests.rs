//! The root cause of error chains shaped as reqwest, hyper-util and rustls make them. The same
//! causes from real connections: `tests/network_causes.rs`.

use std::error::Error;
use std::fmt;
use std::io;

use lanyard_model::error::NetworkCause;
use tokio_rustls::rustls::{self, CertificateError};

use super::root;

/// One link of a chain: its words and what caused it.
#[derive(Debug)]
struct Link {
    text: &'static str,
    source: Option<Box<dyn Error + Send + Sync>>,
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

impl Error for Link {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

/// reqwest's error, with a URL whose query holds words a cause could be mistaken for, over
/// hyper-util's connect error, over `connect` and what it wraps.
fn chain(connect: &'static str, under: impl Error + Send + Sync + 'static) -> Link {
    Link {
        text: "error sending request for url (http://127.0.0.1:9/api/rest/authmodules?fields=dns%20error&$top=100)",
        source: Some(Box::new(Link {
            text: "client error (Connect)",
            source: Some(Box::new(Link {
                text: connect,
                source: Some(Box::new(under)),
            })),
        })),
    }
}

fn cause_of(top: &Link) -> NetworkCause {
    root(top).unwrap_or(NetworkCause::Other {
        detail: "(none)".into(),
    })
}

fn tls(error: CertificateError) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        rustls::Error::InvalidCertificate(error),
    )
}

#[test]
fn a_refused_connection_is_connection_refused() {
    let top = chain(
        "tcp connect error",
        io::Error::from(io::ErrorKind::ConnectionRefused),
    );
    assert_eq!(cause_of(&top), NetworkCause::ConnectionRefused);
    assert_eq!(cause_of(&top).to_string(), "connection refused");
}

#[test]
fn a_name_without_an_address_is_dns_name_not_found() {
    let lookup =
        io::Error::other("failed to lookup address information: Name or service not known");
    assert_eq!(
        cause_of(&chain("dns error", lookup)),
        NetworkCause::NameNotFound
    );
    let temporary = io::Error::other(
        "failed to lookup address information: Temporary failure in name resolution",
    );
    assert_eq!(
        cause_of(&chain("dns error", temporary)),
        NetworkCause::NameNotFound
    );
    assert_eq!(NetworkCause::NameNotFound.to_string(), "DNS name not found");
}

#[test]
fn a_connection_that_took_too_long_timed_out() {
    let top = chain(
        "tcp connect error",
        io::Error::from(io::ErrorKind::TimedOut),
    );
    assert_eq!(cause_of(&top), NetworkCause::TimedOut);
    let top = chain(
        "tcp connect error",
        Link {
            text: "operation timed out",
            source: None,
        },
    );
    assert_eq!(cause_of(&top), NetworkCause::TimedOut);
    assert_eq!(NetworkCause::TimedOut.to_string(), "timed out");
}

#[test]
fn a_certificate_this_computer_does_not_trust_is_said_so() {
    let top = chain("", tls(CertificateError::UnknownIssuer));
    assert_eq!(cause_of(&top), NetworkCause::CertificateNotTrusted);
    assert_eq!(
        NetworkCause::CertificateNotTrusted.to_string(),
        "TLS certificate not trusted"
    );
    let top = chain("", tls(CertificateError::NotValidForName));
    assert_eq!(cause_of(&top), NetworkCause::CertificateWrongHost);
    let top = chain("", tls(CertificateError::Expired));
    assert_eq!(cause_of(&top), NetworkCause::CertificateExpired);
    let top = chain(
        "",
        io::Error::new(io::ErrorKind::InvalidData, rustls::Error::DecryptError),
    );
    assert!(
        matches!(cause_of(&top), NetworkCause::Tls { .. }),
        "{:?}",
        cause_of(&top)
    );
}

#[test]
fn a_connection_closed_mid_answer_says_so() {
    let top = chain(
        "error reading a body from connection",
        io::Error::from(io::ErrorKind::ConnectionReset),
    );
    assert_eq!(cause_of(&top), NetworkCause::ConnectionClosed);
    let top = Link {
        text: "error sending request for url (http://127.0.0.1:9/x)",
        source: Some(Box::new(Link {
            text: "connection closed before message completed",
            source: None,
        })),
    };
    assert_eq!(cause_of(&top), NetworkCause::ConnectionClosed);
}

#[test]
fn anything_else_is_the_innermost_words_without_the_url() {
    let top = chain("tcp connect error", io::Error::other("network is down"));
    let cause = cause_of(&top);
    assert_eq!(
        cause,
        NetworkCause::Other {
            detail: "network is down".into()
        }
    );
    let shown = cause.to_string();
    assert!(!shown.contains("http") && !shown.contains('?'), "{shown}");
}

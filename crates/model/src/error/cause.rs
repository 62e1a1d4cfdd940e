//! Why a host could not be reached, reduced to its root cause, in the words a help desk acts on.
//! `lanyard-providers` sorts the transport's error chain into one of these; the words and the
//! fix for each are written here only.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NetworkCause {
    /// Nothing answers at the address's port, or a firewall turned the connection away.
    ConnectionRefused,
    /// The host name has no address (DNS).
    NameNotFound,
    /// The connection could not be made in time.
    TimedOut,
    /// The connection was closed or reset before the whole answer came.
    ConnectionClosed,
    /// The host's certificate is not signed by an authority this computer trusts.
    CertificateNotTrusted,
    /// The certificate is made for another name than the address's host.
    CertificateWrongHost,
    /// The certificate has expired, or is not valid yet.
    CertificateExpired,
    /// Another TLS failure, as the TLS library put it.
    Tls { detail: String },
    /// Anything else, as the innermost error of the chain put it.
    Other { detail: String },
}

const CHECK_ADDRESS: &str =
    "Check the address on the Profiles page and that this computer can reach it";

impl NetworkCause {
    /// What the user can do about it.
    pub fn fix(&self) -> &'static str {
        match self {
            NetworkCause::ConnectionRefused
            | NetworkCause::TimedOut
            | NetworkCause::Other { .. } => CHECK_ADDRESS,
            NetworkCause::NameNotFound => {
                "Check the address on the Profiles page for a typo, and this computer's network (VPN, DNS)"
            }
            NetworkCause::ConnectionClosed => {
                "Try again; if it keeps happening, check the network and the service's status"
            }
            NetworkCause::CertificateNotTrusted | NetworkCause::Tls { .. } => {
                "Check the address on the Profiles page; if this network inspects HTTPS (a company proxy), its root certificate must be installed on this computer"
            }
            NetworkCause::CertificateWrongHost => {
                "Check the address on the Profiles page: it must use the host name the service's certificate is made for"
            }
            NetworkCause::CertificateExpired => {
                "Check that this computer's date and time are right; if they are, the service's administrators must renew its certificate"
            }
        }
    }

    /// The same cause with `f` applied to the text that came from the network.
    pub fn map_detail(self, f: impl Fn(&str) -> String) -> Self {
        match self {
            NetworkCause::Tls { detail } => NetworkCause::Tls { detail: f(&detail) },
            NetworkCause::Other { detail } => NetworkCause::Other { detail: f(&detail) },
            other => other,
        }
    }
}

/// The cause in a few words: "connection refused", "DNS name not found".
impl fmt::Display for NetworkCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetworkCause::ConnectionRefused => f.write_str("connection refused"),
            NetworkCause::NameNotFound => f.write_str("DNS name not found"),
            NetworkCause::TimedOut => f.write_str("timed out"),
            NetworkCause::ConnectionClosed => f.write_str("connection closed before the answer"),
            NetworkCause::CertificateNotTrusted => f.write_str("TLS certificate not trusted"),
            NetworkCause::CertificateWrongHost => {
                f.write_str("TLS certificate made for another host")
            }
            NetworkCause::CertificateExpired => {
                f.write_str("TLS certificate expired or not yet valid")
            }
            NetworkCause::Tls { detail } => write!(f, "TLS failed: {detail}"),
            NetworkCause::Other { detail } => f.write_str(detail),
        }
    }
}

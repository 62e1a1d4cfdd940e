//! HTTPS on request: a CA and a server certificate for `127.0.0.1`/`localhost`, made at start,
//! with the CA's PEM written to a file that clients add as a trusted root.

use std::path::PathBuf;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose,
};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};

use crate::error::SandboxError;

/// What the servers need to speak TLS, and where the CA went.
pub struct Tls {
    pub acceptor: TlsAcceptor,
    pub ca_pem_path: PathBuf,
}

impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tls")
            .field("ca_pem_path", &self.ca_pem_path)
            .finish_non_exhaustive()
    }
}

fn cert_error(e: impl std::fmt::Display) -> SandboxError {
    SandboxError::Tls(e.to_string())
}

/// Makes a fresh CA and server certificate; a new pair every start, so nothing is reused.
pub fn generate() -> Result<Tls, SandboxError> {
    let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(cert_error)?;
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "Lanyard Sandbox CA");
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate().map_err(cert_error)?)
        .map_err(cert_error)?;

    let mut leaf = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
        .map_err(cert_error)?;
    leaf.distinguished_name
        .push(DnType::CommonName, "lanyard-sandbox");
    let leaf_key = KeyPair::generate().map_err(cert_error)?;
    let leaf = leaf.signed_by(&leaf_key, &ca).map_err(cert_error)?;

    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(cert_error)?
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf.der().clone(), ca.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der())),
        )
        .map_err(cert_error)?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];

    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let ca_pem_path = std::env::temp_dir().join(format!(
        "lanyard-sandbox-ca-{}-{nanos}.pem",
        std::process::id()
    ));
    std::fs::write(&ca_pem_path, ca.pem()).map_err(|source| SandboxError::CaFile {
        path: ca_pem_path.clone(),
        source,
    })?;
    Ok(Tls {
        acceptor: TlsAcceptor::from(Arc::new(config)),
        ca_pem_path,
    })
}

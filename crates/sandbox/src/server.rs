//! Starting the three servers and the admin port on loopback.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;

use crate::admin::Products;
use crate::auth0::Auth0;
use crate::config::{Credentials, SandboxConfig};
use crate::error::SandboxError;
use crate::faults::{self, Faults, Product};
use crate::guard::AdminToken;
use crate::hub::Hub;
use crate::json::lock;
use crate::zitadel::Zitadel;

/// The running sandbox. Dropping it stops the servers.
#[derive(Debug)]
pub struct Sandbox {
    pub auth0: Arc<Auth0>,
    pub zitadel: Arc<Zitadel>,
    pub hub: Arc<Hub>,
    /// The same three with their fault rules, as the admin port serves them.
    products: Products,
    addrs: [SocketAddr; 4],
    stop: watch::Sender<bool>,
    /// What the admin port requires as `Authorization: Bearer …`; made at start.
    admin_token: AdminToken,
    /// `https` when started with `tls`; the admin port stays plain HTTP.
    scheme: &'static str,
    ca_pem_path: Option<PathBuf>,
}

impl Sandbox {
    pub fn auth0_url(&self) -> String {
        format!("{}://{}", self.scheme, self.addrs[0])
    }
    pub fn zitadel_url(&self) -> String {
        format!("{}://{}", self.scheme, self.addrs[1])
    }
    pub fn hub_url(&self) -> String {
        format!("{}://{}", self.scheme, self.addrs[2])
    }
    pub fn admin_url(&self) -> String {
        format!("http://{}", self.addrs[3])
    }
    /// The PEM file of the CA that signed the servers' certificate (with `tls` only); clients
    /// add it as a trusted root. Removed when the sandbox is dropped.
    pub fn ca_pem_path(&self) -> Option<&Path> {
        self.ca_pem_path.as_deref()
    }

    /// The credentials the three servers accept, generated at start unless the config set them.
    pub fn credentials(&self) -> &Credentials {
        &self.auth0.credentials
    }

    /// The admin port's bearer token, made at start.
    pub fn admin_token(&self) -> &str {
        &self.admin_token.0
    }

    /// The fault rules of one product's server.
    pub fn faults(&self, product: Product) -> &Faults {
        self.products.faults(product)
    }

    /// How many requests one product's server received, by method and path (`GET /api/v2/…`).
    pub fn requests(&self, product: Product) -> std::collections::BTreeMap<String, u64> {
        self.products.requests(product).counts()
    }

    /// The true state of one product, as tests read it.
    pub fn state(&self, product: Product) -> serde_json::Value {
        self.products.state(product)
    }

    /// Adds an Auth0 organization (see `Auth0::add_organization`); its id.
    pub fn add_auth0_organization(&self, name: &str, display_name: &str) -> Result<String, String> {
        self.products.auth0.add_organization(name, display_name)
    }

    /// Back to the seed, faults cleared.
    pub fn reset(&self) {
        self.products.reset();
    }

    /// Stops the servers.
    pub fn shutdown(&self) {
        let _ = self.stop.send(true);
    }

    /// URLs and credentials, as `lanyard-sandbox --json` prints them.
    pub fn describe(&self) -> serde_json::Value {
        serde_json::json!({
            "auth0": {"url": self.auth0_url(), "audience": self.auth0.audience(), "legacy_only": self.auth0.legacy_only()},
            "zitadel": {"url": self.zitadel_url()},
            "hub": {"url": self.hub_url(), "rest": format!("{}/api/rest", self.hub_url()), "token": format!("{}/api/rest/oauth2/token", self.hub_url())},
            "admin": {"url": self.admin_url(), "token": self.admin_token()},
            "ca_pem": self.ca_pem_path(),
            "credentials": self.credentials(),
        })
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.shutdown();
        if let Some(path) = &self.ca_pem_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

async fn stopped(stop: &mut watch::Receiver<bool>) {
    while !*stop.borrow() {
        if stop.changed().await.is_err() {
            break;
        }
    }
}

/// The TLS variant of `serve`: axum's `serve` speaks plain TCP only, so each connection goes
/// through rustls and then hyper by hand.
fn serve_tls(
    listener: TcpListener,
    app: Router,
    acceptor: TlsAcceptor,
    stop: watch::Receiver<bool>,
) {
    tokio::spawn(async move {
        let mut accept_stop = stop.clone();
        loop {
            let tcp = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok((tcp, _)) => tcp,
                    Err(err) => {
                        tracing::debug!(%err, "accept failed");
                        continue;
                    }
                },
                () = stopped(&mut accept_stop) => break,
            };
            let (acceptor, app, mut stop) = (acceptor.clone(), app.clone(), stop.clone());
            tokio::spawn(async move {
                let tls = match acceptor.accept(tcp).await {
                    Ok(tls) => tls,
                    Err(err) => {
                        tracing::debug!(%err, "TLS handshake failed");
                        return;
                    }
                };
                let service = hyper_util::service::TowerToHyperService::new(app);
                let builder = hyper_util::server::conn::auto::Builder::new(
                    hyper_util::rt::TokioExecutor::new(),
                );
                let conn = builder
                    .serve_connection_with_upgrades(hyper_util::rt::TokioIo::new(tls), service);
                tokio::pin!(conn);
                tokio::select! {
                    _ = conn.as_mut() => {}
                    () = stopped(&mut stop) => {
                        conn.as_mut().graceful_shutdown();
                        let _ = conn.await;
                    }
                }
            });
        }
    });
}

async fn bind(port: u16) -> Result<TcpListener, SandboxError> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    TcpListener::bind(addr)
        .await
        .map_err(|source| SandboxError::Bind {
            addr: addr.to_string(),
            source,
        })
}

fn serve(listener: TcpListener, app: Router, mut stop: watch::Receiver<bool>) {
    tokio::spawn(async move {
        let shutdown = async move {
            while !*stop.borrow() {
                if stop.changed().await.is_err() {
                    break;
                }
            }
        };
        if let Err(err) = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::warn!(%err, "a sandbox server stopped");
        }
    });
}

/// Starts the three servers and the admin port on 127.0.0.1. Each refuses requests whose `Host`
/// is not loopback; the admin port also wants `Sandbox::admin_token`.
pub async fn start(config: SandboxConfig) -> Result<Sandbox, SandboxError> {
    config.check()?;
    let port = |offset: u16| {
        if config.port_base == 0 {
            0
        } else {
            // `check` keeps port_base + 3 within u16.
            config.port_base.saturating_add(offset)
        }
    };
    let listeners = [
        bind(port(0)).await?,
        bind(port(1)).await?,
        bind(port(2)).await?,
        bind(port(3)).await?,
    ];
    let mut addrs = [SocketAddr::from(([127, 0, 0, 1], 0)); 4];
    for (slot, l) in addrs.iter_mut().zip(&listeners) {
        *slot = l.local_addr().map_err(|source| SandboxError::Bind {
            addr: "127.0.0.1".into(),
            source,
        })?;
    }
    let tls = if config.tls {
        Some(crate::tls::generate()?)
    } else {
        None
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let auth0 = Auth0::new(&config);
    *lock(&auth0.base_url) = format!("{scheme}://{}", addrs[0]);
    let products = Products {
        auth0,
        zitadel: Zitadel::new(&config),
        hub: Hub::new(&config),
        faults: Default::default(),
        requests: Default::default(),
    };
    for (product, rule) in &config.faults {
        products.faults(*product).push(rule.clone());
    }
    let (stop, stopped) = watch::channel(false);

    // The Host check is the outermost layer: a misdirected request meets no fault and no
    // handler, and is not counted; a request answered with a fault is.
    let with_faults = |router: Router, p: Product| {
        crate::guard::loopback_only(
            router
                .layer(axum::middleware::from_fn_with_state(
                    products.faults(p).clone(),
                    faults::apply,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    products.requests(p).clone(),
                    crate::requests::count,
                )),
        )
    };
    let [l0, l1, l2, l3] = listeners;
    let product = |listener: TcpListener, app: Router| match &tls {
        Some(t) => serve_tls(listener, app, t.acceptor.clone(), stopped.clone()),
        None => serve(listener, app, stopped.clone()),
    };
    let servers = [
        (
            l0,
            crate::auth0::router(products.auth0.clone()),
            Product::Auth0,
        ),
        (
            l1,
            crate::zitadel::router(products.zitadel.clone()),
            Product::Zitadel,
        ),
        (l2, crate::hub::router(products.hub.clone()), Product::Hub),
    ];
    for (listener, router, p) in servers {
        product(listener, with_faults(router, p));
    }
    let admin_token = AdminToken(crate::config::random_token(43));
    serve(
        l3,
        crate::guard::loopback_only(crate::admin::router(products.clone(), admin_token.clone())),
        stopped,
    );
    let sandbox = Sandbox {
        auth0: products.auth0.clone(),
        zitadel: products.zitadel.clone(),
        hub: products.hub.clone(),
        products,
        addrs,
        stop,
        admin_token,
        scheme,
        ca_pem_path: tls.map(|t| t.ca_pem_path),
    };
    tracing::info!(auth0 = %sandbox.auth0_url(), zitadel = %sandbox.zitadel_url(), hub = %sandbox.hub_url(), admin = %sandbox.admin_url(), "sandbox listening");
    Ok(sandbox)
}

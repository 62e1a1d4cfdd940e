//! The updater's one way to read from the network: a GET with a size limit, a time limit, an
//! idle limit, and redirects followed only to addresses the address rule allows. Neither the
//! manifest nor the package is trusted for its size or its pace.

use std::time::Duration;

use lanyard_model::update::{UpdatePart, UpdateProblem};
use reqwest::StatusCode;
use url::Url;

use super::source::{allowed, host_of};

/// How much and how long the updater reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub manifest_bytes: u64,
    pub package_bytes: u64,
    /// The whole manifest request.
    pub manifest_time: Duration,
    /// The whole package download.
    pub package_time: Duration,
    /// Connecting, and the longest pause between two pieces of an answer.
    pub idle: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            manifest_bytes: 1024 * 1024,
            // A Tauri package (AppImage, msi, nsis, app.tar.gz) is tens of MiB.
            package_bytes: 512 * 1024 * 1024,
            manifest_time: Duration::from_secs(30),
            package_time: Duration::from_secs(30 * 60),
            idle: Duration::from_secs(30),
        }
    }
}

impl Limits {
    fn of(&self, part: UpdatePart) -> (u64, Duration) {
        match part {
            UpdatePart::Manifest => (self.manifest_bytes, self.manifest_time),
            UpdatePart::Package => (self.package_bytes, self.package_time),
        }
    }
}

/// What a GET brought.
#[derive(Debug, PartialEq, Eq)]
pub enum Fetched {
    /// 204: for a manifest, "no update".
    NoContent,
    Body(Vec<u8>),
}

/// At most this much is set aside up front, whatever length the server announces.
const RESERVE_AT_MOST: u64 = 16 * 1024 * 1024;
const MAX_REDIRECTS: usize = 5;

/// Reads `url` as `part` within `limits`; `on_progress(received, announced)` after each piece.
pub async fn get(
    url: &Url,
    part: UpdatePart,
    limits: &Limits,
    mut on_progress: impl FnMut(u64, Option<u64>),
) -> Result<Fetched, UpdateProblem> {
    if !allowed(url) {
        return Err(UpdateProblem::NotHttps { host: host_of(url) });
    }
    let (limit, time) = limits.of(part);
    let host = host_of(url);
    let read = async {
        let client = client(limits).map_err(|err| unreachable(&host, &err))?;
        let accept = match part {
            UpdatePart::Manifest => "application/json",
            UpdatePart::Package => "application/octet-stream",
        };
        let mut response = client
            .get(url.clone())
            .header(reqwest::header::ACCEPT, accept)
            .send()
            .await
            .map_err(|err| unreachable(&host, &err))?;
        let status = response.status();
        if status == StatusCode::NO_CONTENT {
            return Ok(Fetched::NoContent);
        }
        if status.is_redirection() {
            return Err(refused_redirect(&response, part));
        }
        if !status.is_success() {
            return Err(UpdateProblem::Refused {
                host: host_of(response.url()),
                status: status.as_u16(),
                part,
            });
        }
        let announced = response.content_length();
        let too_large = UpdateProblem::TooLarge {
            part,
            limit_bytes: limit,
        };
        if announced.is_some_and(|n| n > limit) {
            return Err(too_large);
        }
        let reserve = announced.unwrap_or(0).min(RESERVE_AT_MOST);
        let mut body = Vec::with_capacity(usize::try_from(reserve).unwrap_or(0));
        on_progress(0, announced);
        while let Some(piece) = response
            .chunk()
            .await
            .map_err(|err| unreachable(&host, &err))?
        {
            if body.len() as u64 + piece.len() as u64 > limit {
                return Err(too_large);
            }
            body.extend_from_slice(&piece);
            on_progress(body.len() as u64, announced);
        }
        Ok(Fetched::Body(body))
    };
    match tokio::time::timeout(time, read).await {
        Ok(result) => result,
        Err(_) => Err(UpdateProblem::TimedOut {
            host,
            after_secs: time.as_secs(),
        }),
    }
}

fn client(limits: &Limits) -> reqwest::Result<reqwest::Client> {
    let policy = reqwest::redirect::Policy::custom(|attempt| {
        if attempt.previous().len() >= MAX_REDIRECTS || !allowed(attempt.url()) {
            attempt.stop()
        } else {
            attempt.follow()
        }
    });
    reqwest::Client::builder()
        .user_agent(concat!("Lanyard/", env!("CARGO_PKG_VERSION"), " updater"))
        .connect_timeout(limits.idle)
        .read_timeout(limits.idle)
        .redirect(policy)
        .build()
}

/// A redirect left unfollowed: to an address the rule refuses, or one too many.
fn refused_redirect(response: &reqwest::Response, part: UpdatePart) -> UpdateProblem {
    let target = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|location| response.url().join(location).ok());
    match target {
        Some(target) if !allowed(&target) => UpdateProblem::NotHttps {
            host: host_of(&target),
        },
        _ => UpdateProblem::Refused {
            host: host_of(response.url()),
            status: response.status().as_u16(),
            part,
        },
    }
}

fn unreachable(host: &str, err: &reqwest::Error) -> UpdateProblem {
    UpdateProblem::Unreachable {
        host: err.url().map(host_of).unwrap_or_else(|| host.to_owned()),
        cause: lanyard_providers::http::network_cause(err),
    }
}

//! "Check for updates": Lanyard asks the configured update server for its manifest, offers a
//! newer version with its notes, and on the user's word downloads the package, checks its
//! signature against the configured public key, and installs it.
//!
//! Tauri's updater plugin does what must be exactly Tauri's: reading the manifest's release for
//! this computer, comparing versions, verifying the minisign signature (which must name the
//! version the manifest announces: `restore_update` requires it), and installing. Lanyard does
//! the transport ([`fetch`]), so that the manifest and the package are read with size and time
//! limits and only over https (or loopback), which the plugin's own requests do not bound.
//! Nothing is checked unless the user asks; nothing is installed unless its signature is valid
//! and this copy was installed from a package.

mod fetch;
mod source;

use std::sync::{Arc, Mutex, PoisonError};

use lanyard_model::update::{UpdateCheck, UpdateOffer, UpdatePart, UpdateProblem, UpdateProgress};
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Update, UpdaterExt};

pub use fetch::{Fetched, Limits};
pub use source::{UpdateSource, allowed};

/// Release notes longer than this are cut (characters).
const NOTES_AT_MOST: usize = 4_000;
/// Any other text from the server (a version, a parser's complaint) is cut to this.
const TEXT_AT_MOST: usize = 200;

/// The updater plugin with the configuration it requires at start; the endpoint and the key
/// are given per check. Its JavaScript commands are registered but no capability grants them:
/// the window reaches updates only through Lanyard's own commands.
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R, tauri_plugin_updater::Config> {
    tauri_plugin_updater::Builder::new().build()
}

/// Puts the plugin's configuration in `context` (it refuses to start without one), keeping the
/// endpoint and key a release build was given there. Lanyard's address rule ([`allowed`]) is
/// checked before any address reaches the plugin, so the plugin's own https check is left to
/// it; every signature must name its version.
pub fn configure<R: Runtime>(context: &mut tauri::Context<R>) {
    let plugins = &mut context.config_mut().plugins.0;
    let mut updater = plugins
        .remove("updater")
        .filter(serde_json::Value::is_object)
        .unwrap_or_else(|| serde_json::json!({"pubkey": "", "endpoints": []}));
    if let Some(settings) = updater.as_object_mut() {
        settings.entry("pubkey").or_insert_with(|| "".into());
        settings.insert("dangerousInsecureTransportProtocol".to_owned(), true.into());
        settings.insert("requireSignedVersion".to_owned(), true.into());
    }
    plugins.insert("updater".to_owned(), updater);
}

/// A package whose signature was checked; only [`Updates::download_verified`] makes one.
#[derive(Debug)]
pub struct VerifiedPackage {
    pub version: String,
    pub bytes: Vec<u8>,
}

/// The update state the commands share: the source, the offer of the last check, the progress.
pub struct Updates {
    /// `None`: read at each check from the environment and the app's configuration.
    source: Option<Result<Option<UpdateSource>, UpdateProblem>>,
    limits: Limits,
    offered: Mutex<Option<Update>>,
    progress: Arc<Mutex<UpdateProgress>>,
}

impl Updates {
    /// As the environment (and, where it says nothing, the app's configuration) says at each
    /// check ([`UpdateSource::resolve`]).
    pub fn from_env() -> Self {
        Self::with(None, Limits::default())
    }

    /// With a given source instead.
    pub fn new(source: Result<Option<UpdateSource>, UpdateProblem>, limits: Limits) -> Self {
        Self::with(Some(source), limits)
    }

    fn with(source: Option<Result<Option<UpdateSource>, UpdateProblem>>, limits: Limits) -> Self {
        Self {
            source,
            limits,
            offered: Mutex::new(None),
            progress: Arc::new(Mutex::new(UpdateProgress::Idle)),
        }
    }

    /// Asks the server; an offer is kept for [`Self::start_install`].
    pub async fn check<R: Runtime>(&self, app: &AppHandle<R>) -> UpdateCheck {
        let source = match &self.source {
            Some(given) => given.clone(),
            None => UpdateSource::resolve(app.config()),
        };
        let source = match source {
            Ok(Some(source)) => source,
            Ok(None) => return UpdateCheck::NotConfigured,
            Err(problem) => return UpdateCheck::Failed { problem },
        };
        let current = app.package_info().version.to_string();
        let host = source::host_of(&source.endpoint);
        match self.offer(app, &source, &current).await {
            Ok(Some(update)) => {
                let offer = offer_of(&update);
                tracing::info!(%host, %current, offered = %offer.version, "update offered");
                *lock(&self.offered) = Some(update);
                UpdateCheck::Available(offer)
            }
            Ok(None) => {
                tracing::info!(%host, %current, "no update");
                UpdateCheck::UpToDate { current }
            }
            Err(problem) => {
                tracing::warn!(%host, %problem, "update check failed");
                UpdateCheck::Failed { problem }
            }
        }
    }

    async fn offer<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        source: &UpdateSource,
        current: &str,
    ) -> Result<Option<Update>, UpdateProblem> {
        let url = source.manifest_url(current)?;
        let updater = app
            .updater_builder()
            .pubkey(source.pubkey.clone())
            .endpoints(vec![url.clone()])
            .and_then(|b| b.build())
            .map_err(|err| UpdateProblem::UnreadableManifest {
                reason: clip(&err.to_string(), TEXT_AT_MOST),
            })?;
        let body = match fetch::get(&url, UpdatePart::Manifest, &self.limits, |_, _| {}).await? {
            Fetched::NoContent => return Ok(None),
            Fetched::Body(body) => body,
        };
        let manifest: serde_json::Value =
            serde_json::from_slice(&body).map_err(|err| UpdateProblem::UnreadableManifest {
                reason: clip(&err.to_string(), TEXT_AT_MOST),
            })?;
        let update = updater.restore_update(manifest).map_err(manifest_problem)?;
        if let Some(update) = &update
            && !allowed(&update.download_url)
        {
            return Err(UpdateProblem::NotHttps {
                host: source::host_of(&update.download_url),
            });
        }
        Ok(update)
    }

    pub fn progress(&self) -> UpdateProgress {
        lock(&self.progress).clone()
    }

    /// Starts downloading, verifying and installing `version`, which the last check offered;
    /// the progress so far. A second start while one runs changes nothing.
    pub fn start_install(&self, version: &str) -> UpdateProgress {
        let Some(update) = lock(&self.offered).clone().filter(|u| u.version == version) else {
            return UpdateProgress::Failed {
                problem: UpdateProblem::NotOffered {
                    version: clip(version, TEXT_AT_MOST),
                },
            };
        };
        {
            let mut progress = lock(&self.progress);
            if progress.is_running() {
                return progress.clone();
            }
            *progress = downloading(&update.version, 0, None);
        }
        let progress = Arc::clone(&self.progress);
        let limits = self.limits;
        tauri::async_runtime::spawn(async move {
            let outcome = match download_verified(&update, &limits, &progress).await {
                Ok(package) => install(update, package, &progress).await,
                Err(problem) => Err(problem),
            };
            *lock(&progress) = match outcome {
                Ok(version) => {
                    tracing::info!(%version, "update installed");
                    UpdateProgress::Installed { version }
                }
                Err(problem) => {
                    tracing::warn!(%problem, "update not installed");
                    UpdateProgress::Failed { problem }
                }
            };
        });
        self.progress()
    }

    /// Downloads the offered package and checks its signature, reporting into the progress;
    /// installs nothing.
    pub async fn download_verified(
        &self,
        update: &Update,
    ) -> Result<VerifiedPackage, UpdateProblem> {
        download_verified(update, &self.limits, &self.progress).await
    }

    /// The offer of the last check, if any.
    pub fn offered(&self) -> Option<Update> {
        lock(&self.offered).clone()
    }
}

async fn download_verified(
    update: &Update,
    limits: &Limits,
    progress: &Mutex<UpdateProgress>,
) -> Result<VerifiedPackage, UpdateProblem> {
    let version = update.version.clone();
    let fetched = fetch::get(
        &update.download_url,
        UpdatePart::Package,
        limits,
        |got, total| {
            *lock(progress) = downloading(&version, got, total);
        },
    )
    .await?;
    let Fetched::Body(bytes) = fetched else {
        return Err(UpdateProblem::Refused {
            host: source::host_of(&update.download_url),
            status: 204,
            part: UpdatePart::Package,
        });
    };
    *lock(progress) = UpdateProgress::Verifying {
        version: version.clone(),
    };
    update.verify(&bytes).map_err(signature_problem)?;
    Ok(VerifiedPackage { version, bytes })
}

/// Installs a verified package, if this copy was installed from a package at all.
async fn install(
    update: Update,
    package: VerifiedPackage,
    progress: &Mutex<UpdateProgress>,
) -> Result<String, UpdateProblem> {
    let version = package.version.clone();
    if !installed_from_package() {
        return Err(UpdateProblem::NotAnInstalledCopy { version });
    }
    *lock(progress) = UpdateProgress::Installing {
        version: version.clone(),
    };
    let installed =
        tauri::async_runtime::spawn_blocking(move || update.install(package.bytes)).await;
    match installed {
        Ok(Ok(())) => Ok(version),
        Ok(Err(err)) => Err(UpdateProblem::InstallFailed {
            version,
            reason: clip(&err.to_string(), TEXT_AT_MOST),
        }),
        Err(err) => Err(UpdateProblem::InstallFailed {
            version,
            reason: clip(&err.to_string(), TEXT_AT_MOST),
        }),
    }
}

/// Whether this executable is an installed package's (deb, rpm, AppImage, msi, nsis, or inside
/// an .app bundle), never a build folder's: only those are replaced.
fn installed_from_package() -> bool {
    use tauri::utils::{config::BundleType, platform::bundle_type};
    match bundle_type() {
        None => false,
        // Tauri says "app" for every macOS executable; look for the bundle around it.
        Some(BundleType::App) => std::env::current_exe().is_ok_and(|exe| {
            let macos = exe.parent();
            let contents = macos.and_then(|p| p.parent());
            let bundle = contents.and_then(|p| p.parent());
            macos.is_some_and(|p| p.ends_with("MacOS"))
                && contents.is_some_and(|p| p.ends_with("Contents"))
                && bundle.is_some_and(|p| p.extension().is_some_and(|e| e == "app"))
        }),
        Some(_) => true,
    }
}

fn downloading(version: &str, received_bytes: u64, total_bytes: Option<u64>) -> UpdateProgress {
    UpdateProgress::Downloading {
        version: version.to_owned(),
        received_bytes,
        total_bytes,
    }
}

fn offer_of(update: &Update) -> UpdateOffer {
    UpdateOffer {
        version: clip(&update.version, TEXT_AT_MOST),
        current: update.current_version.clone(),
        notes: update
            .body
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|n| clip(n, NOTES_AT_MOST)),
        published: update.date.and_then(|d| {
            d.format(&time::format_description::well_known::Rfc3339)
                .ok()
        }),
        download_host: source::host_of(&update.download_url),
    }
}

fn manifest_problem(err: tauri_plugin_updater::Error) -> UpdateProblem {
    use tauri_plugin_updater::Error;
    match err {
        Error::TargetsNotFound(targets) => UpdateProblem::NoPackageForThisComputer {
            targets: targets.iter().take(4).map(|t| clip(t, 40)).collect(),
        },
        Error::TargetNotFound(target) => UpdateProblem::NoPackageForThisComputer {
            targets: vec![clip(&target, 40)],
        },
        other => UpdateProblem::UnreadableManifest {
            reason: clip(&other.to_string(), TEXT_AT_MOST),
        },
    }
}

fn signature_problem(err: tauri_plugin_updater::Error) -> UpdateProblem {
    use tauri_plugin_updater::Error;
    match err {
        Error::SignedVersionMismatch { signed, announced } => UpdateProblem::SignedForAnotherVersion {
            signed: clip(&signed, TEXT_AT_MOST),
            announced: clip(&announced, TEXT_AT_MOST),
        },
        Error::MissingSignedVersion => UpdateProblem::BadSignature {
            reason: "it does not name the version it was signed for; sign with Tauri's CLI 2.12.4 or later".to_owned(),
        },
        Error::SignatureUtf8(_) | Error::Base64(_) => UpdateProblem::BadSignature {
            reason: "the manifest's signature is not a base64 minisign signature".to_owned(),
        },
        other => UpdateProblem::BadSignature {
            reason: clip(&other.to_string(), TEXT_AT_MOST),
        },
    }
}

/// `text` cut to `at_most` characters, marked when cut.
fn clip(text: &str, at_most: usize) -> String {
    if text.chars().count() <= at_most {
        return text.to_owned();
    }
    let kept: String = text.chars().take(at_most).collect();
    format!("{}…", kept.trim_end())
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

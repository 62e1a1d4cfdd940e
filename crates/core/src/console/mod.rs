//! The application layer the commands call: profiles, the reads behind each screen, and
//! changes (preview, apply, undo) with their audit entries.

mod changes;
mod clients;
mod compare;
mod crawl;
mod history;
mod inventory;
mod listings;
mod reads;
mod target_list;

use std::path::PathBuf;
use std::sync::Arc;

use lanyard_model::audit::{ActivityPage, ActivityView, ExportFormat};
use lanyard_model::bulk::{BulkOp, BulkTarget, RunAction, RunList, RunView};
use lanyard_model::error::{Asked, ConfigProblem, Unfit};
use lanyard_model::inventory::PlanSource;
use lanyard_model::profile::ProfileDraft;
use lanyard_model::{AppInfo, Profile, TestReport};

use crate::audit::{AuditLog, to_csv};
use crate::builtin::{Builtin, BuiltinSlot};
use crate::bulk::Runs;
pub use crate::client::Client;
use crate::crawl::Crawls;
use crate::error::CoreError;
use crate::profiles::Profiles;
use crate::secrets::Keychain;
use crate::stock::Stock;
use clients::Clients;

/// Where the console keeps its files.
#[derive(Debug, Clone)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
}

#[derive(Debug)]
pub struct Console {
    paths: Paths,
    profiles: Profiles,
    builtin: BuiltinSlot,
    clients: Clients,
    audit: Arc<AuditLog>,
    runs: Runs,
    stock: Stock,
    /// The inventory's crawls, one per profile; dropped with the console, they stop as at a kill.
    crawls: Crawls,
}

impl Console {
    pub fn open(paths: Paths, keychain: Keychain) -> Result<Self, CoreError> {
        let profiles = Profiles::open(&paths.config_dir, keychain)?;
        let audit = Arc::new(AuditLog::in_dir(&paths.data_dir));
        let stock = Stock::open(&paths.data_dir);
        let runs = Runs::open(&paths.data_dir, audit.clone()).with_inventory(stock.clone());
        let crawls = Crawls::open(stock.clone());
        Ok(Self {
            paths,
            profiles,
            builtin: BuiltinSlot::default(),
            clients: Clients::default(),
            audit,
            runs,
            stock,
            crawls,
        })
    }

    /// The built-in sandbox, started on first use while no profile of the user's own exists
    /// (see `BuiltinSlot`).
    async fn builtin(&self) -> Option<Arc<Builtin>> {
        self.builtin
            .offered(self.profiles.list().len(), self.profiles.hide_sandbox())
            .await
    }

    /// "Try the sandbox": starts the built-in sandbox even though the user has profiles, and
    /// shows its profiles (no longer hidden).
    pub async fn profiles_try_sandbox(&self) -> Result<(), CoreError> {
        if self.profiles.hide_sandbox() {
            self.profiles.set_hide_sandbox(false)?;
        }
        self.builtin.start_now().await.map(|_| ())
    }

    /// The built-in sandbox if it runs (tests read its credentials and admin token here).
    pub fn running_sandbox(&self) -> Option<Arc<Builtin>> {
        self.builtin.running()
    }

    /// Where an unreadable settings file was moved at start, if one was.
    pub fn settings_set_aside(&self) -> Option<&std::path::Path> {
        self.profiles.set_aside()
    }

    /// The user's profiles, then the Sandbox ones unless hidden.
    pub async fn profiles(&self) -> Vec<Profile> {
        let mut all = self.profiles.list();
        if let Some(b) = self.builtin().await {
            all.extend(b.profiles.iter().cloned());
        }
        all
    }

    pub async fn app_info(&self, version: &str, platform: &str) -> AppInfo {
        AppInfo {
            version: version.to_owned(),
            platform: platform.to_owned(),
            profiles: self.profiles().await,
            config_dir: self.paths.config_dir.display().to_string(),
            data_dir: self.paths.data_dir.display().to_string(),
            settings_set_aside: self.profiles.set_aside().map(|p| p.display().to_string()),
            language: self.profiles.language(),
        }
    }

    /// Remembers the UI language the user picked (`None`: follow the system).
    pub fn app_set_language(&self, language: Option<String>) -> Result<(), CoreError> {
        self.profiles.set_language(language)
    }

    pub(crate) async fn profile(&self, id: &str) -> Result<Profile, CoreError> {
        self.profiles()
            .await
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| CoreError::NoProfile(id.to_owned()))
    }

    pub async fn profile_add(&self, draft: ProfileDraft) -> Result<Profile, CoreError> {
        self.profiles.add(draft).await
    }

    pub async fn profile_edit(&self, id: &str, draft: ProfileDraft) -> Result<Profile, CoreError> {
        let p = self.profiles.edit(id, draft).await?;
        self.clients.forget(id);
        Ok(p)
    }

    pub async fn profile_remove(&self, id: &str) -> Result<(), CoreError> {
        self.profiles.remove(id).await?;
        self.clients.forget(id);
        Ok(())
    }

    pub fn profiles_hide_sandbox(&self, hide: bool) -> Result<(), CoreError> {
        self.profiles.set_hide_sandbox(hide)
    }

    async fn client(&self, profile_id: &str) -> Result<(Profile, Client), CoreError> {
        let profile = self.profile(profile_id).await?;
        if let Some(c) = self.clients.get(profile_id) {
            return Ok((profile, c));
        }
        let secret = if profile.builtin {
            self.builtin()
                .await
                .and_then(|b| b.secret(&profile.id))
                .ok_or_else(|| CoreError::NoSecret(profile.display_name.clone()))?
        } else {
            self.profiles.secret(&profile).await?
        };
        let client = Client::new(&profile, secret)?;
        self.clients.put(profile_id, client.clone());
        Ok((profile, client))
    }

    /// Reads something cheap with the profile's credentials and reports what is missing.
    pub async fn profile_test(&self, profile_id: &str) -> Result<TestReport, CoreError> {
        let (profile, client) = self.client(profile_id).await?;
        let result = match &client {
            Client::Auth0(c) => c.test().await,
            Client::Zitadel(c) => c.test().await,
            Client::Hub(c) => c.test().await,
        };
        Ok(match result {
            Ok(()) => TestReport {
                ok: true,
                message: format!("Connected to {} as configured.", profile.base_url),
                missing: Vec::new(),
            },
            Err(err) => {
                let command = lanyard_model::CommandError::from(CoreError::from(err));
                let missing = match &command {
                    lanyard_model::CommandError::Forbidden {
                        missing_scope,
                        missing_role,
                        ..
                    } => missing_scope
                        .iter()
                        .chain(missing_role.iter())
                        .cloned()
                        .collect(),
                    _ => Vec::new(),
                };
                TestReport {
                    ok: false,
                    message: command.to_string(),
                    missing,
                }
            }
        })
    }

    // ----- Activity -----

    /// The audit log, newest first, with the count of lines that could not be read.
    pub fn activity_list(&self) -> Result<ActivityView, CoreError> {
        let read = self.audit.read()?;
        Ok(ActivityView {
            entries: read.entries,
            skipped_lines: read.skipped_lines,
            path: self.audit.path().display().to_string(),
        })
    }

    /// `limit` of the audit log's entries that match `filter`, newest first, from `offset` on,
    /// with how many match in the whole log; `sequence` orders the window's reads (see
    /// [`AuditLog::page`]).
    pub fn activity_page(
        &self,
        filter: &str,
        offset: usize,
        limit: usize,
        sequence: u64,
    ) -> Result<ActivityPage, CoreError> {
        let page = self.audit.page(filter, offset, limit, sequence)?;
        Ok(ActivityPage {
            entries: page.entries,
            offset,
            matching: page.matching,
            total: page.total,
            skipped_lines: page.skipped_lines,
            path: self.audit.path().display().to_string(),
        })
    }

    /// The audit log as CSV or JSON text, for the window to save.
    pub fn activity_export(&self, format: ExportFormat) -> Result<String, CoreError> {
        let entries = self.audit.read()?.entries;
        match format {
            ExportFormat::Csv => Ok(to_csv(&entries)),
            ExportFormat::Json => serde_json::to_string_pretty(&entries).map_err(|e| {
                CoreError::Files(ConfigProblem::ExportUnwritten {
                    detail: e.to_string(),
                })
            }),
        }
    }

    // ----- Bulk runs -----

    /// Starts planning a bulk change; returns the run's id. Poll [`Console::bulk_view`].
    pub async fn bulk_plan(
        &self,
        profile_id: &str,
        op: BulkOp,
        targets: Vec<BulkTarget>,
        source: PlanSource,
    ) -> Result<String, CoreError> {
        let (profile, client) = self.client(profile_id).await?;
        if op.product() != profile.product {
            return Err(CoreError::Unfit(Unfit::OtherProduct {
                profile: profile.display_name.clone(),
                product: profile.product,
                needs: op.product(),
                asked: Asked::BulkChange,
            }));
        }
        self.runs.plan(&profile, client, op, targets, source)
    }

    pub fn bulk_view(&self, run_id: &str) -> Result<RunView, CoreError> {
        self.runs.view(run_id)
    }

    /// A poll of a run: its state and counts, and the page of its rows the window shows.
    pub fn bulk_page(
        &self,
        run_id: &str,
        page: &lanyard_model::bulk::ItemPage,
    ) -> Result<RunView, CoreError> {
        self.runs.view_page(run_id, page)
    }

    /// Sets a run's share of the write rate (not while it runs).
    pub fn bulk_rate_share(
        &self,
        run_id: &str,
        share: lanyard_model::bulk::RateShare,
    ) -> Result<RunView, CoreError> {
        self.runs.set_rate_share(run_id, share)
    }

    pub async fn bulk_control(
        &self,
        run_id: &str,
        action: RunAction,
        confirm: Option<&str>,
    ) -> Result<RunView, CoreError> {
        let profile_id = self.runs.profile_of(run_id)?;
        let with = match action {
            RunAction::Start | RunAction::Resume | RunAction::RetryFailed => {
                Some(self.client(&profile_id).await?)
            }
            _ => None,
        };
        self.runs.control(run_id, action, with, confirm)
    }

    /// A run that reverses what run `run_id` applied; it waits to be started.
    pub async fn bulk_undo(&self, run_id: &str) -> Result<String, CoreError> {
        let profile = self.profile(&self.runs.profile_of(run_id)?).await?;
        self.runs.undo(&profile, run_id)
    }

    /// The runs on disk, and the journal files that could not be read (name and reason).
    pub fn bulk_runs(&self) -> RunList {
        self.runs.list()
    }

    /// The run's results as CSV text.
    pub fn bulk_export(&self, run_id: &str) -> Result<String, CoreError> {
        self.runs.csv(run_id)
    }
}

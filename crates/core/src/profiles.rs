//! Saved profiles: settings in a JSON file in the OS config folder, secrets in the OS keychain
//! (one entry per profile, named by the profile id).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use lanyard_model::profile::{ProfileDraft, normalize_address};
use lanyard_model::{FieldErrors, FieldProblem, Profile};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::config_file::JsonFile;
use crate::error::CoreError;
use crate::secrets::Keychain;

/// The settings file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfilesFile {
    #[serde(default)]
    pub profiles: Vec<Profile>,
    /// The user hid the built-in Sandbox profiles.
    #[serde(default)]
    pub hide_sandbox: bool,
    /// The UI language the user picked; `None` follows the system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

#[derive(Debug)]
pub struct Profiles {
    file: JsonFile<ProfilesFile>,
    keychain: Keychain,
    current: Mutex<ProfilesFile>,
    set_aside: Option<PathBuf>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Profiles {
    /// Loads `profiles.json` from `config_dir`; an unreadable file is set aside and reported.
    pub fn open(config_dir: &Path, keychain: Keychain) -> Result<Self, CoreError> {
        let file = JsonFile::new(config_dir.join("profiles.json"));
        let loaded = file.load()?;
        Ok(Self {
            file,
            keychain,
            current: Mutex::new(loaded.value),
            set_aside: loaded.set_aside,
        })
    }

    /// Where an unreadable settings file was moved, if one was.
    pub fn set_aside(&self) -> Option<&Path> {
        self.set_aside.as_deref()
    }

    pub fn list(&self) -> Vec<Profile> {
        lock(&self.current).profiles.clone()
    }

    pub fn hide_sandbox(&self) -> bool {
        lock(&self.current).hide_sandbox
    }

    pub fn get(&self, id: &str) -> Option<Profile> {
        lock(&self.current)
            .profiles
            .iter()
            .find(|p| p.id == id)
            .cloned()
    }

    fn save(&self, change: impl FnOnce(&mut ProfilesFile)) -> Result<(), CoreError> {
        let mut current = lock(&self.current);
        let mut next = current.clone();
        change(&mut next);
        // Write first: the in-memory list changes only once the file did.
        self.file.save(&next)?;
        *current = next;
        Ok(())
    }

    pub fn set_hide_sandbox(&self, hide: bool) -> Result<(), CoreError> {
        self.save(|f| f.hide_sandbox = hide)
    }

    pub fn language(&self) -> Option<String> {
        lock(&self.current).language.clone()
    }

    pub fn set_language(&self, language: Option<String>) -> Result<(), CoreError> {
        self.save(|f| f.language = language)
    }

    /// The form's rules; when editing `existing`, a new address, product or sign-in method
    /// needs a new secret (the stored one is never sent to another host).
    fn check(&self, draft: &ProfileDraft, existing: Option<&Profile>) -> Result<String, CoreError> {
        let mut errors = match existing {
            Some(p) => draft.validate_edit(p),
            None => draft.validate(true),
        };
        let except = existing.map(|p| p.id.as_str());
        let name = draft.display_name.trim().to_lowercase();
        if lock(&self.current)
            .profiles
            .iter()
            .any(|p| Some(p.id.as_str()) != except && p.display_name.to_lowercase() == name)
        {
            errors.add("display_name", FieldProblem::ProfileNameTaken);
        }
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
        normalize_address(draft.product, &draft.address).map_err(|problem| {
            let mut e = FieldErrors::new();
            e.add("address", problem);
            CoreError::Invalid(e)
        })
    }

    /// Adds a profile: its secret to the keychain first, then its settings to the file.
    pub async fn add(&self, draft: ProfileDraft) -> Result<Profile, CoreError> {
        let base_url = self.check(&draft, None)?;
        let id = format!("p-{}", uuid::Uuid::new_v4().simple());
        let profile = Profile {
            id: id.clone(),
            product: draft.product,
            display_name: draft.display_name.trim().to_owned(),
            base_url,
            auth: draft.auth_method(),
            environment: draft.environment,
            secret_ref: id.clone(),
            builtin: false,
        };
        self.keychain
            .store(
                &profile.secret_ref,
                SecretString::from(draft.secret.0.trim().to_owned()),
            )
            .await?;
        if let Err(err) = self.save(|f| f.profiles.push(profile.clone())) {
            // Keep the keychain free of entries no profile points at.
            let _ = self.keychain.delete(&profile.secret_ref).await;
            return Err(err);
        }
        Ok(profile)
    }

    /// Changes a profile; an empty secret keeps the stored one, unless the address, product or
    /// sign-in method changes (refused beside the secret field: a new host needs a new secret).
    pub async fn edit(&self, id: &str, draft: ProfileDraft) -> Result<Profile, CoreError> {
        let existing = self
            .get(id)
            .ok_or_else(|| CoreError::NoProfile(id.to_owned()))?;
        let base_url = self.check(&draft, Some(&existing))?;
        let profile = Profile {
            product: draft.product,
            display_name: draft.display_name.trim().to_owned(),
            base_url,
            auth: draft.auth_method(),
            environment: draft.environment,
            ..existing
        };
        if !draft.secret.0.trim().is_empty() {
            self.keychain
                .store(
                    &profile.secret_ref,
                    SecretString::from(draft.secret.0.trim().to_owned()),
                )
                .await?;
        }
        self.save(|f| {
            if let Some(slot) = f.profiles.iter_mut().find(|p| p.id == id) {
                *slot = profile.clone();
            }
        })?;
        Ok(profile)
    }

    /// Removes a profile and its keychain entry.
    pub async fn remove(&self, id: &str) -> Result<(), CoreError> {
        let profile = self
            .get(id)
            .ok_or_else(|| CoreError::NoProfile(id.to_owned()))?;
        self.save(|f| f.profiles.retain(|p| p.id != id))?;
        self.keychain.delete(&profile.secret_ref).await?;
        Ok(())
    }

    /// The profile's secret from the keychain.
    pub async fn secret(&self, profile: &Profile) -> Result<SecretString, CoreError> {
        self.keychain
            .read(&profile.secret_ref)
            .await?
            .ok_or_else(|| CoreError::NoSecret(profile.display_name.clone()))
    }
}

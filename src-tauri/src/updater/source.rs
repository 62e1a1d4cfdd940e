//! Where updates come from: the manifest's address and the public key packages are signed with.
//! Each is read from the environment Lanyard starts in, else from the app's Tauri configuration
//! (`plugins.updater.endpoints[0]` and `plugins.updater.pubkey`, which a release build is given
//! with `tauri build --config`), else unset: updates are off. An empty environment value turns
//! updates off whatever the configuration says. The manifest, every redirect and the package are
//! held to the profiles' address rule: https, or plain http to this computer (loopback) only.

use base64::Engine as _;
use lanyard_model::update::{ENDPOINT_SETTING, PUBKEY_SETTING, UpdateProblem};
use url::Url;

/// The manifest's address and the public key, both checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateSource {
    pub endpoint: Url,
    /// As Tauri writes it: the base64 of minisign's public key file.
    pub pubkey: String,
}

/// A setting's value: the environment's if it is set (empty: none), else the configuration's.
fn setting(name: &str, configured: Option<&str>) -> Option<String> {
    match std::env::var(name) {
        Ok(value) => Some(value),
        Err(_) => configured.map(str::to_owned),
    }
    .map(|v| v.trim().to_owned())
    .filter(|v| !v.is_empty())
}

impl UpdateSource {
    /// The source this process is configured with: `Ok(None)` when updates are off.
    pub fn resolve(config: &tauri::Config) -> Result<Option<Self>, UpdateProblem> {
        let plugin = config.plugins.0.get("updater");
        let endpoint = plugin
            .and_then(|p| p.get("endpoints"))
            .and_then(|e| e.get(0))
            .and_then(|e| e.as_str());
        let pubkey = plugin
            .and_then(|p| p.get("pubkey"))
            .and_then(|k| k.as_str());
        let endpoint = setting(ENDPOINT_SETTING, endpoint);
        let pubkey = setting(PUBKEY_SETTING, pubkey);
        Self::from_settings(endpoint.as_deref(), pubkey.as_deref())
    }

    /// Both settings, or neither (off); one without the other is a mistake to tell.
    pub fn from_settings(
        endpoint: Option<&str>,
        pubkey: Option<&str>,
    ) -> Result<Option<Self>, UpdateProblem> {
        match (endpoint, pubkey) {
            (None, None) => Ok(None),
            (Some(_), None) => Err(misconfigured(
                PUBKEY_SETTING,
                "is not set, but the endpoint is",
            )),
            (None, Some(_)) => Err(misconfigured(
                ENDPOINT_SETTING,
                "is not set, but the public key is",
            )),
            (Some(endpoint), Some(pubkey)) => Ok(Some(Self {
                endpoint: parse_endpoint(endpoint)?,
                pubkey: check_pubkey(pubkey)?,
            })),
        }
    }

    /// The manifest's address for this copy, with Tauri's `{{current_version}}`, `{{target}}`
    /// (the OS: linux, darwin, windows) and `{{arch}}` filled in.
    pub fn manifest_url(&self, current_version: &str) -> Result<Url, UpdateProblem> {
        let target = tauri_plugin_updater::target().unwrap_or_default();
        let (os, arch) = target.split_once('-').unwrap_or((target.as_str(), ""));
        let filled = self
            .endpoint
            .as_str()
            .replace("%7B%7Bcurrent_version%7D%7D", current_version)
            .replace("{{current_version}}", current_version)
            .replace("%7B%7Btarget%7D%7D", os)
            .replace("{{target}}", os)
            .replace("%7B%7Barch%7D%7D", arch)
            .replace("{{arch}}", arch);
        Url::parse(&filled).map_err(|err| {
            misconfigured(
                ENDPOINT_SETTING,
                &format!("is not a valid address once filled in ({err})"),
            )
        })
    }
}

fn misconfigured(setting: &str, reason: &str) -> UpdateProblem {
    UpdateProblem::Misconfigured {
        setting: setting.to_owned(),
        reason: reason.to_owned(),
    }
}

fn parse_endpoint(text: &str) -> Result<Url, UpdateProblem> {
    let url = Url::parse(text).map_err(|err| {
        misconfigured(ENDPOINT_SETTING, &format!("is not a valid address ({err})"))
    })?;
    if !allowed(&url) {
        return Err(misconfigured(
            ENDPOINT_SETTING,
            "must be an https address (plain http only to this computer, for tests)",
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(misconfigured(
            ENDPOINT_SETTING,
            "must not carry a user name or password",
        ));
    }
    Ok(url)
}

/// The key as Tauri's signer prints it: base64 of a minisign public key file.
fn check_pubkey(text: &str) -> Result<String, UpdateProblem> {
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(text)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| {
            misconfigured(
                PUBKEY_SETTING,
                "is not base64 text (give the .pub file's content as the signer printed it)",
            )
        })?;
    minisign_verify::PublicKey::decode(&decoded).map_err(|err| {
        misconfigured(
            PUBKEY_SETTING,
            &format!("is not a minisign public key ({err})"),
        )
    })?;
    Ok(text.to_owned())
}

/// The updater's address rule, the profiles' one: https anywhere, plain http only to this
/// computer.
pub fn allowed(url: &Url) -> bool {
    lanyard_providers::http::https_or_loopback(url)
}

/// The host (and port when not the scheme's own) of `url`, to name in a message.
pub fn host_of(url: &Url) -> String {
    lanyard_providers::http::url_host(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minisign public key made now, as Tauri's signer prints it (base64 of the .pub file).
    fn pubkey() -> String {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("key pair");
        let file = pair.pk.to_box().expect("public key box").to_string();
        base64::engine::general_purpose::STANDARD.encode(file)
    }

    fn endpoint(text: &str) -> Result<Option<UpdateSource>, UpdateProblem> {
        UpdateSource::from_settings(Some(text), Some(&pubkey()))
    }

    #[test]
    fn updates_are_off_until_both_settings_are_given() {
        assert_eq!(UpdateSource::from_settings(None, None), Ok(None));
        let half =
            UpdateSource::from_settings(Some("https://updates.example.com/latest.json"), None)
                .expect_err("an endpoint without its key is a mistake");
        assert!(half.to_string().contains(PUBKEY_SETTING), "{half}");
        let other_half =
            UpdateSource::from_settings(None, Some(&pubkey())).expect_err("and the reverse");
        assert!(
            other_half.to_string().contains(ENDPOINT_SETTING),
            "{other_half}"
        );
    }

    #[test]
    fn a_release_builds_configuration_is_read_where_the_environment_says_nothing() {
        let mut config = tauri::Config::default();
        assert_eq!(UpdateSource::resolve(&config), Ok(None), "off by default");
        let key = pubkey();
        config.plugins.0.insert(
            "updater".into(),
            serde_json::json!({"pubkey": key, "endpoints": ["https://u.example.com/latest.json"]}),
        );
        // The tests' environment sets neither LANYARD_UPDATE_ENDPOINT nor LANYARD_UPDATE_PUBKEY.
        let source = UpdateSource::resolve(&config).expect("valid").expect("on");
        assert_eq!(
            source.endpoint.as_str(),
            "https://u.example.com/latest.json"
        );
        assert_eq!(source.pubkey, key);
    }

    #[test]
    fn the_endpoint_is_https_or_loopback() {
        assert!(endpoint("https://updates.example.com/latest.json").is_ok_and(|s| s.is_some()));
        for loopback in [
            "http://127.0.0.1:8080/m.json",
            "http://localhost/m.json",
            "http://[::1]:9/m.json",
            "http://127.3.4.5/m.json",
        ] {
            assert!(endpoint(loopback).is_ok(), "{loopback}");
        }
        for refused in [
            "http://updates.example.com/latest.json",
            "http://127.0.0.1.example.com/m.json",
            "http://10.0.0.1/m.json",
            "ftp://updates.example.com/m.json",
            "file:///etc/passwd",
            "https://user:pw@updates.example.com/m.json",
            "not a url",
        ] {
            let err = endpoint(refused).expect_err(refused);
            assert!(
                err.to_string().contains(ENDPOINT_SETTING),
                "{refused}: {err}"
            );
        }
    }

    #[test]
    fn a_key_that_is_not_a_minisign_public_key_is_told() {
        let key = pubkey();
        for bad in ["not base64!", "aGVsbG8=", &key[..40]] {
            let err = UpdateSource::from_settings(Some("https://u.example.com/m.json"), Some(bad))
                .expect_err(bad);
            assert!(err.to_string().contains(PUBKEY_SETTING), "{err}");
        }
    }

    #[test]
    fn the_manifest_address_fills_in_tauris_variables() {
        let source = endpoint(
            "https://u.example.com/{{target}}/{{arch}}/{{current_version}}?v={{current_version}}",
        )
        .expect("valid")
        .expect("configured");
        let url = source.manifest_url("1.2.3").expect("fills in");
        assert!(
            !url.as_str().contains("%7B") && !url.as_str().contains('{'),
            "{url}"
        );
        assert!(url.as_str().ends_with("/1.2.3?v=1.2.3"), "{url}");
        assert!(
            url.path().starts_with(&format!(
                "/{}/",
                if cfg!(target_os = "macos") {
                    "darwin"
                } else {
                    std::env::consts::OS
                }
            )),
            "{url}"
        );
    }
}

//! Editing a profile never sends its stored secret to another host: a new address, product or
//! sign-in method with the secret field left empty is refused beside the secret field, and the
//! profile stays as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_core::secrets::Keychain;
use lanyard_core::{Console, CoreError, Paths};
use lanyard_model::profile::{AuthMethod, Environment, Product, ProfileDraft, SecretInput};
use lanyard_model::{CommandError, Profile};
use secrecy::ExposeSecret;

fn console(dir: &tempfile::TempDir) -> Console {
    Console::open(
        Paths {
            config_dir: dir.path().join("config"),
            data_dir: dir.path().join("data"),
        },
        Keychain::new("lanyard-test-profile-edit"),
    )
    .unwrap()
}

/// The edit form as the UI fills it for `p`, with the secret left empty.
fn draft_for_edit(p: &Profile) -> ProfileDraft {
    ProfileDraft {
        product: p.product,
        display_name: p.display_name.clone(),
        address: p.base_url.clone(),
        client_id: match &p.auth {
            AuthMethod::Auth0ClientCredentials { client_id } => client_id.clone(),
            _ => String::new(),
        },
        scope: String::new(),
        use_token: true,
        environment: p.environment,
        secret: SecretInput(String::new()),
    }
}

/// The refusal as the UI receives it: an error on the secret field.
fn secret_error(result: Result<Profile, CoreError>) -> String {
    match result.map_err(CommandError::from) {
        Err(CommandError::Validation { fields, .. }) => {
            let messages = fields.get("secret");
            assert_eq!(messages.len(), 1, "{fields:?}");
            messages[0].to_string()
        }
        other => panic!("expected an error beside the secret field, got {other:?}"),
    }
}

/// A saved Auth0 profile, written as Lanyard writes its settings file (no keychain needed to
/// edit it without a new secret).
fn saved_profile(dir: &tempfile::TempDir) -> Profile {
    let profile = Profile {
        id: "p-acme".into(),
        product: Product::Auth0,
        display_name: "Acme production".into(),
        base_url: "https://acme.eu.auth0.com".into(),
        auth: AuthMethod::Auth0ClientCredentials {
            client_id: "AbCdEf0123456789".into(),
        },
        environment: Environment::Production,
        secret_ref: "p-acme".into(),
        builtin: false,
    };
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/profiles.json"),
        serde_json::to_vec(&serde_json::json!({ "profiles": [profile] })).unwrap(),
    )
    .unwrap();
    profile
}

#[tokio::test]
async fn a_new_address_or_product_with_no_new_secret_is_refused_beside_the_secret_field() {
    let dir = tempfile::tempdir().unwrap();
    let saved = saved_profile(&dir);
    let c = console(&dir);

    let moved = ProfileDraft {
        address: "acme-eu.attacker.example".into(),
        ..draft_for_edit(&saved)
    };
    let message = secret_error(c.profile_edit(&saved.id, moved).await);
    assert!(
        message.contains("address changed") && message.contains("paste the secret"),
        "{message}"
    );

    let other_product = ProfileDraft {
        product: Product::Zitadel,
        address: "https://acme.zitadel.cloud".into(),
        ..draft_for_edit(&saved)
    };
    let message = secret_error(c.profile_edit(&saved.id, other_product).await);
    assert!(message.contains("product changed"), "{message}");

    // Nothing was saved: the profile still points where its secret belongs.
    let now = c
        .profiles()
        .await
        .into_iter()
        .find(|p| p.id == saved.id)
        .unwrap();
    assert_eq!(now, saved);
    let file = std::fs::read_to_string(dir.path().join("config/profiles.json")).unwrap();
    assert!(!file.contains("attacker"), "{file}");

    // A rename, or the same address written differently, keeps the stored secret.
    let renamed = c
        .profile_edit(
            &saved.id,
            ProfileDraft {
                display_name: "Acme EU production".into(),
                address: "ACME.eu.auth0.com/".into(),
                ..draft_for_edit(&saved)
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.display_name, "Acme EU production");
    assert_eq!(renamed.base_url, saved.base_url);
}

#[tokio::test]
#[ignore = "needs the real OS keychain; `cargo xtask test` provides an unlocked Secret Service"]
async fn a_new_address_with_its_own_secret_replaces_the_keychain_entry_and_a_refused_one_keeps_it()
{
    let dir = tempfile::tempdir().unwrap();
    let c = console(&dir);
    let keychain = Keychain::new("lanyard-test-profile-edit");
    let profile = c
        .profile_add(ProfileDraft {
            product: Product::Zitadel,
            display_name: "ZITADEL staging".into(),
            address: "https://acme-staging.zitadel.cloud".into(),
            client_id: String::new(),
            scope: String::new(),
            use_token: true,
            environment: Environment::Staging,
            secret: SecretInput("pat-for-staging".into()),
        })
        .await
        .unwrap();

    let moved = ProfileDraft {
        address: "https://acme.zitadel.cloud".into(),
        ..draft_for_edit(&profile)
    };
    secret_error(c.profile_edit(&profile.id, moved.clone()).await);
    let stored = keychain.read(&profile.secret_ref).await.unwrap().unwrap();
    assert_eq!(
        stored.expose_secret(),
        "pat-for-staging",
        "kept for its own host"
    );

    let edited = c
        .profile_edit(
            &profile.id,
            ProfileDraft {
                secret: SecretInput("pat-for-production".into()),
                ..moved
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.base_url, "https://acme.zitadel.cloud");
    let stored = keychain.read(&profile.secret_ref).await.unwrap().unwrap();
    assert_eq!(stored.expose_secret(), "pat-for-production");

    c.profile_remove(&profile.id).await.unwrap();
    assert!(keychain.read(&profile.secret_ref).await.unwrap().is_none());
}

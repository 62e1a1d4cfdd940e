//! The real OS keychain (Secret Service on Linux), never the in-memory mock store.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing

use lanyard_core::secrets::Keychain;
use secrecy::{ExposeSecret, SecretString};

#[tokio::test]
#[ignore = "needs the real OS keychain; `cargo xtask test` provides an unlocked Secret Service"]
async fn a_secret_is_stored_read_back_and_deleted() {
    let keychain = Keychain::new("lanyard-test");
    let account = format!("roundtrip-{}", std::process::id());
    let secret = "perm:YWRtaW4=.TGFueWFyZA==.s3cr3t-for-the-test";

    keychain
        .store(&account, SecretString::from(secret))
        .await
        .expect("store");
    let read = keychain
        .read(&account)
        .await
        .expect("read")
        .expect("the secret was stored");
    assert_eq!(read.expose_secret(), secret);

    // Replacing keeps one entry with the new value.
    keychain
        .store(&account, SecretString::from("second-value"))
        .await
        .expect("replace");
    let read = keychain
        .read(&account)
        .await
        .expect("read")
        .expect("still there");
    assert_eq!(read.expose_secret(), "second-value");

    assert!(
        keychain.delete(&account).await.expect("delete"),
        "the entry existed"
    );
    assert!(
        keychain
            .read(&account)
            .await
            .expect("read after delete")
            .is_none(),
        "the entry is gone"
    );
    assert!(
        !keychain.delete(&account).await.expect("second delete"),
        "nothing left to delete"
    );
}

#[tokio::test]
#[ignore = "needs the real OS keychain; `cargo xtask test` provides an unlocked Secret Service"]
async fn entries_of_different_services_do_not_mix() {
    let a = Keychain::new("lanyard-test-a");
    let b = Keychain::new("lanyard-test-b");
    let account = format!("isolation-{}", std::process::id());
    a.store(&account, SecretString::from("only-in-a"))
        .await
        .expect("store");
    assert!(b.read(&account).await.expect("read b").is_none());
    assert!(a.delete(&account).await.expect("delete"));
}

#[tokio::test]
#[ignore = "needs the real OS keychain; `cargo xtask test` provides an unlocked Secret Service"]
async fn a_secret_as_long_as_windows_allows_round_trips() {
    use lanyard_core::secrets::MAX_SECRET_UTF16;
    let keychain = Keychain::new("lanyard-test-limit");
    let account = format!("at-limit-{}", std::process::id());
    // Non-ASCII and a surrogate pair, so the count is in UTF-16 units: 1,276 + 2 + 2 = 1,280.
    let secret = format!("{}é\u{1F511}", "s".repeat(MAX_SECRET_UTF16 - 3));
    assert_eq!(secret.encode_utf16().count(), MAX_SECRET_UTF16);
    keychain
        .store(&account, SecretString::from(secret.clone()))
        .await
        .expect("a secret at the limit is stored");
    let read = keychain
        .read(&account)
        .await
        .expect("read")
        .expect("stored");
    assert_eq!(read.expose_secret(), secret);
    assert!(keychain.delete(&account).await.expect("delete"));
}

#[tokio::test]
#[ignore = "needs the real OS keychain; `cargo xtask test` provides an unlocked Secret Service"]
async fn over_a_simulated_limit_the_stored_secret_is_kept_and_the_error_names_the_limit() {
    use lanyard_core::secrets::SecretsError;
    // A limit of 16 stands in for Windows' 1,280 on this system's real keychain.
    let keychain = Keychain::new("lanyard-test-limit").with_limit(16);
    let account = format!("simulated-{}", std::process::id());
    keychain
        .store(&account, SecretString::from("0123456789abcdef"))
        .await
        .expect("16 units fit a limit of 16");

    let err = keychain
        .store(&account, SecretString::from("0123456789abcdefg"))
        .await
        .expect_err("17 units do not");
    assert!(
        matches!(err, SecretsError::TooLong { len: 17, max: 16 }),
        "{err:?}"
    );
    let said = err.to_string();
    assert!(said.contains("17") && said.contains("at most 16"), "{said}");

    // Nothing was half written: the entry keeps the secret stored before.
    let read = keychain
        .read(&account)
        .await
        .expect("read")
        .expect("still there");
    assert_eq!(read.expose_secret(), "0123456789abcdef");
    assert!(keychain.delete(&account).await.expect("delete"));
}

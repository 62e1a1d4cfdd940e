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

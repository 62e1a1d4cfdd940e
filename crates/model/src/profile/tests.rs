//! Profile drafts, their rules and addresses, at their boundaries.

use super::*;

fn draft(product: Product) -> ProfileDraft {
    ProfileDraft {
        product,
        display_name: "Acme".into(),
        address: "acme.eu.auth0.com".into(),
        client_id: "abc".into(),
        scope: String::new(),
        use_token: true,
        environment: Environment::Production,
        secret: SecretInput("perm:abc".into()),
    }
}

#[test]
fn addresses_are_normalized_and_https_is_required() {
    assert_eq!(
        normalize_address(Product::Auth0, "Acme.EU.auth0.com/").unwrap(),
        "https://acme.eu.auth0.com"
    );
    assert_eq!(
        normalize_address(Product::Hub, "https://yt.acme.com/hub/").unwrap(),
        "https://yt.acme.com/hub"
    );
    assert_eq!(
        normalize_address(Product::Zitadel, "http://127.0.0.1:8080").unwrap(),
        "http://127.0.0.1:8080"
    );
    assert!(
        normalize_address(Product::Zitadel, "http://zitadel.acme.com")
            .unwrap_err()
            .to_string()
            .contains("https")
    );
    assert!(normalize_address(Product::Auth0, "https://acme.auth0.com/api/v2").is_err());
    assert!(normalize_address(Product::Hub, "ftp://hub").is_err());
    assert!(normalize_address(Product::Hub, "https://u:p@hub.acme.com").is_err());
    assert!(normalize_address(Product::Hub, "https://hub acme.com").is_err());
    assert!(normalize_address(Product::Hub, "").is_err());
    assert!(normalize_address(Product::Hub, "https://hub.acme.com/?x=1").is_err());
}

#[test]
fn display_name_limits() {
    let mut d = draft(Product::Auth0);
    for (name, ok) in [
        ("", false),
        ("A", true),
        (&"a".repeat(80)[..], true),
        (&"a".repeat(81)[..], false),
    ] {
        d.display_name = name.to_owned();
        assert_eq!(
            d.validate(true).get("display_name").is_empty(),
            ok,
            "{} chars",
            name.len()
        );
    }
}

#[test]
fn secrets_are_required_on_add_and_bounded() {
    let mut d = draft(Product::Zitadel);
    d.address = "https://acme.zitadel.cloud".into();
    d.secret = SecretInput(String::new());
    assert!(!d.validate(true).get("secret").is_empty());
    assert!(
        d.validate(false).get("secret").is_empty(),
        "editing keeps the stored secret"
    );
    d.secret = SecretInput("x".repeat(SECRET_MAX));
    assert!(d.validate(true).get("secret").is_empty());
    d.secret = SecretInput("x".repeat(SECRET_MAX + 1));
    assert!(!d.validate(true).get("secret").is_empty());
    d.secret = SecretInput("abc\ndef".into());
    assert!(!d.validate(true).get("secret").is_empty());
}

#[test]
fn hub_tokens_and_auth0_client_ids() {
    let mut d = draft(Product::Hub);
    d.address = "https://hub.acme.com".into();
    assert!(d.validate(true).is_empty());
    d.secret = SecretInput("abc".into());
    assert!(
        !d.validate(true).get("secret").is_empty(),
        "not a perm: token"
    );
    d.use_token = false;
    d.client_id = String::new();
    let e = d.validate(true);
    assert!(!e.get("client_id").is_empty() && !e.get("scope").is_empty());
    let mut a = draft(Product::Auth0);
    a.client_id = " ".into();
    assert!(!a.validate(true).get("client_id").is_empty());
}

#[test]
fn secrets_never_show_in_debug_output() {
    let d = draft(Product::Hub);
    assert!(!format!("{d:?}").contains("perm:abc"));
}

#[test]
fn production_confirmation_is_the_host() {
    let p = Profile {
        id: "p".into(),
        product: Product::Auth0,
        display_name: "Acme".into(),
        base_url: "https://acme.eu.auth0.com".into(),
        auth: AuthMethod::Auth0ClientCredentials {
            client_id: "c".into(),
        },
        environment: Environment::Production,
        secret_ref: "p".into(),
        builtin: false,
    };
    assert_eq!(p.confirmation_name(), "acme.eu.auth0.com");
}

#[test]
fn an_edit_to_another_host_or_product_needs_a_new_secret() {
    let saved = Profile {
        id: "p-1".into(),
        product: Product::Auth0,
        display_name: "Acme".into(),
        base_url: "https://acme.eu.auth0.com".into(),
        auth: AuthMethod::Auth0ClientCredentials {
            client_id: "abc".into(),
        },
        environment: Environment::Production,
        secret_ref: "p-1".into(),
        builtin: false,
    };
    let mut edit = draft(Product::Auth0);
    edit.secret = SecretInput(String::new());
    edit.display_name = "Acme EU".into();
    edit.address = "Acme.EU.auth0.com/".into();
    assert!(
        edit.validate_edit(&saved).is_empty(),
        "a rename keeps the secret"
    );

    edit.address = "evil.example.com".into();
    let e = edit.validate_edit(&saved);
    assert!(
        e.get("secret")[0]
            .to_string()
            .starts_with("the address changed"),
        "{e:?}"
    );
    edit.secret = SecretInput("a-new-secret".into());
    assert!(edit.validate_edit(&saved).is_empty());

    let mut hub = draft(Product::Hub);
    hub.secret = SecretInput(String::new());
    hub.address = saved.base_url.clone();
    let e = hub.validate_edit(&saved);
    assert!(
        e.get("secret")[0]
            .to_string()
            .starts_with("the product changed"),
        "{e:?}"
    );
}

//! `expires_in` at its edges, token replies that are not token replies, and any body at all.

use super::*;
use proptest::prelude::*;
use reqwest::header::HeaderValue;
use secrecy::ExposeSecret;

const SECRET: &str = "tok-3f9a8c7e1d2b4a6f";

fn parse_body(body: &[u8]) -> Result<(SecretString, Duration), ProviderError> {
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    parse(Product::Auth0, 200, &headers, body, "corr")
}

fn lifetime_of(expires_in: &str) -> Duration {
    let body = format!(r#"{{"access_token":"{SECRET}","expires_in":{expires_in}}}"#);
    match parse_body(body.as_bytes()) {
        Ok((_, lifetime)) => lifetime,
        Err(err) => panic!("{expires_in}: {err}"),
    }
}

#[test]
fn expires_in_is_clamped_to_a_day_and_nonsense_means_an_hour() {
    let hour = DEFAULT_LIFETIME;
    let day = MAX_LIFETIME;
    for (expires_in, lifetime) in [
        ("86400", day),
        ("600", Duration::from_secs(600)),
        ("\"600\"", Duration::from_secs(600)),
        ("600.9", Duration::from_secs(600)),
        ("18446744073709551615", day),
        ("18446744073709551616", day),
        ("\"99999999999999999999999\"", day),
        ("1e300", day),
        ("86401", day),
        ("0", hour),
        ("-1", hour),
        ("-9223372036854775808", hour),
        ("-1e300", hour),
        ("0.5", hour),
        ("null", hour),
        ("true", hour),
        ("\"soon\"", hour),
        ("\"-5\"", hour),
        ("[3600]", hour),
        ("{\"s\":3600}", hour),
    ] {
        assert_eq!(lifetime_of(expires_in), lifetime, "expires_in {expires_in}");
    }
    let (_, lifetime) = parse_body(format!(r#"{{"access_token":"{SECRET}"}}"#).as_bytes())
        .expect("a token without a lifetime");
    assert_eq!(lifetime, hour);
}

#[test]
fn a_token_reply_that_is_not_json_is_described_never_quoted() {
    let body = format!("access_token={SECRET}&expires_in=3600");
    let err = parse_body(body.as_bytes()).expect_err("not JSON");
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(
        shown.contains(&format!(
            "answered 200 with a body that is not JSON ({} bytes, content type text/plain)",
            body.len()
        )),
        "{shown}"
    );
}

#[test]
fn json_that_is_not_a_token_reply_is_described_never_quoted() {
    // serde's own message would quote the wrong-typed value: `invalid type: string "tok-…"`.
    for body in [
        format!(r#"{{"access_token":["{SECRET}"]}}"#),
        format!(r#"{{"token":"{SECRET}"}}"#),
        format!(r#"["{SECRET}"]"#),
        format!(r#""{SECRET}""#),
        format!(r#"{{"access_token":"{SECRET}""#),
    ] {
        let err = parse_body(body.as_bytes()).expect_err(&body);
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(shown.contains("none of it is shown"), "{shown}");
    }
    let err = parse_body(br#"{"access_token":""}"#).expect_err("empty");
    assert!(
        err.to_string().contains("the access token was empty"),
        "{err}"
    );
}

#[test]
fn a_content_type_is_repeated_only_when_it_looks_like_one() {
    let of = |value: &'static str| {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(value));
        content_type(&h)
    };
    assert_eq!(of("Text/HTML; charset=utf-8"), "content type text/html");
    assert_eq!(
        of("tok-3f9a8c7e1d2b4a6f"),
        "a content type that is not a media type"
    );
    assert_eq!(content_type(&HeaderMap::new()), "no content type");
}

/// Bodies a token endpoint might send: any bytes, or JSON with an access token and any value
/// at all as `expires_in`.
fn token_body() -> impl Strategy<Value = Vec<u8>> {
    let json_value = prop_oneof![
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        "[0-9]{1,40}",
        "\"[ -~]{0,20}\"".prop_map(|s| s.replace('\\', "")),
        Just("null".to_owned()),
        Just("{\"a\":[1,{}]}".to_owned()),
    ];
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        json_value.prop_map(|v| {
            format!(r#"{{"access_token":"{SECRET}","expires_in":{v}}}"#).into_bytes()
        }),
        "[ -~]{0,200}".prop_map(|s| format!("{SECRET} {s}").into_bytes()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Whatever the body, reading it gives a token with a lifetime of at most a day, or an
    /// error that does not quote the body.
    #[test]
    fn any_token_reply_gives_a_bounded_lifetime_or_an_error_without_the_body(
        body in token_body(),
    ) {
        match parse_body(&body) {
            Ok((token, lifetime)) => {
                prop_assert!(!token.expose_secret().is_empty());
                prop_assert!(lifetime <= MAX_LIFETIME && !lifetime.is_zero());
            }
            Err(err) => {
                let shown = format!("{err} {err:?}");
                prop_assert!(!shown.contains(SECRET), "{}", shown);
            }
        }
    }
}

//! The request's own secrets, taken out of whatever the server sends back before anything is
//! read from it: a proxy's debug page or an error message that echoes the request's headers or
//! form must not carry the token into an error, a journal or the audit log.

use secrecy::{ExposeSecret, SecretString};

use super::request::{Auth, Body, Request};

/// Shorter values are not looked for: they would match ordinary text, and no real token or
/// secret is this short.
const SHORTEST: usize = 8;

const MARK: &[u8] = b"[redacted]";

/// The secret values one request carries, as they go over the wire.
pub(crate) struct Secrets(Vec<Vec<u8>>);

impl Secrets {
    /// What `request` carries, and the client's own `known` secrets (a client secret that only
    /// the token request sends, but that a server could echo anywhere).
    pub(crate) fn of(request: &Request, known: &[SecretString]) -> Self {
        let mut values: Vec<Vec<u8>> = known
            .iter()
            .map(|s| s.expose_secret().as_bytes().to_vec())
            .collect();
        match &request.auth {
            Auth::None => {}
            Auth::Bearer(token) => values.push(token.expose_secret().as_bytes().to_vec()),
            Auth::Basic { user, secret } => {
                values.push(secret.expose_secret().as_bytes().to_vec());
                let pair = format!("{user}:{}", secret.expose_secret());
                values.push(base64(pair.as_bytes()).into_bytes());
            }
        }
        if let Some(Body::Form(fields)) = &request.body {
            for (name, value) in fields {
                if name.contains("secret") || name.contains("password") || name == "assertion" {
                    values.push(value.expose_secret().as_bytes().to_vec());
                }
            }
        }
        values.retain(|v| v.len() >= SHORTEST);
        Self(values)
    }

    /// `bytes` with every secret replaced by `[redacted]`.
    pub(crate) fn scrub(&self, bytes: Vec<u8>) -> Vec<u8> {
        self.0
            .iter()
            .fold(bytes, |bytes, secret| replace_all(bytes, secret))
    }

    /// `text` with every secret replaced by `[redacted]`.
    pub(crate) fn scrub_text(&self, text: &str) -> String {
        String::from_utf8_lossy(&self.scrub(text.as_bytes().to_vec())).into_owned()
    }
}

fn replace_all(hay: Vec<u8>, needle: &[u8]) -> Vec<u8> {
    let Some(first) = needle.first() else {
        return hay;
    };
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut at = 0;
    while at < hay.len() {
        let here = hay.get(at..).unwrap_or_default();
        if here.first() == Some(first) && here.starts_with(needle) {
            let out = out.get_or_insert_with(|| Vec::with_capacity(hay.len()));
            out.extend_from_slice(hay.get(copied..at).unwrap_or_default());
            out.extend_from_slice(MARK);
            at = at.saturating_add(needle.len());
            copied = at;
        } else {
            at = at.saturating_add(1);
        }
    }
    match out {
        None => hay,
        Some(mut out) => {
            out.extend_from_slice(hay.get(copied..).unwrap_or_default());
            out
        }
    }
}

/// Standard base64 with padding, as HTTP Basic sends `user:secret`.
fn base64(input: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let sextet = |n: u32, shift: u32| {
        let index = usize::try_from((n >> shift) & 63).unwrap_or(0);
        TABLE.get(index).copied().map_or('=', char::from)
    };
    let mut out = String::with_capacity(input.len().div_ceil(3).saturating_mul(4));
    for chunk in input.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        out.push(sextet(n, 18));
        out.push(sextet(n, 12));
        out.push(if chunk.len() > 1 { sextet(n, 6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(n, 0) } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::Method;

    #[test]
    fn an_echoed_token_or_secret_is_taken_out() {
        let bearer = Request::new(Method::GET, "r", "/r")
            .auth(Auth::Bearer(SecretString::from("tok-0123456789abcdef")));
        let s = Secrets::of(&bearer, &[SecretString::from("known-client-secret")]);
        let page = b"<pre>Authorization: Bearer tok-0123456789abcdef\ntok-0123456789abcdef</pre>";
        let clean = s.scrub(page.to_vec());
        assert_eq!(
            clean,
            b"<pre>Authorization: Bearer [redacted]\n[redacted]</pre>".to_vec()
        );
        assert_eq!(s.scrub(b"nothing here".to_vec()), b"nothing here".to_vec());
        assert_eq!(s.scrub_text("a known-client-secret"), "a [redacted]");

        let basic = Request::new(Method::POST, "token", "/t").auth(Auth::Basic {
            user: "svc".into(),
            secret: SecretString::from("service-secret-1"),
        });
        let s = Secrets::of(&basic, &[]);
        // What goes over the wire: base64("svc:service-secret-1").
        let echoed = "Basic c3ZjOnNlcnZpY2Utc2VjcmV0LTE= and service-secret-1";
        assert_eq!(s.scrub_text(echoed), "Basic [redacted] and [redacted]");

        let form = Request::new(Method::POST, "token", "/t").form(vec![
            (
                "grant_type".into(),
                SecretString::from("client_credentials"),
            ),
            (
                "client_secret".into(),
                SecretString::from("m2m-secret-value"),
            ),
        ]);
        let s = Secrets::of(&form, &[]);
        assert_eq!(
            s.scrub_text("bad client_secret m2m-secret-value for client_credentials"),
            "bad client_secret [redacted] for client_credentials"
        );
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(
            base64(b"svc:service-secret-1"),
            "c3ZjOnNlcnZpY2Utc2VjcmV0LTE="
        );
    }
}

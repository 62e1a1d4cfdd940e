//! A signed update on loopback for the updater tests: a minisign key pair made per run (never a
//! key from the repository), packages signed the way Tauri's CLI signs them (the trusted comment
//! names the file and the version), and a small HTTP/1.1 server that answers each path with what
//! the test set.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A key pair made now.
pub struct Signer {
    pk: minisign::PublicKey,
    sk: minisign::SecretKey,
}

impl Signer {
    pub fn new() -> Self {
        let minisign::KeyPair { pk, sk } =
            minisign::KeyPair::generate_unencrypted_keypair().expect("key pair");
        Self { pk, sk }
    }

    /// The public key as Tauri's signer prints it (base64 of the .pub file).
    pub fn pubkey(&self) -> String {
        let file = self.pk.to_box().expect("public key box").to_string();
        base64::engine::general_purpose::STANDARD.encode(file)
    }

    /// `bytes` signed for `version`, as the manifest's `signature` field holds it.
    pub fn sign(&self, bytes: &[u8], version: &str) -> String {
        let comment = format!(
            "timestamp:1764500000\tfile:Lanyard_{version}_amd64.AppImage\tversion:{version}"
        );
        let signature = minisign::sign(
            Some(&self.pk),
            &self.sk,
            std::io::Cursor::new(bytes),
            Some(&comment),
            Some("signature from tauri secret key"),
        )
        .expect("signs");
        base64::engine::general_purpose::STANDARD.encode(signature.to_string())
    }
}

/// What the server answers on a path.
#[derive(Clone)]
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
    /// Send a Content-Length header (else the body ends when the connection closes).
    pub with_length: bool,
    /// Extra header lines ("Location: …").
    pub headers: Vec<String>,
    /// Send the head, then nothing for this long.
    pub stall: Option<Duration>,
}

impl Answer {
    pub fn ok(body: impl Into<Vec<u8>>) -> Self {
        Self {
            status: 200,
            body: body.into(),
            with_length: true,
            headers: Vec::new(),
            stall: None,
        }
    }

    pub fn status(status: u16) -> Self {
        Self {
            status,
            ..Self::ok(Vec::new())
        }
    }
}

/// An HTTP server on 127.0.0.1 that lives as long as the test's runtime.
pub struct Server {
    pub base: String,
    answers: Arc<Mutex<HashMap<String, Answer>>>,
    /// The paths asked for, in order.
    pub asked: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves on a thread of its own (its own runtime), so any test can use it.
    pub fn start() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
        listener.set_nonblocking(true).expect("non-blocking");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let answers: Arc<Mutex<HashMap<String, Answer>>> = Arc::default();
        let asked: Arc<Mutex<Vec<String>>> = Arc::default();
        let (served, log) = (Arc::clone(&answers), Arc::clone(&asked));
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let listener = TcpListener::from_std(listener).expect("tokio listener");
                while let Ok((socket, _)) = listener.accept().await {
                    tokio::spawn(answer(socket, Arc::clone(&served), Arc::clone(&log)));
                }
            });
        });
        Self {
            base,
            answers,
            asked,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn answer(&self, path: &str, answer: Answer) {
        self.answers.lock().unwrap().insert(path.to_owned(), answer);
    }

    /// The manifest of `version` whose package is at `/package` on this server.
    pub fn manifest(&self, version: &str, signature: &str) -> Vec<u8> {
        serde_json::json!({
            "version": version,
            "notes": "Faster inventory.\n<b>not markup</b>",
            "pub_date": "2026-11-30T12:00:00Z",
            "url": self.url("/package"),
            "signature": signature,
        })
        .to_string()
        .into_bytes()
    }
}

/// Reads one request's head and sends what the test set for its path (404 otherwise).
async fn answer(
    mut socket: tokio::net::TcpStream,
    served: Arc<Mutex<HashMap<String, Answer>>>,
    log: Arc<Mutex<Vec<String>>>,
) {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        match socket.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&head);
    let path = text.split_whitespace().nth(1).unwrap_or("/").to_owned();
    log.lock().unwrap().push(path.clone());
    let answer = served
        .lock()
        .unwrap()
        .get(&path)
        .cloned()
        .unwrap_or(Answer::status(404));
    let mut out = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", answer.status);
    if answer.with_length {
        out.push_str(&format!("Content-Length: {}\r\n", answer.body.len()));
    }
    for header in &answer.headers {
        out.push_str(header);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    let _ = socket.write_all(out.as_bytes()).await;
    if let Some(pause) = answer.stall {
        tokio::time::sleep(pause).await;
    }
    let _ = socket.write_all(&answer.body).await;
    let _ = socket.shutdown().await;
}

#![allow(dead_code)] // shared by two test files, each using part of it
//! A tiny HTTP/1.1 server on loopback that answers every request with whatever the test says,
//! and counts the requests per path. One connection per request (`connection: close`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One answer: status, headers (name, value) and body.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(status: u16, body: &str) -> Self {
        Self {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.as_bytes().to_vec(),
        }
    }

    pub fn with(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

/// What the server saw of one request.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// The path without the query.
    pub path: String,
    pub authorization: Option<String>,
    /// How many requests to this path came before this one.
    pub nth: usize,
}

type Answerer = dyn Fn(&Seen) -> Answer + Send + Sync;

/// The server: its base URL and its request counts.
pub struct Server {
    pub url: String,
    counts: Arc<Mutex<HashMap<String, usize>>>,
}

impl Server {
    /// Starts a server that answers each request with `answer`.
    pub async fn start(answer: impl Fn(&Seen) -> Answer + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let counts = Arc::new(Mutex::new(HashMap::new()));
        let answer: Arc<Answerer> = Arc::new(answer);
        let shared = counts.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let counts = shared.clone();
                let answer = answer.clone();
                tokio::spawn(async move { serve(stream, &counts, &*answer).await });
            }
        });
        Self { url, counts }
    }

    /// Requests seen so far on `path`.
    pub fn count(&self, path: &str) -> usize {
        self.counts
            .lock()
            .unwrap()
            .get(path)
            .copied()
            .unwrap_or_default()
    }
}

async fn serve(mut stream: TcpStream, counts: &Mutex<HashMap<String, usize>>, answer: &Answerer) {
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        let Ok(n) = stream.read(&mut buf).await else {
            return;
        };
        if n == 0 {
            return;
        }
        seen.extend_from_slice(&buf[..n]);
        if let Some(at) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8_lossy(&seen[..head_end]).to_string();
    let length = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    while seen.len() < head_end + length {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
    let mut words = head.split_whitespace();
    let method = words.next().unwrap_or_default().to_owned();
    let path = words
        .next()
        .unwrap_or_default()
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    let nth = {
        let mut counts = counts.lock().unwrap();
        let count = counts.entry(path.clone()).or_default();
        *count += 1;
        *count - 1
    };
    let authorization = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("authorization")
            .then(|| value.trim().to_owned())
    });
    let a = answer(&Seen {
        method,
        path,
        authorization,
        nth,
    });
    let mut out = format!("HTTP/1.1 {} Whatever\r\n", a.status).into_bytes();
    for (name, value) in &a.headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "content-length: {}\r\nconnection: close\r\n\r\n",
            a.body.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&a.body);
    let _ = stream.write_all(&out).await;
    let _ = stream.shutdown().await;
}

//! A small HTTP/1.1 server on loopback that answers exactly what a test scripts, framing and
//! all: broken status lines, a Content-Length that lies, a body that drips or stops short, a
//! page of HTML, a redirect, any rate-limit headers. One request per connection
//! (`Connection: close`); every request is kept for the test to count.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path without the query.
    pub path: String,
    pub query: String,
    pub body: String,
    pub authorization: Option<String>,
    /// How many requests with this method and path came before this one.
    pub nth: usize,
}

impl Seen {
    /// The value of query parameter `key`.
    pub fn param(&self, key: &str) -> Option<String> {
        url::form_urlencoded::parse(self.query.as_bytes())
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    }

    pub fn is(&self, method: &str, path: &str) -> bool {
        self.method == method && self.path == path
    }
}

/// What the server does with one request.
#[derive(Debug, Clone)]
pub enum Answer {
    /// A well-formed reply: status, headers, body (Content-Length set to its length).
    Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// These bytes exactly, then the connection is closed.
    Raw(Vec<u8>),
    /// `head` at once, then `body` one byte per `every`.
    Drip {
        head: Vec<u8>,
        body: Vec<u8>,
        every: Duration,
    },
    /// Read the request and never answer.
    Hang,
    /// Close the connection without a word.
    Close,
}

impl Answer {
    /// A reply with this content type.
    pub fn typed(status: u16, content_type: &str, body: impl Into<String>) -> Self {
        Answer::Reply {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.into().into_bytes(),
        }
    }

    pub fn json(status: u16, body: impl Into<String>) -> Self {
        Self::typed(status, "application/json", body)
    }

    /// A proxy's sign-in page.
    pub fn html(status: u16) -> Self {
        Self::typed(
            status,
            "text/html",
            "<html><body><h1>Welcome</h1>Please sign in to continue.</body></html>",
        )
    }

    pub fn empty(status: u16) -> Self {
        Answer::Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn redirect(status: u16, location: &str) -> Self {
        Self::empty(status).with("location", location)
    }

    /// The same reply with one more header.
    pub fn with(mut self, name: &str, value: &str) -> Self {
        match &mut self {
            Answer::Reply { headers, .. } => headers.push((name.to_owned(), value.to_owned())),
            other => panic!("a header on a scripted {other:?}: only a Reply takes one"),
        }
        self
    }

    /// A JSON body that stops half-way although its Content-Length promised all of it.
    pub fn truncated(status: u16, body: &str) -> Self {
        let half = body.get(..body.len() / 2).unwrap_or_default();
        Answer::Raw(
            format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{half}",
                body.len()
            )
            .into_bytes(),
        )
    }

    /// A Content-Length far beyond any cap, with a little of the body sent.
    pub fn huge(status: u16) -> Self {
        Answer::Raw(
            format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: 104857600\r\nconnection: close\r\n\r\n{{\"connections\":["
            )
            .into_bytes(),
        )
    }

    /// A body over the cap sent chunked, with no length announced.
    pub fn huge_chunked(status: u16, bytes: usize) -> Self {
        let mut raw = format!(
            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
        )
        .into_bytes();
        let chunk = vec![b' '; 64 * 1024];
        let mut sent = 0;
        while sent < bytes {
            raw.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            raw.extend_from_slice(&chunk);
            raw.extend_from_slice(b"\r\n");
            sent += chunk.len();
        }
        raw.extend_from_slice(b"0\r\n\r\n");
        Answer::Raw(raw)
    }

    /// A reply whose status line is not HTTP.
    pub fn garbage() -> Self {
        Answer::Raw(b"HTTP/1.1 two hundred OK\r\nwhat: ever\r\n\r\n{}".to_vec())
    }

    /// A Content-Length shorter than the body: the client reads only the first bytes.
    pub fn short_length(status: u16, body: &str) -> Self {
        Answer::Raw(
            format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: 3\r\nconnection: close\r\n\r\n{body}"
            )
            .into_bytes(),
        )
    }

    /// `body` one byte every 100 ms after a well-formed head.
    pub fn slow(status: u16, body: &str) -> Self {
        Answer::Drip {
            head: format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            )
            .into_bytes(),
            body: body.as_bytes().to_vec(),
            every: Duration::from_millis(100),
        }
    }
}

type Script = dyn Fn(&Seen) -> Answer + Send + Sync;

/// A running server; it stops when the test's runtime ends.
pub struct Server {
    pub url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    /// Starts a server that answers each request as `script` says.
    pub async fn start(script: impl Fn(&Seen) -> Answer + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let script: Arc<Script> = Arc::new(script);
        let log = seen.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (script, log) = (script.clone(), log.clone());
                tokio::spawn(async move { serve(stream, script, log).await });
            }
        });
        Self { url, seen }
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// How many requests had this method and path.
    pub fn count(&self, method: &str, path: &str) -> usize {
        self.seen().iter().filter(|s| s.is(method, path)).count()
    }
}

async fn serve(mut stream: TcpStream, script: Arc<Script>, log: Arc<Mutex<Vec<Seen>>>) {
    let Some(mut seen) = read_request(&mut stream).await else {
        return;
    };
    {
        let mut log = log.lock().unwrap();
        seen.nth = log
            .iter()
            .filter(|s| s.is(&seen.method, &seen.path))
            .count();
        log.push(seen.clone());
    }
    match script(&seen) {
        Answer::Reply {
            status,
            headers,
            body,
        } => {
            let mut head = format!("HTTP/1.1 {status} X\r\nconnection: close\r\n");
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(&body).await;
        }
        Answer::Raw(bytes) => {
            let _ = stream.write_all(&bytes).await;
        }
        Answer::Drip { head, body, every } => {
            let _ = stream.write_all(&head).await;
            for byte in body {
                if stream.write_all(&[byte]).await.is_err() {
                    return;
                }
                tokio::time::sleep(every).await;
            }
        }
        Answer::Hang => tokio::time::sleep(Duration::from_secs(600)).await,
        Answer::Close => {}
    }
    let _ = stream.shutdown().await;
}

async fn read_request(stream: &mut TcpStream) -> Option<Seen> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut first = head.split("\r\n").next()?.split(' ');
    let method = first.next()?.to_owned();
    let target = first.next()?.to_owned();
    let header = |name: &str| {
        head.split("\r\n")
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_owned())
    };
    let length: usize = header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let authorization = header("authorization");
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_end..]).into_owned();
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_owned(), q.to_owned()),
        None => (target, String::new()),
    };
    Some(Seen {
        method,
        path,
        query,
        body,
        authorization,
        nth: 0,
    })
}

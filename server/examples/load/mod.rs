//! What the load tools share: their settings, a signed-in HTTP/1.1
//! connection kept alive between requests (so a timing is the request, not
//! a TCP handshake), and the p50/p99/max of a set of timings. Written on
//! tokio's sockets alone: the tools measure the server, and a client of a
//! few dozen lines has nothing of its own to measure.

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

pub type Failure = Box<dyn std::error::Error + Send + Sync>;

/// The environment's `name`, or `default`.
pub fn setting(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

/// `http://host:port/` as the `host:port` a socket connects to.
pub fn authority(url: &str) -> String {
    url.trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned()
}

pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// The p50, p99 and max of `timings`, as a line of the benchmark's report.
pub fn summary(timings: &mut [Duration]) -> Result<String, Failure> {
    if timings.is_empty() {
        return Err("nothing was timed".into());
    }
    timings.sort();
    let at =
        |share: f64| timings[((timings.len() as f64 * share).ceil() as usize).saturating_sub(1)];
    Ok(format!(
        "p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms(at(0.50)),
        ms(at(0.99)),
        ms(timings[timings.len() - 1]),
    ))
}

/// The session cookie of a sign-in, as the sign-in page posts it.
pub async fn sign_in(server: &str, email: &str, password: &str) -> Result<String, Failure> {
    let mut connection = Connection::open(server, "").await?;
    let body = format!("email={}&password={password}", email.replace('@', "%40"));
    let reply = connection.post("/api/auth/sign-in", &body).await?;
    reply
        .headers
        .iter()
        .find_map(|(name, value)| {
            name.eq_ignore_ascii_case("set-cookie")
                .then(|| value.split(';').next().unwrap_or_default().to_owned())
        })
        .ok_or_else(|| format!("sign-in refused: {}", reply.status).into())
}

/// A reply: its status code, headers and whole body.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// One kept-alive connection to `server`, sending `cookie` with each request.
pub struct Connection {
    server: String,
    cookie: String,
    stream: BufReader<TcpStream>,
}

impl Connection {
    pub async fn open(server: &str, cookie: &str) -> Result<Self, Failure> {
        let stream = TcpStream::connect(server).await?;
        stream.set_nodelay(true)?;
        Ok(Self {
            server: server.to_owned(),
            cookie: cookie.to_owned(),
            stream: BufReader::new(stream),
        })
    }

    pub async fn get(&mut self, path: &str) -> Result<Reply, Failure> {
        self.send(&format!("GET {path} HTTP/1.1\r\n"), b"").await
    }

    /// Posts a form (`application/x-www-form-urlencoded`), as a server
    /// function's default codec reads it, from the app's own origin as its
    /// pages do (a signed-in write without one is refused as cross-site).
    pub async fn post(&mut self, path: &str, form: &str) -> Result<Reply, Failure> {
        let head = format!(
            "POST {path} HTTP/1.1\r\nOrigin: http://{}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            self.server,
            form.len()
        );
        self.send(&head, form.as_bytes()).await
    }

    /// Puts `body` as `content_type` from the app's own origin: a file the
    /// app takes raw (a QC photo).
    #[allow(
        dead_code,
        reason = "each tool builds this module; only the photo tool puts"
    )]
    pub async fn put(
        &mut self,
        path: &str,
        content_type: &str,
        body: &[u8],
    ) -> Result<Reply, Failure> {
        let head = format!(
            "PUT {path} HTTP/1.1\r\nOrigin: http://{}\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n",
            self.server,
            body.len()
        );
        self.send(&head, body).await
    }

    /// A request whose reply arrives on the same connection.
    async fn send(&mut self, head: &str, body: &[u8]) -> Result<Reply, Failure> {
        let cookie = match self.cookie.as_str() {
            "" => String::new(),
            cookie => format!("Cookie: {cookie}\r\n"),
        };
        // One write, as before bodies could be bytes: a request's timing
        // stays one segment's where it fits in one.
        let mut request = format!("{head}Host: {}\r\n{cookie}\r\n", self.server).into_bytes();
        request.extend_from_slice(body);
        self.stream.get_mut().write_all(&request).await?;
        let status_line = self.line().await?;
        let status = status_line
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| format!("not an HTTP reply: {status_line}"))?;
        let mut headers = Vec::new();
        loop {
            let line = self.line().await?;
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
            }
        }
        let header = |wanted: &str| {
            headers
                .iter()
                .find(|(name, _)| name == wanted)
                .map(|(_, value)| value.as_str())
        };
        let body = if header("transfer-encoding") == Some("chunked") {
            self.chunked().await?
        } else {
            let length = header("content-length").unwrap_or("0").parse()?;
            let mut body = vec![0; length];
            self.stream.read_exact(&mut body).await?;
            body
        };
        Ok(Reply {
            status,
            headers,
            // Binary bodies (a photo) are only measured, never read.
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }

    /// A streamed body (server-side rendering sends its page in chunks).
    async fn chunked(&mut self) -> Result<Vec<u8>, Failure> {
        let mut body = Vec::new();
        loop {
            let size =
                usize::from_str_radix(self.line().await?.split(';').next().unwrap_or(""), 16)?;
            let start = body.len();
            body.resize(start + size, 0);
            self.stream.read_exact(&mut body[start..]).await?;
            self.line().await?;
            if size == 0 {
                return Ok(body);
            }
        }
    }

    async fn line(&mut self) -> Result<String, Failure> {
        let mut line = String::new();
        if self.stream.read_line(&mut line).await? == 0 {
            return Err("the server closed the connection".into());
        }
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

//! The whole HTTP app in-process over a test database, and requests to it
//! as a browser of a signed-in user would send them.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use serde::Serialize;
use serde::de::DeserializeOwned;
use server_fn::codec::{Json, PostUrl};
use server_fn::{Http, ServerFn};
use sqlx::PgPool;
use torvan_app::auth::sessions::AuthSettings;
use torvan_app::error::AppError;
use torvan_server::config::StorageConfig;
use torvan_server::http::{AppState, router};
use torvan_server::storage::Storage;
use tower::ServiceExt;

pub mod demo;
pub mod rows;

pub struct TestApp {
    pub router: Router,
    _dir: tempfile::TempDir,
}

#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

pub fn auth_settings() -> AuthSettings {
    AuthSettings {
        sessions: Default::default(),
        lockout: Default::default(),
        secure_cookies: false,
        client_address: Default::default(),
    }
}

impl TestApp {
    /// The app over the demo data, with a session of the demo user `email`.
    pub async fn demo_signed_in(pool: &PgPool, email: &str) -> (Self, String) {
        torvan_server::seed::seed_demo(pool).await.unwrap();
        let app = Self::new(pool.clone()).await;
        let cookie = app.sign_in(email, demo::PASSWORD).await.unwrap();
        (app, cookie)
    }

    pub async fn new(pool: PgPool) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let storage = Storage::start(&StorageConfig::Embedded {
            data_dir: dir.path().join("s3"),
            bucket: "torvan-test".into(),
        })
        .await
        .unwrap();
        let leptos_options = LeptosOptions::builder()
            .output_name("torvan")
            .site_root(dir.path().display().to_string())
            .build();
        let router = router(AppState {
            leptos_options,
            pool,
            storage,
            auth: auth_settings(),
            max_body_bytes: 2 * 1024 * 1024,
            max_import_bytes: 64 * 1024 * 1024,
        });
        Self { router, _dir: dir }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.unwrap().to_bytes();
        Reply {
            status: parts.status,
            headers: parts.headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::get(path);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// Posts `body` to a server function: JSON when it is an object (the
    /// functions that take JSON), a form otherwise.
    pub async fn call(&self, path: &str, body: &str, cookie: Option<&str>) -> Reply {
        let content_type = if body.starts_with('{') {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        };
        let mut request = Request::post(path)
            .header("content-type", content_type)
            .header("user-agent", USER_AGENT)
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(request.body(Body::from(body.to_owned())).unwrap())
            .await
    }

    /// Posts a whole file as `content_type`, as the parts import page does.
    pub async fn upload(
        &self,
        path: &str,
        content_type: &str,
        body: String,
        cookie: Option<&str>,
    ) -> Reply {
        let mut request = Request::post(path)
            .header("content-type", content_type)
            .header("user-agent", USER_AGENT)
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// Calls the server function `F` with its own argument struct, encoded
    /// as the browser encodes it, and decodes its answer or its `AppError`:
    /// a test states what a user sends and reads what a user is told.
    pub async fn run<F>(&self, cookie: &str, call: F) -> Result<F::Output, AppError>
    where
        F: ServerFn<Error = AppError> + Serialize,
        F::Protocol: SentAs,
        F::Output: DeserializeOwned,
    {
        let reply = self
            .send_as::<F::Protocol>(F::PATH, &call, Some(cookie))
            .await;
        decode::<F::Output>(reply)
    }

    async fn send_as<P: SentAs>(
        &self,
        path: &str,
        call: &impl Serialize,
        cookie: Option<&str>,
    ) -> Reply {
        let mut request = Request::post(path)
            .header("content-type", P::CONTENT_TYPE)
            .header("user-agent", USER_AGENT)
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(request.body(Body::from(P::encode(call))).unwrap())
            .await
    }

    /// Signs in and returns the `name=value` cookie to send back.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<String, Reply> {
        let form = format!("email={}&password={}", encode(email), encode(password));
        let reply = self.call("/api/auth/sign-in", &form, None).await;
        match reply.headers.get("set-cookie") {
            Some(cookie) if reply.status == StatusCode::OK => Ok(cookie
                .to_str()
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .to_owned()),
            _ => Err(reply),
        }
    }
}

/// A server function's answer: its output, or the error a user reads. A
/// body that is neither is a broken endpoint and fails the test.
fn decode<T: DeserializeOwned>(reply: Reply) -> Result<T, AppError> {
    if reply.status.is_success() {
        Ok(serde_json::from_str(&reply.body)
            .unwrap_or_else(|error| panic!("undecodable answer ({error}): {}", reply.body)))
    } else {
        Err(serde_json::from_str(&reply.body).unwrap_or_else(|error| {
            panic!(
                "undecodable error {} ({error}): {}",
                reply.status, reply.body
            )
        }))
    }
}

/// How a server function's arguments travel: a form (the default) or JSON
/// (the functions declared `input = Json`).
pub trait SentAs {
    const CONTENT_TYPE: &'static str;
    fn encode(call: &impl Serialize) -> String;
}

impl SentAs for Http<PostUrl, Json> {
    const CONTENT_TYPE: &'static str = "application/x-www-form-urlencoded";
    fn encode(call: &impl Serialize) -> String {
        serde_qs::to_string(call).unwrap()
    }
}

impl SentAs for Http<Json, Json> {
    const CONTENT_TYPE: &'static str = "application/json";
    fn encode(call: &impl Serialize) -> String {
        serde_json::to_string(call).unwrap()
    }
}

/// What the test client says it is, as browsers do.
pub const USER_AGENT: &str = "torvan-integration-tests";

pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

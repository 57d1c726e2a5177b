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
use sqlx::{Connection, PgConnection, PgPool};
use torvan::{DbEnum, SystemActor};
use torvan_app::auth::SignIn;
use torvan_app::auth::sessions::AuthSettings;
use torvan_app::error::AppError;
use torvan_server::config::{DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IMPORT_BYTES, StorageConfig};
use torvan_server::http::{AppState, router};
use torvan_server::live::Hub;
use torvan_server::storage::Storage;
use tower::ServiceExt;

pub mod db_proxy;
pub mod demo;
pub mod roles;
pub mod rows;
pub mod shop_floor;

pub struct TestApp {
    pub router: Router,
    /// The app's own file store: what a test reads back from the bucket.
    pub storage: Storage,
    dir: tempfile::TempDir,
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
        Self::with_auth(pool, auth_settings()).await
    }

    /// The app with its own session and transport settings (TLS in front).
    pub async fn with_auth(pool: PgPool, auth: AuthSettings) -> Self {
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
            live: Hub::new(pool.clone()),
            pool,
            storage: storage.clone(),
            auth,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_import_bytes: DEFAULT_MAX_IMPORT_BYTES,
        });
        Self {
            router,
            storage,
            dir,
        }
    }

    /// The file store fails from now on: its bucket and every object in it
    /// are gone, so each request the app makes to it is refused.
    pub fn break_storage(&self) {
        std::fs::remove_dir_all(self.dir.path().join("s3")).unwrap();
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

    /// Posts `body` as `content_type` from the app's own origin: what the
    /// typed client cannot say, and only that (a whole file to the import
    /// route, a file of the wrong type).
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<Body>,
        cookie: Option<&str>,
    ) -> Reply {
        self.post_raw_from(path, content_type, body, cookie, &[])
            .await
    }

    /// `post_raw` with `headers` set over the test client's own: a client
    /// behind a proxy, a browser's own user agent.
    pub async fn post_raw_from(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<Body>,
        cookie: Option<&str>,
        headers: &[(&'static str, &str)],
    ) -> Reply {
        let mut request = Request::post(path)
            .header("content-type", content_type)
            .header("user-agent", USER_AGENT)
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let mut request = request.body(body.into()).unwrap();
        for &(name, value) in headers {
            request.headers_mut().insert(name, value.parse().unwrap());
        }
        self.send(request).await
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
        self.exchange(Some(cookie), call).await.result
    }

    /// `run` with the status and the cookie that come back too, and with or
    /// without a session: for the tests about sessions themselves.
    pub async fn exchange<F>(&self, cookie: Option<&str>, call: F) -> Answer<F::Output>
    where
        F: ServerFn<Error = AppError> + Serialize,
        F::Protocol: SentAs,
        F::Output: DeserializeOwned,
    {
        self.exchange_from(cookie, &[], call).await
    }

    /// `exchange` from a client that sends `headers` too (`post_raw_from`).
    pub async fn exchange_from<F>(
        &self,
        cookie: Option<&str>,
        headers: &[(&'static str, &str)],
        call: F,
    ) -> Answer<F::Output>
    where
        F: ServerFn<Error = AppError> + Serialize,
        F::Protocol: SentAs,
        F::Output: DeserializeOwned,
    {
        let call = Encoded::of(call);
        let reply = self
            .post_raw_from(call.path, call.content_type, call.body, cookie, headers)
            .await;
        Answer {
            status: reply.status,
            set_cookie: reply
                .headers
                .get("set-cookie")
                .map(|cookie| cookie.to_str().unwrap().to_owned()),
            result: decode(reply),
        }
    }

    /// Sends an encoded call; the reply as it came.
    pub async fn send_encoded(&self, call: &Encoded, cookie: Option<&str>) -> Reply {
        self.post_raw(call.path, call.content_type, call.body.clone(), cookie)
            .await
    }

    /// Signs in as the sign-in page does; the `name=value` cookie to send
    /// back, or the whole refusal.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<String, Answer<String>> {
        let form = SignIn {
            email: email.to_owned(),
            password: password.to_owned(),
        };
        let answer = self.exchange(None, form).await;
        match answer.cookie() {
            Some(cookie) if answer.result.is_ok() => Ok(cookie),
            _ => Err(answer),
        }
    }
}

/// A server function call encoded as the browser sends it: to send later,
/// or as each of several users in turn.
pub struct Encoded {
    pub path: &'static str,
    content_type: &'static str,
    body: String,
}

impl Encoded {
    pub fn of<F>(call: F) -> Self
    where
        F: ServerFn + Serialize,
        F::Protocol: SentAs,
    {
        Self {
            path: F::PATH,
            content_type: <F::Protocol as SentAs>::CONTENT_TYPE,
            body: <F::Protocol as SentAs>::encode(&call),
        }
    }
}

/// A server function's whole answer: how it went over HTTP, the cookie it
/// set, and what the caller decoded.
#[derive(Debug, PartialEq)]
pub struct Answer<T> {
    pub status: StatusCode,
    pub set_cookie: Option<String>,
    pub result: Result<T, AppError>,
}

impl<T> Answer<T> {
    /// The `name=value` part of the cookie set, as a browser sends it back.
    pub fn cookie(&self) -> Option<String> {
        let set_cookie = self.set_cookie.as_deref()?;
        set_cookie.split(';').next().map(str::to_owned)
    }
}

/// The `AppError` a raw request was refused with; `None` when it succeeded.
pub fn refusal(reply: &Reply) -> Option<AppError> {
    (!reply.status.is_success()).then(|| {
        serde_json::from_str(&reply.body).unwrap_or_else(|error| {
            panic!(
                "undecodable error {} ({error}): {}",
                reply.status, reply.body
            )
        })
    })
}

/// The error of a call refused for breaking a rule (what a form shows at a
/// field or above it); any other outcome fails the test.
pub fn rule_broken<T: std::fmt::Debug>(result: Result<T, AppError>) -> AppError {
    match result {
        Err(error @ (AppError::Invalid { .. } | AppError::InvalidFields(_))) => error,
        other => panic!("not refused for breaking a rule: {other:?}"),
    }
}

/// A server function's answer: its output, or the error a user reads. A
/// body that is neither is a broken endpoint and fails the test.
fn decode<T: DeserializeOwned>(reply: Reply) -> Result<T, AppError> {
    match refusal(&reply) {
        Some(error) => Err(error),
        None => Ok(serde_json::from_str(&reply.body)
            .unwrap_or_else(|error| panic!("undecodable answer ({error}): {}", reply.body))),
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

/// A connection of its own for a test's arrangement: rows or states no
/// server function makes (a lock run out, a thousand orders, a schema
/// check's bare rows). The audit trigger refuses a change that names
/// nobody, so it acts as the demo seed, whose data such rows extend. It
/// closes when dropped, its setting with it.
pub async fn arranging(pool: &PgPool) -> PgConnection {
    let mut conn = PgConnection::connect_with(&pool.connect_options())
        .await
        .unwrap();
    sqlx::query("SELECT set_config('app.system_actor', $1, false)")
        .bind(SystemActor::SeedDemo.as_db_str())
        .execute(&mut conn)
        .await
        .unwrap();
    conn
}

/// What the test client says it is, as browsers do.
pub const USER_AGENT: &str = "torvan-integration-tests";

//! `/sw.js`: the service worker, written for the client this server
//! serves. Its text (`worker.js`) is prefixed with the build's version, a
//! hash of the client's files, and the list of those files to precache.
//! The version is made from the files' bytes, not their times, so every
//! server behind a load balancer that serves one build hands out the same
//! worker, and a browser installs a new one exactly when the client
//! changed.

use std::path::Path;

use axum::body::Bytes;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// The worker's text, made once at start-up (each answer shares its bytes).
#[derive(Clone)]
pub struct Script(Bytes);

impl Script {
    /// The worker for the client built into `pkg` (the site's `/pkg`).
    pub fn for_client(pkg: &Path) -> Self {
        let mut files = client_files(pkg);
        files.sort();
        let mut hash = Sha256::new();
        for name in &files {
            hash.update(name.as_bytes());
            // A file that vanished between the listing and the read only
            // changes the version; the browser then asks for it again.
            hash.update(std::fs::read(pkg.join(name)).unwrap_or_default());
        }
        let version: String = hash
            .finalize()
            .iter()
            .take(8)
            .map(|byte| format!("{byte:02x}"))
            .collect();
        let precache: Vec<String> = files.iter().map(|name| format!("/pkg/{name}")).collect();
        let text = format!(
            "const VERSION = {};\nconst PRECACHE = {};\n{}",
            serde_json::Value::from(version),
            serde_json::Value::from(precache),
            include_str!("worker.js"),
        );
        Self(Bytes::from(text))
    }

    /// The answer to `GET /sw.js`: never cached by the browser's HTTP
    /// cache, so an update is seen on the next visit.
    pub fn response(&self) -> Response {
        (
            [
                (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            self.0.clone(),
        )
            .into_response()
    }
}

/// The client's files a page may load: its JS, WASM (every lazily loaded
/// part too, so a route opened first while offline still loads) and CSS;
/// not the pre-compressed copies, which the server picks by itself.
fn client_files(pkg: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(pkg) else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| {
            [".js", ".wasm", ".css"]
                .iter()
                .any(|end| name.ends_with(end))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn the_worker_precaches_the_client_files_and_not_their_compressed_copies() {
        let dir = client(&[
            ("torvan.js", "js"),
            ("torvan_bg.wasm", "wasm"),
            ("torvan.css", "css"),
            ("torvan_bg.wasm.br", "br"),
            ("notes.txt", "txt"),
        ]);
        let text = String::from_utf8(Script::for_client(dir.path()).0.to_vec()).unwrap();
        assert!(
            text.contains(
                r#"const PRECACHE = ["/pkg/torvan.css","/pkg/torvan.js","/pkg/torvan_bg.wasm"];"#
            ),
            "{}",
            &text[..200]
        );
    }

    #[test]
    fn a_changed_client_file_changes_the_version_and_an_unchanged_one_does_not() {
        let version = |dir: &tempfile::TempDir| {
            let text = String::from_utf8(Script::for_client(dir.path()).0.to_vec()).unwrap();
            text.lines().next().unwrap().to_owned()
        };
        let first = client(&[("torvan.js", "one")]);
        let same = client(&[("torvan.js", "one")]);
        let changed = client(&[("torvan.js", "two")]);
        assert_eq!(version(&first), version(&same));
        assert_ne!(version(&first), version(&changed));
    }
}

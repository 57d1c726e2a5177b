use leptos::prelude::*;
use leptos_meta::{Link, MetaTags, Stylesheet};

use super::App;

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#37474f"/>
                <meta name="description" content="TORVAN production workflow"/>
                // When the data on this page was read: a page the service
                // worker kept says how old it is (`offline::Outbox`).
                <meta name="torvan-rendered-at" content=rendered_at()/>
                <HydrationScripts options/>
                <MetaTags/>
                <Stylesheet id="torvan-css" href="/pkg/torvan.css"/>
                <Link rel="manifest" href="/manifest.webmanifest"/>
                <Link rel="icon" href="/icons/icon-192.png"/>
                <Link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <script src="/register-sw.js" defer></script>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

fn rendered_at() -> String {
    #[cfg(feature = "ssr")]
    {
        chrono::Utc::now().to_rfc3339()
    }
    #[cfg(not(feature = "ssr"))]
    String::new()
}

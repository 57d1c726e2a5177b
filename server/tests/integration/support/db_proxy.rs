//! A TCP proxy in front of the test cluster that a test can cut and mend:
//! the app's database going away and coming back, without stopping the
//! cluster the other tests share. Cut, it drops every open connection and
//! closes each new one at once, as a stopped server's port does.

use std::net::SocketAddr;

use tokio::io::copy_bidirectional;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

pub struct DbProxy {
    pub addr: SocketAddr,
    cut: watch::Sender<bool>,
}

impl DbProxy {
    /// Forwards a local port to the database at `upstream`.
    pub async fn start(upstream: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (cut, _) = watch::channel(false);
        let watching = cut.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let mut cut = watching.subscribe();
                if *cut.borrow() {
                    continue; // dropped: the client sees its connection closed
                }
                tokio::spawn(async move {
                    let Ok(mut server) = TcpStream::connect(upstream).await else {
                        return;
                    };
                    let mut client = client;
                    tokio::select! {
                        _ = copy_bidirectional(&mut client, &mut server) => {}
                        _ = cut.wait_for(|cut| *cut) => {}
                    }
                });
            }
        });
        Self { addr, cut }
    }

    /// The database goes away: open connections drop, new ones are closed.
    pub fn cut(&self) {
        self.cut.send_replace(true);
    }

    /// The database is back.
    pub fn mend(&self) {
        self.cut.send_replace(false);
    }
}

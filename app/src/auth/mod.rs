//! Sign-in, sessions and the permission check every server function makes.

mod api;
#[cfg(feature = "ssr")]
pub mod guard;
mod model;
#[cfg(feature = "ssr")]
mod password_change;
#[cfg(feature = "ssr")]
pub mod password_hash;
mod password_page;
#[cfg(feature = "ssr")]
pub mod reauthenticate;
#[cfg(feature = "ssr")]
pub mod sessions;
#[cfg(feature = "ssr")]
mod sign_in;
mod sign_in_page;
#[cfg(feature = "ssr")]
mod throttle;

pub use api::{
    ChangePassword, SignIn, SignOut, WhoAmI, change_password, sign_in, sign_out, who_am_i,
};
pub use model::CurrentUser;
pub use password_page::PasswordPage;
pub use sign_in_page::SignInPage;

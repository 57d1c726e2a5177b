//! argon2id password hashes (OWASP: m=19456 KiB, t=2, p=1), computed off the
//! async runtime and at most one per core at a time, so a burst of sign-ins
//! queues instead of starving every other request.

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::error::AppError;

const MEMORY_KIB: u32 = 19_456;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

static SLOTS: LazyLock<Semaphore> = LazyLock::new(|| {
    Semaphore::new(std::thread::available_parallelism().map_or(2, |cores| cores.get()))
});

/// A hash nobody's password matches, verified for unknown or unusable
/// accounts so that their sign-in takes as long as a real one.
static DECOY: LazyLock<String> =
    LazyLock::new(|| hash_now("decoy password, never valid").unwrap_or_default());

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .expect("OWASP argon2id parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_now(password: &str) -> Result<String, argon2::password_hash::Error> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| argon2::password_hash::Error::Crypto)?;
    let salt = SaltString::encode_b64(&salt)?;
    Ok(argon2()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// The outcome of checking a password against a stored hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    pub matches: bool,
    /// The stored hash uses other parameters than today's: re-hash it.
    pub needs_rehash: bool,
}

fn verify_now(password: &str, stored: &str) -> Verified {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return Verified {
            matches: false,
            needs_rehash: false,
        };
    };
    let matches = argon2()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    let current = parsed.algorithm.as_str() == "argon2id"
        && Params::try_from(&parsed).is_ok_and(|params| {
            params.m_cost() == MEMORY_KIB
                && params.t_cost() == ITERATIONS
                && params.p_cost() == PARALLELISM
        });
    Verified {
        matches,
        needs_rehash: matches && !current,
    }
}

async fn off_runtime<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let _slot = SLOTS.acquire().await.map_err(|_| AppError::Internal)?;
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        tracing::error!(%error, "password hashing task failed");
        AppError::Internal
    })
}

pub async fn hash(password: String) -> Result<String, AppError> {
    off_runtime(move || hash_now(&password))
        .await?
        .map_err(|error| {
            tracing::error!(%error, "cannot hash a password");
            AppError::Internal
        })
}

pub async fn verify(password: String, stored: String) -> Result<Verified, AppError> {
    off_runtime(move || verify_now(&password, &stored)).await
}

/// Spends the time of one verification, for accounts that cannot sign in.
pub async fn verify_decoy(password: String) -> Result<(), AppError> {
    off_runtime(move || verify_now(&password, &DECOY))
        .await
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let stored = hash_now("steel-basin-2026").unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert_eq!(
            verify_now("steel-basin-2026", &stored),
            Verified {
                matches: true,
                needs_rehash: false
            }
        );
        assert!(!verify_now("steel-basin-2027", &stored).matches);
    }

    #[test]
    fn hashes_of_older_parameters_are_flagged_for_rehash() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8192, 1, 1, None).unwrap(),
        );
        let salt = SaltString::encode_b64(b"0123456789abcdef").unwrap();
        let stored = weak
            .hash_password(b"steel-basin-2026", &salt)
            .unwrap()
            .to_string();
        assert_eq!(
            verify_now("steel-basin-2026", &stored),
            Verified {
                matches: true,
                needs_rehash: true
            }
        );
    }

    #[test]
    fn a_malformed_hash_matches_nothing() {
        assert!(!verify_now("anything", "not-a-phc-string").matches);
    }
}

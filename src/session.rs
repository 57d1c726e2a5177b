//! When a signed-in session stops being valid. The clock is the caller's: the
//! domain only compares the instants it is given.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// How long a session lives without use, and at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle_timeout: Duration,
    pub absolute_timeout: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle_timeout: Duration::minutes(30),
            absolute_timeout: Duration::hours(12),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionEnd {
    /// Not used for longer than the idle timeout.
    Idle,
    /// Older than the absolute timeout, however busy.
    Expired,
}

impl SessionPolicy {
    /// `Ok` while a session created at `created_at` and last used at
    /// `last_seen_at` is still valid at `now`.
    pub fn check(
        &self,
        created_at: DateTime<Utc>,
        last_seen_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), SessionEnd> {
        if now >= created_at + self.absolute_timeout {
            Err(SessionEnd::Expired)
        } else if now >= last_seen_at + self.idle_timeout {
            Err(SessionEnd::Idle)
        } else {
            Ok(())
        }
    }
}

/// Repeated failed sign-ins lock an account for a while.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockoutPolicy {
    pub max_failures: i32,
    pub lock_for: Duration,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        Self {
            max_failures: 5,
            lock_for: Duration::minutes(15),
        }
    }
}

impl LockoutPolicy {
    /// Until when an account is locked by the attempt that makes
    /// `max_failures` consecutive ones, made at `now`. The lock is taken
    /// as that attempt is let through, before its password is checked, so
    /// no attempt past it is checked while the lock holds.
    pub fn lock_ends(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + self.lock_for
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn a_session_in_use_lives_until_the_absolute_timeout() {
        let policy = SessionPolicy::default();
        assert_eq!(policy.check(at(0), at(700), at(719)), Ok(()));
        assert_eq!(
            policy.check(at(0), at(715), at(720)),
            Err(SessionEnd::Expired)
        );
    }

    #[test]
    fn thirty_idle_minutes_end_a_session() {
        let policy = SessionPolicy::default();
        assert_eq!(policy.check(at(0), at(10), at(39)), Ok(()));
        assert_eq!(policy.check(at(0), at(10), at(40)), Err(SessionEnd::Idle));
    }

    #[test]
    fn timeouts_are_configurable() {
        let policy = SessionPolicy {
            idle_timeout: Duration::minutes(5),
            absolute_timeout: Duration::minutes(60),
        };
        assert_eq!(policy.check(at(0), at(0), at(5)), Err(SessionEnd::Idle));
    }

    #[test]
    fn the_fifth_consecutive_failure_locks_for_fifteen_minutes() {
        let policy = LockoutPolicy::default();
        assert_eq!(policy.max_failures, 5);
        assert_eq!(policy.lock_ends(at(0)), at(15));
    }
}

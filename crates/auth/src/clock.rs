//! Wall-clock time, injectable so that tests are deterministic.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Current Unix time in milliseconds; injectable so tests are deterministic.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Milliseconds since 1970-01-01T00:00:00Z (negative before it).
    fn now_millis(&self) -> i64;
}

/// The operating system's wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_millis(&self) -> i64 {
        match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(since) => i64::try_from(since.as_millis()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_millis()).map_or(i64::MIN, |ms| -ms),
        }
    }
}

/// A clock for tests: it shows a set time and moves only when told to.
#[derive(Debug, Default)]
pub struct FixedClock {
    millis: AtomicI64,
}

impl FixedClock {
    /// A clock that shows `millis` (Unix milliseconds).
    pub const fn new(millis: i64) -> Self {
        Self {
            millis: AtomicI64::new(millis),
        }
    }

    /// Sets the time to `millis`.
    pub fn set(&self, millis: i64) {
        self.millis.store(millis, Ordering::SeqCst);
    }

    /// Moves the time by `millis` (negative moves it back), saturating at the ends of `i64`.
    pub fn advance(&self, millis: i64) {
        // The closure always returns `Some`, so `fetch_update` cannot fail.
        let _ = self
            .millis
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |now| {
                Some(now.saturating_add(millis))
            });
    }
}

impl Clock for FixedClock {
    fn now_millis(&self) -> i64 {
        self.millis.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_set_and_advance() {
        let clock = FixedClock::new(1_700_000_000_123);
        assert_eq!(clock.now_millis(), 1_700_000_000_123);
        clock.advance(877);
        assert_eq!(clock.now_millis(), 1_700_000_001_000);
        clock.advance(-1_000);
        assert_eq!(clock.now_millis(), 1_700_000_000_000);
        clock.set(5);
        assert_eq!(clock.now_millis(), 5);
        clock.set(i64::MAX - 1);
        clock.advance(10);
        assert_eq!(clock.now_millis(), i64::MAX);
    }

    #[test]
    fn system_clock_is_after_2023() {
        // 2023-11-14T22:13:20Z; a clock before that is broken, not merely early.
        assert!(SystemClock.now_millis() > 1_700_000_000_000);
    }
}

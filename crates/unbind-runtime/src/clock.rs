//! Wall-clock time, injectable so that tests are deterministic (a clock for tests:
//! `test_util::FixedClock`, with the `test-util` feature).

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_clock_is_after_2023() {
        // 2023-11-14T22:13:20Z; a clock before that is broken, not merely early.
        assert!(SystemClock.now_millis() > 1_700_000_000_000);
    }
}

//! Pacing: calls started no faster than a rate.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

use crate::Error;

/// A steady pace for starting calls, in calls per second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    interval: Duration,
}

impl Rate {
    /// At most `calls` per second (fractions allowed: `0.5` is one call every two seconds).
    pub fn per_second(calls: f64) -> Result<Self, Error> {
        let invalid = || Error::invalid("rate", "must be a number of calls per second above 0");
        if !calls.is_finite() || calls <= 0.0 {
            return Err(invalid());
        }
        let interval = Duration::try_from_secs_f64(1.0 / calls).map_err(|_| invalid())?;
        Ok(Self { interval })
    }

    /// The time between two starts.
    pub fn interval(&self) -> Duration {
        self.interval
    }
}

/// Starts calls no faster than a [`Rate`]: each start takes the next free slot, one interval
/// after the one before, so starts are evenly spaced with no burst.
///
/// Twenty lines of our own rather than a crate such as `governor`: this one runs on tokio's
/// clock, so tests drive it with paused time instead of waiting, and a steady pace needs no
/// burst settings.
#[derive(Debug)]
pub(super) struct Pace {
    interval: Duration,
    /// The next free slot; `None` once it would lie beyond what the clock can count (a rate
    /// such as `1e-19` a second), and then no call starts again, as if it waited for ever.
    next: Mutex<Option<Instant>>,
}

impl Pace {
    pub(super) fn new(interval: Duration) -> Self {
        Self {
            interval,
            next: Mutex::new(Some(Instant::now())),
        }
    }

    /// Waits for this call's slot.
    pub(super) async fn wait(&self) {
        let slot = {
            let mut next = self.next.lock().unwrap_or_else(PoisonError::into_inner);
            let slot = next.map(|next| next.max(Instant::now()));
            *next = slot.and_then(|slot| slot.checked_add(self.interval));
            slot
        };
        match slot {
            Some(slot) => tokio::time::sleep_until(slot).await,
            None => std::future::pending().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_must_be_positive_and_finite() {
        assert_eq!(
            Rate::per_second(4.0).unwrap().interval(),
            Duration::from_millis(250)
        );
        assert_eq!(
            Rate::per_second(0.5).unwrap().interval(),
            Duration::from_secs(2)
        );
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e-300] {
            assert!(Rate::per_second(bad).is_err(), "{bad}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_pace_slower_than_the_clock_can_count_waits_instead_of_panicking() {
        // One call every 1e19 s: a valid `Duration`, but no `Instant` is that far ahead.
        let rate = Rate::per_second(1e-19).unwrap();
        let pace = Pace::new(rate.interval());
        let begin = Instant::now();
        pace.wait().await;
        assert_eq!(Instant::now(), begin, "the first call starts at once");
        let year = Duration::from_secs(365 * 24 * 3600);
        let second = tokio::time::timeout(year, pace.wait()).await;
        assert!(second.is_err(), "the second call started within a year");
    }
}

//! When a failed call is tried again, and why a retry was refused: the policy
//! ([`RetryPolicy`]) and its refusal ([`WaitRefused`]), which both the call loop (`call.rs`)
//! and the error type (`error.rs`) use. It imports neither.

use std::time::Duration;

/// How long a whole call may take by default, retries and the waits between them included
/// ([`RetryPolicy::max_total`]).
pub const MAX_TOTAL: Duration = Duration::from_secs(60);
/// The longest `Retry-After` honoured by default ([`RetryPolicy::max_retry_after`]): with
/// [`REQUEST_TIMEOUT`](crate::REQUEST_TIMEOUT) it fits within [`MAX_TOTAL`], so a `Retry-After` it honours is waited
/// for at least once, even after a first attempt that took its whole time.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// When and how often a failed call is tried again, and how long the whole call may take.
///
/// A call is retried on `429 Too Many Requests` (after `Retry-After`, in seconds or as an
/// HTTP date, capped by [`max_retry_after`](Self::max_retry_after)), and, for calls that are
/// safe to repeat (list, unbind), on `502`/`503`/`504`, on transport failures and on attempts
/// that got no answer in time, with exponential backoff and jitter. Binds are retried only
/// where the request cannot have been acted on: `429` and a refused connection. Other `4xx`
/// are never retried.
///
/// The whole call, every attempt and every wait between them, ends within
/// [`max_total`](Self::max_total): with the defaults, a provider that never answers is given
/// up on after three attempts of [`REQUEST_TIMEOUT`](crate::REQUEST_TIMEOUT) (20 s) and at most [`MAX_TOTAL`] (60 s)
/// in all ([`Error::Timeout`](crate::Error::Timeout)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (default 3).
    pub max_retries: usize,
    /// The first backoff delay (default 200 ms), doubling each time.
    pub min_delay: Duration,
    /// The longest backoff delay (default 5 s).
    pub max_delay: Duration,
    /// The most the whole call takes, attempts and the waits between them included (default
    /// [`MAX_TOTAL`], 60 s). An attempt is cut when it is reached; a wait that would reach it
    /// is refused, and the error says so
    /// ([`ProviderError::wait_refused`](crate::ProviderError::wait_refused)).
    pub max_total: Duration,
    /// The longest `Retry-After` honoured (default [`MAX_RETRY_AFTER`], 30 s); a longer one is
    /// cut to this.
    pub max_retry_after: Duration,
    /// Random jitter on each backoff delay (default on).
    pub jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            min_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_total: MAX_TOTAL,
            max_retry_after: MAX_RETRY_AFTER,
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn never() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// How long to wait before the next retry, `elapsed` after the first attempt: the
    /// provider's `Retry-After` (cut to [`max_retry_after`](Self::max_retry_after)) if it
    /// sent one, else `backoff`. Refused when the retry would start at or past
    /// [`max_total`](Self::max_total), with no time left for it.
    pub fn wait(
        &self,
        elapsed: Duration,
        retry_after: Option<Duration>,
        backoff: Duration,
    ) -> Result<Duration, WaitRefused> {
        let (wait, asked) = match retry_after {
            Some(asked) => (asked.min(self.max_retry_after), Some(asked)),
            None => (backoff, None),
        };
        if elapsed.saturating_add(wait) < self.max_total {
            Ok(wait)
        } else {
            Err(WaitRefused {
                wait,
                asked,
                elapsed,
                max_total: self.max_total,
            })
        }
    }
}

/// Why a failed call was not tried again although its error is worth a retry: the wait
/// would have reached [`RetryPolicy::max_total`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WaitRefused {
    /// The wait that was refused (a `Retry-After` already cut to
    /// [`RetryPolicy::max_retry_after`], or the backoff delay).
    pub wait: Duration,
    /// What the provider asked for in `Retry-After`, if it did.
    pub asked: Option<Duration>,
    /// How long after the first attempt the call failed.
    pub elapsed: Duration,
    /// The policy's [`RetryPolicy::max_total`].
    pub max_total: Duration,
}

impl std::fmt::Display for WaitRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.asked {
            Some(asked) => write!(
                f,
                "not retried: the provider asked to wait {} s (Retry-After)",
                asked.as_secs_f64()
            )?,
            None => write!(f, "not retried: the next backoff is {:?}", self.wait)?,
        }
        write!(
            f,
            ", which {:.1} s after the first attempt would pass retry.max_total ({} s)",
            self.elapsed.as_secs_f64(),
            self.max_total.as_secs_f64()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_wait_says_what_was_asked_and_which_limit_it_passes() {
        let policy = RetryPolicy {
            max_total: Duration::from_secs(2),
            ..RetryPolicy::default()
        };
        let refused = policy
            .wait(
                Duration::from_millis(500),
                Some(Duration::from_secs(5)),
                Duration::from_millis(200),
            )
            .unwrap_err();
        assert_eq!(refused.wait, Duration::from_secs(5));
        assert_eq!(
            refused.to_string(),
            "not retried: the provider asked to wait 5 s (Retry-After), which 0.5 s after the \
             first attempt would pass retry.max_total (2 s)"
        );
    }
}

//! What the providers' handlers share about their state: locking it, and the tokens they issue.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, PoisonError};

/// Locks a provider's state; a handler that panicked mid-update leaves the state as it was
/// at the panic, which is still the best the fake has.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A new random token: 32 lower-case hex characters after `prefix`.
pub(crate) fn new_token(prefix: &str) -> String {
    let mut bytes = [0u8; 16];
    // The system RNG does not fail on a working OS; should it, the counter below still
    // keeps tokens unique within this process.
    if aws_lc_rs::rand::fill(&mut bytes).is_err() {
        static COUNTER: AtomicI64 = AtomicI64::new(0);
        bytes[..8].copy_from_slice(&COUNTER.fetch_add(1, Ordering::SeqCst).to_be_bytes());
    }
    let mut token = String::with_capacity(prefix.len() + 32);
    token.push_str(prefix);
    for byte in bytes {
        token.push_str(&format!("{byte:02x}"));
    }
    token
}

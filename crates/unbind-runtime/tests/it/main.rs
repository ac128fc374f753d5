//! unbind-runtime's integration tests: header checks, credentials, the OneAccess signer.
//!
//! One binary for all of them: each file below is a module, so a change links one test binary
//! instead of one per file.

mod headers_and_credentials;
mod oneaccess;

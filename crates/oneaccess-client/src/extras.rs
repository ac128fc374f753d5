//! Hand-written additions to the generated client: what every OneAccess call shares.
//!
//! [`DeviceHeaders::device`] sets a [`DeviceProfile`]'s headers on any generated request
//! builder, so a caller states the device once instead of seven header calls per request:
//!
//! ```no_run
//! use oneaccess_client::{Client, DeviceHeaders as _};
//! use unbind_runtime::oneaccess::DeviceProfile;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let device = DeviceProfile {
//!     operating_sys_version: "Android 10".into(),
//!     device_fingerprint: "156aysdna213sac".into(),
//!     agent: "Mozilla/5.0 (Linux; Android 10)".into(),
//!     client_id: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm".into(),
//!     ..DeviceProfile::default()
//! };
//! let client = Client::new("https://tenant.example.com", ());
//! let date = client.get_server_date().device(&device).send().await?;
//! println!("server time {}", date.timestamp);
//! # Ok(())
//! # }
//! ```

use unbind_runtime::oneaccess::DeviceProfile;

use crate::builder;

/// Sets the device headers of a [`DeviceProfile`] on a generated request builder.
pub trait DeviceHeaders: Sized {
    /// The builder with `X-operating-sys-version`, `X-device-fingerprint`, `X-agent` and
    /// `X-client-id` from `device`, and `X-device-ip`, `X-L` and `X-tenant-id` where the
    /// profile has them. Values are checked when the request is built (a bad one is
    /// `Error::InvalidRequest` naming the header); check them earlier with
    /// [`DeviceProfile::validate`].
    fn device(self, device: &DeviceProfile) -> Self;
}

/// Implements [`DeviceHeaders`] for each builder, and lists their operations in
/// [`DEVICE_OPERATIONS`].
macro_rules! device_headers {
    ($($builder:ident => $operation:literal),* $(,)?) => {
        /// The operations whose builders implement [`DeviceHeaders`]: every operation of the
        /// spec that takes the device headers (a workspace test checks the two agree).
        pub const DEVICE_OPERATIONS: &[&str] = &[$($operation),*];

        $(
            impl DeviceHeaders for builder::$builder<'_> {
                fn device(self, device: &DeviceProfile) -> Self {
                    let mut builder = self
                        .x_operating_sys_version(device.operating_sys_version.clone())
                        .x_device_fingerprint(device.device_fingerprint.clone())
                        .x_agent(device.agent.clone())
                        .x_client_id(device.client_id.clone());
                    // One optional header per setter: each builder method takes its own field.
                    if let Some(ip) = &device.device_ip {
                        builder = builder.x_device_ip(ip.clone());
                    }
                    if let Some(language) = &device.language {
                        builder = builder.x_l(language.clone());
                    }
                    if let Some(tenant) = &device.tenant_id {
                        builder = builder.x_tenant_id(tenant.clone());
                    }
                    builder
                }
            }
        )*
    };
}

device_headers!(
    GetServerDate => "get_server_date",
    GetPublicKey => "get_public_key",
    Login => "login",
    ListSocialAccounts => "list_social_accounts",
    UnbindSocialAccount => "unbind_social_account",
    BindSocialAccount => "bind_social_account",
    RegisterAndBindSocialAccount => "register_and_bind_social_account",
);

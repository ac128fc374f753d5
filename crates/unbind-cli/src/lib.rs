//! The `unbind` command: list, bind and unbind linked accounts at MantaGo, Huawei Cloud
//! OneAccess and Tencent CloudBase, through the [`unbind`] facade.
//!
//! ```text
//! unbind [--base-url URL] [--json] <manta|oneaccess|cloudbase> <list|bind|unbind> [flags]
//! ```
//!
//! Credentials come only from environment variables ([`env`](mod@env)), never from flags. Output is one
//! line per item or a one-line confirmation, or JSON with `--json`. Exit codes ([`Exit`]):
//! 0 success; 1 the provider refused, or its answer or key was unusable; 2 invalid input or
//! usage, or a credential variable missing or empty; 3 network or transport failure, or no
//! answer within `--timeout`.
//!
//! Nothing this crate prints contains a credential: each one read or received is redacted from
//! all output, including a provider's error body that echoes it back.

mod bulk;
pub mod cli;
mod cloudbase;
pub mod env;
mod error;
mod flags;
mod log;
mod manta;
mod oneaccess;
mod output;
mod runner;
mod save;

use std::ffi::OsString;
use std::io::Write;

use clap::Parser as _;
use clap::error::ErrorKind;
use serde_json::json;

pub use cli::Cli;
pub use env::Env;
pub use error::{CliError, Exit};
pub use output::Report;

use bulk::Console;
use cli::ProviderCommand;

/// Runs the CLI once: parses `args` (program name first), reads credentials and `RUST_LOG`
/// through `lookup`, writes to `stdout` and `stderr`, and returns the exit code.
///
/// A result that cannot be written to `stdout` (a full disk, a closed pipe) fails the command
/// with exit status 1, even when the action itself was done; the reason goes to `stderr` if
/// it can. Write failures on `stderr` itself are ignored: nothing is left to tell them to.
///
/// With `RUST_LOG` set (`unbind=debug` shows every retry), the facade's log goes to the
/// process's standard error, redacted like all other output.
pub fn run<I, T>(
    args: I,
    lookup: &dyn Fn(&str) -> Option<OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let json = wants_json(&args);
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => return clap_error(&error, &args, json, stdout, stderr),
    };
    let env = Env::new(lookup);
    let provider = cli.provider.provider().tag();
    let outcome = match (
        log::subscriber(lookup, &env),
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build(),
    ) {
        (Ok(subscriber), Ok(runtime)) => {
            let mut console = Console {
                json: cli.json,
                stderr: &mut *stderr,
            };
            let mut call = || runtime.block_on(dispatch(&cli, &env, &mut console));
            match subscriber {
                Some(subscriber) => tracing::subscriber::with_default(subscriber, call),
                None => call(),
            }
        }
        (Err(error), _) => Err(error),
        (_, Err(e)) => Err(CliError::Local(format!(
            "cannot start the async runtime: {e}"
        ))),
    };
    match outcome {
        Ok(report) => match render(&report, cli.json, &env, stdout, stderr) {
            Ok(()) => report.exit.into(),
            Err(e) => {
                let _ = writeln!(
                    stderr,
                    "unbind: could not write the result to standard output: {e}"
                );
                Exit::Refused.into()
            }
        },
        Err(error) => {
            let text = if cli.json {
                output::json_line(&error.to_json(Some(provider)))
            } else {
                format!("unbind: {error}")
            };
            let _ = writeln!(stderr, "{}", env.redact(&text));
            error.exit().into()
        }
    }
}

impl ProviderCommand {
    /// The bulk flags of an `unbind` command.
    pub fn bulk(&self) -> Option<&cli::BulkArgs> {
        match self {
            ProviderCommand::Manta {
                action: manta::MantaAction::Unbind { bulk, .. },
            }
            | ProviderCommand::OneAccess {
                action: oneaccess::OneAccessAction::Unbind { bulk, .. },
            }
            | ProviderCommand::CloudBase {
                action: cloudbase::CloudBaseAction::Unbind { bulk, .. },
            } => Some(bulk),
            _ => None,
        }
    }

    /// The provider the command talks to; its [`tag`](unbind::Provider::tag) is its name on
    /// the command line and in JSON output.
    pub fn provider(&self) -> unbind::Provider {
        match self {
            ProviderCommand::Manta { .. } => unbind::Provider::Manta,
            ProviderCommand::OneAccess { .. } => unbind::Provider::OneAccess,
            ProviderCommand::CloudBase { .. } => unbind::Provider::CloudBase,
        }
    }
}

async fn dispatch(cli: &Cli, env: &Env<'_>, console: &mut Console<'_>) -> Result<Report, CliError> {
    if let Some(flag) = cli.provider.bulk().and_then(cli::BulkArgs::stray) {
        return Err(CliError::Usage(format!("{flag} goes with --from FILE")));
    }
    let base_url = cli.base_url.as_deref();
    let call = cli.call_settings();
    let outcome = match &cli.provider {
        ProviderCommand::Manta { action } => manta::run(action, base_url, call, env, console).await,
        ProviderCommand::OneAccess { action } => {
            oneaccess::run(action, base_url, call, env, console).await
        }
        ProviderCommand::CloudBase { action } => {
            cloudbase::run(action, base_url, call, env, console).await
        }
    };
    outcome.map_err(|error| env.naming_variables(error, cli.provider.provider()))
}

/// Writes the report; fails when stdout does (the note on stderr is best effort).
fn render(
    report: &Report,
    json: bool,
    env: &Env<'_>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> std::io::Result<()> {
    if json {
        writeln!(stdout, "{}", env.redact(&output::json_line(&report.json)))?;
        if let Some(next) = &report.next {
            let next = output::json_line(&json!({ "next": next }));
            let _ = writeln!(stderr, "{}", env.redact(&next));
        }
    } else {
        for line in &report.lines {
            writeln!(stdout, "{}", env.redact(line))?;
        }
        if let Some(next) = &report.next {
            let note = format!(
                "unbind: more results: repeat with --next {}",
                output::show(&output::json_text(next))
            );
            let _ = writeln!(stderr, "{}", env.redact(&note));
        }
    }
    stdout.flush()
}

/// Whether `--json` is among the arguments (before `--`), for reporting clap's own errors.
fn wants_json(args: &[OsString]) -> bool {
    args.iter()
        .skip(1)
        .take_while(|arg| *arg != "--")
        .any(|arg| arg == "--json")
}

/// The most characters of one argument that a usage error repeats.
const ECHO_CHARS: usize = 64;

/// `text` with every long argument (or `--flag=value` value) of `args` that it repeats cut to
/// its first [`ECHO_CHARS`] characters: clap quotes a rejected value whole.
fn bound_echoes(text: &str, args: &[OsString]) -> String {
    let mut text = text.to_owned();
    for arg in args.iter().skip(1) {
        let arg = arg.to_string_lossy();
        let value = arg.split_once('=').map_or(&*arg, |(_, value)| value);
        for long in [&*arg, value] {
            if long.chars().count() > ECHO_CHARS && text.contains(long) {
                let prefix: String = long.chars().take(ECHO_CHARS).collect();
                let cut = format!("{prefix}… ({} bytes)", long.len());
                text = text.replace(long, &cut);
            }
        }
    }
    text
}

/// Help and version go to stdout with 0; usage errors to stderr with 2, as JSON with `--json`.
fn clap_error(
    error: &clap::Error,
    args: &[OsString],
    json: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let text = error.render().to_string();
    let code = u8::try_from(error.exit_code()).unwrap_or(Exit::Usage.into());
    let help = matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    );
    if help {
        let _ = write!(stdout, "{text}");
        let _ = stdout.flush();
        return code;
    }
    let text = bound_echoes(&text, args);
    if json {
        let message = text.trim().strip_prefix("error: ").unwrap_or(text.trim());
        let value = json!({"error": {
            "kind": "usage",
            "provider": null,
            "status": null,
            "code": null,
            "message": message,
        }});
        let _ = writeln!(stderr, "{value}");
    } else {
        let _ = write!(stderr, "{text}");
    }
    code
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    #[test]
    fn the_command_tree_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn each_provider_command_is_named_by_its_facade_tag() {
        let oneaccess = "oneaccess list --os-version a --device-fingerprint b --agent c \
                         --client-id d";
        for command in ["manta list --bot-id b", oneaccess, "cloudbase list"] {
            let argv = ["unbind"].into_iter().chain(command.split_whitespace());
            let cli = Cli::try_parse_from(argv).unwrap();
            assert_eq!(
                cli.provider.provider().tag(),
                command.split(' ').next().unwrap()
            );
        }
    }

    #[test]
    fn json_is_seen_before_the_separator_only() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert!(wants_json(&args(&["unbind", "manta", "--json"])));
        assert!(!wants_json(&args(&["unbind", "--", "--json"])));
        assert!(!wants_json(&args(&["--json"])));
    }

    #[test]
    fn a_usage_error_repeats_a_bounded_prefix_of_a_long_value() {
        let long = "9".repeat(100_000);
        let rate = ["cloudbase", "unbind", "--from", "f", "--rate", &long];
        for argv in [
            [&["unbind"][..], &rate].concat(),
            [&["unbind", "--json"][..], &rate].concat(),
            vec!["unbind", "cloudbase", &long],
        ] {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let code = run(argv.clone(), &|_| None, &mut out, &mut err);
            let err = String::from_utf8(err).unwrap();
            assert_eq!(code, 2, "{err}");
            assert!(err.len() < 2_000, "{} bytes: {}", err.len(), &err[..200]);
            assert!(err.contains("… (100000 bytes)"), "{err}");
        }
    }

    #[test]
    fn a_usage_error_with_json_is_json() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(
            ["unbind", "--json", "manta", "frobnicate"],
            &|_| None,
            &mut out,
            &mut err,
        );
        assert_eq!(code, 2);
        assert!(out.is_empty());
        let value: serde_json::Value = serde_json::from_slice(&err).unwrap();
        assert_eq!(value["error"]["kind"], "usage");
        assert!(
            value["error"]["message"]
                .as_str()
                .unwrap()
                .contains("frobnicate")
        );
    }
}

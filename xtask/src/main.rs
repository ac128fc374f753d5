//! `cargo xtask <command>`: see [`xtask::cli`] and, for the commands and their flags,
//! [`xtask::flags`].

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = xtask::cli::run(
        &xtask::workspace_root(),
        &args,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    ExitCode::from(code)
}

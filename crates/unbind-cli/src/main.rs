//! The `unbind` binary: everything is in the `unbind_cli` library.

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = unbind_cli::run(
        std::env::args_os(),
        &|name| std::env::var_os(name),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}

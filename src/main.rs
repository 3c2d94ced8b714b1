//! The `bhxh-plan` binary: parse the command line, run, map the outcome to an exit code.

use std::process::ExitCode;

use bhxh_plan::{app, cli::Cli};

fn main() -> ExitCode {
    let cli = Cli::parse_args();
    match app::run(cli) {
        Ok(code) => code,
        // A reader that stopped reading (`| head`) is not an error of ours.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: {error:#}");
            }
            ExitCode::from(app::exit::USAGE)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

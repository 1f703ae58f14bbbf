use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    gazette::cli::run(gazette::cli::Cli::parse())
}

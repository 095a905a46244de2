//! The `cvmatch` binary: parse arguments, run a subcommand, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use cvmatch::cli::{Cli, Command};
use cvmatch::commands;
use cvmatch::error::EXIT_FATAL;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Worker(_)) {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_env("CVMATCH_LOG")
                    .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
            )
            .init();
    }
    let result = match &cli.command {
        Command::Run(args) => commands::run::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Evaluate(args) => commands::evaluate::run(args),
        Command::Worker(args) => Ok(commands::worker::run(args)),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(error) => {
            eprintln!("cvmatch: {error}");
            ExitCode::from(EXIT_FATAL as u8)
        }
    }
}

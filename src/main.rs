//! The `cvmatch` binary: parse arguments, run a subcommand, map errors to exit codes.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use cvmatch::cli::{Cli, Command};
use cvmatch::commands;
use cvmatch::error::EXIT_FATAL;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Worker(_)) {
        return_large_blocks_to_the_system();
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            // Colour codes only for a person at a terminal, not in a nightly job's log file.
            .with_ansi(std::io::stderr().is_terminal())
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

/// Serves every allocation of 128 KiB or more with its own mapping, returned to the system when
/// freed. glibc starts at that threshold but raises it up to 32 MiB each time such a block is
/// freed; tantivy frees its 1 MiB arena pages at every commit, so after the first one they came
/// from the heap, where the holes they left kept a long run's memory growing. Extraction
/// workers keep glibc's rising threshold: they reuse their large buffers (inflated streams, page
/// texts) file after file from the heap instead of mapping and zeroing fresh pages each time
/// (5 % less CPU time for a run over the real résumés), and their memory has its own limit.
fn return_large_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const THRESHOLD_BYTES: libc::c_int = 128 * 1024;
        // SAFETY: mallopt only sets an allocator parameter; it is called before any thread
        // starts, and a refused setting (return value 0) leaves the default in place.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD_BYTES);
        }
    }
}

//! `cvmatch run`: the batch pipeline (see [`crate::app`]).

use crate::cli::RunArgs;
use crate::config::RunConfig;
use crate::error::{FatalError, EXIT_OK};

/// Validates the options, runs the pipeline and prints the one-line summary on stderr.
pub fn run(args: &RunArgs) -> Result<i32, FatalError> {
    let config = RunConfig::from_args(args)?;
    // --threads bounds every stage: the extraction workers and the scoring threads alike.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(config.scoring.pool.workers)
        .build_global();
    let summary = crate::app::run(&config)?;
    eprintln!("cvmatch: {summary} → {}", config.out.display());
    Ok(EXIT_OK)
}

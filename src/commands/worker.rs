//! `cvmatch worker` (hidden): the extraction worker process (see [`crate::extract::worker`]).

use crate::cli::WorkerArgs;

/// Serves extraction requests until stdin closes.
pub fn run(args: &WorkerArgs) -> i32 {
    crate::extract::worker::serve(args.max_memory)
}

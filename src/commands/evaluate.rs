//! `cvmatch evaluate`: ranking quality on a labelled evaluation set.

use crate::cli::EvaluateArgs;
use crate::error::FatalError;

/// Scores the labelled set and prints the quality figures.
pub fn run(args: &EvaluateArgs) -> Result<i32, FatalError> {
    Err(FatalError::Input {
        path: args.set.clone(),
        reason: "evaluation is not implemented yet".into(),
    })
}

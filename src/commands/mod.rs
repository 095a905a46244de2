//! One module per subcommand, each with a `run` function returning the process exit code.

pub mod evaluate;
pub mod explain;
pub mod run;
pub mod worker;

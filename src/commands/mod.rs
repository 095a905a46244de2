//! One module per subcommand, each with a `run` function returning the process exit code.

pub mod evaluate;
pub mod explain;
pub mod run;
pub mod worker;

/// Writes a command's report to stdout; a reader that closed the pipe early is not an error.
pub(crate) fn print(report: &str) -> Result<(), crate::error::FatalError> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(report.as_bytes()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(crate::error::FatalError::io("stdout", error))
        }
        _ => Ok(()),
    }
}

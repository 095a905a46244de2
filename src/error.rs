//! Fatal errors: the ones that stop a whole run (exit code 2). Problems with one document are
//! never errors here; they become a [`crate::status::Status`] on that document's row.

use std::path::PathBuf;

/// Exit code for a completed run, even when some files failed (they are rows).
pub const EXIT_OK: i32 = 0;
/// Exit code for a fatal error: bad profile, unreadable input, unwritable output.
pub const EXIT_FATAL: i32 = 2;

/// A reason to stop the run before or while producing the shortlist.
#[derive(Debug, thiserror::Error)]
pub enum FatalError {
    /// The profile file is invalid; the message names the line and the reason.
    #[error("{path}:{line}: {reason}")]
    Profile {
        /// The profile file.
        path: PathBuf,
        /// 1-based line of the offending key or value (0 when unknown).
        line: usize,
        /// What is wrong, in words a recruiter can act on.
        reason: String,
    },
    /// An I/O failure on a path the run cannot do without.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The input (folder or manifest) cannot be used.
    #[error("{path}: {reason}")]
    Input {
        /// The input path.
        path: PathBuf,
        /// Why it cannot be used.
        reason: String,
    },
    /// The search index failed (open, write, commit or query).
    #[error("index {path}: {reason}")]
    Index {
        /// The index folder.
        path: PathBuf,
        /// The tantivy error, as text.
        reason: String,
    },
    /// Another run holds the index lock.
    #[error("index {path} is locked by another run: {holder}")]
    Locked {
        /// The index folder.
        path: PathBuf,
        /// Who holds the lock (pid and start time).
        holder: String,
    },
}

impl FatalError {
    /// Wraps an I/O error with the path it happened on.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        FatalError::Io {
            path: path.into(),
            source,
        }
    }
}

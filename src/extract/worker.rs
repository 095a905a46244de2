//! The worker side of process isolation: `cvmatch worker` reads one JSON request per line on
//! stdin and answers with JSON lines on stdout. It caps its own address space first, so a memory
//! blow-up kills the worker (and is reported as `memory_limit`), never the run.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::extract::backend::{self, BackendKind};
use crate::extract::{ExtractLimits, Extraction};
use crate::status::Status;

/// One document to extract.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    /// The file to read (sent as raw bytes: file names need not be UTF-8).
    #[serde(with = "path_bytes")]
    pub path: PathBuf,
    /// Backends to try, in order.
    pub backends: Vec<BackendKind>,
    /// Bounds on the work.
    pub limits: ExtractLimits,
}

/// One line written back to the parent.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Reply {
    /// The worker is about to run this backend (so that the parent can skip it after a crash).
    Attempt(BackendKind),
    /// The final result for the current request.
    Done(Extraction),
}

/// Serves requests until stdin closes. Returns the process exit code.
pub fn serve(max_memory_mib: u64) -> i32 {
    die_with_parent();
    if let Err(error) = cap_address_space(max_memory_mib) {
        eprintln!("cvmatch worker: cannot cap memory: {error}");
    }
    // Panics are caught per backend and reported in the reply; keep stderr for fatal signals.
    std::panic::set_hook(Box::new(|_| {}));
    let stdin = io::stdin().lock();
    let mut stdout = reply_channel();
    for line in stdin.lines() {
        let Ok(line) = line else { return 1 };
        let request: Request = match serde_json::from_str(&line) {
            Ok(request) => request,
            Err(error) => {
                eprintln!("cvmatch worker: bad request: {error}");
                return 1;
            }
        };
        let extraction = match std::fs::read(&request.path) {
            Ok(bytes) => {
                backend::extract_with_fallback(&bytes, &request.backends, &request.limits, |kind| {
                    // A parent that stopped listening is gone: nothing useful is left to do.
                    if send(&mut stdout, &Reply::Attempt(kind)).is_err() {
                        std::process::exit(1);
                    }
                })
            }
            Err(error) => Extraction::failed(Status::IoError, error.to_string()),
        };
        if send(&mut stdout, &Reply::Done(extraction)).is_err() {
            return 1;
        }
    }
    0
}

/// The replies' own copy of stdout; fd 1 then points at stderr, so that a backend printing to
/// stdout cannot garble the protocol (its output lands in the last words the parent keeps).
fn reply_channel() -> Box<dyn Write> {
    use std::os::fd::FromRawFd;
    // SAFETY: dup/dup2 on the standard descriptors; the duplicate is owned by the File below.
    unsafe {
        let replies = libc::dup(libc::STDOUT_FILENO);
        if replies >= 0 && libc::dup2(libc::STDERR_FILENO, libc::STDOUT_FILENO) >= 0 {
            return Box::new(io::BufWriter::new(std::fs::File::from_raw_fd(replies)));
        }
    }
    Box::new(io::stdout())
}

/// Serde for paths as their raw bytes, so that a file name that is not UTF-8 still travels.
mod path_bytes {
    use std::ffi::OsString;
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    use std::path::{Path, PathBuf};

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
        path.as_os_str().as_bytes().serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<PathBuf, D::Error> {
        Ok(PathBuf::from(OsString::from_vec(Vec::<u8>::deserialize(
            deserializer,
        )?)))
    }
}

fn send(out: &mut impl Write, reply: &Reply) -> io::Result<()> {
    let line = serde_json::to_string(reply).map_err(io::Error::other)?;
    writeln!(out, "{line}")?;
    out.flush()
}

/// Limits this process's address space, so that allocation fails instead of exhausting the host.
fn cap_address_space(max_memory_mib: u64) -> io::Result<()> {
    let bytes = max_memory_mib.saturating_mul(1 << 20);
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit reads a fully initialised struct; it has no other memory effects.
    let result = unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Asks the kernel to kill this worker when its parent dies (a killed run leaves no orphans).
fn die_with_parent() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(PR_SET_PDEATHSIG) only sets a flag on the calling process.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
    }
}

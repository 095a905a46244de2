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
    /// The file to read.
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
    let mut stdout = io::stdout().lock();
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

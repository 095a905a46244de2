//! The parent side of process isolation: a pool of long-lived worker processes fed from a
//! queue. Each document gets a deadline; a worker that hangs is killed, one that dies is
//! replaced, and the document is retried with the backends that did not take the worker down.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};

use crate::extract::backend::BackendKind;
use crate::extract::worker::{Reply, Request};
use crate::extract::{ExtractLimits, Extraction};
use crate::status::Status;

/// How the pool starts and supervises its workers.
#[derive(Debug, Clone)]
pub struct PoolSettings {
    /// The cvmatch executable (re-invoked as `cvmatch worker`).
    pub executable: PathBuf,
    /// Number of worker processes.
    pub workers: usize,
    /// Wall-clock budget per document, all backends together.
    pub deadline: Duration,
    /// Address-space cap per worker, in MiB.
    pub max_memory_mib: u64,
    /// Backends to try, in order.
    pub backends: Vec<BackendKind>,
    /// Bounds passed to the worker.
    pub limits: ExtractLimits,
}

/// A document to extract; `id` is the caller's handle to match the result.
#[derive(Debug, Clone)]
pub struct Job {
    /// Caller's identifier, returned unchanged.
    pub id: usize,
    /// The PDF to read.
    pub path: PathBuf,
}

/// Extracts every job on `settings.workers` worker processes and sends each result to
/// `results` as soon as it is ready. Returns when every job has been answered.
pub fn extract_all(
    settings: &PoolSettings,
    jobs: impl IntoIterator<Item = Job>,
    results: &Sender<Extracted>,
) {
    let (job_sender, job_receiver) = crossbeam_channel::bounded::<Job>(settings.workers * 2);
    thread::scope(|scope| {
        for _ in 0..settings.workers.max(1) {
            let job_receiver = job_receiver.clone();
            scope.spawn(move || {
                let mut supervisor = Supervisor::new(settings);
                for job in job_receiver {
                    let started = Instant::now();
                    let extraction = supervisor.extract(&job.path);
                    let extracted = Extracted {
                        id: job.id,
                        extraction,
                        busy: started.elapsed(),
                    };
                    if results.send(extracted).is_err() {
                        return;
                    }
                }
            });
        }
        drop(job_receiver);
        for job in jobs {
            if job_sender.send(job).is_err() {
                break;
            }
        }
        drop(job_sender);
    });
}

/// One job's outcome.
pub struct Extracted {
    /// The job's id.
    pub id: usize,
    /// What came out.
    pub extraction: Extraction,
    /// How long the job held its worker (retries included).
    pub busy: Duration,
}

/// Owns at most one live worker process and replaces it when it dies or hangs.
struct Supervisor<'a> {
    settings: &'a PoolSettings,
    worker: Option<WorkerProcess>,
}

impl<'a> Supervisor<'a> {
    fn new(settings: &'a PoolSettings) -> Self {
        Supervisor {
            settings,
            worker: None,
        }
    }

    fn extract(&mut self, path: &std::path::Path) -> Extraction {
        let started = Instant::now();
        let mut backends = self.settings.backends.clone();
        let mut failure = Extraction::failed(Status::Unreadable, "no backend configured");
        while !backends.is_empty() {
            let remaining = self.settings.deadline.saturating_sub(started.elapsed());
            if remaining.is_zero() {
                break;
            }
            let request = Request {
                path: path.to_path_buf(),
                backends: backends.clone(),
                limits: self.settings.limits,
            };
            let (outcome, attempted) = self.attempt(&request, remaining);
            match outcome {
                Ok(extraction) => return extraction,
                Err(lost) => failure = lost,
            }
            // Retry only with the backends after the one that took the worker down.
            backends = match attempted {
                Some(kind) => backends
                    .iter()
                    .skip_while(|&&k| k != kind)
                    .skip(1)
                    .copied()
                    .collect(),
                None => Vec::new(),
            };
        }
        failure
    }

    /// Runs one request; on a lost worker returns the failure and the backend that was running.
    fn attempt(
        &mut self,
        request: &Request,
        budget: Duration,
    ) -> (Result<Extraction, Extraction>, Option<BackendKind>) {
        let worker = match self.live_worker() {
            Ok(worker) => worker,
            Err(error) => {
                return (
                    Err(Extraction::failed(
                        Status::Crashed,
                        format!("cannot start a worker: {error}"),
                    )),
                    None,
                )
            }
        };
        let started = Instant::now();
        let mut attempted = None;
        if worker.send(request).is_err() {
            return (Err(self.lost_worker(attempted)), attempted);
        }
        loop {
            let left = budget.saturating_sub(started.elapsed());
            let Some(worker) = self.worker.as_mut() else {
                return (
                    Err(Extraction::failed(Status::Crashed, "worker vanished")),
                    attempted,
                );
            };
            match worker.replies.recv_timeout(left) {
                Ok(Reply::Attempt(kind)) => attempted = Some(kind),
                Ok(Reply::Done(extraction)) => return (Ok(extraction), attempted),
                Err(RecvTimeoutError::Timeout) => {
                    self.kill_worker();
                    let backend = attempted.map_or("?", BackendKind::name);
                    let detail = format!(
                        "no result within {:.1} s ({backend})",
                        self.settings.deadline.as_secs_f64()
                    );
                    return (Err(Extraction::failed(Status::Timeout, detail)), attempted);
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return (Err(self.lost_worker(attempted)), attempted)
                }
            }
        }
    }

    fn live_worker(&mut self) -> std::io::Result<&mut WorkerProcess> {
        if self.worker.is_none() {
            self.worker = Some(WorkerProcess::spawn(self.settings)?);
        }
        Ok(self.worker.as_mut().expect("worker was just started"))
    }

    fn kill_worker(&mut self) {
        if let Some(mut worker) = self.worker.take() {
            let _ = worker.child.kill();
            let _ = worker.child.wait();
        }
    }

    /// The worker died on its own: reap it and say why, from its exit status and last words.
    fn lost_worker(&mut self, attempted: Option<BackendKind>) -> Extraction {
        let Some(mut worker) = self.worker.take() else {
            return Extraction::failed(Status::Crashed, "worker vanished");
        };
        let exit = worker.reap();
        // Give the stderr reader a moment to collect the last words.
        thread::sleep(Duration::from_millis(20));
        let last_words = worker.stderr_tail();
        let backend = attempted.map_or("?", BackendKind::name);
        // The flag, not the tail: a backtrace after the message can push it out of the tail.
        let status =
            if worker.out_of_memory.load(Ordering::SeqCst) || last_words.contains(OUT_OF_MEMORY) {
                Status::MemoryLimit
            } else {
                Status::Crashed
            };
        let detail = format!("{backend}: worker {exit}: {}", last_words.trim());
        Extraction::failed(status, detail.chars().take(300).collect::<String>())
    }
}

impl Drop for Supervisor<'_> {
    fn drop(&mut self) {
        if let Some(mut worker) = self.worker.take() {
            drop(worker.stdin);
            let _ = worker.child.wait();
        }
    }
}

/// A running `cvmatch worker` with a thread that parses its replies.
struct WorkerProcess {
    child: Child,
    /// None once closed (the worker then exits when idle).
    stdin: Option<ChildStdin>,
    replies: Receiver<Reply>,
    stderr: Arc<Mutex<VecDeque<u8>>>,
    /// The worker wrote Rust's allocation-failure message (it hit its address-space cap).
    out_of_memory: Arc<AtomicBool>,
}

const STDERR_TAIL_BYTES: usize = 2048;
/// What Rust's default allocation-error hook prints before aborting.
const OUT_OF_MEMORY: &str = "memory allocation of";

impl WorkerProcess {
    fn spawn(settings: &PoolSettings) -> std::io::Result<Self> {
        let mut child = Command::new(&settings.executable)
            .arg("worker")
            .arg("--max-memory")
            .arg(settings.max_memory_mib.to_string())
            // Last words stay one line: no backtrace after an allocation failure.
            .env("RUST_BACKTRACE", "0")
            .env_remove("RUST_LIB_BACKTRACE")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take().expect("stdin is piped");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut stderr_pipe = child.stderr.take().expect("stderr is piped");
        let (sender, replies) = crossbeam_channel::unbounded();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                // A stray line (a backend printing to stdout) is not a reply: skip it rather
                // than hang up on a worker that is still running.
                let Ok(reply) = serde_json::from_str::<Reply>(&line) else {
                    continue;
                };
                if sender.send(reply).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(VecDeque::with_capacity(STDERR_TAIL_BYTES)));
        let tail = Arc::clone(&stderr);
        let out_of_memory = Arc::new(AtomicBool::new(false));
        let saw_out_of_memory = Arc::clone(&out_of_memory);
        thread::spawn(move || {
            let mut chunk = [0u8; 512];
            while let Ok(read) = stderr_pipe.read(&mut chunk) {
                if read == 0 {
                    break;
                }
                let mut tail = tail.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                tail.extend(&chunk[..read]);
                if tail
                    .make_contiguous()
                    .windows(OUT_OF_MEMORY.len())
                    .any(|window| window == OUT_OF_MEMORY.as_bytes())
                {
                    saw_out_of_memory.store(true, Ordering::SeqCst);
                }
                let excess = tail.len().saturating_sub(STDERR_TAIL_BYTES);
                tail.drain(..excess);
            }
        });
        Ok(WorkerProcess {
            child,
            stdin: Some(stdin),
            replies,
            stderr,
            out_of_memory,
        })
    }

    fn send(&mut self, request: &Request) -> std::io::Result<()> {
        let line = serde_json::to_string(request).map_err(std::io::Error::other)?;
        let stdin = self
            .stdin
            .as_mut()
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::BrokenPipe))?;
        writeln!(stdin, "{line}")?;
        stdin.flush()
    }

    /// Waits for a worker that is gone or going. It is usually dead already (its replies
    /// stopped); if it is still alive (a request could not be sent, or its output was garbled)
    /// closing its stdin lets it exit, and a kill after a grace period makes sure the wait ends.
    fn reap(&mut self) -> String {
        self.stdin = None;
        let grace = Instant::now();
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => return status.to_string(),
                Ok(None) if grace.elapsed() < Duration::from_secs(2) => {
                    thread::sleep(Duration::from_millis(10))
                }
                Ok(None) => {
                    let _ = self.child.kill();
                    return self
                        .child
                        .wait()
                        .map(|status| status.to_string())
                        .unwrap_or_default();
                }
                Err(error) => return error.to_string(),
            }
        }
    }

    fn stderr_tail(&self) -> String {
        let tail = self
            .stderr
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let bytes: Vec<u8> = tail.iter().copied().collect();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

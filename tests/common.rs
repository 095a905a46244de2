//! Helpers shared by the integration tests: run the real binary, read the CSV it wrote.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

#[path = "common/pdf.rs"]
pub mod pdf;

/// The repository root (where `corpus/` and `profiles/` live).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/corpora`, when this checkout has it.
pub fn shared_corpora() -> Option<PathBuf> {
    let path = root().join("../shared/corpora");
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("skipping: {} is absent", path.display());
        None
    }
}

/// Runs `cvmatch run` on `input` writing into `work`, with extra arguments.
pub fn run(input: &Path, work: &Path, extra: &[&str]) -> Output {
    Command::from_std(run_command(input, work, extra))
        // A hung run (a deadlocked worker pool) fails the test instead of hanging it.
        .timeout(std::time::Duration::from_secs(300))
        .output()
        .unwrap()
}

/// The shortlist's rows as header → value maps.
pub fn rows(csv_path: &Path) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(csv_path).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            headers
                .iter()
                .map(String::from)
                .zip(record.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// Every regular file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| entry.into_path())
        .collect()
}

/// The `cvmatch` binary under test.
pub fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("cvmatch")
}

/// Runs `cvmatch run` like [`run`], asserts it succeeded, and returns its rows by file
/// (the CSV must be at `work/shortlist.csv`).
pub fn run_ok(
    input: &Path,
    work: &Path,
    extra: &[&str],
) -> HashMap<String, HashMap<String, String>> {
    run_succeeding(input, work, extra);
    rows_by_file(&work.join("shortlist.csv"))
}

/// Runs `cvmatch run`, which must succeed (its stderr is the failure message), and reads the
/// shortlist's rows in order (for inputs whose rows are told apart by candidate id).
pub fn run_ok_rows(input: &Path, work: &Path, extra: &[&str]) -> Vec<HashMap<String, String>> {
    run_succeeding(input, work, extra);
    rows(&work.join("shortlist.csv"))
}

fn run_succeeding(input: &Path, work: &Path, extra: &[&str]) {
    let output = run(input, work, extra);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The run manifest written next to `work/shortlist.csv`.
pub fn run_manifest(work: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(work.join("shortlist.csv.manifest.json")).unwrap())
        .unwrap()
}

/// A `std::process::Command` for `cvmatch run` (for tests that spawn, time or kill the run).
pub fn run_command(input: &Path, work: &Path, extra: &[&str]) -> std::process::Command {
    let mut command = std::process::Command::new(binary());
    command
        .current_dir(root())
        .arg("run")
        .arg("--input")
        .arg(input)
        .arg("--out")
        .arg(work.join("shortlist.csv"))
        .arg("--index")
        .arg(work.join("index"))
        .args(extra);
    command
}

/// How a spawned run ended and how much memory it used.
#[derive(Debug)]
pub struct Measured {
    /// Exit code (None: killed by a signal).
    pub code: Option<i32>,
    /// What it wrote on stderr.
    pub stderr: String,
    /// Peak RSS of the run's own process (VmHWM, sampled until it exits), in KiB.
    pub parent_peak_kib: u64,
    /// ru_maxrss from wait4: the largest of the run and its reaped workers, in KiB.
    pub max_rss_kib: u64,
}

/// Runs `command` to completion, sampling its own peak RSS and collecting wait4's rusage.
pub fn measure(mut command: std::process::Command) -> Measured {
    let stderr_file = tempfile::NamedTempFile::new().unwrap();
    command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(stderr_file.reopen().unwrap());
    let child = command.spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let mut parent_peak_kib = 0;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        if let Ok(text) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
            if let Some(kib) = text
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|value| {
                    value
                        .trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<u64>()
                        .ok()
                })
            {
                parent_peak_kib = parent_peak_kib.max(kib);
            }
        }
        // SAFETY: waits for our own child; status and usage are valid out-pointers.
        let reaped = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if reaped == pid {
            break;
        }
        assert!(
            reaped == 0,
            "wait4 failed: {}",
            std::io::Error::last_os_error()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::mem::forget(child);
    let code = if libc::WIFEXITED(status) {
        Some(libc::WEXITSTATUS(status))
    } else {
        None
    };
    Measured {
        code,
        stderr: std::fs::read_to_string(stderr_file.path()).unwrap_or_default(),
        parent_peak_kib,
        max_rss_kib: usage.ru_maxrss as u64,
    }
}

/// Rows keyed by the `file` column.
pub fn rows_by_file(csv_path: &Path) -> HashMap<String, HashMap<String, String>> {
    let rows = rows(csv_path);
    let count = rows.len();
    let by_file: HashMap<String, HashMap<String, String>> = rows
        .into_iter()
        .map(|row| (row["file"].clone(), row))
        .collect();
    assert_eq!(by_file.len(), count, "file names are unique in the CSV");
    by_file
}

/// Whether the tests run as root (permission-based cases cannot be tested then).
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

//! kill -9 at random moments never corrupts the index or the shortlist, and only one run at a
//! time may use an index (a second one fails fast naming the holder; a dead holder's lock is
//! taken over).

mod common;

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::pdf;

/// ~200 PDFs: the shipped corpus plus the real resumes (or generated CVs when ../shared is absent).
fn crash_corpus(dir: &Path) -> usize {
    let mut count = 0;
    for file in common::files_under(&common::root().join("corpus")) {
        if file.extension().is_some_and(|extension| extension == "pdf") {
            std::fs::copy(&file, dir.join(file.file_name().unwrap())).unwrap();
            count += 1;
        }
    }
    let shared = common::root().join("../shared/corpora/real-resumes");
    if shared.is_dir() {
        for file in common::files_under(&shared) {
            if count >= 200 {
                break;
            }
            if file.extension().is_some_and(|extension| extension == "pdf") {
                let name = file
                    .strip_prefix(&shared)
                    .unwrap()
                    .to_string_lossy()
                    .replace('/', "__");
                std::fs::copy(&file, dir.join(name)).unwrap();
                count += 1;
            }
        }
    } else {
        eprintln!("../shared/corpora/real-resumes is absent: generated CVs instead");
    }
    while count < 200 {
        let lines = [
            format!("Candidate {count}"),
            "Security engineer, SIEM and incident response".into(),
        ];
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        std::fs::write(
            dir.join(format!("generated-{count:03}.pdf")),
            pdf::text_pdf(&lines),
        )
        .unwrap();
        count += 1;
    }
    count
}

/// A small deterministic generator (no rand dependency): xorshift seeded by the clock.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
        eprintln!("crash test seed {seed}");
        Rng(seed | 1)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

fn spawn(input: &Path, work: &Path, extra: &[&str]) -> Child {
    common::run_command(input, work, extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn kill9(child: &mut Child) {
    // SAFETY: sends SIGKILL to our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGKILL) };
    child.wait().unwrap();
}

#[test]
fn kill_9_at_random_moments_then_a_clean_rerun_matches_a_clean_run() {
    let input = tempfile::tempdir().unwrap();
    let files = crash_corpus(input.path());
    let clean = tempfile::tempdir().unwrap();
    let clean_started = Instant::now();
    let output = common::run(input.path(), clean.path(), &[]);
    let clean_run = clean_started.elapsed();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = std::fs::read(clean.path().join("shortlist.csv")).unwrap();
    assert_eq!(
        common::rows(&clean.path().join("shortlist.csv")).len(),
        files
    );

    let work = tempfile::tempdir().unwrap();
    let mut rng = Rng::new();
    let started = Instant::now();
    let mut finished = 0;
    for kill in 0..20 {
        // Every other run starts over (--rebuild), so that kills keep landing mid-extraction
        // and mid-commit even once the index is complete.
        let extra: &[&str] = if kill % 2 == 0 { &["--rebuild"] } else { &[] };
        let mut child = spawn(input.path(), work.path(), extra);
        // From 50 ms to a little past a whole clean run, so that kills also land while the
        // index commits and while the CSV and manifest are written.
        let span = (clean_run.as_millis() as u64 * 11 / 10).max(2000);
        let delay = Duration::from_millis(50 + rng.below(span));
        std::thread::sleep(delay);
        match child.try_wait().unwrap() {
            Some(status) => {
                assert!(status.success(), "run {kill} failed on its own");
                finished += 1;
            }
            None => kill9(&mut child),
        }
        // Between kills, the output is either absent or a complete earlier shortlist.
        if let Ok(bytes) = std::fs::read(work.path().join("shortlist.csv")) {
            assert_eq!(
                bytes, expected,
                "after kill {kill}: a torn or different shortlist"
            );
        }
    }
    eprintln!(
        "20 kills in {:?} ({finished} runs finished first)",
        started.elapsed()
    );

    let output = common::run(input.path(), work.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv = std::fs::read(work.path().join("shortlist.csv")).unwrap();
    let rows = common::rows(&work.path().join("shortlist.csv"));
    assert_eq!(rows.len(), files, "one row per file");
    assert_eq!(
        csv, expected,
        "the recovered shortlist equals a clean run's"
    );
    // Each CV is in the index exactly once: nothing left to extract, and nothing duplicated
    // (a duplicate would change the scores or add rows).
    let output = common::run(input.path(), work.path(), &[]);
    assert!(output.status.success());
    assert_eq!(common::run_manifest(work.path())["extracted"], 0);
    assert_eq!(
        std::fs::read(work.path().join("shortlist.csv")).unwrap(),
        expected
    );
    let leftovers: Vec<String> = std::fs::read_dir(work.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            !["shortlist.csv", "shortlist.csv.manifest.json", "index"].contains(&name.as_str())
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left next to the CSV: {leftovers:?}"
    );
    let index_leftovers: Vec<String> = std::fs::read_dir(work.path().join("index"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".cvmatch-"))
        .collect();
    assert!(
        index_leftovers.is_empty(),
        "temporary files left in the index folder: {index_leftovers:?}"
    );
}

#[test]
fn temporary_files_a_killed_run_left_are_removed_by_the_next_run() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("cv.pdf"),
        pdf::text_pdf(&["Alice Martin", "Security analyst, incident response"]),
    )
    .unwrap();
    let work = tempfile::tempdir().unwrap();
    let index = work.path().join("index");
    std::fs::create_dir(&index).unwrap();
    // What a kill -9 leaves while the CSV (next to it) and the result store (in the index
    // folder) are being written.
    std::fs::write(work.path().join(".cvmatch-Ab12Cd.tmp"), "half a shortlist").unwrap();
    std::fs::write(index.join(".cvmatch-results-Ef34Gh"), "half a store").unwrap();

    let output = common::run(input.path(), work.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!work.path().join(".cvmatch-Ab12Cd.tmp").exists());
    assert!(!index.join(".cvmatch-results-Ef34Gh").exists());
    assert_eq!(common::rows(&work.path().join("shortlist.csv")).len(), 1);
}

#[test]
fn a_second_run_on_a_locked_index_fails_fast_and_a_dead_holder_is_taken_over() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    // A slow file keeps the first run busy (and holding the lock) for a while.
    std::fs::write(input.path().join("slow.pdf"), pdf::slow(200, 1_000_000)).unwrap();
    std::fs::write(
        input.path().join("cv.pdf"),
        pdf::text_pdf(&["Alice Martin", "Security analyst, incident response"]),
    )
    .unwrap();
    let mut first = spawn(
        input.path(),
        work.path(),
        &["--timeout", "60", "--threads", "1"],
    );
    let lock = work.path().join("index/cvmatch.lock");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !std::fs::read_to_string(&lock)
        .is_ok_and(|holder| holder.contains(&format!("pid {}", first.id())))
    {
        assert!(
            Instant::now() < deadline,
            "the first run never took the lock"
        );
        assert!(
            first.try_wait().unwrap().is_none(),
            "the first run ended too early"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    let other_out = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let output = std::process::Command::new(common::binary())
        .current_dir(common::root())
        .args(["run", "--input"])
        .arg(input.path())
        .arg("--out")
        .arg(other_out.path().join("shortlist.csv"))
        .arg("--index")
        .arg(work.path().join("index"))
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        elapsed < Duration::from_secs(5),
        "did not fail fast: {elapsed:?}"
    );
    assert!(stderr.contains("locked"), "{stderr}");
    assert!(
        stderr.contains(&format!("pid {}", first.id())),
        "names the holder's pid: {stderr}"
    );
    assert!(
        stderr.contains("started 20"),
        "names the holder's start time: {stderr}"
    );
    assert!(
        !other_out.path().join("shortlist.csv").exists(),
        "no CSV from a refused run"
    );
    assert!(
        first.try_wait().unwrap().is_none(),
        "the holder is still running"
    );

    kill9(&mut first);
    let output = common::run(input.path(), work.path(), &["--timeout", "1"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the stale lock is taken over: {stderr}"
    );
    let holder = std::fs::read_to_string(&lock).unwrap();
    assert!(
        !holder.contains(&format!("pid {} ", first.id())),
        "the lock names the new holder: {holder}"
    );
    let rows = common::rows_by_file(&work.path().join("shortlist.csv"));
    assert_eq!(rows["cv.pdf"]["status"], "ok");
    assert_eq!(rows["slow.pdf"]["status"], "timeout");
}

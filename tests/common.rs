//! Helpers shared by the integration tests: run the real binary, read the CSV it wrote.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

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
    Command::cargo_bin("cvmatch")
        .unwrap()
        .current_dir(root())
        .arg("run")
        .arg("--input")
        .arg(input)
        .arg("--out")
        .arg(work.join("shortlist.csv"))
        .arg("--index")
        .arg(work.join("index"))
        .args(extra)
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
            headers.iter().map(String::from).zip(record.iter().map(String::from)).collect()
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

//! The run manifest: what ran, on what, with which profile, and how long each stage took.
//! Written next to the CSV (`<out>.manifest.json`) for audits (EU AI Act: every run logged and
//! reproducible) and nightly monitoring.

use crate::content_hash::ContentHash;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Row;
use crate::atomic;
use crate::error::FatalError;

/// The manifest's content. It borrows the run's inputs rather than copying every key and hash.
#[derive(Debug, Serialize)]
pub struct RunManifest<'a> {
    /// cvmatch version.
    pub tool_version: &'static str,
    /// When the run started (UTC, RFC 3339).
    pub started_at: String,
    /// The input folder or manifest.
    pub input: PathBuf,
    /// Where the profile came from.
    pub profile: String,
    /// SHA-256 of the profile text.
    pub profile_sha256: String,
    /// Extraction worker processes.
    pub threads: usize,
    /// Number of input files (= CSV rows).
    pub files: usize,
    /// Rows per status.
    pub statuses: BTreeMap<String, usize>,
    /// Files extracted in this run (the rest came unchanged from the index).
    pub extracted: usize,
    /// Wall time per stage, in seconds.
    pub stage_seconds: BTreeMap<String, f64>,
    /// Time in each overlapping stage (extract, language, index, score, encode, store), summed over
    /// threads, in seconds: where the machine's time went.
    pub busy_seconds: BTreeMap<String, f64>,
    /// Key → SHA-256 of every input that could be read.
    pub inputs: BTreeMap<&'a str, ContentHash>,
    /// Notes about entries that were not inputs (loops, unreadable folders).
    pub notes: &'a [String],
}

impl RunManifest<'_> {
    /// Counts rows per status.
    pub fn count_statuses(rows: &[Row]) -> BTreeMap<String, usize> {
        let mut statuses = BTreeMap::new();
        for row in rows {
            *statuses.entry(row.status.as_str().to_string()).or_insert(0) += 1;
        }
        statuses
    }

    /// Where the manifest of a shortlist goes.
    pub fn path_for(csv: &Path) -> PathBuf {
        let mut name = csv
            .file_name()
            .map(|name| name.to_os_string())
            .unwrap_or_default();
        name.push(".manifest.json");
        csv.with_file_name(name)
    }

    /// Writes the manifest atomically.
    pub fn write(&self, path: &Path) -> Result<(), FatalError> {
        atomic::write(path, |out| {
            serde_json::to_writer_pretty(&mut *out, self).map_err(std::io::Error::other)?;
            writeln!(out)
        })
    }
}

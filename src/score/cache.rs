//! Results of earlier runs, kept next to the index (`scores.json`), so that a nightly rerun
//! scores only what changed: a result is reused when the CV's bytes, its reference date, the
//! profile and the tool version are all the same as when it was computed.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::CvScore;
use crate::error::FatalError;
use crate::report::atomic;
use crate::status::Status;

/// The cache file inside the index folder.
pub const FILE_NAME: &str = "scores.json";

/// What a run produced for one CV.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedResult {
    /// SHA-256 of the file the result is for.
    pub sha256: String,
    /// The date "present" meant.
    pub reference: NaiveDate,
    /// Extraction status.
    pub status: Status,
    /// Failure detail or extraction note.
    pub detail: String,
    /// ISO 639-1 code, when detected.
    pub language: Option<String>,
    /// The score, for `ok` CVs.
    pub score: Option<CvScore>,
}

/// All cached results of one profile.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ScoreCache {
    tool_version: String,
    profile_sha256: String,
    entries: HashMap<String, CachedResult>,
}

impl ScoreCache {
    /// The cache in `index_dir` for this profile; empty when absent, unreadable, or written for
    /// another profile or tool version.
    pub fn load(index_dir: &Path, profile_sha256: &str) -> ScoreCache {
        let Ok(bytes) = std::fs::read(index_dir.join(FILE_NAME)) else {
            return ScoreCache::default();
        };
        match serde_json::from_slice::<ScoreCache>(&bytes) {
            Ok(cache)
                if cache.profile_sha256 == profile_sha256
                    && cache.tool_version == env!("CARGO_PKG_VERSION") =>
            {
                cache
            }
            _ => ScoreCache::default(),
        }
    }

    /// The cached result for `key`, if it was computed for these bytes and this reference date.
    pub fn lookup(&self, key: &str, sha256: &str, reference: NaiveDate) -> Option<&CachedResult> {
        self.entries
            .get(key)
            .filter(|cached| cached.sha256 == sha256 && cached.reference == reference)
    }

    /// Number of cached results.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Replaces the cache in `index_dir` with `entries` (atomically, owner-only).
    pub fn save(
        index_dir: &Path,
        profile_sha256: &str,
        entries: HashMap<String, CachedResult>,
    ) -> Result<(), FatalError> {
        let cache = ScoreCache {
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            profile_sha256: profile_sha256.to_string(),
            entries,
        };
        atomic::write(&index_dir.join(FILE_NAME), |out| {
            serde_json::to_writer(out, &cache).map_err(std::io::Error::other)
        })
    }

    /// Deletes the cache (for `--rebuild`).
    pub fn forget(index_dir: &Path) -> Result<(), FatalError> {
        match std::fs::remove_file(index_dir.join(FILE_NAME)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                Err(FatalError::io(index_dir.join(FILE_NAME), error))
            }
            _ => Ok(()),
        }
    }
}

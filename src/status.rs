//! The outcome of processing one input file: every file ends as exactly one CSV row with one of these.

use serde::{Deserialize, Serialize};

/// Why a row has (or lacks) a score. `Ok` rows are ranked; every other status is a listed failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Text was extracted and scored.
    Ok,
    /// A PDF without a text layer (a scan, an image).
    NoText,
    /// The PDF needs a password.
    Encrypted,
    /// The file claims to be a PDF but could not be parsed.
    Unreadable,
    /// The file has zero bytes.
    Empty,
    /// The file is not a PDF (by its magic bytes, whatever its name).
    NotPdf,
    /// The file is larger than the configured size limit.
    TooLarge,
    /// Extraction ran past the per-document deadline.
    Timeout,
    /// Extraction hit the per-worker memory cap.
    MemoryLimit,
    /// The extraction worker died (panic that escaped, abort, stack overflow, signal), or the
    /// analysis of the extracted text panicked.
    Crashed,
    /// Byte-identical to an earlier file of the same run.
    Duplicate,
    /// A manifest row names a file that does not exist.
    MissingFile,
    /// The file could not be read (permissions, vanished mid-run, I/O error).
    IoError,
}

impl Status {
    /// The stable lowercase name used in the CSV and the run manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::NoText => "no_text",
            Status::Encrypted => "encrypted",
            Status::Unreadable => "unreadable",
            Status::Empty => "empty",
            Status::NotPdf => "not_pdf",
            Status::TooLarge => "too_large",
            Status::Timeout => "timeout",
            Status::MemoryLimit => "memory_limit",
            Status::Crashed => "crashed",
            Status::Duplicate => "duplicate",
            Status::MissingFile => "missing_file",
            Status::IoError => "io_error",
        }
    }

    /// Parses the name written by [`Status::as_str`] (used when reading statuses back from the index).
    pub fn parse(name: &str) -> Option<Status> {
        ALL.iter().copied().find(|status| status.as_str() == name)
    }
}

const ALL: [Status; 13] = [
    Status::Ok,
    Status::NoText,
    Status::Encrypted,
    Status::Unreadable,
    Status::Empty,
    Status::NotPdf,
    Status::TooLarge,
    Status::Timeout,
    Status::MemoryLimit,
    Status::Crashed,
    Status::Duplicate,
    Status::MissingFile,
    Status::IoError,
];

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for status in ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Status::parse("nonsense"), None);
    }
}

//! Report stage: the shortlist rows, written as CSV (atomically, spreadsheet-safe), and the
//! run manifest (JSON) that nightly monitoring and audits read.

pub mod csv_export;
pub mod manifest;

use crate::ingest::Input;
use crate::lang::EuLanguage;
use crate::status::Status;
use crate::store::Headline;

/// One line of the shortlist: exactly one per input file. It borrows its input, so that a run
/// over tens of thousands of files holds each name once.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The input as named.
    pub input: Input<'a>,
    /// Its status.
    pub status: Status,
    /// Failure detail, duplicate origin or extraction note.
    pub detail: String,
    /// Detected language.
    pub language: Option<EuLanguage>,
    /// Rank among scored CVs (None for failures).
    pub rank: Option<usize>,
    /// Score and eligibility (None for failures); the explanation stays in the result store.
    pub headline: Option<Headline>,
}

//! Extract stage: PDF bytes → visible text per page, with a status per file.
//!
//! Parsing untrusted PDFs can panic, abort, overflow the stack, loop or allocate without
//! bound, so the parent never parses a PDF itself: [`pool::extract_all`] feeds documents to
//! worker processes (`cvmatch worker`), each capped in memory and watched by a deadline. Inside
//! a worker, [`backend`] tries the configured backends in order and falls back when one fails
//! or returns garbage ([`quality`]).

pub mod backend;
pub mod pool;
pub mod quality;
pub mod walker;
pub mod worker;

use serde::{Deserialize, Serialize};

use crate::status::Status;

/// Bounds on the work one document may cause inside a worker.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct ExtractLimits {
    /// Pages read; later pages are ignored and the result flagged truncated.
    pub max_pages: usize,
    /// Characters kept; the rest is dropped and the result flagged truncated.
    pub max_chars: usize,
    /// Bound on one page's inflated content streams, against decompression bombs.
    pub max_decompressed_bytes: usize,
}

impl Default for ExtractLimits {
    fn default() -> Self {
        ExtractLimits {
            max_pages: 200,
            max_chars: 1_000_000,
            max_decompressed_bytes: 64 << 20,
        }
    }
}

/// The text of one page, already NFKC-normalised.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Page {
    /// Text a reader can see, in content-stream order with line breaks.
    pub text: String,
    /// Characters drawn invisibly (white, render mode 3, tiny, off the page): never evidence.
    pub hidden_chars: usize,
}

/// What extraction produced for one document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Extraction {
    /// `Ok` or the reason no usable text came out.
    pub status: Status,
    /// Human-readable detail for failures (the parser's message, the signal, the limit hit).
    pub detail: String,
    /// Pages of text (empty unless the status is `Ok`).
    pub pages: Vec<Page>,
    /// A sample of the invisible text, for the report.
    pub hidden_sample: String,
    /// A page or character limit cut the text short.
    pub truncated: bool,
    /// Name of the backend whose text was kept (empty on failure).
    pub backend: String,
}

impl Extraction {
    /// A failed extraction with its status and reason.
    pub fn failed(status: Status, detail: impl Into<String>) -> Self {
        Extraction {
            status,
            detail: detail.into(),
            pages: Vec::new(),
            hidden_sample: String::new(),
            truncated: false,
            backend: String::new(),
        }
    }
}

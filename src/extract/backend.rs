//! Extraction backends behind one small trait, and the fallback chain that tries them in order.
//!
//! Measured on `../shared/corpora` (see README): the `walker` (our content-stream interpreter on
//! lopdf primitives) is the default because it keeps word spacing from glyph positions, reads
//! `'`/`"` text and form XObjects, and separates invisible text; `pdf-extract` is the fallback;
//! plain `lopdf` text extraction is available for comparison.

use std::panic::{self, AssertUnwindSafe};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::extract::quality::{self, Verdict};
use crate::extract::walker::{self, WalkLimits};
use crate::extract::{ExtractLimits, Extraction, Page};
use crate::status::Status;

/// Which extractor to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BackendKind {
    /// Our position-aware content walker on lopdf (hidden-text aware).
    Walker,
    /// The `pdf-extract` crate.
    PdfExtract,
    /// lopdf's own `Document::extract_text`.
    Lopdf,
}

impl BackendKind {
    /// The name used on the command line and in the CSV.
    pub fn name(self) -> &'static str {
        match self {
            BackendKind::Walker => "walker",
            BackendKind::PdfExtract => "pdf-extract",
            BackendKind::Lopdf => "lopdf",
        }
    }

    /// Parses a name written by [`BackendKind::name`].
    pub fn parse(name: &str) -> Option<BackendKind> {
        [
            BackendKind::Walker,
            BackendKind::PdfExtract,
            BackendKind::Lopdf,
        ]
        .into_iter()
        .find(|kind| kind.name() == name.trim())
    }

    fn backend(self) -> &'static dyn Backend {
        match self {
            BackendKind::Walker => &WalkerBackend,
            BackendKind::PdfExtract => &PdfExtractBackend,
            BackendKind::Lopdf => &LopdfBackend,
        }
    }
}

/// Text as one backend produced it.
#[derive(Debug, Clone, Default)]
pub struct BackendText {
    /// Pages, normalised.
    pub pages: Vec<Page>,
    /// A sample of invisible text (only the walker can see it).
    pub hidden_sample: String,
    /// A limit cut the text short.
    pub truncated: bool,
}

/// Why a backend produced no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendError {
    /// The document needs a user password.
    Encrypted,
    /// The document could not be parsed.
    Unreadable(String),
}

/// One way of turning PDF bytes into pages of text.
pub trait Backend: Sync {
    /// Extracts the pages of `bytes`, honouring `limits` where the backend can.
    fn extract(&self, bytes: &[u8], limits: &ExtractLimits) -> Result<BackendText, BackendError>;
}

/// The default backend: [`walker::walk_document`] over a lopdf document.
pub struct WalkerBackend;

impl Backend for WalkerBackend {
    fn extract(&self, bytes: &[u8], limits: &ExtractLimits) -> Result<BackendText, BackendError> {
        let document = load_lopdf(bytes)?;
        let walk_limits = WalkLimits {
            max_pages: limits.max_pages,
            max_chars: limits.max_chars,
            max_decompressed_bytes: limits.max_decompressed_bytes,
            max_form_depth: 8,
            max_operations: 2_000_000,
        };
        let walked = walker::walk_document(&document, &walk_limits)
            .map_err(|error| BackendError::Unreadable(error.to_string()))?;
        let hidden_sample = walked
            .pages
            .iter()
            .map(|page| page.hidden_sample.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let pages = walked
            .pages
            .into_iter()
            .map(|page| Page {
                text: page.visible,
                hidden_chars: page.hidden_chars,
            })
            .collect();
        Ok(BackendText {
            pages,
            hidden_sample: hidden_sample.chars().take(200).collect(),
            truncated: walked.truncated,
        })
    }
}

/// The `pdf-extract` crate, page by page.
pub struct PdfExtractBackend;

impl Backend for PdfExtractBackend {
    fn extract(&self, bytes: &[u8], limits: &ExtractLimits) -> Result<BackendText, BackendError> {
        // pdf-extract reports a missing password as an ordinary error: ask lopdf first.
        load_lopdf(bytes)?;
        let pages = pdf_extract::extract_text_from_mem_by_pages(bytes)
            .map_err(|error| BackendError::Unreadable(error.to_string()))?;
        Ok(bounded_text(pages, limits))
    }
}

/// lopdf's own text extraction, page by page.
pub struct LopdfBackend;

impl Backend for LopdfBackend {
    fn extract(&self, bytes: &[u8], limits: &ExtractLimits) -> Result<BackendText, BackendError> {
        let document = load_lopdf(bytes)?;
        let mut seen = std::collections::HashSet::new();
        let page_numbers: Vec<u32> = document
            .get_pages()
            .into_iter()
            .filter(|(_, id)| seen.insert(*id))
            .map(|(number, _)| number)
            .collect();
        let pages = page_numbers
            .iter()
            .take(limits.max_pages)
            .map(|&number| {
                document
                    .extract_text_with_limit(&[number], limits.max_decompressed_bytes)
                    .unwrap_or_default()
            })
            .collect();
        let mut text = bounded_text(pages, limits);
        text.truncated |= page_numbers.len() > limits.max_pages;
        Ok(text)
    }
}

fn load_lopdf(bytes: &[u8]) -> Result<lopdf::Document, BackendError> {
    let document = lopdf::Document::load_mem(bytes).map_err(|error| match error {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => BackendError::Encrypted,
        other => BackendError::Unreadable(other.to_string()),
    })?;
    // lopdf decrypts files whose user password is empty; the rest stay encrypted.
    if document.is_encrypted() && !document.was_encrypted() {
        return Err(BackendError::Encrypted);
    }
    // No page at all is a broken page tree (or catalog), not a scan without a text layer.
    if document.page_iter().next().is_none() {
        return Err(BackendError::Unreadable(
            "no pages found (missing or broken page tree)".into(),
        ));
    }
    Ok(document)
}

/// Normalises and bounds the page texts of backends that cannot bound themselves.
fn bounded_text(raw_pages: Vec<String>, limits: &ExtractLimits) -> BackendText {
    let mut truncated = raw_pages.len() > limits.max_pages;
    let mut budget = limits.max_chars;
    let mut pages = Vec::new();
    for raw in raw_pages.into_iter().take(limits.max_pages) {
        let mut text = normalise(&raw);
        if text.chars().count() > budget {
            text = text.chars().take(budget).collect();
            truncated = true;
        }
        budget -= text.chars().count();
        pages.push(Page {
            text,
            hidden_chars: 0,
        });
        if budget == 0 {
            break;
        }
    }
    BackendText {
        pages,
        hidden_sample: String::new(),
        truncated,
    }
}

/// NFKC (ligatures ﬁ → fi, full-width forms) and no control characters but newlines.
pub fn normalise(text: &str) -> String {
    text.nfkc()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

/// Runs `backends` in order on `bytes` and keeps the first good text.
///
/// `on_attempt` is called before each backend runs, so that a supervising process knows which
/// backend to skip if this one takes the whole process down.
pub fn extract_with_fallback(
    bytes: &[u8],
    backends: &[BackendKind],
    limits: &ExtractLimits,
    mut on_attempt: impl FnMut(BackendKind),
) -> Extraction {
    // The weakest acceptable outcome so far, and whether an earlier backend had failed to parse
    // the file by then (a later backend that silently skips what it cannot parse is no proof
    // that the file has no text layer).
    let mut best_weak: Option<(Verdict, BackendKind, BackendText, bool)> = None;
    let mut errors = Vec::new();
    for &kind in backends {
        on_attempt(kind);
        let outcome =
            panic::catch_unwind(AssertUnwindSafe(|| kind.backend().extract(bytes, limits)));
        match outcome {
            Ok(Ok(text)) => match quality::judge(&text.pages) {
                Verdict::Good => return accepted(kind, text, ""),
                verdict => {
                    let better = match &best_weak {
                        None => true,
                        Some((held, _, _, _)) => {
                            *held == Verdict::NoText && verdict == Verdict::Garbage
                        }
                    };
                    if better {
                        best_weak = Some((verdict, kind, text, !errors.is_empty()));
                    }
                }
            },
            Ok(Err(BackendError::Encrypted)) => {
                return Extraction::failed(Status::Encrypted, "a user password is required")
            }
            Ok(Err(BackendError::Unreadable(reason))) => {
                errors.push(format!("{}: {reason}", kind.name()))
            }
            Err(payload) => errors.push(format!(
                "{}: panicked: {}",
                kind.name(),
                panic_message(&payload)
            )),
        }
    }
    match best_weak {
        Some((Verdict::Garbage, kind, text, _)) => {
            accepted(kind, text, "low-quality text (every backend)")
        }
        Some((_, kind, _, true)) => Extraction::failed(
            Status::Unreadable,
            format!(
                "{}; {} found next to no text",
                errors.join("; "),
                kind.name()
            ),
        ),
        Some((_, kind, _, false)) => Extraction::failed(
            Status::NoText,
            format!("no text layer ({} found next to none)", kind.name()),
        ),
        None => Extraction::failed(Status::Unreadable, errors.join("; ")),
    }
}

fn accepted(kind: BackendKind, text: BackendText, detail: &str) -> Extraction {
    Extraction {
        status: Status::Ok,
        detail: detail.to_string(),
        pages: text.pages,
        hidden_sample: text.hidden_sample,
        truncated: text.truncated,
        backend: kind.name().to_string(),
    }
}

/// The message carried by a panic payload, when it is a string.
pub fn panic_message(payload: &Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_expands_ligatures_and_drops_controls() {
        assert_eq!(normalise("\u{FB01}rewall\u{0}\u{7} ok\n"), "firewall ok\n");
    }

    #[test]
    fn backend_names_round_trip() {
        for kind in [
            BackendKind::Walker,
            BackendKind::PdfExtract,
            BackendKind::Lopdf,
        ] {
            assert_eq!(BackendKind::parse(kind.name()), Some(kind));
        }
    }

    #[test]
    fn garbage_bytes_are_unreadable_not_a_panic() {
        let all = [
            BackendKind::Walker,
            BackendKind::PdfExtract,
            BackendKind::Lopdf,
        ];
        let result = extract_with_fallback(
            b"%PDF-1.4\n garbage",
            &all,
            &ExtractLimits::default(),
            |_| {},
        );
        assert_eq!(result.status, Status::Unreadable);
        assert!(result.detail.contains("walker"), "{}", result.detail);
    }
}

//! PDF text extraction by walking page content streams on lopdf primitives.
//!
//! `lopdf::Document::extract_text` ignores glyph positions and form XObjects, and
//! `pdf-extract` panics or aborts on hostile files. This walker interprets the
//! content stream itself (graphics state, text state, form XObjects), derives
//! spaces and line breaks from glyph positions and widths, and separates text a
//! reader cannot see (keyword stuffing) from visible text.
//!
//! Everything here is bounded by [`WalkLimits`]: page count, output size,
//! decompressed bytes, form nesting depth and operations per page. No input may
//! make it panic or recurse without bound.

mod content;
mod fonts;
mod interp;
#[cfg(test)]
mod tests;

use lopdf::{Document, Object, ObjectId};
use unicode_normalization::UnicodeNormalization;

/// Limits that keep one hostile document from using unbounded time or memory inside the walker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkLimits {
    /// Pages walked at most; further pages are skipped and `truncated` is set.
    pub max_pages: usize,
    /// Characters (visible plus hidden) kept at most over the whole document.
    pub max_chars: usize,
    /// Bytes one page may decompress to: its content streams plus the form XObjects it draws.
    pub max_decompressed_bytes: usize,
    /// How deeply form XObjects may nest (capped internally at 64).
    pub max_form_depth: usize,
    /// Content-stream operations interpreted per page, forms included.
    pub max_operations: usize,
}

impl Default for WalkLimits {
    fn default() -> Self {
        WalkLimits {
            max_pages: 200,
            max_chars: 2_000_000,
            max_decompressed_bytes: 64 * 1024 * 1024,
            max_form_depth: 8,
            max_operations: 2_000_000,
        }
    }
}

/// Text of one page, split by visibility.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageText {
    /// Text a reader sees, in content-stream order, one line per baseline.
    pub visible: String,
    /// Non-whitespace characters drawn invisibly (white, render mode 3/7, transparent, < 2 pt, off-page).
    pub hidden_chars: usize,
    /// The first ~200 characters of the hidden text, for the screening report.
    pub hidden_sample: String,
}

/// Result for a whole document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkedDocument {
    /// One entry per walked page, in page order.
    pub pages: Vec<PageText>,
    /// A limit was hit (pages, characters or operations per page), so some text is missing.
    pub truncated: bool,
}

/// Hidden characters kept in [`PageText::hidden_sample`].
const HIDDEN_SAMPLE_CHARS: usize = 200;
/// The deepest form nesting honoured whatever the caller asks for, so recursion stays shallow.
const FORM_DEPTH_CAP: usize = 64;

/// Extract visible text and hidden-text statistics from every page of `doc`.
///
/// A page that cannot be read yields an empty [`PageText`]; the call fails only
/// when every page failed, with the first page's error.
pub fn walk_document(doc: &Document, limits: &WalkLimits) -> Result<WalkedDocument, lopdf::Error> {
    // A page tree that contains itself lists the same pages again and again: walk each once,
    // so that a loop cannot multiply a CV's keywords.
    let mut seen = std::collections::HashSet::new();
    let pages: Vec<ObjectId> = doc
        .get_pages()
        .into_values()
        .filter(|id| seen.insert(*id))
        .collect();
    let mut out = WalkedDocument::default();
    let mut chars_left = limits.max_chars;
    let mut first_error = None;
    let mut failed = 0usize;
    let walked = pages.len().min(limits.max_pages);
    if pages.len() > limits.max_pages {
        out.truncated = true;
    }
    for &page_id in pages.iter().take(walked) {
        if chars_left == 0 {
            out.truncated = true;
            break;
        }
        match interp::walk_page(doc, page_id, limits, chars_left) {
            Ok(page) => {
                chars_left = chars_left.saturating_sub(page.chars_used);
                out.truncated |= page.truncated;
                out.pages.push(page.text);
            }
            Err(err) => {
                failed += 1;
                first_error.get_or_insert(err);
                out.pages.push(PageText::default());
            }
        }
    }
    if failed > 0 && failed == out.pages.len() {
        if let Some(err) = first_error {
            return Err(err);
        }
    }
    Ok(out)
}

/// Follow references (bounded by lopdf) to the object they name.
fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// A number operand or dictionary value as a finite `f32`.
fn num(obj: &Object) -> Option<f32> {
    obj.as_float().ok().filter(|v| v.is_finite())
}

/// Where a glyph run landed in device space, kept to decide spaces and newlines.
#[derive(Debug, Clone, Copy)]
struct RunGeom {
    start: (f32, f32),
    end: (f32, f32),
    /// Unit vector of the baseline direction.
    dir: (f32, f32),
    /// Effective (device) font size.
    size: f32,
}

/// Accumulates laid-out text for one visibility class of one page.
#[derive(Default)]
struct Sink {
    text: String,
    last: Option<RunGeom>,
    /// Characters pushed, as counted against the character limit.
    chars: usize,
    /// Separator owed from runs that advanced without producing text (unmapped glyphs).
    pending: Option<char>,
    /// Text of the last run, to drop fake-bold overprints (same text drawn again ~in place).
    last_text: String,
}

impl Sink {
    /// Append a run's already-normalised text, inserting a space or newline from its position.
    fn push(&mut self, geom: RunGeom, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(prev) = self.last.filter(|_| self.last_text == text) {
            let near =
                (geom.start.0 - prev.start.0).hypot(geom.start.1 - prev.start.1) < 0.1 * geom.size;
            if near {
                return;
            }
        }
        if let Some(prev) = self.last {
            let sep = strongest(self.pending.take(), separator(&prev, &geom));
            match sep {
                Some('\n') => {
                    trim_trailing_spaces(&mut self.text);
                    if !self.text.is_empty() && !self.text.ends_with('\n') {
                        self.text.push('\n');
                    }
                }
                Some(c)
                    if !self.text.is_empty()
                        && !self.text.ends_with([' ', '\n'])
                        && !text.starts_with(' ') =>
                {
                    self.text.push(c);
                }
                Some(_) => {}
                None => {}
            }
        }
        for c in text.chars() {
            if c == ' ' && (self.text.is_empty() || self.text.ends_with([' ', '\n'])) {
                continue;
            }
            self.text.push(c);
        }
        self.chars += text.chars().count();
        self.last = Some(geom);
        self.last_text.clear();
        self.last_text.push_str(text);
    }

    /// Record a run that moved the pen but decoded to no text, so the next run is measured from its end.
    fn advance(&mut self, geom: RunGeom) {
        if let Some(prev) = self.last {
            self.pending = strongest(self.pending, separator(&prev, &geom));
            self.last = Some(geom);
        }
    }

    /// The page text with lines trimmed and empty lines dropped.
    fn finish(self) -> String {
        let mut out = String::with_capacity(self.text.len());
        for line in self.text.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
        out
    }
}

fn trim_trailing_spaces(s: &mut String) {
    while s.ends_with(' ') {
        s.pop();
    }
}

/// The stronger of two separators: newline over space over nothing.
fn strongest(a: Option<char>, b: Option<char>) -> Option<char> {
    match (a, b) {
        (Some('\n'), _) | (_, Some('\n')) => Some('\n'),
        (Some(c), _) | (_, Some(c)) => Some(c),
        _ => None,
    }
}

/// Decide what separates run `cur` from the previous run `prev`: newline, space or nothing.
fn separator(prev: &RunGeom, cur: &RunGeom) -> Option<char> {
    let size = prev.size.max(cur.size).max(0.1);
    let same_dir = prev.dir.0 * cur.dir.0 + prev.dir.1 * cur.dir.1;
    if same_dir.is_nan() || same_dir <= 0.95 {
        return Some('\n');
    }
    let dx = cur.start.0 - prev.end.0;
    let dy = cur.start.1 - prev.end.1;
    // Distance along the baseline and across it (positive = upwards for horizontal text).
    let along = dx * cur.dir.0 + dy * cur.dir.1;
    let across = -dx * cur.dir.1 + dy * cur.dir.0;
    if !across.is_finite() || !along.is_finite() || across.abs() > 0.5 * size {
        return Some('\n');
    }
    let em = cur.size.max(0.1);
    if along > 0.1 * em || along < -em {
        return Some(' ');
    }
    None
}

/// NFKC-normalise decoded text, turn whitespace into spaces and drop control and replacement characters.
fn clean_text(raw: &str) -> String {
    raw.nfkc()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{3000}' => Some(' '),
            '\u{fffd}' | '\u{feff}' | '\u{200b}'..='\u{200d}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

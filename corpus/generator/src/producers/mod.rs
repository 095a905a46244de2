//! The three PDF "producers": distinct layouts and PDF constructions.

pub mod cid;
pub mod simple;
pub mod table;

use crate::layout::Text;
use crate::markup::{Doc, HiddenMode};
use crate::pdf::num;

/// Operators that switch invisible drawing on and off around a text line.
pub fn hidden_ops(h: Option<HiddenMode>) -> (&'static str, &'static str) {
    match h {
        Some(HiddenMode::White) => ("1 1 1 rg\n", "0 g\n"),
        Some(HiddenMode::Invisible) => ("3 Tr\n", "0 Tr\n"),
        Some(HiddenMode::Tiny) | None => ("", ""),
    }
}

/// A rectangle, filled or stroked.
pub fn rect_op(x: f32, y: f32, w: f32, h: f32, fill: bool) -> String {
    format!(
        "{} {} {} {} re {}\n",
        num(x),
        num(y),
        num(w),
        num(h),
        if fill { "f" } else { "S" }
    )
}

/// A horizontal rule `line_width` thick from `x1` to `x2` at `y` (nothing when `x2 <= x1`).
pub fn rule_op(line_width: &str, x1: f32, y: f32, x2: f32) -> String {
    if x2 > x1 {
        format!(
            "{line_width} w {} {} m {} {} l S\n",
            num(x1),
            num(y),
            num(x2),
            num(y)
        )
    } else {
        String::new()
    }
}

/// Selects the font of `text` (F2 bold, F1 regular) unless `current` already is it.
pub fn font_op(current: &mut (bool, f32), text: &Text) -> String {
    if *current == (text.bold, text.size) {
        return String::new();
    }
    *current = (text.bold, text.size);
    let font = if text.bold { "F2" } else { "F1" };
    format!("/{font} {} Tf\n", num(text.size))
}

/// Which producer builds a PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Producer {
    /// One column, Helvetica/WinAnsi, `Tj` + `Td`, uncompressed.
    Simple,
    /// Two columns, Type0/Identity-H font, `TJ` with kerning, Flate.
    Cid,
    /// Bordered label/value table, `/Differences` encoding, `Tm` and `'`.
    Table,
}

impl Producer {
    /// All producers.
    pub const ALL: [Producer; 3] = [Producer::Simple, Producer::Cid, Producer::Table];

    /// Parses a producer name (`simple`, `cid`, `table`).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "simple" => Some(Producer::Simple),
            "cid" => Some(Producer::Cid),
            "table" => Some(Producer::Table),
            _ => None,
        }
    }

    /// The producer's name as used in markup metadata.
    pub fn name(self) -> &'static str {
        match self {
            Producer::Simple => "simple",
            Producer::Cid => "cid",
            Producer::Table => "table",
        }
    }

    /// Whether the producer can draw every character of `text`.
    pub fn supports(self, text: &str) -> bool {
        match self {
            Producer::Simple => text
                .chars()
                .all(|c| c == '\n' || crate::fonts::winansi(c).is_some()),
            _ => true,
        }
    }
}

/// Rendering options.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Encrypt with RC4-40 using this user password (simple producer only).
    pub user_password: Option<String>,
    /// Value of the Info `/Title`.
    pub title: String,
}

/// Renders `doc` with producer `p`.
pub fn render(doc: &Doc, p: Producer, opts: &Options) -> Result<Vec<u8>, String> {
    match p {
        Producer::Simple => simple::render(doc, opts),
        Producer::Cid => Ok(cid::render(doc, opts)),
        Producer::Table => table::render(doc, opts),
    }
}

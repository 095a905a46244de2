//! Font information the walker needs: how to split strings into character codes,
//! how to decode them to Unicode, and how far each glyph advances.

use super::{clean_text, deref, num};
use lopdf::{Dictionary, Document, Encoding, Object};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Width entries read from a `/W` array at most, so a hostile font stays small.
const MAX_WIDTH_ENTRIES: usize = 65_536;
/// The longest shown string whose text a font remembers: glyphs and short runs repeat.
const MAX_REMEMBERED_BYTES: usize = 32;

/// A font resolved from a font dictionary.
pub(super) struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Type0 fonts use two-byte codes (Identity-H and the UCS-2 CMaps).
    pub(super) two_byte: bool,
    /// A Type0 font whose only Unicode mapping is a UCS-2/UTF-16 CMap name.
    utf16: bool,
    widths: Widths,
    /// The text of strings already shown in this font, by their bytes. Many résumés show one
    /// glyph per operator, so the same few codes would be decoded and normalised thousands of
    /// times per page; the keys are the document's, hence a randomly seeded hasher.
    shown: RefCell<HashMap<Box<[u8]>, Rc<str>, foldhash::fast::RandomState>>,
}

enum Widths {
    /// `/FirstChar` + `/Widths`, in thousandths of an em.
    Simple {
        first: u32,
        widths: Vec<f32>,
        missing: f32,
    },
    /// CID font `/W` ranges `(first, last, width)` sorted by `first`, and `/DW`; the widths
    /// of the low codes (where subset fonts keep all their glyphs) also looked up directly,
    /// since a binary search per glyph took 2.5 % of a run's time on real résumés.
    Cid {
        ranges: Vec<(u32, u32, f32)>,
        default: f32,
        low_codes: Box<[f32]>,
    },
    /// Standard-14 font without `/Widths`.
    Standard(StdFamily),
}

#[derive(Clone, Copy)]
enum StdFamily {
    Helvetica,
    Times,
    Courier,
    Other,
}

impl<'a> Font<'a> {
    /// Resolve `dict` (a font dictionary) with decompression bounded by `max_bytes`.
    pub(super) fn load(doc: &'a Document, dict: &'a Dictionary, max_bytes: usize) -> Font<'a> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let encoding = load_encoding(doc, dict, max_bytes);
        let cmap_name = dict
            .get(b"Encoding")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let utf16 = two_byte
            && !matches!(encoding, Some(Encoding::UnicodeMapEncoding(_)))
            && (contains(cmap_name, b"UCS2") || contains(cmap_name, b"UTF16"));
        let widths = if two_byte {
            cid_widths(doc, dict)
        } else {
            simple_widths(doc, dict, subtype == b"Type3")
        };
        Font {
            encoding,
            two_byte,
            utf16,
            widths,
            shown: RefCell::default(),
        }
    }

    /// A stand-in used when `Tf` names a font that cannot be found.
    pub(super) fn fallback() -> Font<'static> {
        Font {
            encoding: None,
            two_byte: false,
            utf16: false,
            widths: Widths::Standard(StdFamily::Helvetica),
            shown: RefCell::default(),
        }
    }

    /// Glyph width of `code` in thousandths of an em.
    pub(super) fn width(&self, code: u32) -> f32 {
        let w = match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
            } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .unwrap_or(*missing),
            Widths::Cid {
                ranges,
                default,
                low_codes,
            } => match low_codes.get(code as usize) {
                Some(width) => *width,
                None => cid_width(ranges, *default, code),
            },
            Widths::Standard(family) => std_width(*family, code),
        };
        if w.is_finite() {
            w
        } else {
            0.0
        }
    }

    /// The text a shown string stands for, normalised by [`clean_text`]; remembered while
    /// `room` (strings the page's fonts may still remember, shared so that many fonts on one
    /// page stay bounded too) lasts.
    pub(super) fn text(&self, bytes: &[u8], room: &mut usize) -> Rc<str> {
        if let Some(text) = self.shown.borrow().get(bytes) {
            return text.clone();
        }
        let text: Rc<str> = clean_text(&self.decode(bytes)).into();
        if bytes.len() <= MAX_REMEMBERED_BYTES && *room > 0 {
            *room -= 1;
            self.shown.borrow_mut().insert(bytes.into(), text.clone());
        }
        text
    }

    /// Decode a shown string to Unicode (not yet normalised).
    fn decode(&self, bytes: &[u8]) -> String {
        if let Some(enc) = &self.encoding {
            let mut out = String::new();
            if enc.write_to_string(bytes, &mut out).is_ok() {
                return out;
            }
        }
        if self.utf16 {
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|c| match c {
                    [a, b] => u16::from_be_bytes([*a, *b]),
                    [a] => u16::from(*a),
                    _ => 0,
                })
                .collect();
            return String::from_utf16_lossy(&units);
        }
        if self.two_byte {
            // Glyph ids without a Unicode mapping carry no recoverable text.
            return String::new();
        }
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Prefer the font's `/ToUnicode` CMap (what generators write for subset fonts);
/// otherwise use lopdf's reading of `/Encoding`.
fn load_encoding<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    max_bytes: usize,
) -> Option<Encoding<'a>> {
    if let Ok(to_unicode) = dict.get(b"ToUnicode") {
        let mut only = Dictionary::new();
        only.set("Type", Object::Name(b"Font".to_vec()));
        only.set("ToUnicode", to_unicode.clone());
        if let Ok(Encoding::UnicodeMapEncoding(cmap)) =
            only.get_font_encoding_with_limit(doc, max_bytes)
        {
            return Some(Encoding::UnicodeMapEncoding(cmap));
        }
    }
    // lopdf insists on /Type /Font; some generators omit it.
    if dict.has_type(b"Font") {
        return dict.get_font_encoding_with_limit(doc, max_bytes).ok();
    }
    None
}

/// Array behind `key`, following references.
fn array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Vec<Object>> {
    dict.get(key)
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok())
}

fn dict_at<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    dict.get(key)
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok())
}

fn number_at(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    dict.get(key).ok().and_then(|o| deref(doc, o)).and_then(num)
}

fn simple_widths(doc: &Document, dict: &Dictionary, type3: bool) -> Widths {
    let missing = dict_at(doc, dict, b"FontDescriptor")
        .and_then(|fd| number_at(doc, fd, b"MissingWidth"))
        .filter(|w| *w > 0.0);
    if let Some(list) = array(doc, dict, b"Widths") {
        // Type3 widths are in glyph space; scale them to thousandths of an em.
        let scale = if type3 {
            array(doc, dict, b"FontMatrix")
                .and_then(|m| m.first())
                .and_then(num)
                .map(|a| a * 1000.0)
                .unwrap_or(1.0)
        } else {
            1.0
        };
        let first = number_at(doc, dict, b"FirstChar")
            .unwrap_or(0.0)
            .clamp(0.0, 65_535.0) as u32;
        let widths = list
            .iter()
            .take(MAX_WIDTH_ENTRIES)
            .map(|o| deref(doc, o).and_then(num).unwrap_or(0.0) * scale)
            .collect();
        return Widths::Simple {
            first,
            widths,
            missing: missing.unwrap_or(500.0),
        };
    }
    let base = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let family = if contains(base, b"Courier") {
        StdFamily::Courier
    } else if contains(base, b"Helvetica") || contains(base, b"Arial") {
        StdFamily::Helvetica
    } else if contains(base, b"Times") {
        StdFamily::Times
    } else if missing.is_some() {
        return Widths::Simple {
            first: 0,
            widths: Vec::new(),
            missing: missing.unwrap_or(500.0),
        };
    } else {
        StdFamily::Other
    };
    Widths::Standard(family)
}

fn cid_widths(doc: &Document, dict: &Dictionary) -> Widths {
    let descendant = array(doc, dict, b"DescendantFonts")
        .and_then(|a| a.first())
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok());
    let Some(cid) = descendant else {
        return Widths::Cid {
            ranges: Vec::new(),
            default: 1000.0,
            low_codes: Box::default(),
        };
    };
    let default = number_at(doc, cid, b"DW").unwrap_or(1000.0);
    let mut ranges = Vec::new();
    if let Some(w) = array(doc, cid, b"W") {
        let mut i = 0;
        // `c [w1 w2 ...]` gives consecutive codes from c; `c_first c_last w` gives one width to a range.
        while i < w.len() && ranges.len() < MAX_WIDTH_ENTRIES {
            let Some(first) = w.get(i).and_then(|o| deref(doc, o)).and_then(num) else {
                break;
            };
            let first = first.clamp(0.0, u32::MAX as f32) as u32;
            match w.get(i + 1).and_then(|o| deref(doc, o)) {
                Some(Object::Array(list)) => {
                    for (k, o) in list.iter().take(MAX_WIDTH_ENTRIES).enumerate() {
                        let code = first.saturating_add(k as u32);
                        let width = deref(doc, o).and_then(num).unwrap_or(default);
                        ranges.push((code, code, width));
                    }
                    i += 2;
                }
                Some(o) => {
                    let (Some(last), Some(width)) = (
                        num(o),
                        w.get(i + 2).and_then(|o| deref(doc, o)).and_then(num),
                    ) else {
                        break;
                    };
                    let last = last.clamp(0.0, u32::MAX as f32) as u32;
                    if last >= first {
                        ranges.push((first, last, width));
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }
    // Stable sort keeps the first definition of a code ahead of later ones.
    ranges.sort_by_key(|r| r.0);
    let low_codes = low_code_widths(&ranges, default);
    Widths::Cid {
        ranges,
        default,
        low_codes,
    }
}

/// [`cid_width`] of every code below [`LOW_CODES`] that a range reaches (and of the codes
/// between), filled range by range: each answers for the codes from its first to the next
/// range's first.
fn low_code_widths(ranges: &[(u32, u32, f32)], default: f32) -> Box<[f32]> {
    let highest = ranges.iter().map(|r| r.1 as usize + 1).max().unwrap_or(0);
    let mut widths = vec![default; highest.min(LOW_CODES)];
    for (i, &(first, last, width)) in ranges.iter().enumerate() {
        let next_first = ranges.get(i + 1).map_or(usize::MAX, |next| next.0 as usize);
        let end = (last as usize + 1).min(next_first).min(widths.len());
        if let Some(codes) = widths.get_mut(first as usize..end) {
            codes.fill(width);
        }
    }
    widths.into_boxed_slice()
}

/// How many of a CID font's lowest codes have their width looked up directly (16 KiB).
const LOW_CODES: usize = 4096;

/// The width `ranges` give `code`: that of the last range starting at or before it, if it
/// reaches that far, else `default`.
fn cid_width(ranges: &[(u32, u32, f32)], default: f32, code: u32) -> f32 {
    let idx = ranges.partition_point(|r| r.0 <= code);
    idx.checked_sub(1)
        .and_then(|i| ranges.get(i))
        .filter(|r| code <= r.1)
        .map(|r| r.2)
        .unwrap_or(default)
}

/// Approximate standard-14 widths (Helvetica metrics for ASCII) in thousandths of an em.
fn std_width(family: StdFamily, code: u32) -> f32 {
    match family {
        StdFamily::Courier => 600.0,
        StdFamily::Other => 550.0,
        StdFamily::Helvetica | StdFamily::Times => {
            let w = code
                .checked_sub(32)
                .and_then(|i| HELVETICA_ASCII.get(i as usize))
                .map(|&w| f32::from(w))
                .unwrap_or(556.0);
            if matches!(family, StdFamily::Times) {
                w * 0.9
            } else {
                w
            }
        }
    }
}

/// Helvetica AFM widths for codes 32..=126.
const HELVETICA_ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_short_strings_while_the_page_has_room() {
        let font = Font::fallback();
        let mut room = 100;
        assert_eq!(&*font.text(b"A\tB", &mut room), "A B");
        assert_eq!(&*font.text(b"A\tB", &mut room), "A B");
        assert_eq!(room, 99, "a string shown again is remembered once");
        for code in 0..u16::MAX {
            font.text(&code.to_be_bytes(), &mut room);
        }
        assert_eq!((room, font.shown.borrow().len()), (0, 100));
        let mut room = 1;
        let long = [b'x'; MAX_REMEMBERED_BYTES + 1];
        assert_eq!(&*font.text(&long, &mut room), "x".repeat(long.len()));
        assert!(!font.shown.borrow().contains_key(&long[..]));
    }

    #[test]
    fn low_code_widths_agree_with_the_binary_search() {
        // Overlapping ranges, a repeated first code, gaps and a range past the direct table.
        let ranges = [
            (0, 0, 250.0),
            (3, 40, 500.0),
            (10, 12, 600.0),
            (10, 11, 610.0),
            (50, 50, 700.0),
            (60, 5000, 800.0),
        ];
        let widths = low_code_widths(&ranges, 1000.0);
        assert_eq!(widths.len(), LOW_CODES);
        for (code, width) in widths.iter().enumerate() {
            assert_eq!(
                *width,
                cid_width(&ranges, 1000.0, code as u32),
                "code {code}"
            );
        }
        assert_eq!(widths[20], 1000.0, "past the range that answers for it");
        assert_eq!(low_code_widths(&[(5, 7, 300.0)], 1000.0).len(), 8);
    }
}

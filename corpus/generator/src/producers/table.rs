//! `table` producer: a bordered label/value table (`re S`), a simple font
//! with a custom `/Differences` encoding (Adobe glyph names) and
//! `/ToUnicode`, each cell positioned with `Tm`, wrapped lines continued
//! with the `'` operator.

use super::Options;
use crate::fonts::{glyph_name, to_unicode_cmap, width};
use crate::layout::{wrap, BOTTOM, PAGE_H, PAGE_W, TOP};
use crate::markup::{Block, Doc, HiddenMode};
use crate::pdf::{literal, num, PdfWriter};
use std::collections::HashMap;

const X0: f32 = 45.0;
const W: f32 = 505.0;
const LABEL_W: f32 = 150.0;
const PAD: f32 = 4.0;

/// A text run drawn inside a cell: first line via `Tm`, the rest via `'`.
struct Run {
    hidden: Option<HiddenMode>,
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    lines: Vec<String>,
}

/// A page: bordered/filled cells, bullet marks and text runs.
#[derive(Default)]
struct Page {
    cells: Vec<(f32, f32, f32, f32, bool)>,
    marks: Vec<(f32, f32)>,
    runs: Vec<Run>,
}

struct Table {
    pages: Vec<Page>,
    y: f32,
}

impl Table {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("page")
    }
    /// Adds one full-width cell holding a list of bullets: each bullet's
    /// first line gets a mark; all lines after the first use `'`.
    fn bullets(&mut self, items: &[&str], size: f32) {
        let lead = size * 1.25;
        let mut lines = Vec::new();
        let mut starts = Vec::new();
        for it in items {
            starts.push(lines.len());
            lines.extend(wrap(it, W - 2.0 * PAD - 12.0, size, false));
        }
        let h = lines.len() as f32 * lead + 2.0 * PAD;
        if self.y - h < BOTTOM {
            self.new_page();
        }
        let top = self.y;
        let y = top - PAD - size;
        let pg = self.page();
        pg.cells.push((X0, top - h, W, h, false));
        for st in starts {
            pg.marks
                .push((X0 + PAD + 3.0, y - st as f32 * lead + size * 0.3));
        }
        pg.runs.push(Run {
            hidden: None,
            x: X0 + PAD + 12.0,
            y,
            size,
            bold: false,
            lines,
        });
        self.y = top - h;
    }
    /// Adds an invisible paragraph without a cell border.
    fn hidden(&mut self, mode: HiddenMode, text: &str) {
        let size = if mode == HiddenMode::Tiny { 1.0 } else { 9.0 };
        let lead = size * 1.25;
        let lines = wrap(text, W - 2.0 * PAD, size, false);
        let h = lines.len() as f32 * lead + 2.0 * PAD;
        if self.y - h < BOTTOM {
            self.new_page();
        }
        let y = self.y - PAD - size;
        self.page().runs.push(Run {
            hidden: Some(mode),
            x: X0 + PAD,
            y,
            size,
            bold: false,
            lines,
        });
        self.y -= h;
    }
    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP + 10.0;
    }
    /// Adds one table row made of (x, width, text, bold, bullet, fill) cells.
    fn row(&mut self, cells: &[(f32, f32, &str, bool, bool, bool)], size: f32) {
        let lead = size * 1.25;
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .map(|(_, w, t, b, bullet, _)| {
                let ind = if *bullet { 12.0 } else { 0.0 };
                wrap(t, w - 2.0 * PAD - ind, size, *b)
            })
            .collect();
        let n = wrapped.iter().map(|l| l.len()).max().unwrap_or(1).max(1);
        let h = n as f32 * lead + 2.0 * PAD;
        if self.y - h < BOTTOM {
            self.new_page();
        }
        let top = self.y;
        for ((x, w, _, bold, bullet, fill), lines) in cells.iter().zip(wrapped) {
            let pg = self.page();
            pg.cells.push((*x, top - h, *w, h, *fill));
            let ind = if *bullet { 12.0 } else { 0.0 };
            let y = top - PAD - size;
            if *bullet {
                pg.marks.push((x + PAD + 3.0, y + size * 0.3));
            }
            if !lines.is_empty() {
                pg.runs.push(Run {
                    hidden: None,
                    x: x + PAD + ind,
                    y,
                    size,
                    bold: *bold,
                    lines,
                });
            }
        }
        self.y = top - h;
    }
}

fn layout(doc: &Doc) -> Vec<Page> {
    let mut t = Table {
        pages: vec![Page::default()],
        y: TOP + 10.0,
    };
    let mut pending: Vec<&str> = Vec::new();
    for (k, b) in doc.blocks.iter().enumerate() {
        if let Block::Bullet(s) = b {
            pending.push(s);
            if !matches!(doc.blocks.get(k + 1), Some(Block::Bullet(_))) {
                t.bullets(&pending, 9.0);
                pending.clear();
            }
            continue;
        }
        match b {
            Block::Title(s) => {
                let lines = wrap(s, W, 17.0, true);
                t.y -= 17.0;
                let y = t.y;
                t.y -= 12.0 + 21.0 * (lines.len() as f32 - 1.0);
                t.page().runs.push(Run {
                    hidden: None,
                    x: X0,
                    y,
                    size: 17.0,
                    bold: true,
                    lines,
                });
            }
            Block::Heading(s) => {
                t.y -= 8.0;
                t.row(&[(X0, W, s, true, false, true)], 10.5);
            }
            Block::Entry(s) => t.row(&[(X0, W, s, true, false, false)], 9.0),
            Block::Para(s) => t.row(&[(X0, W, s, false, false, false)], 9.0),
            Block::Bullet(_) => {}
            Block::Row(cells) => {
                let rest = cells[1..].join(" ");
                let rest = rest.trim();
                t.row(
                    &[
                        (X0, LABEL_W, &cells[0], true, false, false),
                        (X0 + LABEL_W, W - LABEL_W, rest, false, false, false),
                    ],
                    9.0,
                );
            }
            Block::Gap => t.y -= 4.0,
            Block::Page | Block::Form => t.new_page(),
            Block::Hidden(m, s) => t.hidden(*m, s),
            Block::Sidebar | Block::Main => {}
        }
    }
    t.pages
}

/// Per-document single-byte encoding: ASCII stays, other characters get
/// codes from 128 upwards (then 1..31) named in `/Differences`.
struct Enc {
    map: HashMap<char, u8>,
    extra: Vec<(u8, char)>,
}

impl Enc {
    fn new(doc: &Doc) -> Result<Self, String> {
        let mut e = Enc {
            map: HashMap::new(),
            extra: Vec::new(),
        };
        for c in (32u8..127).map(|b| b as char) {
            e.map.insert(c, c as u8);
        }
        let mut next = (128u16..=255).chain(1..32);
        // Every drawn character: the truth plus any hidden blocks.
        let mut text = crate::markup::truth(doc);
        for b in &doc.blocks {
            if let Block::Hidden(_, s) = b {
                text.push_str(s);
            }
        }
        for c in text.chars() {
            if c == '\n' || e.map.contains_key(&c) {
                continue;
            }
            let code = next.next().ok_or("too many distinct characters")? as u8;
            e.map.insert(c, code);
            e.extra.push((code, c));
        }
        Ok(e)
    }
    fn bytes(&self, s: &str) -> Vec<u8> {
        s.chars().map(|c| self.map[&c]).collect()
    }
}

fn content(p: &Page, enc: &Enc) -> String {
    let mut s = String::from("0.6 w\n");
    for (x, y, w, h, fill) in &p.cells {
        if *fill {
            s.push_str(&format!(
                "q 0.85 0.88 0.92 rg {} {} {} {} re f Q\n",
                num(*x),
                num(*y),
                num(*w),
                num(*h)
            ));
        }
        s.push_str(&format!(
            "{} {} {} {} re S\n",
            num(*x),
            num(*y),
            num(*w),
            num(*h)
        ));
    }
    for (x, y) in &p.marks {
        s.push_str(&format!("{} {} 2.6 2.6 re f\n", num(*x), num(*y)));
    }
    for r in &p.runs {
        let f = if r.bold { "F2" } else { "F1" };
        let (on, _) = super::hidden_ops(r.hidden);
        s.push_str(&format!(
            "BT {on}/{f} {} Tf {} TL 1 0 0 1 {} {} Tm\n",
            num(r.size),
            num(r.size * 1.25),
            num(r.x),
            num(r.y)
        ));
        for (i, l) in r.lines.iter().enumerate() {
            let op = if i == 0 { "Tj" } else { "'" };
            s.push_str(&format!("{} {op}\n", literal(&enc.bytes(l))));
        }
        s.push_str(super::hidden_ops(r.hidden).1);
        s.push_str("ET\n");
    }
    s
}

/// Renders `doc` as a bordered table PDF.
pub fn render(doc: &Doc, opts: &Options) -> Result<Vec<u8>, String> {
    let pages = layout(doc);
    let enc = Enc::new(doc)?;
    let mut w = PdfWriter::new();
    let catalog = w.reserve();
    let pages_id = w.reserve();
    let mut diffs = String::new();
    let mut last: i32 = -2;
    let mut sorted = enc.extra.clone();
    sorted.sort();
    for (code, c) in &sorted {
        if *code as i32 != last + 1 {
            diffs.push_str(&format!(" {code}"));
        }
        diffs.push_str(&format!(" /{}", glyph_name(*c)));
        last = *code as i32;
    }
    let mut pairs: Vec<(u16, char)> = enc.map.iter().map(|(&c, &b)| (b as u16, c)).collect();
    pairs.sort();
    let tu = w.add_stream("", to_unicode_cmap(&pairs, false).into_bytes(), false);
    let encd = w.add_raw(format!(
        "<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [{diffs} ] >>"
    ));
    let first = if sorted.iter().any(|(c, _)| *c < 32) {
        1
    } else {
        32
    };
    let mut fids = Vec::new();
    for bold in [false, true] {
        let mut ws = vec![0u16; 256];
        for (&c, &b) in &enc.map {
            ws[b as usize] = width(c, bold);
        }
        let ws: Vec<String> = ws[first..=255].iter().map(|w| w.to_string()).collect();
        fids.push(w.add_raw(format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{} /FirstChar {first} /LastChar 255 /Widths [{}] /Encoding {encd} 0 R /ToUnicode {tu} 0 R >>",
            if bold { "Helvetica-Bold" } else { "Helvetica" },
            ws.join(" ")
        )));
    }
    let mut kids = Vec::new();
    for p in &pages {
        let cs = w.add_stream("", content(p, &enc).into_bytes(), false);
        let pg = w.add_raw(format!(
            "<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {} {}] /Resources << /Font << /F1 {} 0 R /F2 {} 0 R >> >> /Contents {cs} 0 R >>",
            num(PAGE_W), num(PAGE_H), fids[0], fids[1]
        ));
        kids.push(pg);
    }
    w.set_page_tree(catalog, pages_id, &kids);
    w.info("Title", &opts.title);
    w.info("Producer", "cvgen TableForms 4.1 (Differences encoding)");
    w.info("Creator", "cvgen Europass table template");
    Ok(w.finish(catalog))
}

//! `cid` producer: header plus two columns (sidebar, main), a Type0 font
//! with `/Identity-H`, CIDFontType2 descendant with `/W` widths, 2-byte codes,
//! a `/ToUnicode` CMap, `TJ` arrays with kerning/word-gap numbers, and
//! Flate-compressed content streams.

use super::Options;
use crate::fonts::{to_unicode_cmap, width};
use crate::layout::{Col, Item, Pages, PAGE_H, PAGE_W, TOP};
use crate::markup::{Block, Doc};
use crate::pdf::{num, PdfWriter};
use std::collections::HashMap;

const SIDE_SIZE: f32 = 8.5;
const MAIN_SIZE: f32 = 9.5;

/// Lays out the header full width, then sidebar/main columns.
fn layout(doc: &Doc) -> Pages {
    let mut p = Pages::new();
    let mut head = Col {
        x: 40.0,
        w: 515.0,
        y: TOP + 10.0,
        page: 0,
    };
    let mut side = Col {
        x: 40.0,
        w: 150.0,
        y: 0.0,
        page: 0,
    };
    let mut main = Col {
        x: 210.0,
        w: 345.0,
        y: 0.0,
        page: 0,
    };
    // 0 = header, 1 = sidebar, 2 = main, 3 = full-width form
    let mut mode = 0;
    let mut full = head.clone();
    for b in &doc.blocks {
        if mode == 0
            && matches!(
                b,
                Block::Sidebar | Block::Main | Block::Heading(_) | Block::Form
            )
        {
            head.y -= 10.0;
            p.push(0, Item::Rule(40.0, head.y + 4.0, 555.0));
            side.y = head.y;
            main.y = head.y;
            p.push(0, Item::Rect(34.0, 40.0, 162.0, head.y - 36.0, true));
            mode = 2;
        }
        let (col, small) = match mode {
            0 => (&mut head, false),
            1 => (&mut side, true),
            2 => (&mut main, false),
            _ => (&mut full, false),
        };
        let base = if small { SIDE_SIZE } else { MAIN_SIZE };
        match b {
            Block::Title(s) => p.text(col, s, 20.0, true, 0.0, false, 4.0),
            Block::Heading(s) => {
                col.y -= 7.0;
                p.text(col, s, base + 2.0, true, 0.0, false, 3.0);
            }
            Block::Entry(s) => p.text(col, s, base + 0.5, true, 0.0, false, 0.0),
            Block::Bullet(s) => p.text(col, s, base, false, 10.0, true, 0.0),
            Block::Para(s) => p.text(col, s, base, false, 0.0, false, 0.0),
            Block::Row(cells) => p.row(col, cells, base),
            Block::Gap => col.y -= 5.0,
            Block::Hidden(m, s) => p.hidden_text(col, *m, s, base),
            Block::Sidebar => mode = 1,
            Block::Main => mode = 2,
            Block::Page => {
                col.page += 1;
                col.y = TOP;
            }
            Block::Form => {
                let pg = side.page.max(main.page).max(full.page).max(head.page) + 1;
                full = Col {
                    x: 40.0,
                    w: 515.0,
                    y: TOP + 10.0,
                    page: pg,
                };
                p.push(pg, Item::Rule(0.0, 0.0, 0.0));
                mode = 3;
            }
        }
    }
    p
}

/// Assigns 2-byte CIDs to characters in order of first use (space first).
struct CidMap {
    map: HashMap<char, u16>,
    order: Vec<char>,
}

impl CidMap {
    fn new() -> Self {
        let mut m = CidMap {
            map: HashMap::new(),
            order: Vec::new(),
        };
        m.cid(' ');
        m
    }
    fn cid(&mut self, c: char) -> u16 {
        if let Some(&v) = self.map.get(&c) {
            return v;
        }
        self.order.push(c);
        let v = self.order.len() as u16;
        self.map.insert(c, v);
        v
    }
    fn hex(&mut self, s: &str) -> String {
        let mut o = String::with_capacity(s.len() * 4 + 2);
        o.push('<');
        for c in s.chars() {
            o.push_str(&format!("{:04X}", self.cid(c)));
        }
        o.push('>');
        o
    }
}

/// Builds the TJ array for a line. Even lines: words without space glyphs,
/// separated by a negative adjustment equal to the space width. Odd lines:
/// real space glyphs with small positive kerning inside long words.
fn tj(cm: &mut CidMap, text: &str, bold: bool, variant: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    let space = width(' ', bold);
    if variant.is_multiple_of(2) {
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                parts.push(format!("-{space}"));
            }
            parts.push(cm.hex(word));
        }
    } else {
        let mut seg = String::new();
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                seg.push(' ');
            }
            let chars: Vec<char> = word.chars().collect();
            if chars.len() >= 7 {
                let a: String = chars[..3].iter().collect();
                let b: String = chars[3..].iter().collect();
                seg.push_str(&a);
                parts.push(cm.hex(&seg));
                parts.push(format!("{}", 10 + (i % 3) * 5));
                seg = b;
            } else {
                seg.push_str(word);
            }
        }
        parts.push(cm.hex(&seg));
    }
    format!("[{}] TJ", parts.join(" "))
}

fn content(items: &[Item], cm: &mut CidMap) -> String {
    let mut g = String::new();
    let mut t = String::from("BT\n");
    let mut font = (false, 0.0f32);
    let mut n = 0usize;
    for it in items {
        match it {
            Item::Rect(x, y, w, h, fill) => {
                if *w > 20.0 {
                    g.push_str(&format!(
                        "q 0.93 0.95 0.97 rg {} {} {} {} re f Q\n",
                        num(*x),
                        num(*y),
                        num(*w),
                        num(*h)
                    ));
                } else {
                    g.push_str(&super::rect_op(*x, *y, *w, *h, *fill));
                }
            }
            Item::Rule(x1, y, x2) => g.push_str(&super::rule_op("0.8", *x1, *y, *x2)),
            Item::Text(tx) => {
                t.push_str(&super::font_op(&mut font, tx));
                let (on, off) = super::hidden_ops(tx.hidden);
                t.push_str(&format!("1 0 0 1 {} {} Tm\n{on}", num(tx.x), num(tx.y)));
                t.push_str(&tj(cm, &tx.text, tx.bold, n));
                t.push('\n');
                t.push_str(off);
                n += 1;
            }
        }
    }
    t.push_str("ET\n");
    g + &t
}

/// Renders `doc` as a two-column Identity-H PDF.
pub fn render(doc: &Doc, opts: &Options) -> Vec<u8> {
    let pages = layout(doc);
    let mut cm = CidMap::new();
    let contents: Vec<String> = pages.pages.iter().map(|p| content(p, &mut cm)).collect();
    let mut w = PdfWriter::new();
    let catalog = w.reserve();
    let pages_id = w.reserve();
    let pairs: Vec<(u16, char)> = cm.order.iter().map(|&c| (cm.map[&c], c)).collect();
    let tu = w.add_stream("", to_unicode_cmap(&pairs, true).into_bytes(), true);
    let mut font_ids = Vec::new();
    for bold in [false, true] {
        let name = if bold {
            "DejaVuSans-Bold"
        } else {
            "DejaVuSans"
        };
        let desc = w.add_raw(format!(
            "<< /Type /FontDescriptor /FontName /{name} /Flags 32 /FontBBox [-1021 -463 1793 1232] /ItalicAngle 0 /Ascent 928 /Descent -236 /CapHeight 729 /StemV {} >>",
            if bold { 120 } else { 80 }
        ));
        let ws: Vec<String> = cm
            .order
            .iter()
            .map(|&c| width(c, bold).to_string())
            .collect();
        let cidfont = w.add_raw(format!(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc} 0 R /DW 556 /W [1 [{}]] /CIDToGIDMap /Identity >>",
            ws.join(" ")
        ));
        font_ids.push(w.add_raw(format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cidfont} 0 R] /ToUnicode {tu} 0 R >>"
        )));
    }
    let mut kids = Vec::new();
    for c in contents {
        let cs = w.add_stream("", c.into_bytes(), true);
        let pg = w.add_raw(format!(
            "<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {} {}] /Resources << /Font << /F1 {} 0 R /F2 {} 0 R >> /ProcSet [/PDF /Text] >> /Contents {cs} 0 R >>",
            num(PAGE_W), num(PAGE_H), font_ids[0], font_ids[1]
        ));
        kids.push(pg);
    }
    w.set_page_tree(catalog, pages_id, &kids);
    w.info("Title", &opts.title);
    w.info(
        "Producer",
        "cvgen CidComposer 2.3 (Type0 Identity-H, Flate)",
    );
    w.info("Creator", "cvgen two-column template");
    w.finish(catalog)
}

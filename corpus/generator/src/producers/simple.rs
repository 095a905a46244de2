//! `simple` producer: one column, standard Helvetica with WinAnsiEncoding,
//! one `Tj` per line positioned with relative `Td` moves, no compression.

use super::Options;
use crate::fonts::{width, winansi};
use crate::layout::{Col, Item, Pages, PAGE_H, PAGE_W, TOP};
use crate::markup::{Block, Doc};
use crate::pdf::{literal, num, PdfWriter};

/// Lays out `doc` in a single column.
fn layout(doc: &Doc) -> Pages {
    let mut p = Pages::new();
    let mut c = Col {
        x: 50.0,
        w: 495.0,
        y: TOP + 10.0,
        page: 0,
    };
    for b in &doc.blocks {
        match b {
            Block::Title(s) => p.text(&mut c, s, 18.0, true, 0.0, false, 6.0),
            Block::Heading(s) => {
                c.y -= 8.0;
                p.text(&mut c, s, 12.5, true, 0.0, false, 0.0);
                p.push(c.page, Item::Rule(c.x, c.y - 4.0, c.x + c.w));
                c.y -= 7.0;
            }
            Block::Entry(s) => p.text(&mut c, s, 10.5, true, 0.0, false, 1.0),
            Block::Bullet(s) => p.text(&mut c, s, 10.0, false, 14.0, true, 0.0),
            Block::Para(s) => p.text(&mut c, s, 10.0, false, 0.0, false, 0.0),
            Block::Row(cells) => p.row(&mut c, cells, 10.0),
            Block::Gap => c.y -= 6.0,
            Block::Page | Block::Form => {
                c.page = p.pages.len();
                c.y = TOP + 10.0;
                p.push(c.page, Item::Rule(c.x, PAGE_H, c.x));
            }
            Block::Hidden(m, s) => p.hidden_text(&mut c, *m, s, 10.0),
            Block::Sidebar | Block::Main => {}
        }
    }
    p
}

/// Serialises one page: graphics first, then a single text object.
fn content(items: &[Item]) -> Result<String, String> {
    let mut g = String::new();
    let mut t = String::from("BT\n");
    let mut font = (false, 0.0f32);
    let mut last: Option<(f32, f32)> = None;
    for it in items {
        match it {
            Item::Rect(x, y, w, h, fill) => g.push_str(&super::rect_op(*x, *y, *w, *h, *fill)),
            Item::Rule(x1, y, x2) => g.push_str(&super::rule_op("0.5", *x1, *y, *x2)),
            Item::Text(tx) => {
                t.push_str(&super::font_op(&mut font, tx));
                let (dx, dy) = match last {
                    None => (tx.x, tx.y),
                    Some((lx, ly)) => (tx.x - lx, tx.y - ly),
                };
                last = Some((tx.x, tx.y));
                let mut bytes = Vec::with_capacity(tx.text.len());
                for ch in tx.text.chars() {
                    bytes.push(winansi(ch).ok_or_else(|| {
                        format!("simple producer cannot encode {ch:?} (U+{:04X})", ch as u32)
                    })?);
                }
                let (on, off) = super::hidden_ops(tx.hidden);
                t.push_str(&format!(
                    "{} {} Td\n{on}{} Tj\n{off}",
                    num(dx),
                    num(dy),
                    literal(&bytes)
                ));
            }
        }
    }
    t.push_str("ET\n");
    g.push_str(&t);
    Ok(g)
}

/// Decodes a WinAnsi byte back to its character (for widths).
fn winansi_char(b: u8) -> Option<char> {
    (0x20u32..0x2200)
        .filter_map(char::from_u32)
        .find(|&c| winansi(c) == Some(b))
}

/// Helvetica font dictionary with WinAnsi widths.
fn font_dict(bold: bool) -> String {
    let ws: Vec<String> = (32u8..=255)
        .map(|b| winansi_char(b).map_or(0, |c| width(c, bold)).to_string())
        .collect();
    format!(
        "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [{}] >>",
        if bold { "Helvetica-Bold" } else { "Helvetica" },
        ws.join(" ")
    )
}

/// Cached font dictionaries (the width scan is slow-ish).
fn fonts() -> &'static (String, String) {
    static F: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    F.get_or_init(|| (font_dict(false), font_dict(true)))
}

/// Renders `doc` as a simple one-column PDF.
pub fn render(doc: &Doc, opts: &Options) -> Result<Vec<u8>, String> {
    let pages = layout(doc);
    let mut w = PdfWriter::new();
    let catalog = w.reserve();
    let pages_id = w.reserve();
    let (f1d, f2d) = fonts();
    let f1 = w.add_raw(f1d.clone());
    let f2 = w.add_raw(f2d.clone());
    let mut kids = Vec::new();
    for items in &pages.pages {
        let c = content(items)?;
        let cs = w.add_stream("", c.into_bytes(), false);
        let pg = w.add_raw(format!(
            "<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {} {}] /Resources << /Font << /F1 {f1} 0 R /F2 {f2} 0 R >> >> /Contents {cs} 0 R >>",
            num(PAGE_W), num(PAGE_H)
        ));
        kids.push(pg);
    }
    w.set_page_tree(catalog, pages_id, &kids);
    w.info("Title", &opts.title);
    w.info("Producer", "cvgen SimpleWriter 1.0 (Helvetica/WinAnsi)");
    w.info("Creator", "cvgen");
    if let Some(pw) = &opts.user_password {
        w.encrypt_with(pw, "cvgen-owner", opts.title.as_bytes());
    }
    Ok(w.finish(catalog))
}

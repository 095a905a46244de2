//! Shared page geometry, word wrapping and a positioned-item page model.

use crate::fonts::str_width;
use crate::markup::HiddenMode;

/// A4 page width in points.
pub const PAGE_W: f32 = 595.0;
/// A4 page height in points.
pub const PAGE_H: f32 = 842.0;
/// Top text baseline.
pub const TOP: f32 = 800.0;
/// Lowest allowed baseline.
pub const BOTTOM: f32 = 50.0;

/// One drawn text line at an absolute position.
#[derive(Clone, Debug)]
pub struct Text {
    /// Baseline start x.
    pub x: f32,
    /// Baseline y.
    pub y: f32,
    /// Font size in points.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// The text (no leading/trailing spaces).
    pub text: String,
    /// True when this is a wrapped continuation of the previous item
    /// (same x, one leading lower).
    #[allow(dead_code)]
    pub cont: bool,
    /// Drawn invisibly (`@hidden` block).
    pub hidden: Option<HiddenMode>,
}

/// A positioned page element.
#[derive(Clone, Debug)]
pub enum Item {
    /// A text line.
    Text(Text),
    /// Rectangle `x y w h`; filled (gray) or stroked.
    Rect(f32, f32, f32, f32, bool),
    /// Horizontal rule from (x1, y) to (x2, y).
    Rule(f32, f32, f32),
}

/// Greedy word wrap of `text` into lines no wider than `width` points.
pub fn wrap(text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let cand = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if !cur.is_empty() && str_width(&cand, bold) as f32 * size / 1000.0 > width {
            lines.push(std::mem::replace(&mut cur, word.to_string()));
        } else {
            cur = cand;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Pages of positioned items plus independent column cursors.
#[derive(Default)]
pub struct Pages {
    /// Items per page.
    pub pages: Vec<Vec<Item>>,
    /// Hidden mode applied to text items pushed while set.
    pub hidden: Option<HiddenMode>,
}

/// A vertical flow region (column) with its own cursor.
#[derive(Clone, Debug)]
pub struct Col {
    /// Left edge.
    pub x: f32,
    /// Width.
    pub w: f32,
    /// Current baseline.
    pub y: f32,
    /// Current page index.
    pub page: usize,
}

impl Pages {
    /// Creates the page list with one empty page.
    pub fn new() -> Self {
        Pages {
            pages: vec![Vec::new()],
            hidden: None,
        }
    }

    /// Adds an item to page `p`, creating pages as needed.
    pub fn push(&mut self, p: usize, item: Item) {
        while self.pages.len() <= p {
            self.pages.push(Vec::new());
        }
        self.pages[p].push(item);
    }

    /// Reserves `h` points in `col`, moving to the next page when needed.
    pub fn need(&mut self, col: &mut Col, h: f32) {
        if col.y - h < BOTTOM {
            col.page += 1;
            col.y = TOP;
            while self.pages.len() <= col.page {
                self.pages.push(Vec::new());
            }
        }
    }

    /// Lays out wrapped text in `col` at extra `indent`, drawing a small
    /// square bullet when `bullet` is set. Returns the items' count.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        col: &mut Col,
        text: &str,
        size: f32,
        bold: bool,
        indent: f32,
        bullet: bool,
        after: f32,
    ) {
        let lead = size * 1.3;
        for (i, line) in wrap(text, col.w - indent, size, bold)
            .into_iter()
            .enumerate()
        {
            self.need(col, lead);
            col.y -= lead;
            if bullet && i == 0 {
                let s = size * 0.3;
                self.push(
                    col.page,
                    Item::Rect(col.x + indent - 7.0, col.y + size * 0.3, s, s, true),
                );
            }
            self.push(
                col.page,
                Item::Text(Text {
                    x: col.x + indent,
                    y: col.y,
                    size,
                    bold,
                    text: line,
                    cont: i > 0,
                    hidden: self.hidden,
                }),
            );
        }
        col.y -= after;
    }

    /// Lays out an invisible paragraph (`@hidden` block) like a normal one;
    /// `Tiny` text is set at 1 pt.
    pub fn hidden_text(&mut self, col: &mut Col, mode: HiddenMode, text: &str, size: f32) {
        let size = if mode == HiddenMode::Tiny { 1.0 } else { size };
        self.hidden = Some(mode);
        self.text(col, text, size, false, 0.0, false, 0.0);
        self.hidden = None;
    }

    /// Lays out a label/value row; stacked when the column is narrow.
    pub fn row(&mut self, col: &mut Col, cells: &[String], size: f32) {
        let cells: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        if cells.is_empty() {
            return;
        }
        let label_w = (col.w * 0.3).min(150.0);
        let too_wide = str_width(cells[0], true) as f32 * size / 1000.0 > label_w - 8.0;
        if col.w < 220.0 || cells.len() == 1 || too_wide {
            for (i, c) in cells.iter().enumerate() {
                self.text(col, c, size, i == 0 && cells.len() > 1, 0.0, false, 0.0);
            }
            col.y -= 2.0;
            return;
        }
        let lead = size * 1.3;
        self.need(col, lead);
        let top = col.y;
        col.y -= lead;
        self.push(
            col.page,
            Item::Text(Text {
                x: col.x,
                y: col.y,
                size,
                bold: true,
                text: cells[0].to_string(),
                cont: false,
                hidden: self.hidden,
            }),
        );
        let rest: Vec<&str> = cells[1..].iter().map(|s| s.as_str()).collect();
        let mut sub = Col {
            x: col.x + label_w,
            w: col.w - label_w,
            y: top,
            page: col.page,
        };
        self.text(&mut sub, &rest.join(" "), size, false, 0.0, false, 0.0);
        if sub.page != col.page {
            col.page = sub.page;
        }
        col.y = sub.y.min(col.y) - 2.0;
    }
}

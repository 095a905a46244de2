//! The CV source-text markup (see corpus/README.md) and its parser.
//!
//! Line-oriented: `% key: value` metadata, `= ` name title, `# ` section
//! heading, `## ` entry title, `- ` bullet, `| a | b |` table row,
//! `@sidebar` / `@main` column switches, `@page` page break, `@form`
//! application-form part (new page), blank line = vertical gap, `\` escapes a
//! leading markup character, anything else is a paragraph. `@hidden MODE`
//! (`white`, `invisible` = render mode 3, `tiny` = 1-pt font) starts a block
//! of invisible paragraphs ended by `@end`; hidden text is drawn in the PDF
//! but is not part of the truth.

/// How a `@hidden` block is made invisible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HiddenMode {
    /// White fill colour on the white page (`1 1 1 rg`).
    White,
    /// Text render mode 3 (`3 Tr`, neither fill nor stroke).
    Invisible,
    /// 1-point font size.
    Tiny,
}

impl HiddenMode {
    /// Parses `white`, `invisible` or `tiny`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "white" => Some(HiddenMode::White),
            "invisible" => Some(HiddenMode::Invisible),
            "tiny" => Some(HiddenMode::Tiny),
            _ => None,
        }
    }
}

/// One structural element of a CV.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Large name/title line (`= `).
    Title(String),
    /// Section heading (`# `).
    Heading(String),
    /// Entry title, e.g. a job (`## `).
    Entry(String),
    /// Bullet item (`- `); the bullet itself is drawn as a graphic, not text.
    Bullet(String),
    /// Table row with two or more cells (`| a | b |`).
    Row(Vec<String>),
    /// Plain paragraph (wrapped).
    Para(String),
    /// Vertical gap (blank line).
    Gap,
    /// Following blocks go to the sidebar column (two-column layouts).
    Sidebar,
    /// Following blocks go to the main column.
    Main,
    /// Forced page break.
    Page,
    /// Start of the appended application form (new page, full width).
    Form,
    /// Invisibly drawn paragraph (`@hidden` block); not in the truth.
    Hidden(HiddenMode, String),
}

/// A parsed source document.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// Metadata pairs from `% key: value` lines.
    pub meta: Vec<(String, String)>,
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
}

impl Doc {
    /// Returns a metadata value by key.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses source text into a [`Doc`].
pub fn parse(src: &str) -> Doc {
    let mut doc = Doc::default();
    let mut hidden: Option<HiddenMode> = None;
    for raw in src.lines() {
        let line = raw.trim_end();
        let t = line.trim_start();
        if let Some(mode) = hidden {
            if t == "@end" {
                hidden = None;
            } else if !t.is_empty() {
                doc.blocks.push(Block::Hidden(mode, t.to_string()));
            }
            continue;
        }
        if let Some(m) = t.strip_prefix("@hidden") {
            hidden = Some(HiddenMode::parse(m.trim()).unwrap_or(HiddenMode::White));
            continue;
        }
        let b = if t.is_empty() {
            if doc.blocks.last() == Some(&Block::Gap) {
                continue;
            }
            Block::Gap
        } else if let Some(m) = t.strip_prefix('%') {
            if let Some((k, v)) = m.split_once(':') {
                doc.meta.push((k.trim().to_string(), v.trim().to_string()));
            }
            continue;
        } else if let Some(r) = t.strip_prefix('\\') {
            Block::Para(r.to_string())
        } else if let Some(r) = t.strip_prefix("= ") {
            Block::Title(r.trim().to_string())
        } else if let Some(r) = t.strip_prefix("## ") {
            Block::Entry(r.trim().to_string())
        } else if let Some(r) = t.strip_prefix("# ") {
            Block::Heading(r.trim().to_string())
        } else if let Some(r) = t.strip_prefix("- ") {
            Block::Bullet(r.trim().to_string())
        } else if t.starts_with('|') && t.ends_with('|') && t.len() > 1 {
            let cells = t[1..t.len() - 1]
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            Block::Row(cells)
        } else {
            match t {
                "@sidebar" => Block::Sidebar,
                "@main" => Block::Main,
                "@page" => Block::Page,
                "@form" => Block::Form,
                _ => Block::Para(t.to_string()),
            }
        };
        doc.blocks.push(b);
    }
    doc
}

/// Renders the extraction ground truth: the drawn text in reading order,
/// one source line per line, markup removed, table cells separated by a
/// space, blank lines for gaps and part boundaries.
pub fn truth(doc: &Doc) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Title(s)
            | Block::Heading(s)
            | Block::Entry(s)
            | Block::Bullet(s)
            | Block::Para(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Block::Row(cells) => {
                let cells: Vec<&str> = cells
                    .iter()
                    .map(|c| c.as_str())
                    .filter(|c| !c.is_empty())
                    .collect();
                out.push_str(&cells.join(" "));
                out.push('\n');
            }
            Block::Gap | Block::Form | Block::Page => {
                if !out.ends_with("\n\n") && !out.is_empty() {
                    out.push('\n');
                }
            }
            Block::Sidebar | Block::Main | Block::Hidden(..) => {}
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn parse_and_truth() {
        let d = parse("% lang: en\n= Jane Doe\n# Skills\n- SIEM\n| Email: | j@x.eu |\n@form\nText");
        assert_eq!(d.meta("lang"), Some("en"));
        assert_eq!(truth(&d), "Jane Doe\nSkills\nSIEM\nEmail: j@x.eu\n\nText\n");
    }
    #[test]
    fn hidden_blocks_are_not_truth() {
        let d = parse("= A\n@hidden invisible\nsecret words\n\nmore\n@end\nVisible");
        assert_eq!(
            d.blocks[1],
            Block::Hidden(HiddenMode::Invisible, "secret words".into())
        );
        assert_eq!(truth(&d), "A\nVisible\n");
    }
}

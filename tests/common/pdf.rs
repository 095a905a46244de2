//! A tiny raw PDF writer for hostile test files: every object is written exactly as given (no
//! recursion, no validation), with a correct cross-reference table, so that files lopdf itself
//! could not serialise (20,000 nested arrays, a page tree that contains itself) are easy to make.
#![allow(dead_code)]

/// Objects numbered from 1, written in order; `None` slots are reserved but not yet set.
#[derive(Default)]
pub struct RawPdf {
    objects: Vec<Option<Vec<u8>>>,
}

impl RawPdf {
    /// An empty file.
    pub fn new() -> RawPdf {
        RawPdf::default()
    }

    /// Reserves an object number to fill later with [`RawPdf::set`] (for forward references).
    pub fn reserve(&mut self) -> u32 {
        self.objects.push(None);
        self.objects.len() as u32
    }

    /// Adds an object (its body, without `N 0 obj`/`endobj`) and returns its number.
    pub fn add(&mut self, body: impl AsRef<[u8]>) -> u32 {
        self.objects.push(Some(body.as_ref().to_vec()));
        self.objects.len() as u32
    }

    /// Sets a reserved object.
    pub fn set(&mut self, id: u32, body: impl AsRef<[u8]>) {
        self.objects[id as usize - 1] = Some(body.as_ref().to_vec());
    }

    /// Serialises the file with `root` as the catalog.
    pub fn finish(&self, root: u32) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (index, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", index + 1).as_bytes());
            out.extend_from_slice(body.as_deref().unwrap_or(b"null"));
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", self.objects.len() + 1).as_bytes(),
        );
        for offset in offsets {
            out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                self.objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }
}

/// An uncompressed stream object body.
pub fn stream(extra_dict: &str, data: &[u8]) -> Vec<u8> {
    let mut body = format!("<< /Length {} {extra_dict} >>\nstream\n", data.len()).into_bytes();
    body.extend_from_slice(data);
    body.extend_from_slice(b"\nendstream");
    body
}

/// A PDF string literal with `(`, `)` and `\` escaped (text must be Latin-1 / ASCII).
pub fn literal(text: &str) -> String {
    let mut out = String::from("(");
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(')');
    out
}

/// Content drawing each line with `Tj`, one under the other.
pub fn lines_content(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 11 Tf 14 TL 72 760 Td\n");
    for line in lines {
        content.push_str(&format!("{} Tj T*\n", literal(line)));
    }
    content.push_str("ET\n");
    content.into_bytes()
}

/// The font dictionary used by every generated page.
pub const FONT: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

/// A one-page document whose page draws `content`, with `page_extra` added to the page dictionary
/// (e.g. extra resources) and an optional MediaBox.
pub fn one_page(content: &[u8], page_extra: &str, media_box: bool) -> Vec<u8> {
    let mut pdf = RawPdf::new();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let font = pdf.add(FONT);
    let contents = pdf.add(stream("", content));
    let media = if media_box {
        "/MediaBox [0 0 612 792]"
    } else {
        ""
    };
    let page = pdf.add(format!(
        "<< /Type /Page /Parent {pages} 0 R {media} /Resources << /Font << /F1 {font} 0 R >> >> /Contents {contents} 0 R {page_extra} >>"
    ));
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
    );
    pdf.finish(catalog)
}

/// A plain CV-like PDF with these lines of text.
pub fn text_pdf(lines: &[&str]) -> Vec<u8> {
    one_page(&lines_content(lines), "", true)
}

/// `pages` pages that all draw the same content stream (small file, many pages).
pub fn many_pages(pages: usize, content: &[u8]) -> Vec<u8> {
    let mut pdf = RawPdf::new();
    let catalog = pdf.reserve();
    let tree = pdf.reserve();
    let font = pdf.add(FONT);
    let contents = pdf.add(stream("", content));
    let mut kids = String::new();
    for _ in 0..pages {
        let page = pdf.add(format!(
            "<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {contents} 0 R >>"
        ));
        kids.push_str(&format!("{page} 0 R "));
    }
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {tree} 0 R >>"));
    pdf.set(
        tree,
        format!("<< /Type /Pages /Kids [{kids}] /Count {pages} >>"),
    );
    pdf.finish(catalog)
}

/// A form XObject that draws itself (and some text first).
pub fn self_referencing_form() -> Vec<u8> {
    let mut pdf = RawPdf::new();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let font = pdf.add(FONT);
    let form = pdf.reserve();
    pdf.set(
        form,
        stream(
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> /XObject << /X1 {form} 0 R >> >>"),
            b"BT /F1 11 Tf 72 700 Td (Drawn by the form) Tj ET /X1 Do",
        ),
    );
    let contents = pdf.add(stream(
        "",
        b"BT /F1 11 Tf 72 760 Td (Self referencing form page) Tj ET /X1 Do",
    ));
    let page = pdf.add(format!(
        "<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> /XObject << /X1 {form} 0 R >> >> /Contents {contents} 0 R >>"
    ));
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
    );
    pdf.finish(catalog)
}

/// A page tree node that lists itself among its kids (next to one real page).
pub fn page_tree_containing_itself() -> Vec<u8> {
    let mut pdf = RawPdf::new();
    let catalog = pdf.reserve();
    let pages = pdf.reserve();
    let font = pdf.add(FONT);
    let contents = pdf.add(stream(
        "",
        &lines_content(&["Page tree loop: this page still carries a readable curriculum vitae"]),
    ));
    let page = pdf.add(format!(
        "<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {contents} 0 R >>"
    ));
    pdf.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R {pages} 0 R] /Count 2 >>"),
    );
    pdf.finish(catalog)
}

/// A page dictionary holding `depth` nested arrays.
pub fn nested_arrays(depth: usize) -> Vec<u8> {
    let nested = format!("/Junk {}{}", "[".repeat(depth), "]".repeat(depth));
    one_page(
        &lines_content(&["Nested arrays: this page still carries a readable curriculum vitae"]),
        &nested,
        true,
    )
}

/// Text drawn with the `'` and `"` operators (the lines must come out).
pub fn quote_operators() -> Vec<u8> {
    let content = b"BT /F1 11 Tf 14 TL 72 760 Td (Plain Tj line) Tj (Apostrophe operator line) ' 1 0.5 (Double quote operator line) \" ET\n";
    one_page(content, "", true)
}

/// A page whose content is `operators` copies of a no-op pair (q Q), shared by `pages` pages:
/// slow to interpret, small on disk.
pub fn slow(pages: usize, operators: usize) -> Vec<u8> {
    let mut content = b"BT /F1 11 Tf 72 760 Td (Slow file) Tj ET\n".to_vec();
    for _ in 0..operators / 2 {
        content.extend_from_slice(b"q Q\n");
    }
    many_pages(pages, &content)
}

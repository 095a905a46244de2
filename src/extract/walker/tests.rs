use super::*;
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Dictionary, Document, Object, Stream};

fn op(operator: &str, operands: Vec<Object>) -> Operation {
    Operation::new(operator, operands)
}

fn s(text: &str) -> Object {
    Object::string_literal(text)
}

fn n(v: f32) -> Object {
    Object::Real(v)
}

fn i(v: i64) -> Object {
    Object::Integer(v)
}

fn name(v: &str) -> Object {
    Object::Name(v.as_bytes().to_vec())
}

/// A one-page document with Helvetica as /F1, `extra` merged into the resources.
struct Builder {
    doc: Document,
    pages_id: ObjectId,
    resources: Dictionary,
}

impl Builder {
    fn new() -> Self {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let resources = dictionary! { "Font" => dictionary! { "F1" => font_id } };
        Builder {
            doc,
            pages_id,
            resources,
        }
    }

    fn font(&mut self, key: &str, font: Dictionary) {
        let id = self.doc.add_object(font);
        if let Ok(Object::Dictionary(fonts)) = self.resources.get_mut(b"Font") {
            fonts.set(key, id);
        }
    }

    fn form(&mut self, ops: Vec<Operation>, matrix: Option<[f32; 6]>) -> ObjectId {
        let id = self.doc.new_object_id();
        self.form_with_id(id, ops, matrix);
        id
    }

    fn form_with_id(&mut self, id: ObjectId, ops: Vec<Operation>, matrix: Option<[f32; 6]>) {
        let mut dict = dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        };
        if let Some(m) = matrix {
            dict.set(
                "Matrix",
                m.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
            );
        }
        let data = Content { operations: ops }.encode().unwrap_or_default();
        self.doc
            .objects
            .insert(id, Object::Stream(Stream::new(dict, data)));
    }

    fn xobject(&mut self, key: &str, id: ObjectId) {
        if self.resources.get(b"XObject").is_err() {
            self.resources.set("XObject", Dictionary::new());
        }
        if let Ok(Object::Dictionary(x)) = self.resources.get_mut(b"XObject") {
            x.set(key, id);
        }
    }

    fn build(mut self, ops: Vec<Operation>, media_box: bool) -> Document {
        let data = Content { operations: ops }.encode().unwrap_or_default();
        let content_id = self.doc.add_object(Stream::new(dictionary! {}, data));
        let resources_id = self.doc.add_object(self.resources);
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => self.pages_id, "Contents" => content_id, "Resources" => resources_id,
        };
        if media_box {
            page.set("MediaBox", vec![0.into(), 0.into(), 612.into(), 792.into()]);
        }
        let page_id = self.doc.add_object(page);
        let pages = dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 };
        self.doc
            .objects
            .insert(self.pages_id, Object::Dictionary(pages));
        let catalog_id = self
            .doc
            .add_object(dictionary! { "Type" => "Catalog", "Pages" => self.pages_id });
        self.doc.trailer.set("Root", catalog_id);
        self.doc
    }
}

fn walk(doc: &Document) -> PageText {
    let out = walk_document(doc, &WalkLimits::default()).expect("walk");
    out.pages.into_iter().next().unwrap_or_default()
}

fn text_at(x: f32, y: f32, size: f32, text: &str) -> Vec<Operation> {
    vec![
        op("BT", vec![]),
        op("Tf", vec![name("F1"), n(size)]),
        op("Td", vec![n(x), n(y)]),
        op("Tj", vec![s(text)]),
        op("ET", vec![]),
    ]
}

#[test]
fn words_and_lines_from_td_moves_and_tj_offsets() {
    let ops = vec![
        op("BT", vec![]),
        op("Tf", vec![name("F1"), i(12)]),
        op("Td", vec![i(72), i(700)]),
        op("Tj", vec![s("Senior")]),
        // "Senior" is 6 glyphs, about 36 pt wide at 12 pt; jump 10 pt past its end.
        op("Td", vec![n(48.0), i(0)]),
        op("Tj", vec![s("Engineer")]),
        op("Td", vec![n(-48.0), i(-14)]),
        op(
            "TJ",
            vec![Object::Array(vec![
                s("Rust"),
                i(-300),
                s("Python"),
                i(-20),
                s("ic"),
            ])],
        ),
        op("ET", vec![]),
    ];
    let doc = Builder::new().build(ops, true);
    assert_eq!(walk(&doc).visible, "Senior Engineer\nRust Pythonic");
}

#[test]
fn glyph_per_glyph_placement_has_no_inner_spaces() {
    let mut ops = vec![op("BT", vec![]), op("Tf", vec![name("F1"), i(10)])];
    let mut x = 72.0;
    for word in ["Kubernetes", "Terraform"] {
        for ch in word.chars() {
            ops.push(op("Tm", vec![i(1), i(0), i(0), i(1), n(x), i(500)]));
            ops.push(op("Tj", vec![s(&ch.to_string())]));
            x += super::fonts::Font::fallback().width(ch as u32) / 1000.0 * 10.0;
        }
        x += 2.78; // a space
    }
    ops.push(op("ET", vec![]));
    let doc = Builder::new().build(ops, true);
    assert_eq!(walk(&doc).visible, "Kubernetes Terraform");
}

#[test]
fn quote_operators_start_new_lines() {
    let ops = vec![
        op("BT", vec![]),
        op("Tf", vec![name("F1"), i(11)]),
        op("TL", vec![i(14)]),
        op("Td", vec![i(72), i(700)]),
        op("Tj", vec![s("Skills")]),
        op("'", vec![s("Accounting and audit")]),
        op("\"", vec![i(0), i(0), s("Tax law")]),
        op("ET", vec![]),
    ];
    let doc = Builder::new().build(ops, true);
    assert_eq!(walk(&doc).visible, "Skills\nAccounting and audit\nTax law");
}

#[test]
fn white_text_on_a_coloured_rectangle_is_visible() {
    // A dark sidebar (a filled rectangle) with white text on it, and white text beside it.
    let mut ops = vec![
        op("q", vec![]),
        op("rg", vec![n(0.1), n(0.2), n(0.4)]),
        op("re", vec![i(0), i(400), i(200), i(442)]),
        op("f", vec![]),
        op("rg", vec![i(1), i(1), i(1)]),
    ];
    ops.extend(text_at(20.0, 700.0, 12.0, "sidebarword"));
    ops.extend(text_at(300.0, 700.0, 12.0, "hiddenword"));
    ops.push(op("Q", vec![]));
    let page = walk(&Builder::new().build(ops, true));
    assert!(page.visible.contains("sidebarword"), "{:?}", page.visible);
    assert!(!page.visible.contains("hiddenword"), "{:?}", page.visible);
    assert_eq!(page.hidden_chars, "hiddenword".len());
}

#[test]
fn invisible_text_is_counted_not_shown() {
    let mut ops = text_at(72.0, 700.0, 12.0, "Visible");
    // White RGB fill.
    ops.push(op("q", vec![]));
    ops.push(op("rg", vec![i(1), i(1), i(1)]));
    ops.extend(text_at(72.0, 680.0, 12.0, "whiteword"));
    ops.push(op("Q", vec![]));
    // Gray near white, CMYK zero.
    ops.push(op("q", vec![]));
    ops.push(op("g", vec![n(0.97)]));
    ops.extend(text_at(72.0, 660.0, 12.0, "grayword"));
    ops.push(op("k", vec![i(0), i(0), i(0), i(0)]));
    ops.extend(text_at(72.0, 640.0, 12.0, "cmykword"));
    ops.push(op("Q", vec![]));
    // Render mode 3.
    ops.push(op("BT", vec![]));
    ops.push(op("Tr", vec![i(3)]));
    ops.push(op("Tf", vec![name("F1"), i(12)]));
    ops.push(op("Td", vec![i(72), i(620)]));
    ops.push(op("Tj", vec![s("invisibleword")]));
    ops.push(op("Tr", vec![i(0)]));
    ops.push(op("ET", vec![]));
    // Tiny text, also tiny through the CTM.
    ops.extend(text_at(72.0, 600.0, 1.0, "tinyword"));
    ops.push(op("q", vec![]));
    ops.push(op("cm", vec![n(0.1), i(0), i(0), n(0.1), i(0), i(0)]));
    ops.extend(text_at(720.0, 5800.0, 12.0, "scaledword"));
    ops.push(op("Q", vec![]));
    // Off the page.
    ops.extend(text_at(2000.0, 700.0, 12.0, "offpageword"));
    ops.extend(text_at(72.0, -300.0, 12.0, "belowword"));
    ops.extend(text_at(72.0, 560.0, 12.0, "Shown"));
    let doc = Builder::new().build(ops, true);
    let page = walk(&doc);
    assert_eq!(page.visible, "Visible\nShown");
    let words = [
        "whiteword",
        "grayword",
        "cmykword",
        "invisibleword",
        "tinyword",
        "scaledword",
        "offpageword",
        "belowword",
    ];
    assert_eq!(
        page.hidden_chars,
        words.iter().map(|w| w.len()).sum::<usize>()
    );
    for w in words {
        assert!(
            page.hidden_sample.contains(w),
            "{w} missing from {:?}",
            page.hidden_sample
        );
    }
}

#[test]
fn colour_space_operators_and_transparency() {
    let mut ops = vec![
        op("cs", vec![name("DeviceRGB")]),
        op("sc", vec![i(1), i(1), i(1)]),
    ];
    ops.extend(text_at(72.0, 700.0, 12.0, "hiddenrgb"));
    ops.push(op("cs", vec![name("Pattern")]));
    ops.push(op("scn", vec![i(1), i(1), i(1)]));
    ops.extend(text_at(72.0, 680.0, 12.0, "patternshown"));
    ops.push(op("rg", vec![i(0), i(0), i(0)]));
    ops.push(op("gs", vec![name("GS0")]));
    ops.extend(text_at(72.0, 660.0, 12.0, "transparent"));
    let mut b = Builder::new();
    let gs_id = b
        .doc
        .add_object(dictionary! { "Type" => "ExtGState", "ca" => 0 });
    b.resources.set("ExtGState", dictionary! { "GS0" => gs_id });
    let page = walk(&b.build(ops, true));
    assert_eq!(page.visible, "patternshown");
    assert_eq!(page.hidden_chars, "hiddenrgb".len() + "transparent".len());
}

#[test]
fn missing_media_box_does_not_panic() {
    let doc = Builder::new().build(text_at(72.0, 700.0, 12.0, "Hello"), false);
    assert_eq!(walk(&doc).visible, "Hello");
}

#[test]
fn self_referencing_form_terminates() {
    let mut b = Builder::new();
    let id = b.doc.new_object_id();
    let mut ops = text_at(72.0, 700.0, 12.0, "Loop");
    ops.push(op("Do", vec![name("X1")]));
    b.form_with_id(id, ops, None);
    // The form refers to itself through the page resources it inherits.
    b.xobject("X1", id);
    let doc = b.build(vec![op("Do", vec![name("X1")])], true);
    assert_eq!(walk(&doc).visible, "Loop");
}

#[test]
fn mutually_recursive_forms_terminate() {
    let mut b = Builder::new();
    let (a, c) = (b.doc.new_object_id(), b.doc.new_object_id());
    b.form_with_id(a, vec![op("Do", vec![name("B")])], None);
    b.form_with_id(c, vec![op("Do", vec![name("A")])], None);
    b.xobject("A", a);
    b.xobject("B", c);
    let doc = b.build(vec![op("Do", vec![name("A")])], true);
    assert_eq!(walk(&doc).visible, "");
}

#[test]
fn nested_forms_apply_their_matrices() {
    let mut b = Builder::new();
    // Inner form draws at (0, 0); outer moves it to (100, 600); a second Do through a
    // matrix that pushes it off the page must be hidden.
    let inner = b.form(
        text_at(0.0, 0.0, 12.0, "Nested"),
        Some([1.0, 0.0, 0.0, 1.0, 100.0, 0.0]),
    );
    b.xobject("Inner", inner);
    let outer = b.form(
        vec![op("Do", vec![name("Inner")])],
        Some([1.0, 0.0, 0.0, 1.0, 0.0, 600.0]),
    );
    b.xobject("Outer", outer);
    let far = b.form(
        vec![op("Do", vec![name("Inner")])],
        Some([1.0, 0.0, 0.0, 1.0, 5000.0, 0.0]),
    );
    b.xobject("Far", far);
    let tiny = b.form(
        vec![op("Do", vec![name("Inner")])],
        Some([0.05, 0.0, 0.0, 0.05, 0.0, 300.0]),
    );
    b.xobject("Tiny", tiny);
    let mut ops = text_at(72.0, 700.0, 12.0, "Top");
    ops.push(op("Do", vec![name("Outer")]));
    ops.push(op("Do", vec![name("Far")]));
    ops.push(op("Do", vec![name("Tiny")]));
    ops.extend(text_at(72.0, 500.0, 12.0, "After"));
    let page = walk(&b.build(ops, true));
    assert_eq!(page.visible, "Top\nNested\nAfter");
    assert_eq!(page.hidden_chars, 12);
}

const CMAP: &str = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /T def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n2 beginbfrange\n<0020> <007E> <0020>\n<00E9> <00E9> <00E9>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

/// A Type0 Identity-H font whose glyph codes are the ASCII values, with `/W` given.
fn cid_font(b: &mut Builder, w: Vec<Object>) -> Dictionary {
    let to_unicode = b
        .doc
        .add_object(Stream::new(dictionary! {}, CMAP.as_bytes().to_vec()));
    let descendant = b.doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Inter",
        "DW" => 1000, "W" => w,
    });
    dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Inter",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()], "ToUnicode" => to_unicode,
    }
}

fn utf16(text: &str) -> Object {
    let bytes: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

/// Place every glyph separately, Chromium-style, advancing by `width(c)` thousandths.
fn per_glyph(text: &str, y: f32, width: impl Fn(char) -> f32) -> Vec<Operation> {
    let mut ops = vec![op("BT", vec![]), op("Tf", vec![name("F2"), i(10)])];
    let mut x = 72.0;
    for ch in text.chars() {
        ops.push(op("Tm", vec![i(1), i(0), i(0), i(1), n(x), n(y)]));
        ops.push(op("Tj", vec![utf16(&ch.to_string())]));
        x += width(ch) / 1000.0 * 10.0;
    }
    ops.push(op("ET", vec![]));
    ops
}

#[test]
fn cid_font_with_w_range_form() {
    let mut b = Builder::new();
    // Range form for all ASCII, then the array form overriding nothing in between.
    let font = cid_font(
        &mut b,
        vec![i(32), i(126), i(600), i(233), Object::Array(vec![i(550)])],
    );
    b.font("F2", font);
    // 'è' is in neither form: it takes /DW.
    let mut ops = per_glyph("Amélie Lefèvre", 700.0, |c| match c {
        'é' => 550.0,
        'è' => 1000.0,
        _ => 600.0,
    });
    // A whole-string run also advances by the range widths: the next run abuts it.
    ops.extend(vec![
        op("BT", vec![]),
        op("Tf", vec![name("F2"), i(10)]),
        op("Td", vec![i(72), i(680)]),
        op("Tj", vec![utf16("Data")]),
        op("Tj", vec![utf16("base")]),
        op("ET", vec![]),
    ]);
    let page = walk(&b.build(ops, true));
    // 'è' (U+00E8) has no mapping in the CMap: it decodes to nothing, but must not split words.
    assert_eq!(page.visible, "Amélie Lefvre\nDatabase");
}

#[test]
fn cid_font_with_w_array_form() {
    let mut b = Builder::new();
    let widths: Vec<Object> = (32..=126)
        .map(|c| i(if c == 32 { 250 } else { 500 + c }))
        .collect();
    let font = cid_font(&mut b, vec![i(32), Object::Array(widths)]);
    b.font("F2", font);
    let ops = per_glyph("Machine Learning", 700.0, |c| {
        if c == ' ' {
            250.0
        } else {
            500.0 + c as u32 as f32
        }
    });
    assert_eq!(walk(&b.build(ops, true)).visible, "Machine Learning");
}

#[test]
fn simple_font_widths_and_ligatures_normalised() {
    let mut b = Builder::new();
    let widths: Vec<Object> = (0..=255).map(|_| i(500)).collect();
    b.font(
        "F2",
        dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Foo", "FirstChar" => 0,
            "Widths" => widths, "Encoding" => "WinAnsiEncoding",
        },
    );
    let ops = vec![
        op("BT", vec![]),
        op("Tf", vec![name("F2"), i(10)]),
        op("Td", vec![i(72), i(700)]),
        op("Tj", vec![s("Pro")]),
        // Ends at 72 + 15 = 87; starts again at 87: same word.
        op("Td", vec![i(15), i(0)]),
        op("Tj", vec![s("fessional")]),
        op("ET", vec![]),
    ];
    assert_eq!(walk(&b.build(ops, true)).visible, "Professional");
    assert_eq!(clean_text("\u{fb01}nance\u{0}\u{7}"), "finance");
}

#[test]
fn limits_truncate() {
    let mut ops = Vec::new();
    for k in 0..50 {
        ops.extend(text_at(72.0, 700.0 - k as f32 * 12.0, 10.0, "word"));
    }
    let doc = Builder::new().build(ops, true);
    let limits = WalkLimits {
        max_chars: 10,
        ..WalkLimits::default()
    };
    let out = walk_document(&doc, &limits).expect("walk");
    assert!(out.truncated);
    assert!(
        out.pages[0]
            .visible
            .chars()
            .filter(|c| !c.is_whitespace())
            .count()
            <= 10
    );
    let limits = WalkLimits {
        max_operations: 20,
        ..WalkLimits::default()
    };
    let out = walk_document(&doc, &limits).expect("walk");
    assert!(out.truncated);
    assert_eq!(out.pages[0].visible, "word\nword\nword\nword");
    let limits = WalkLimits {
        max_pages: 0,
        ..WalkLimits::default()
    };
    let out = walk_document(&doc, &limits).expect("walk");
    assert!(out.truncated && out.pages.is_empty());
}

#[test]
fn garbage_content_is_an_error_only_when_every_page_fails() {
    let mut b = Builder::new();
    let bad = b
        .doc
        .add_object(Stream::new(dictionary! {}, b"BI ID garbage".to_vec()));
    let _ = bad;
    let mut doc = b.build(text_at(72.0, 700.0, 12.0, "Ok"), true);
    // Replace the page content with undecodable bytes.
    let page_id = doc.get_pages().into_values().next().unwrap_or((0, 0));
    if let Ok(page) = doc.get_dictionary_mut(page_id) {
        page.set("Contents", bad);
    }
    assert!(walk_document(&doc, &WalkLimits::default()).is_err());
}

/// Corpus folder, from the project layout (`../shared/corpora`) or the shared mount.
fn corpus(sub: &str) -> Option<std::path::PathBuf> {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        here.join("../shared/corpora"),
        std::path::PathBuf::from("/work/shared/corpora"),
    ]
    .into_iter()
    .map(|p| p.join(sub))
    .find(|p| p.is_dir())
}

fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn real_resumes_extract_text() {
    let Some(dir) = corpus("real-resumes") else {
        eprintln!("skipping: shared/corpora/real-resumes not found");
        return;
    };
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    let mut with_text = 0;
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "pdf"))
        .take(20)
    {
        let Ok(doc) = Document::load(f) else { continue };
        let out = walk_document(&doc, &WalkLimits::default()).expect("walk");
        if out.pages.iter().map(|p| p.visible.len()).sum::<usize>() > 200 {
            with_text += 1;
        }
    }
    assert!(
        with_text >= 18,
        "only {with_text} of 20 résumés produced text"
    );
}

#[test]
fn fake_bold_overprint_is_not_duplicated() {
    let mut ops = text_at(72.0, 700.0, 12.0, "Bold");
    ops.extend(text_at(72.3, 700.0, 12.0, "Bold"));
    ops.extend(text_at(72.0, 680.0, 12.0, "Next"));
    assert_eq!(walk(&Builder::new().build(ops, true)).visible, "Bold\nNext");
}

#[test]
fn hostile_corpus_never_panics() {
    let Some(dir) = corpus("hostile") else {
        eprintln!("skipping: shared/corpora/hostile not found");
        return;
    };
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    for f in files {
        // lopdf itself is slow on the biggest files without optimisation.
        let big = std::fs::metadata(&f).map_or(0, |m| m.len()) > 1 << 20;
        if big && cfg!(debug_assertions) {
            continue;
        }
        let Ok(doc) = Document::load(&f) else {
            continue;
        };
        if doc.is_encrypted() {
            continue;
        }
        let limits = WalkLimits::default();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            walk_document(&doc, &limits).map(|d| d.pages.len())
        }));
        assert!(result.is_ok(), "walker panicked on {}", f.display());
    }
}

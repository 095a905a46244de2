//! The content-stream interpreter: graphics and text state, form XObjects,
//! and classification of every shown string as visible or hidden.

use super::content::{Operand, Operands, Operation, Operations};
use super::fonts::Font;
use super::{deref, num, PageText, RunGeom, Sink, WalkLimits, FORM_DEPTH_CAP, HIDDEN_SAMPLE_CHARS};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// `q` nesting kept at most; deeper saves are counted but not stored.
const MAX_SAVE_DEPTH: usize = 256;
/// Page box used when a page has no usable MediaBox: covers both US Letter and A4.
const DEFAULT_PAGE_BOX: [f32; 4] = [0.0, 0.0, 612.0, 842.0];
/// Rectangles remembered in one path under construction.
const MAX_PATH_RECTS: usize = 64;
/// Coloured rectangles remembered per page (backgrounds of white text).
const MAX_DARK_AREAS: usize = 256;
/// Shown strings whose text one page's fonts remember at most: at ~150 bytes each, a few MB
/// however many fonts and strings a page has.
const MAX_REMEMBERED_PER_PAGE: usize = 16_384;
/// Text whose effective size is below this many points is treated as unreadable.
const MIN_VISIBLE_SIZE: f32 = 2.0;

/// What walking one page produced, with the bookkeeping the document loop needs.
pub(super) struct PageResult {
    pub(super) text: PageText,
    pub(super) chars_used: usize,
    pub(super) truncated: bool,
}

/// Affine matrix `[a b c d e f]` in PDF row-vector convention.
///
/// In `f64`, as poppler and pdf.js keep theirs: besides precision, two `f64` lanes fill an SSE
/// register, whereas the `f32` maths was vectorised with two live lanes and two of leftover
/// bits, which are often denormal floats; every such multiply took a microcode assist, and
/// moving the text line cost 11 % of extraction time.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// The matrix of the first six numbers; `None` if there are fewer or one is not a number.
    fn from_numbers(mut numbers: impl Iterator<Item = Option<f32>>) -> Option<Matrix> {
        let mut m = [0.0f64; 6];
        for slot in &mut m {
            *slot = f64::from(numbers.next()??);
        }
        Some(Matrix(m))
    }

    /// `self × other`: apply `self` first, then `other`.
    fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        let (x, y) = (f64::from(x), f64::from(y));
        ((x * a + y * c + e) as f32, (x * b + y * d + f) as f32)
    }

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, f64::from(tx), f64::from(ty)])
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Space {
    Gray,
    Rgb,
    Cmyk,
    /// Patterns, separations, indexed, Lab...: assumed visible.
    Other,
}

/// Fill or stroke paint, reduced to what decides visibility on a white page.
#[derive(Debug, Clone, Copy)]
struct Paint {
    space: Space,
    white: bool,
    transparent: bool,
}

impl Paint {
    const BLACK: Paint = Paint {
        space: Space::Gray,
        white: false,
        transparent: false,
    };

    fn visible(&self) -> bool {
        !self.white && !self.transparent
    }

    fn set_space(&mut self, space: Space) {
        self.space = space;
        self.white = false;
    }

    fn set_colour(&mut self, operands: Operands) {
        // At most four components matter; more (or a pattern name) is not white.
        let mut comps = [0.0f32; 4];
        let mut count = 0;
        for value in operands.iter().filter_map(|operand| operand.number()) {
            if let Some(slot) = comps.get_mut(count) {
                *slot = value;
            }
            count += 1;
        }
        let white = match (self.space, comps.get(..count).unwrap_or_default()) {
            (Space::Gray, [g]) => *g >= 0.95,
            (Space::Rgb, [r, g, b]) => *r >= 0.95 && *g >= 0.95 && *b >= 0.95,
            (Space::Cmyk, [c, m, y, k]) => [c, m, y, k].iter().all(|v| **v <= 0.05),
            _ => false,
        };
        // A pattern name operand means a pattern fill: assume visible.
        self.white = white && count == operands.len();
    }
}

/// The parts of the graphics state that `q`/`Q` save and restore.
#[derive(Clone)]
struct GState<'a> {
    ctm: Matrix,
    font: Option<Rc<Font<'a>>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
    render_mode: i64,
    fill: Paint,
    stroke: Paint,
}

impl GState<'_> {
    fn initial() -> Self {
        GState {
            ctm: Matrix::IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            render_mode: 0,
            fill: Paint::BLACK,
            stroke: Paint::BLACK,
        }
    }
}

struct Walker<'a, 'l> {
    doc: &'a Document,
    limits: &'l WalkLimits,
    gs: GState<'a>,
    saved: Vec<GState<'a>>,
    /// `q` operators beyond `MAX_SAVE_DEPTH` whose `Q` must not pop a real save.
    unsaved: usize,
    tm: Matrix,
    tlm: Matrix,
    fonts: HashMap<usize, Rc<Font<'a>>>,
    fallback_font: Rc<Font<'a>>,
    /// Shown strings this page's fonts may still remember the text of (see [`Font::text`]).
    remembered_room: usize,
    forms: HashMap<ObjectId, Rc<Vec<u8>>>,
    form_stack: Vec<ObjectId>,
    bytes_left: usize,
    ops: usize,
    stop: bool,
    truncated: bool,
    page_box: [f32; 4],
    visible: Sink,
    hidden: Sink,
    hidden_chars: usize,
    chars_left: usize,
    /// Rectangles of the path being built (device space), not yet painted.
    path_rects: Vec<[f32; 4]>,
    /// Rectangles painted in a non-white colour: white text on them is visible (a dark sidebar).
    dark_areas: Vec<[f32; 4]>,
}

/// Walk one page; fails only when the page's content cannot be read at all.
pub(super) fn walk_page(
    doc: &Document,
    page_id: ObjectId,
    limits: &WalkLimits,
    chars_left: usize,
) -> Result<PageResult, lopdf::Error> {
    // A page object that does not parse (lopdf keeps its slot in the page tree) is a failed
    // page, not an empty one: a document made only of such pages is unreadable, not a scan.
    doc.get_dictionary(page_id)?;
    let content = doc.get_page_content_with_limit(page_id, limits.max_decompressed_bytes)?;
    let mut res: Vec<&Dictionary> = Vec::new();
    if let Ok((dict, ids)) = doc.get_page_resources(page_id) {
        res.extend(dict);
        res.extend(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()));
    }
    let mut w = Walker {
        doc,
        limits,
        gs: GState::initial(),
        saved: Vec::new(),
        unsaved: 0,
        tm: Matrix::IDENTITY,
        tlm: Matrix::IDENTITY,
        fonts: HashMap::new(),
        fallback_font: Rc::new(Font::fallback()),
        remembered_room: MAX_REMEMBERED_PER_PAGE,
        forms: HashMap::new(),
        form_stack: Vec::new(),
        bytes_left: limits.max_decompressed_bytes.saturating_sub(content.len()),
        ops: 0,
        stop: false,
        truncated: false,
        page_box: page_box(doc, page_id),
        visible: Sink::default(),
        hidden: Sink::default(),
        hidden_chars: 0,
        chars_left,
        path_rects: Vec::new(),
        dark_areas: Vec::new(),
    };
    w.run(&content, &res, 0)?;
    let hidden_sample: String = w
        .hidden
        .finish()
        .chars()
        .take(HIDDEN_SAMPLE_CHARS)
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    Ok(PageResult {
        text: PageText {
            visible: w.visible.finish(),
            hidden_chars: w.hidden_chars,
            hidden_sample,
        },
        chars_used: chars_left.saturating_sub(w.chars_left),
        truncated: w.truncated,
    })
}

/// The page's CropBox, else MediaBox (inherited through the page tree), normalised to `[llx lly urx ury]`.
fn page_box(doc: &Document, page_id: ObjectId) -> [f32; 4] {
    let read = |key: &[u8]| -> Option<[f32; 4]> {
        let mut node = doc.get_dictionary(page_id).ok()?;
        for _ in 0..32 {
            if let Some(arr) = node
                .get(key)
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
            {
                let v: Vec<f32> = arr
                    .iter()
                    .filter_map(|o| deref(doc, o).and_then(num))
                    .collect();
                if let [x0, y0, x1, y1] = v[..] {
                    let b = [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
                    return (b[2] - b[0] > 1.0 && b[3] - b[1] > 1.0).then_some(b);
                }
                return None;
            }
            node = node
                .get(b"Parent")
                .ok()
                .and_then(|o| deref(doc, o))?
                .as_dict()
                .ok()?;
        }
        None
    };
    read(b"CropBox")
        .or_else(|| read(b"MediaBox"))
        .unwrap_or(DEFAULT_PAGE_BOX)
}

/// The named entry of a resource category, searching the resource dictionaries in order.
fn lookup<'a>(
    doc: &'a Document,
    res: &[&'a Dictionary],
    category: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    res.iter().find_map(|d| {
        let cat = d
            .get(category)
            .ok()
            .and_then(|o| deref(doc, o))?
            .as_dict()
            .ok()?;
        cat.get(name).ok()
    })
}

fn colour_space(doc: &Document, res: &[&Dictionary], name: &[u8]) -> Space {
    match name {
        b"DeviceGray" | b"G" => return Space::Gray,
        b"DeviceRGB" | b"RGB" => return Space::Rgb,
        b"DeviceCMYK" | b"CMYK" => return Space::Cmyk,
        _ => {}
    }
    let Some(obj) = lookup(doc, res, b"ColorSpace", name).and_then(|o| deref(doc, o)) else {
        return Space::Other;
    };
    match obj {
        Object::Name(n) if matches!(n.as_slice(), b"DeviceGray" | b"DeviceRGB" | b"DeviceCMYK") => {
            colour_space(doc, &[], n)
        }
        Object::Array(a) => match a.first().and_then(|o| o.as_name().ok()) {
            Some(b"CalRGB") => Space::Rgb,
            Some(b"CalGray") => Space::Gray,
            Some(b"ICCBased") => {
                let n = a
                    .get(1)
                    .and_then(|o| deref(doc, o))
                    .and_then(|o| o.as_stream().ok())
                    .and_then(|s| s.dict.get(b"N").ok())
                    .and_then(|o| o.as_i64().ok());
                match n {
                    Some(1) => Space::Gray,
                    Some(3) => Space::Rgb,
                    Some(4) => Space::Cmyk,
                    _ => Space::Other,
                }
            }
            _ => Space::Other,
        },
        _ => Space::Other,
    }
}

fn name_operand<'o>(op: &Operation<'o>, i: usize) -> Option<&'o [u8]> {
    op.operands.get(i).and_then(|o| o.name())
}

fn num_operand(op: &Operation, i: usize) -> Option<f32> {
    op.operands.get(i).and_then(|o| o.number())
}

fn string_operand<'o>(op: &Operation<'o>, i: usize) -> Option<&'o [u8]> {
    op.operands.get(i).and_then(|o| o.string())
}

impl<'a> Walker<'a, '_> {
    /// Interpret one content stream; errors only when nothing at all could be decoded at the top level.
    fn run(
        &mut self,
        data: &[u8],
        res: &[&'a Dictionary],
        depth: usize,
    ) -> Result<(), lopdf::Error> {
        let mut decoded_any = false;
        let mut operations = Operations::new(data);
        while let Some(op) = operations.next_operation() {
            if self.stop {
                break;
            }
            let op = match op {
                Ok(op) => op,
                Err(err) if depth == 0 && !decoded_any => return Err(err),
                Err(_) => break,
            };
            decoded_any = true;
            self.ops += 1;
            if self.ops > self.limits.max_operations {
                self.stop = true;
                self.truncated = true;
                break;
            }
            self.op(&op, res, depth);
        }
        Ok(())
    }

    fn op(&mut self, op: &Operation, res: &[&'a Dictionary], depth: usize) {
        match op.operator {
            b"q" => {
                if self.saved.len() < MAX_SAVE_DEPTH {
                    self.saved.push(self.gs.clone());
                } else {
                    self.unsaved += 1;
                }
            }
            b"Q" => {
                if self.unsaved > 0 {
                    self.unsaved -= 1;
                } else if let Some(gs) = self.saved.pop() {
                    self.gs = gs;
                }
            }
            b"cm" => {
                if let Some(m) = Matrix::from_numbers(op.operands.iter().map(|o| o.number())) {
                    self.gs.ctm = m.then(&self.gs.ctm);
                }
            }
            b"BT" => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            b"Tm" => {
                if let Some(m) = Matrix::from_numbers(op.operands.iter().map(|o| o.number())) {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            b"Td" => self.move_line(num_operand(op, 0), num_operand(op, 1)),
            b"TD" => {
                if let Some(ty) = num_operand(op, 1) {
                    self.gs.leading = -ty;
                }
                self.move_line(num_operand(op, 0), num_operand(op, 1));
            }
            b"T*" => self.next_line(),
            b"TL" => set(&mut self.gs.leading, num_operand(op, 0)),
            b"Tc" => set(&mut self.gs.char_spacing, num_operand(op, 0)),
            b"Tw" => set(&mut self.gs.word_spacing, num_operand(op, 0)),
            b"Tz" => {
                if let Some(v) = num_operand(op, 0) {
                    self.gs.h_scale = v / 100.0;
                }
            }
            b"Ts" => set(&mut self.gs.rise, num_operand(op, 0)),
            b"Tr" => {
                if let Some(v) = op.operands.get(0).and_then(|o| o.integer()) {
                    self.gs.render_mode = v;
                }
            }
            b"Tf" => {
                set(&mut self.gs.size, num_operand(op, 1));
                self.gs.font = name_operand(op, 0).map(|name| self.font(res, name));
            }
            b"Tj" => {
                if let Some(s) = string_operand(op, 0) {
                    self.show(s);
                }
            }
            b"'" => {
                self.next_line();
                if let Some(s) = string_operand(op, 0) {
                    self.show(s);
                }
            }
            b"\"" => {
                set(&mut self.gs.word_spacing, num_operand(op, 0));
                set(&mut self.gs.char_spacing, num_operand(op, 1));
                self.next_line();
                if let Some(s) = string_operand(op, 2) {
                    self.show(s);
                }
            }
            b"TJ" => {
                let Some(items) = op.operands.get(0).and_then(|o| o.array()) else {
                    return;
                };
                for item in items.iter() {
                    if self.stop {
                        break;
                    }
                    match item {
                        Operand::String(s) => self.show(s),
                        other => {
                            if let Some(n) = other.number() {
                                let tx = -n / 1000.0 * self.gs.size * self.gs.h_scale;
                                self.tm = Matrix::translate(tx, 0.0).then(&self.tm);
                            }
                        }
                    }
                }
            }
            b"g" => self.gs.fill = device_colour(Space::Gray, op.operands, self.gs.fill),
            b"G" => self.gs.stroke = device_colour(Space::Gray, op.operands, self.gs.stroke),
            b"rg" => self.gs.fill = device_colour(Space::Rgb, op.operands, self.gs.fill),
            b"RG" => self.gs.stroke = device_colour(Space::Rgb, op.operands, self.gs.stroke),
            b"k" => self.gs.fill = device_colour(Space::Cmyk, op.operands, self.gs.fill),
            b"K" => self.gs.stroke = device_colour(Space::Cmyk, op.operands, self.gs.stroke),
            b"cs" => {
                let space =
                    name_operand(op, 0).map_or(Space::Other, |n| colour_space(self.doc, res, n));
                self.gs.fill.set_space(space);
            }
            b"CS" => {
                let space =
                    name_operand(op, 0).map_or(Space::Other, |n| colour_space(self.doc, res, n));
                self.gs.stroke.set_space(space);
            }
            b"sc" | b"scn" => self.gs.fill.set_colour(op.operands),
            b"SC" | b"SCN" => self.gs.stroke.set_colour(op.operands),
            b"gs" => {
                if let Some(name) = name_operand(op, 0) {
                    self.ext_gstate(res, name);
                }
            }
            b"Do" => {
                if let Some(name) = name_operand(op, 0) {
                    self.draw_xobject(res, name, depth);
                }
            }
            b"re" => {
                if let [Some(x), Some(y), Some(w), Some(h)] =
                    [0, 1, 2, 3].map(|i| num_operand(op, i))
                {
                    let (a, b) = (self.gs.ctm.apply(x, y), self.gs.ctm.apply(x + w, y + h));
                    if self.path_rects.len() < MAX_PATH_RECTS {
                        self.path_rects.push([
                            a.0.min(b.0),
                            a.1.min(b.1),
                            a.0.max(b.0),
                            a.1.max(b.1),
                        ]);
                    }
                }
            }
            b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" => {
                let rects = std::mem::take(&mut self.path_rects);
                if self.gs.fill.visible() {
                    let room = MAX_DARK_AREAS.saturating_sub(self.dark_areas.len());
                    self.dark_areas.extend(rects.into_iter().take(room));
                }
            }
            b"n" | b"S" | b"s" => self.path_rects.clear(),
            _ => {}
        }
    }

    fn move_line(&mut self, tx: Option<f32>, ty: Option<f32>) {
        if let (Some(tx), Some(ty)) = (tx, ty) {
            self.tlm = Matrix::translate(tx, ty).then(&self.tlm);
            self.tm = self.tlm;
        }
    }

    fn next_line(&mut self) {
        self.move_line(Some(0.0), Some(-self.gs.leading));
    }

    /// Resolve a font resource once per page; unknown fonts get a Helvetica-like stand-in.
    fn font(&mut self, res: &[&'a Dictionary], name: &[u8]) -> Rc<Font<'a>> {
        let dict = lookup(self.doc, res, b"Font", name)
            .and_then(|o| deref(self.doc, o))
            .and_then(|o| o.as_dict().ok());
        let Some(dict) = dict else {
            return self.fallback_font.clone();
        };
        let key = dict as *const Dictionary as usize;
        if let Some(f) = self.fonts.get(&key) {
            return f.clone();
        }
        let font = Rc::new(Font::load(
            self.doc,
            dict,
            self.limits.max_decompressed_bytes,
        ));
        self.fonts.insert(key, font.clone());
        font
    }

    fn ext_gstate(&mut self, res: &[&'a Dictionary], name: &[u8]) {
        let Some(dict) = lookup(self.doc, res, b"ExtGState", name)
            .and_then(|o| deref(self.doc, o))
            .and_then(|o| o.as_dict().ok())
        else {
            return;
        };
        if let Some(ca) = dict.get(b"ca").ok().and_then(num) {
            self.gs.fill.transparent = ca < 0.05;
        }
        if let Some(ca) = dict.get(b"CA").ok().and_then(num) {
            self.gs.stroke.transparent = ca < 0.05;
        }
    }

    /// Run a form XObject with its matrix and resources; images and cycles are skipped.
    fn draw_xobject(&mut self, res: &[&'a Dictionary], name: &[u8], depth: usize) {
        if depth + 1 > self.limits.max_form_depth.min(FORM_DEPTH_CAP) {
            return;
        }
        let doc = self.doc;
        let Some(obj) = lookup(doc, res, b"XObject", name) else {
            return;
        };
        let id = obj.as_reference().ok();
        let Some(stream) = deref(doc, obj).and_then(|o| o.as_stream().ok()) else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return;
        }
        if id.is_some_and(|id| self.form_stack.contains(&id)) {
            return;
        }
        let data = match id.and_then(|id| self.forms.get(&id)) {
            Some(data) => data.clone(),
            None => {
                let Ok(bytes) = stream.get_plain_content_with_limit(self.bytes_left) else {
                    return;
                };
                self.bytes_left = self.bytes_left.saturating_sub(bytes.len());
                let data = Rc::new(bytes);
                if let Some(id) = id {
                    self.forms.insert(id, data.clone());
                }
                data
            }
        };
        let form_res: Vec<&'a Dictionary> = match stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
        {
            Some(d) => vec![d],
            None => res.to_vec(),
        };
        let outer = self.gs.clone();
        let (saved_len, unsaved) = (self.saved.len(), self.unsaved);
        if let Some(m) = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|a| Matrix::from_numbers(a.iter().map(num)))
        {
            self.gs.ctm = m.then(&self.gs.ctm);
        }
        let (tm, tlm) = (self.tm, self.tlm);
        if let Some(id) = id {
            self.form_stack.push(id);
        }
        // Errors inside a form only lose the form's own text.
        let _ = self.run(&data, &form_res, depth + 1);
        if id.is_some() {
            self.form_stack.pop();
        }
        self.saved.truncate(saved_len);
        self.unsaved = unsaved;
        self.gs = outer;
        self.tm = tm;
        self.tlm = tlm;
    }

    /// Show one string: decode, advance the text matrix, and file the text as visible or hidden.
    fn show(&mut self, bytes: &[u8]) {
        let font = self
            .gs
            .font
            .clone()
            .unwrap_or_else(|| self.fallback_font.clone());
        let gs = &self.gs;
        let mut advance = 0.0f32;
        let mut add = |code: u32, single_byte: bool| {
            let spacing = if single_byte && code == 32 {
                gs.word_spacing
            } else {
                0.0
            };
            advance +=
                (font.width(code) / 1000.0 * gs.size + gs.char_spacing + spacing) * gs.h_scale;
        };
        if font.two_byte {
            for pair in bytes.chunks(2) {
                match *pair {
                    [hi, lo] => add(u32::from(u16::from_be_bytes([hi, lo])), false),
                    [b] => add(u32::from(b), true),
                    _ => {}
                }
            }
        } else {
            for &b in bytes {
                add(u32::from(b), true);
            }
        }
        let m = self.tm.then(&self.gs.ctm);
        let start = m.apply(0.0, 0.0);
        let end = m.apply(advance, 0.0);
        self.tm = Matrix::translate(advance, 0.0).then(&self.tm);

        let [a, b, c, d, _, _] = m.0;
        // Plain square roots: `hypot`'s guard against overflow costs more than the rest of
        // this function, and squares of f32-sized values cannot overflow an f64.
        let size = (f64::from(self.gs.size) * (c * c + d * d).sqrt()).abs() as f32;
        let len = (a * a + b * b).sqrt();
        let dir = if len > 1e-6 && len.is_finite() {
            ((a / len) as f32, (b / len) as f32)
        } else {
            (1.0, 0.0)
        };
        let geom = RunGeom {
            start,
            end,
            dir,
            size,
        };

        let mut text = font.text(bytes, &mut self.remembered_room);
        if text.is_empty() {
            if !bytes.is_empty() {
                if self.is_hidden(&geom) {
                    self.hidden.advance(geom);
                } else {
                    self.visible.advance(geom);
                }
            }
            return;
        }
        let n = text.chars().count();
        if n > self.chars_left {
            text = text
                .chars()
                .take(self.chars_left)
                .collect::<String>()
                .into();
            self.stop = true;
            self.truncated = true;
        }
        self.chars_left = self.chars_left.saturating_sub(n);
        if self.is_hidden(&geom) {
            self.hidden_chars += text.chars().filter(|c| !c.is_whitespace()).count();
            if self.hidden.chars < HIDDEN_SAMPLE_CHARS * 2 {
                self.hidden.push(geom, &text);
            }
        } else {
            self.visible.push(geom, &text);
        }
    }

    /// Whether a run at `geom` is invisible: render mode, colour (white on the white page, unless
    /// it stands on a rectangle painted in a colour), alpha, size or position.
    fn is_hidden(&self, geom: &RunGeom) -> bool {
        let gs = &self.gs;
        let on_colour = || {
            let (x, y) = (
                (geom.start.0 + geom.end.0) / 2.0,
                (geom.start.1 + geom.end.1) / 2.0 + geom.size / 3.0,
            );
            self.dark_areas
                .iter()
                .any(|[x0, y0, x1, y1]| (*x0..=*x1).contains(&x) && (*y0..=*y1).contains(&y))
        };
        let shows =
            |paint: &Paint| paint.visible() || (paint.white && !paint.transparent && on_colour());
        let painted = match gs.render_mode {
            3 | 7 => false,
            1 | 5 => shows(&gs.stroke),
            2 | 6 => shows(&gs.fill) || shows(&gs.stroke),
            _ => shows(&gs.fill),
        };
        // False for a NaN size too: unreadable.
        let readable = geom.size >= MIN_VISIBLE_SIZE;
        if !painted || !readable {
            return true;
        }
        let [llx, lly, urx, ury] = self.page_box;
        let (x0, x1) = (geom.start.0.min(geom.end.0), geom.start.0.max(geom.end.0));
        let (y0, y1) = (geom.start.1.min(geom.end.1), geom.start.1.max(geom.end.1));
        let tol = 1.0;
        let inside = x1 >= llx - tol
            && x0 <= urx + tol
            && y1 + 0.7 * geom.size >= lly - tol
            && y0 <= ury + tol;
        !inside
    }
}

fn set(slot: &mut f32, v: Option<f32>) {
    if let Some(v) = v {
        *slot = v;
    }
}

/// The paint after a device colour operator (`g`, `rg`, `k` and their stroking forms).
fn device_colour(space: Space, operands: Operands, keep: Paint) -> Paint {
    let mut p = Paint {
        space,
        white: false,
        transparent: keep.transparent,
    };
    p.set_colour(operands);
    p
}

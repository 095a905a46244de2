//! Content-stream operations, read by hand.
//!
//! lopdf's content parser is built from parser combinators and allocates an operator string and
//! an operand vector for every operation; on real résumés it was half of all extraction time.
//! This reader accepts exactly the grammar of `lopdf::content::Content::decode_iter`, quirks
//! included, so that the text extracted does not change: operands are separated by white space
//! only, a comment may only precede an operation, and an unreadable token ends the stream
//! quietly. An operation borrows its operator from the stream and its operands from one buffer
//! that every operation reuses. Inline images are skipped, not kept.

use crate::content_hash::hex_digit;
use lopdf::{Dictionary, Object, ParseError, StringFormat};

/// How deeply arrays and dictionaries may nest, as in lopdf.
const MAX_NESTING: usize = 100;
/// How deeply parentheses may nest inside a literal string, as in lopdf.
const MAX_BRACKETS: usize = 100;

/// One operation: an operator and the operands written before it.
pub(super) struct Operation<'o> {
    /// The operator's bytes, such as `Tj` or `T*`.
    pub(super) operator: &'o [u8],
    /// The operands, in stream order (none for an inline image).
    pub(super) operands: &'o [Object],
}

/// Reads the operations of one decompressed content stream, one at a time.
pub(super) struct Operations<'a> {
    data: &'a [u8],
    pos: usize,
    operands: Vec<Object>,
    finished: bool,
}

/// Why a token could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Miss {
    /// Not that kind of token: another reading may be tried, and at the top level the stream
    /// ends here without an error.
    Soft,
    /// The stream is malformed past recovery (nesting too deep, an inline image without its
    /// end): reading stops with an error.
    Hard,
}

type Read<T> = Result<T, Miss>;

impl<'a> Operations<'a> {
    /// A reader positioned at the first operation of `data`.
    pub(super) fn new(data: &'a [u8]) -> Self {
        let mut operations = Operations {
            data,
            pos: 0,
            operands: Vec::new(),
            finished: false,
        };
        operations.skip_white_space();
        operations
    }

    /// The next operation; `None` at the end of the stream or where it stops being readable,
    /// and an error once where it is malformed past recovery.
    pub(super) fn next_operation(&mut self) -> Option<Result<Operation<'_>, lopdf::Error>> {
        if self.finished {
            return None;
        }
        match self.operation() {
            Ok((start, end)) => Some(Ok(Operation {
                operator: &self.data[start..end],
                operands: &self.operands,
            })),
            Err(miss) => {
                self.finished = true;
                (miss == Miss::Hard)
                    .then_some(Err(lopdf::Error::Parse(ParseError::InvalidContentStream)))
            }
        }
    }

    /// Reads comments, operands and the operator; returns where the operator lies.
    fn operation(&mut self) -> Read<(usize, usize)> {
        self.operands.clear();
        while self.peek() == Some(b'%') && self.comment() {
            self.skip_white_space();
        }
        if self.rest().starts_with(b"BI") {
            let start = self.pos;
            self.pos += 2;
            self.skip_white_space();
            self.inline_image()?;
            return Ok((start, start + 2));
        }
        self.repeat(|reader| {
            let operand = reader.operand()?;
            reader.operands.push(operand);
            reader.skip_white_space();
            Ok(())
        })?;
        let start = self.pos;
        let length = self
            .rest()
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'*' | b'\'' | b'"'))
            .count();
        if length == 0 || self.data[start].is_ascii_digit() {
            return Err(Miss::Soft);
        }
        self.pos += length;
        self.skip_white_space();
        Ok((start, start + length))
    }

    /// An operand at the top level of the stream, where references do not exist.
    fn operand(&mut self) -> Read<Object> {
        match self.peek() {
            Some(b'n') => self.null(),
            Some(b't' | b'f') => self.boolean(),
            Some(b'0'..=b'9' | b'+' | b'-' | b'.') => self.number(),
            Some(b'/') => self.name().map(Object::Name),
            Some(b'(') => self.literal_string(),
            Some(b'<') => self.hex_string_or_dictionary(MAX_NESTING),
            Some(b'[') => self.array(MAX_NESTING).map(Object::Array),
            _ => Err(Miss::Soft),
        }
    }

    /// An object inside an array or dictionary, `depth` levels of nesting still allowed.
    fn direct_object(&mut self, depth: usize) -> Read<Object> {
        let start = self.pos;
        let object = match self.peek() {
            Some(b'0'..=b'9') => match self.reference() {
                Some(id) => Ok(Object::Reference(id)),
                None => {
                    self.pos = start;
                    self.number()
                }
            },
            Some(b'[') => self.array(depth).map(Object::Array),
            Some(b'<') => self.hex_string_or_dictionary(depth),
            _ => self.operand(),
        };
        if object.is_err() {
            self.pos = start;
        }
        object
    }

    fn null(&mut self) -> Read<Object> {
        self.keyword(b"null")
            .then_some(Object::Null)
            .ok_or(Miss::Soft)
    }

    fn boolean(&mut self) -> Read<Object> {
        if self.keyword(b"true") {
            Ok(Object::Boolean(true))
        } else if self.keyword(b"false") {
            Ok(Object::Boolean(false))
        } else {
            Err(Miss::Soft)
        }
    }

    /// Consumes `word` if the input starts with it (a prefix is enough, as in lopdf).
    fn keyword(&mut self, word: &[u8]) -> bool {
        let found = self.rest().starts_with(word);
        if found {
            self.pos += word.len();
        }
        found
    }

    /// A real (it has a decimal point) or else an integer that fits an `i64`.
    fn number(&mut self) -> Read<Object> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let whole = self.digits();
        let is_real = self.peek() == Some(b'.')
            && (whole > 0 || self.data.get(self.pos + 1).is_some_and(u8::is_ascii_digit));
        if !is_real {
            return if whole == 0 {
                Err(Miss::Soft)
            } else {
                integer(&self.data[self.pos - whole..self.pos], negative)
                    .map(Object::Integer)
                    .ok_or(Miss::Soft)
            };
        }
        self.pos += 1;
        self.digits();
        // Some producers write a minus sign inside the fraction, as in `0.00-4142502`; like
        // lopdf (and pdf.js and Poppler), ignore it rather than splitting the number in two.
        let tail_start = self.pos;
        let tail = self
            .rest()
            .iter()
            .take_while(|&&c| c == b'-' || c.is_ascii_digit())
            .count();
        self.pos += tail;
        let text = &self.data[start..self.pos];
        let value = if self.data[tail_start..self.pos].contains(&b'-') {
            let mut cleaned = vec![text[0]];
            cleaned.extend(text[1..].iter().filter(|&&c| c != b'-'));
            parse_f32(&cleaned)
        } else {
            parse_f32(text)
        };
        value.map(Object::Real).ok_or(Miss::Soft)
    }

    /// Skips ASCII digits and says how many there were.
    fn digits(&mut self) -> usize {
        let count = self
            .rest()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        self.pos += count;
        count
    }

    /// `object generation R`, with white space or comments between the parts.
    fn reference(&mut self) -> Option<(u32, u16)> {
        let object = self.unsigned()?;
        self.skip_space();
        let generation = self.unsigned()?;
        self.skip_space();
        self.keyword(b"R").then_some((object, generation))
    }

    fn unsigned<T: TryFrom<u64>>(&mut self) -> Option<T> {
        let count = self.digits();
        let digits = &self.data[self.pos - count..self.pos];
        (count > 0)
            .then(|| digits_value(digits))
            .flatten()
            .and_then(|value| T::try_from(value).ok())
    }

    /// `/Name`, with `#xx` escapes decoded; a `#` without two hex digits ends the name.
    fn name(&mut self) -> Read<Vec<u8>> {
        self.pos += 1;
        let mut bytes = Vec::new();
        loop {
            let run = self
                .rest()
                .iter()
                .take_while(|&&c| c != b'#' && is_regular(c))
                .count();
            bytes.extend_from_slice(&self.data[self.pos..self.pos + run]);
            self.pos += run;
            let escaped = match self.rest() {
                [b'#', high, low, ..] => hex_digit(*high).zip(hex_digit(*low)),
                _ => None,
            };
            match escaped {
                Some((high, low)) => {
                    bytes.push(high << 4 | low);
                    self.pos += 3;
                }
                None => return Ok(bytes),
            }
        }
    }

    /// `( … )` with escapes, line ends read as `\n`, and balanced parentheses kept.
    fn literal_string(&mut self) -> Read<Object> {
        self.pos += 1;
        let mut bytes = Vec::new();
        let mut open = 0usize;
        loop {
            let Some(c) = self.peek() else {
                return Err(Miss::Soft);
            };
            self.pos += 1;
            match c {
                b')' if open == 0 => return Ok(Object::String(bytes, StringFormat::Literal)),
                b')' => {
                    open -= 1;
                    bytes.push(c);
                }
                b'(' if open == MAX_BRACKETS => return Err(Miss::Soft),
                b'(' => {
                    open += 1;
                    bytes.push(c);
                }
                b'\\' => self.escape(&mut bytes)?,
                b'\r' => {
                    self.skip_byte(b'\n');
                    bytes.push(b'\n');
                }
                b'\n' => bytes.push(b'\n'),
                _ => bytes.push(c),
            }
        }
    }

    /// The escape after a backslash in a literal string.
    fn escape(&mut self, bytes: &mut Vec<u8>) -> Read<()> {
        let c = self.peek().ok_or(Miss::Soft)?;
        self.pos += 1;
        match c {
            b'0'..=b'7' => {
                let mut value = u16::from(c - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ b'0'..=b'7') => {
                            value = value * 8 + u16::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                // The specification says to ignore overflow: `\777` is one byte.
                bytes.push(value as u8);
            }
            b'\r' => {
                self.skip_byte(b'\n');
            }
            b'\n' => {}
            b'n' => bytes.push(b'\n'),
            b'r' => bytes.push(b'\r'),
            b't' => bytes.push(b'\t'),
            b'b' => bytes.push(0x08),
            b'f' => bytes.push(0x0C),
            other => bytes.push(other),
        }
        Ok(())
    }

    /// `<hex digits>` (white space allowed between digits), else a `<< dictionary >>`.
    fn hex_string_or_dictionary(&mut self, depth: usize) -> Read<Object> {
        let start = self.pos;
        if let Some(bytes) = self.hex_string() {
            return Ok(Object::String(bytes, StringFormat::Hexadecimal));
        }
        self.pos = start;
        self.dictionary(depth).map(Object::Dictionary)
    }

    fn hex_string(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut bytes = Vec::new();
        let mut high = true;
        loop {
            self.skip_white_space();
            let Some(value) = self.peek().and_then(hex_digit) else {
                break;
            };
            self.pos += 1;
            match bytes.last_mut() {
                Some(last) if !high => *last |= value,
                _ => bytes.push(value << 4),
            }
            high = !high;
        }
        self.skip_byte(b'>').then_some(bytes)
    }

    fn dictionary(&mut self, depth: usize) -> Read<Dictionary> {
        if !self.keyword(b"<<") {
            return Err(Miss::Soft);
        }
        self.skip_space();
        let dictionary = self.entries(depth)?;
        if self.keyword(b">>") {
            Ok(dictionary)
        } else {
            Err(Miss::Soft)
        }
    }

    /// `/Key value` pairs, up to the first token that is not one.
    fn entries(&mut self, depth: usize) -> Read<Dictionary> {
        let mut dictionary = Dictionary::new();
        self.repeat(|reader| {
            if reader.peek() != Some(b'/') {
                return Err(Miss::Soft);
            }
            let key = reader.name()?;
            reader.skip_space();
            dictionary.set(key, reader.nested_object(depth)?);
            Ok(())
        })?;
        Ok(dictionary)
    }

    fn array(&mut self, depth: usize) -> Read<Vec<Object>> {
        self.pos += 1;
        self.skip_space();
        let mut items = Vec::new();
        self.repeat(|reader| {
            items.push(reader.nested_object(depth)?);
            Ok(())
        })?;
        if self.skip_byte(b']') {
            Ok(items)
        } else {
            Err(Miss::Soft)
        }
    }

    /// Reads with `item` until it finds nothing more, going back to where that attempt began;
    /// a malformed item fails the whole.
    fn repeat(&mut self, mut item: impl FnMut(&mut Self) -> Read<()>) -> Read<()> {
        loop {
            let start = self.pos;
            match item(self) {
                Ok(()) => {}
                Err(Miss::Soft) => {
                    self.pos = start;
                    return Ok(());
                }
                Err(Miss::Hard) => return Err(Miss::Hard),
            }
        }
    }

    /// A value inside an array or dictionary, and the space after it; nesting deeper than
    /// allowed makes the stream malformed, whatever follows.
    fn nested_object(&mut self, depth: usize) -> Read<Object> {
        if depth == 0 {
            return Err(Miss::Hard);
        }
        let object = self.direct_object(depth - 1)?;
        self.skip_space();
        Ok(object)
    }

    /// Skips an inline image: its dictionary, `ID`, the data (measured from the dictionary where
    /// possible, else up to a white-space-delimited `EI`) and `EI`.
    fn inline_image(&mut self) -> Read<()> {
        let dictionary = self.entries(MAX_NESTING).map_err(|_| Miss::Hard)?;
        if !self.keyword(b"ID") {
            return Err(Miss::Hard);
        }
        // One white-space character (CR LF counts as one) separates `ID` from the data.
        if !self.keyword(b"\r\n") && self.peek().is_some_and(is_white_space) {
            self.pos += 1;
        }
        match inline_image_length(&dictionary).filter(|&length| length <= self.rest().len()) {
            Some(length) => {
                self.pos += length;
                self.skip_white_space();
                if !self.keyword(b"EI") {
                    return Err(Miss::Hard);
                }
            }
            None => {
                let end = image_end(self.rest()).ok_or(Miss::Hard)?;
                self.pos += end + 3;
            }
        }
        self.skip_white_space();
        Ok(())
    }

    /// Consumes a `%` comment and its end of line; false (nothing consumed) at a comment that
    /// runs to the end of the stream.
    fn comment(&mut self) -> bool {
        let line = self
            .rest()
            .iter()
            .take_while(|&&c| c != b'\r' && c != b'\n')
            .count();
        let after = self.pos + line;
        let eol = match self.data.get(after..) {
            Some([b'\r', b'\n', ..]) => 2,
            Some([b'\r' | b'\n', ..]) => 1,
            _ => return false,
        };
        self.pos = after + eol;
        true
    }

    /// White space and comments (inside arrays, dictionaries and references).
    fn skip_space(&mut self) {
        loop {
            self.skip_white_space();
            if !(self.peek() == Some(b'%') && self.comment()) {
                return;
            }
        }
    }

    fn skip_white_space(&mut self) {
        self.pos += self
            .rest()
            .iter()
            .take_while(|&&c| is_white_space(c))
            .count();
    }

    fn skip_byte(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn rest(&self) -> &'a [u8] {
        &self.data[self.pos..]
    }
}

/// The byte length of an inline image's data from its dictionary, when it can be known:
/// width × height × bits per pixel without a filter, in the colour spaces lopdf accepts.
fn inline_image_length(dictionary: &Dictionary) -> Option<usize> {
    let get =
        |short: &[u8], long: &[u8]| dictionary.get(short).or_else(|_| dictionary.get(long)).ok();
    let size = |short: &[u8], long: &[u8]| {
        get(short, long).map(|value| value.as_i64().ok().and_then(|v| usize::try_from(v).ok()))
    };
    let width = size(b"W", b"Width")??;
    let height = size(b"H", b"Height")??;
    let mask = get(b"IM", b"ImageMask").and_then(|v| v.as_bool().ok()) == Some(true);
    let bits = match size(b"BPC", b"BitsPerComponent") {
        None if mask => 1,
        bits => bits??,
    };
    let colours = if mask {
        1
    } else {
        match get(b"CS", b"ColorSpace")? {
            Object::Array(array)
                if matches!(
                    array.first().map(Object::as_name),
                    Some(Ok(b"Indexed" | b"I"))
                ) =>
            {
                1
            }
            space => match space.as_name().ok()? {
                b"DeviceGray" | b"G" | b"Gray" => 1,
                b"DeviceRGB" | b"RGB" => 3,
                b"DeviceRGBA" | b"RGBA" | b"DeviceCMYK" | b"CMYK" => 4,
                _ => return None,
            },
        }
    };
    if get(b"F", b"Filter").is_some() {
        return None;
    }
    bits.checked_mul(colours)
        .and_then(|pixel| width.checked_mul(pixel))
        .and_then(|row| row.div_ceil(8).checked_mul(height))
}

/// Where image data of unknown length ends: at the first `EI` that follows white space and is
/// followed by white space or the end (the offset is that of the white space before it).
fn image_end(data: &[u8]) -> Option<usize> {
    data.windows(3).enumerate().find_map(|(at, w)| {
        (is_white_space(w[0])
            && &w[1..] == b"EI"
            && data.get(at + 3).is_none_or(|&c| is_white_space(c)))
        .then_some(at)
    })
}

fn integer(digits: &[u8], negative: bool) -> Option<i64> {
    let magnitude = digits_value(digits)?;
    if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

fn digits_value(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |value, &digit| {
        value.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    })
}

fn parse_f32(text: &[u8]) -> Option<f32> {
    std::str::from_utf8(text).ok()?.parse().ok()
}

fn is_white_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | 0x0C)
}

fn is_regular(c: u8) -> bool {
    !is_white_space(c) && !b"()<>[]{}/%".contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::Content;
    use proptest::prelude::*;

    /// What a reader yields for a stream: operators with operands, then an error or nothing.
    type Outcome = Vec<Result<(Vec<u8>, Vec<Object>), ()>>;

    fn ours(data: &[u8]) -> Outcome {
        let mut operations = Operations::new(data);
        let mut outcome = Vec::new();
        while let Some(operation) = operations.next_operation() {
            outcome.push(
                operation
                    .map(|op| (op.operator.to_vec(), op.operands.to_vec()))
                    .map_err(|_| ()),
            );
        }
        outcome
    }

    /// lopdf's reading, with inline images reduced to their operator as ours are (an image is
    /// the only operand that is a stream).
    fn lopdf(data: &[u8]) -> Outcome {
        Content::<Vec<lopdf::content::Operation>>::decode_iter(data)
            .map(|operation| {
                operation
                    .map(|op| {
                        let operands = op.operands.into_iter();
                        let operands = operands.filter(|o| !matches!(o, Object::Stream(_)));
                        (op.operator.into_bytes(), operands.collect())
                    })
                    .map_err(|_| ())
            })
            .collect()
    }

    fn assert_same_as_lopdf(data: &[u8]) {
        assert_eq!(
            ours(data),
            lopdf(data),
            "stream {:?}",
            String::from_utf8_lossy(data)
        );
    }

    #[test]
    fn reads_operands_of_every_kind() {
        let data = b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm (a\\(b\\) \\101\\n) Tj [(x) -250 <41 4>] TJ \
                     /P <</MCID 3 /R 1 0 R /A [true false null]>> BDC ET";
        let outcome = ours(data);
        assert_eq!(outcome.len(), 7);
        let (operator, operands) = outcome[3].clone().unwrap();
        assert_eq!(operator, b"Tj");
        assert_eq!(operands, vec![Object::string_literal(&b"a(b) A\n"[..])]);
        let (_, operands) = outcome[4].clone().unwrap();
        assert_eq!(
            operands,
            vec![Object::Array(vec![
                Object::string_literal("x"),
                Object::Integer(-250),
                Object::String(vec![0x41, 0x40], StringFormat::Hexadecimal),
            ])]
        );
        assert_same_as_lopdf(data);
    }

    #[test]
    fn reads_what_lopdf_reads_at_its_edges() {
        let mut deep_array = "[".repeat(MAX_NESTING + 1);
        deep_array.push_str(&"]".repeat(MAX_NESTING + 1));
        let deep_string = format!(
            "{}x{} Tj",
            "(".repeat(MAX_BRACKETS + 2),
            ")".repeat(MAX_BRACKETS + 2)
        );
        let cases: [&[u8]; 16] = [
            b"0.00-4142502 1. .5 -.5 +3 Td 99999999999999999999 Td",
            b"1-2 Td 1.5.3 Td",
            b"/A#20B /# /C#4 Tf",
            b"% a comment\r\n  q 1 0 0 1 0 0 cm Q % at the end",
            b"1 % inside\n 2 Td",
            b"(unbalanced Tj",
            b"(ends in a backslash\\",
            b"<4 1 z> Tj",
            b"nullx truey Do",
            b"BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\x01 EI Q",
            b"BI /W 2 /H 1 /BPC 8 /CS /RGB ID \x00\x01 EI Q",
            b"BI /W 1 /H 1 /F /AHx ID 00 EI q",
            b"BI /IM true /W 8 /H 1 ID\r\n\xff EI BT",
            b"BI /W 1 ID no end",
            deep_array.as_bytes(),
            deep_string.as_bytes(),
        ];
        for data in cases {
            assert_same_as_lopdf(data);
        }
        assert!(ours(deep_array.as_bytes()).last().unwrap().is_err());
    }

    #[test]
    fn reads_the_corpus_page_streams_as_lopdf_does() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut streams = 0;
        for entry in std::fs::read_dir(corpus).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "pdf") {
                continue;
            }
            let Ok(document) = lopdf::Document::load(&path) else {
                continue;
            };
            for page in document.get_pages().into_values() {
                let data = document.get_page_content(page);
                assert_same_as_lopdf(&data);
                streams += usize::from(!data.is_empty());
            }
        }
        assert!(streams > 40, "only {streams} page streams read");
    }

    /// Pieces of content streams, well-formed and not, for the differential property.
    fn fragment() -> impl Strategy<Value = Vec<u8>> {
        let pieces: Vec<&'static [u8]> = vec![
            b" ",
            b"\n",
            b"\r\n",
            b"\r",
            b"\t",
            b"\0",
            b"\x0c",
            b"0",
            b"12",
            b"-3",
            b"+4",
            b"1.5",
            b"-.25",
            b".",
            b"-",
            b"0.00-41",
            b"99999999999999999999",
            b"/F1",
            b"/A#41",
            b"/#",
            b"/",
            b"(",
            b")",
            b"(a b)",
            b"(\\",
            b"\\(",
            b"\\n",
            b"\\053",
            b"\\\r\n",
            b"<",
            b">",
            b"<41 42>",
            b"<4>",
            b"<<",
            b">>",
            b"[",
            b"]",
            b"{",
            b"}",
            b"%c\n",
            b"%",
            b"null",
            b"true",
            b"false",
            b"1 0 R",
            b"R",
            b"Tj",
            b"TJ",
            b"Tf",
            b"Td",
            b"T*",
            b"'",
            b"\"",
            b"d0",
            b"BT",
            b"ET",
            b"q",
            b"Q",
            b"BI",
            b"ID",
            b"EI",
            b" EI ",
            b"/W 1",
            b"/H 1",
            b"/BPC 8",
            b"/CS /G",
            b"/IM true",
            b"/F /AHx",
            b"\xff",
            b"\x80",
            b"<</A 1 /B [2 (c)]>>",
            b"[1 (a) <62> /N]",
            b"[%c\n1 0 R]",
            b"<</D <</E 3>>>>",
        ];
        prop_oneof![
            4 => proptest::sample::select(pieces).prop_map(<[u8]>::to_vec),
            1 => proptest::collection::vec(any::<u8>(), 1..4),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn reads_any_stream_as_lopdf_does(fragments in proptest::collection::vec(fragment(), 0..40)) {
            let data = fragments.concat();
            prop_assert_eq!(ours(&data), lopdf(&data));
        }
    }
}

//! Content-stream operations, read by hand.
//!
//! lopdf's content parser is built from parser combinators and allocates an operator string and
//! an operand vector for every operation; on real résumés it was half of all extraction time.
//! This reader accepts exactly the grammar of `lopdf::content::Content::decode_iter`, quirks
//! included, so that the text extracted does not change: operands are separated by white space
//! only, a comment may only precede an operation, and an unreadable token ends the stream
//! quietly. An operation borrows its operator from the stream and its operands from buffers
//! that every operation reuses: an operand is a 16-byte token whose bytes (of a name or string)
//! and items (of an array or dictionary) lie in those buffers, where a lopdf `Object` is 120
//! bytes with a heap allocation per string. Inline images are skipped, not kept.

use crate::content_hash::hex_digit;
use lopdf::ParseError;

/// How deeply arrays and dictionaries may nest, as in lopdf.
const MAX_NESTING: usize = 100;
/// How deeply parentheses may nest inside a literal string, as in lopdf.
const MAX_BRACKETS: usize = 100;

/// One operation: an operator and the operands written before it.
pub(super) struct Operation<'o> {
    /// The operator's bytes, such as `Tj` or `T*`.
    pub(super) operator: &'o [u8],
    /// The operands, in stream order (none for an inline image).
    pub(super) operands: Operands<'o>,
}

/// A list of operands (an operation's, or the items of an array or dictionary), with the
/// buffers their contents lie in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Operands<'o> {
    tokens: &'o [Token],
    items: &'o [Token],
    bytes: &'o [u8],
}

/// An operand with what the walker reads of it, borrowed: lopdf's `Object` without what no
/// text depends on (a reference's target, a string's notation, a dictionary's entries).
#[derive(Debug, Clone, Copy)]
pub(super) enum Operand<'o> {
    Null,
    Boolean(bool),
    Integer(i64),
    Real(f32),
    /// `object generation R` (only inside arrays and dictionaries).
    Reference,
    Name(&'o [u8]),
    /// A literal or hexadecimal string's bytes.
    String(&'o [u8]),
    Array(Operands<'o>),
    Dictionary,
}

/// An operand as read: its kind, and its value or where in the reader's buffers its contents
/// lie. Two whole words rather than an enum with a one-byte tag: such an enum was copied back
/// in overlapping 8-byte pieces right after being written field by field, and every one of
/// those reads stalled on the narrower writes it overlapped (13 % of the walker's time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token {
    kind: Kind,
    /// The boolean, the integer's bits, the real's bits, or a [`Span`] (start, end << 32).
    value: u64,
}

#[repr(u64)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Null,
    Boolean,
    Integer,
    Real,
    Reference,
    Name,
    String,
    Array,
    Dictionary,
}

impl Token {
    const NULL: Token = Token::of(Kind::Null, 0);
    const REFERENCE: Token = Token::of(Kind::Reference, 0);
    const DICTIONARY: Token = Token::of(Kind::Dictionary, 0);

    const fn of(kind: Kind, value: u64) -> Token {
        Token { kind, value }
    }

    fn boolean(value: bool) -> Token {
        Token::of(Kind::Boolean, u64::from(value))
    }

    fn integer(value: i64) -> Token {
        Token::of(Kind::Integer, value as u64)
    }

    fn real(value: f32) -> Token {
        Token::of(Kind::Real, u64::from(value.to_bits()))
    }

    fn name(span: Span) -> Token {
        Token::of(Kind::Name, span.packed())
    }

    fn string(span: Span) -> Token {
        Token::of(Kind::String, span.packed())
    }

    fn array(span: Span) -> Token {
        Token::of(Kind::Array, span.packed())
    }

    fn span(&self) -> Span {
        Span {
            start: self.value as u32,
            end: (self.value >> 32) as u32,
        }
    }
}

/// A range of one of the reader's buffers: bytes for names and strings, items for arrays and
/// dictionaries.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// (Offsets fit: [`Operations::new`] reads at most 4 GiB of a stream.)
    fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    fn of<T>(self, buffer: &[T]) -> &[T] {
        &buffer[self.start as usize..self.end as usize]
    }

    fn packed(self) -> u64 {
        u64::from(self.start) | u64::from(self.end) << 32
    }
}

impl<'o> Operands<'o> {
    /// The operand at `index`, if there are that many.
    pub(super) fn get(&self, index: usize) -> Option<Operand<'o>> {
        self.tokens.get(index).map(|token| self.resolve(*token))
    }

    /// How many operands there are.
    pub(super) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Every operand, in stream order.
    pub(super) fn iter(&self) -> impl Iterator<Item = Operand<'o>> + '_ {
        self.tokens.iter().map(|token| self.resolve(*token))
    }

    /// The value of the last `key` among dictionary entries (keys and values alternating).
    fn value_of(&self, key: &[u8]) -> Option<Operand<'o>> {
        self.tokens
            .chunks_exact(2)
            .rev()
            .find_map(|entry| match entry {
                [name, value] if name.kind == Kind::Name && name.span().of(self.bytes) == key => {
                    Some(self.resolve(*value))
                }
                _ => None,
            })
    }

    fn resolve(&self, token: Token) -> Operand<'o> {
        match token.kind {
            Kind::Null => Operand::Null,
            Kind::Boolean => Operand::Boolean(token.value != 0),
            Kind::Integer => Operand::Integer(token.value as i64),
            Kind::Real => Operand::Real(f32::from_bits(token.value as u32)),
            Kind::Reference => Operand::Reference,
            Kind::Name => Operand::Name(token.span().of(self.bytes)),
            Kind::String => Operand::String(token.span().of(self.bytes)),
            Kind::Array => Operand::Array(Operands {
                tokens: token.span().of(self.items),
                ..*self
            }),
            Kind::Dictionary => Operand::Dictionary,
        }
    }
}

impl<'o> Operand<'o> {
    /// A finite number, integer or real (lopdf's `as_float`, infinities refused).
    pub(super) fn number(&self) -> Option<f32> {
        match *self {
            Operand::Integer(value) => Some(value as f32),
            Operand::Real(value) => Some(value),
            _ => None,
        }
        .filter(|value| value.is_finite())
    }

    /// An integer (a real is not one, as in lopdf).
    pub(super) fn integer(&self) -> Option<i64> {
        match *self {
            Operand::Integer(value) => Some(value),
            _ => None,
        }
    }

    /// A name's bytes, `#xx` escapes decoded.
    pub(super) fn name(&self) -> Option<&'o [u8]> {
        match *self {
            Operand::Name(name) => Some(name),
            _ => None,
        }
    }

    /// A string's bytes, literal or hexadecimal.
    pub(super) fn string(&self) -> Option<&'o [u8]> {
        match *self {
            Operand::String(bytes) => Some(bytes),
            _ => None,
        }
    }

    /// An array's items.
    pub(super) fn array(&self) -> Option<Operands<'o>> {
        match *self {
            Operand::Array(items) => Some(items),
            _ => None,
        }
    }
}

/// Reads the operations of one decompressed content stream, one at a time.
pub(super) struct Operations<'a> {
    data: &'a [u8],
    pos: usize,
    /// The current operation's operands.
    operands: Vec<Token>,
    /// Items of the current operation's closed arrays and dictionaries.
    items: Vec<Token>,
    /// Items of the arrays and dictionaries still open, innermost last.
    open_items: Vec<Token>,
    /// Bytes of the current operation's names and strings.
    bytes: Vec<u8>,
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
        // Spans are 32-bit; extraction limits keep streams far shorter (64 MiB by default).
        let data = &data[..data.len().min(u32::MAX as usize)];
        let mut operations = Operations {
            data,
            pos: 0,
            operands: Vec::new(),
            items: Vec::new(),
            open_items: Vec::new(),
            bytes: Vec::new(),
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
                operands: Operands {
                    tokens: &self.operands,
                    items: &self.items,
                    bytes: &self.bytes,
                },
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
        self.items.clear();
        self.bytes.clear();
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

    /// An operand at the top level of the stream, where references do not exist. Inlined
    /// into the operation loop, as [`Self::number`] is into it: most operands are numbers, and
    /// the calls cost 5 % of the walker's time on real résumés.
    #[inline(always)]
    fn operand(&mut self) -> Read<Token> {
        match self.peek() {
            Some(b'n') => self.null(),
            Some(b't' | b'f') => self.boolean(),
            Some(b'0'..=b'9' | b'+' | b'-' | b'.') => self.number(),
            Some(b'/') => self.name().map(Token::name),
            Some(b'(') => self.literal_string(),
            Some(b'<') => self.hex_string_or_dictionary(MAX_NESTING),
            Some(b'[') => self.array(MAX_NESTING),
            _ => Err(Miss::Soft),
        }
    }

    /// An object inside an array or dictionary, `depth` levels of nesting still allowed.
    fn direct_object(&mut self, depth: usize) -> Read<Token> {
        let start = self.pos;
        let object = match self.peek() {
            Some(b'0'..=b'9') => match self.reference() {
                Some(()) => Ok(Token::REFERENCE),
                None => {
                    self.pos = start;
                    self.number()
                }
            },
            Some(b'[') => self.array(depth),
            Some(b'<') => self.hex_string_or_dictionary(depth),
            _ => self.operand(),
        };
        if object.is_err() {
            self.pos = start;
        }
        object
    }

    fn null(&mut self) -> Read<Token> {
        self.keyword(b"null")
            .then_some(Token::NULL)
            .ok_or(Miss::Soft)
    }

    fn boolean(&mut self) -> Read<Token> {
        if self.keyword(b"true") {
            Ok(Token::boolean(true))
        } else if self.keyword(b"false") {
            Ok(Token::boolean(false))
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
    #[inline(always)]
    fn number(&mut self) -> Read<Token> {
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
                    .map(Token::integer)
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
        value.map(Token::real).ok_or(Miss::Soft)
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
    /// (Numbers that do not fit lopdf's `u32` and `u16` make it no reference.)
    fn reference(&mut self) -> Option<()> {
        self.unsigned::<u32>()?;
        self.skip_space();
        self.unsigned::<u16>()?;
        self.skip_space();
        self.keyword(b"R").then_some(())
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
    fn name(&mut self) -> Read<Span> {
        self.pos += 1;
        let start = self.bytes.len();
        loop {
            let run = self
                .rest()
                .iter()
                .take_while(|&&c| c != b'#' && is_regular(c))
                .count();
            self.bytes
                .extend_from_slice(&self.data[self.pos..self.pos + run]);
            self.pos += run;
            let escaped = match self.rest() {
                [b'#', high, low, ..] => hex_digit(*high).zip(hex_digit(*low)),
                _ => None,
            };
            match escaped {
                Some((high, low)) => {
                    self.bytes.push(high << 4 | low);
                    self.pos += 3;
                }
                None => return Ok(Span::new(start, self.bytes.len())),
            }
        }
    }

    /// `( … )` with escapes, line ends read as `\n`, and balanced parentheses kept.
    fn literal_string(&mut self) -> Read<Token> {
        self.pos += 1;
        let start = self.bytes.len();
        let mut bytes = std::mem::take(&mut self.bytes);
        let read = self.literal_string_into(&mut bytes);
        let end = bytes.len();
        self.bytes = bytes;
        read.map(|()| Token::string(Span::new(start, end)))
    }

    fn literal_string_into(&mut self, bytes: &mut Vec<u8>) -> Read<()> {
        let mut open = 0usize;
        loop {
            let Some(c) = self.peek() else {
                return Err(Miss::Soft);
            };
            self.pos += 1;
            match c {
                b')' if open == 0 => return Ok(()),
                b')' => {
                    open -= 1;
                    bytes.push(c);
                }
                b'(' if open == MAX_BRACKETS => return Err(Miss::Soft),
                b'(' => {
                    open += 1;
                    bytes.push(c);
                }
                b'\\' => self.escape(bytes)?,
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
    fn hex_string_or_dictionary(&mut self, depth: usize) -> Read<Token> {
        let start = self.pos;
        if let Some(bytes) = self.hex_string() {
            return Ok(Token::string(bytes));
        }
        self.pos = start;
        self.dictionary(depth).map(|_| Token::DICTIONARY)
    }

    fn hex_string(&mut self) -> Option<Span> {
        self.pos += 1;
        let start = self.bytes.len();
        let mut high_nibble = None;
        let mut read = 0;
        for &c in self.rest() {
            if let Some(value) = hex_digit(c) {
                match high_nibble.take() {
                    Some(high) => self.bytes.push(high << 4 | value),
                    None => high_nibble = Some(value),
                }
            } else if !is_white_space(c) {
                break;
            }
            read += 1;
        }
        // An odd last digit is followed by an implied 0.
        if let Some(high) = high_nibble {
            self.bytes.push(high << 4);
        }
        self.pos += read;
        self.skip_byte(b'>')
            .then(|| Span::new(start, self.bytes.len()))
    }

    fn dictionary(&mut self, depth: usize) -> Read<Span> {
        if !self.keyword(b"<<") {
            return Err(Miss::Soft);
        }
        self.skip_space();
        let entries = self.entries(depth)?;
        if self.keyword(b">>") {
            Ok(entries)
        } else {
            Err(Miss::Soft)
        }
    }

    /// `/Key value` pairs, up to the first token that is not one.
    fn entries(&mut self, depth: usize) -> Read<Span> {
        self.container(|reader| {
            if reader.peek() != Some(b'/') {
                return Err(Miss::Soft);
            }
            let key = reader.name()?;
            reader.skip_space();
            let value = reader.nested_object(depth)?;
            reader.open_items.extend([Token::name(key), value]);
            Ok(())
        })
    }

    fn array(&mut self, depth: usize) -> Read<Token> {
        self.pos += 1;
        self.skip_space();
        let items = self.container(|reader| {
            let item = reader.nested_object(depth)?;
            reader.open_items.push(item);
            Ok(())
        })?;
        if self.skip_byte(b']') {
            Ok(Token::array(items))
        } else {
            Err(Miss::Soft)
        }
    }

    /// Reads the items of an array or dictionary with `item` (which leaves them in
    /// `open_items`) and moves them, together, to the operation's items once complete: items
    /// of a container nested inside are moved first, so every container's items stay together.
    fn container(&mut self, item: impl FnMut(&mut Self) -> Read<()>) -> Read<Span> {
        let mark = self.open_items.len();
        let read = self.repeat(item);
        let start = self.items.len();
        self.items.extend_from_slice(&self.open_items[mark..]);
        self.open_items.truncate(mark);
        read.map(|()| Span::new(start, self.items.len()))
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
    fn nested_object(&mut self, depth: usize) -> Read<Token> {
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
        let entries = self.entries(MAX_NESTING).map_err(|_| Miss::Hard)?;
        let length = inline_image_length(Operands {
            tokens: entries.of(&self.items),
            items: &self.items,
            bytes: &self.bytes,
        });
        if !self.keyword(b"ID") {
            return Err(Miss::Hard);
        }
        // One white-space character (CR LF counts as one) separates `ID` from the data.
        if !self.keyword(b"\r\n") && self.peek().is_some_and(is_white_space) {
            self.pos += 1;
        }
        match length.filter(|&length| length <= self.rest().len()) {
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
fn inline_image_length(dictionary: Operands) -> Option<usize> {
    let get = |short: &[u8], long: &[u8]| {
        dictionary
            .value_of(short)
            .or_else(|| dictionary.value_of(long))
    };
    let size = |short: &[u8], long: &[u8]| {
        get(short, long).map(|value| value.integer().and_then(|v| usize::try_from(v).ok()))
    };
    let width = size(b"W", b"Width")??;
    let height = size(b"H", b"Height")??;
    let mask = matches!(get(b"IM", b"ImageMask"), Some(Operand::Boolean(true)));
    let bits = match size(b"BPC", b"BitsPerComponent") {
        None if mask => 1,
        bits => bits??,
    };
    let colours = if mask {
        1
    } else {
        match get(b"CS", b"ColorSpace")? {
            Operand::Array(array)
                if matches!(
                    array.get(0).and_then(|first| first.name()),
                    Some(b"Indexed" | b"I")
                ) =>
            {
                1
            }
            space => match space.name()? {
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
    use lopdf::Object;
    use proptest::prelude::*;

    /// An operand as both readers are compared on: lopdf's `Object` without what ours drops.
    #[derive(Debug, Clone, PartialEq)]
    enum Owned {
        Null,
        Boolean(bool),
        Integer(i64),
        Real(f32),
        Reference,
        Name(Vec<u8>),
        String(Vec<u8>),
        Array(Vec<Owned>),
        Dictionary,
    }

    fn owned(operand: Operand) -> Owned {
        match operand {
            Operand::Null => Owned::Null,
            Operand::Boolean(value) => Owned::Boolean(value),
            Operand::Integer(value) => Owned::Integer(value),
            Operand::Real(value) => Owned::Real(value),
            Operand::Reference => Owned::Reference,
            Operand::Name(name) => Owned::Name(name.to_vec()),
            Operand::String(bytes) => Owned::String(bytes.to_vec()),
            Operand::Array(items) => Owned::Array(items.iter().map(owned).collect()),
            Operand::Dictionary => Owned::Dictionary,
        }
    }

    fn projected(object: &Object) -> Owned {
        match object {
            Object::Null => Owned::Null,
            Object::Boolean(value) => Owned::Boolean(*value),
            Object::Integer(value) => Owned::Integer(*value),
            Object::Real(value) => Owned::Real(*value),
            Object::Reference(_) => Owned::Reference,
            Object::Name(name) => Owned::Name(name.clone()),
            Object::String(bytes, _) => Owned::String(bytes.clone()),
            Object::Array(items) => Owned::Array(items.iter().map(projected).collect()),
            Object::Dictionary(_) | Object::Stream(_) => Owned::Dictionary,
        }
    }

    /// What a reader yields for a stream: operators with operands, then an error or nothing.
    type Outcome = Vec<Result<(Vec<u8>, Vec<Owned>), ()>>;

    fn ours(data: &[u8]) -> Outcome {
        let mut operations = Operations::new(data);
        let mut outcome = Vec::new();
        while let Some(operation) = operations.next_operation() {
            outcome.push(
                operation
                    .map(|op| {
                        (
                            op.operator.to_vec(),
                            op.operands.iter().map(owned).collect(),
                        )
                    })
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
                        let operands = op.operands.iter();
                        let operands = operands.filter(|o| !matches!(o, Object::Stream(_)));
                        (op.operator.into_bytes(), operands.map(projected).collect())
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
        assert_eq!(operands, vec![Owned::String(b"a(b) A\n".to_vec())]);
        let (_, operands) = outcome[4].clone().unwrap();
        assert_eq!(
            operands,
            vec![Owned::Array(vec![
                Owned::String(b"x".to_vec()),
                Owned::Integer(-250),
                Owned::String(vec![0x41, 0x40]),
            ])]
        );
        let (_, operands) = outcome[5].clone().unwrap();
        assert_eq!(
            operands,
            vec![Owned::Name(b"P".to_vec()), Owned::Dictionary]
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
        let cases: [&[u8]; 18] = [
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
            b"BI /W 9 /H 1 /W 2 /BPC 8 /CS /G ID \x00\x01 EI Q",
            b"[[1 (a) [<62>]] (c) <</K [2 (d)] /L <</M [3]>>>> 4] TJ",
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

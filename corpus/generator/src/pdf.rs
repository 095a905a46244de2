//! Minimal hand-written PDF object writer: objects, streams, xref table,
//! trailer, optional RC4 encryption (Standard security handler, R2/40-bit).

use crate::crypto::{md5, rc4};
use crate::deflate::zlib_compress;

/// Padding string from the PDF specification (Algorithm 3.2).
const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

/// A PDF object body. Strings are kept apart so they can be encrypted.
#[derive(Clone, Debug)]
pub enum Obj {
    /// Raw PDF syntax emitted verbatim (dictionaries, arrays, numbers, names).
    Raw(String),
    /// A dictionary (without the length entry) followed by a stream body.
    Stream {
        /// Dictionary entries, e.g. `/Type /XObject`; `/Length` is added.
        dict: String,
        /// Stream bytes (already compressed if a filter is named).
        data: Vec<u8>,
    },
}

/// Collects numbered objects and serialises a complete PDF file.
#[derive(Default)]
pub struct PdfWriter {
    objs: Vec<Option<Obj>>,
    /// Info dictionary entries: (key, text value).
    info: Vec<(String, String)>,
    encrypt: Option<Encryption>,
}

struct Encryption {
    key: Vec<u8>,
    o: [u8; 32],
    u: [u8; 32],
    p: i32,
    id: [u8; 16],
}

impl PdfWriter {
    /// Creates an empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reserves the next object number (1-based) and returns it.
    pub fn reserve(&mut self) -> usize {
        self.objs.push(None);
        self.objs.len()
    }

    /// Sets the body of a reserved object.
    pub fn set(&mut self, id: usize, obj: Obj) {
        self.objs[id - 1] = Some(obj);
    }

    /// Adds an object and returns its number.
    pub fn add(&mut self, obj: Obj) -> usize {
        let id = self.reserve();
        self.set(id, obj);
        id
    }

    /// Adds a raw object and returns its number.
    pub fn add_raw(&mut self, s: impl Into<String>) -> usize {
        self.add(Obj::Raw(s.into()))
    }

    /// Adds a stream, Flate-compressing it when `compress` is set.
    pub fn add_stream(&mut self, dict: &str, data: Vec<u8>, compress: bool) -> usize {
        if compress {
            let z = zlib_compress(&data);
            self.add(Obj::Stream {
                dict: format!("{dict} /Filter /FlateDecode"),
                data: z,
            })
        } else {
            self.add(Obj::Stream {
                dict: dict.to_string(),
                data,
            })
        }
    }

    /// Fills the reserved `pages_id` with a page tree of the page objects `kids`, and the
    /// reserved `catalog` with the document catalog pointing at it.
    pub fn set_page_tree(&mut self, catalog: usize, pages_id: usize, kids: &[usize]) {
        let kids: Vec<String> = kids.iter().map(|kid| format!("{kid} 0 R")).collect();
        self.set(
            pages_id,
            Obj::Raw(format!(
                "<< /Type /Pages /Kids [{}] /Count {} >>",
                kids.join(" "),
                kids.len()
            )),
        );
        self.set(
            catalog,
            Obj::Raw(format!("<< /Type /Catalog /Pages {pages_id} 0 R >>")),
        );
    }

    /// Adds an Info dictionary entry (e.g. `Producer`).
    pub fn info(&mut self, key: &str, value: &str) {
        self.info.push((key.to_string(), value.to_string()));
    }

    /// Enables RC4 40-bit encryption with the given user password
    /// (owner password is fixed). Must be called before `finish`.
    pub fn encrypt_with(&mut self, user_pw: &str, owner_pw: &str, seed: &[u8]) {
        let id = md5(seed);
        let pad = |pw: &str| {
            let mut v: Vec<u8> = pw.bytes().take(32).collect();
            v.extend_from_slice(&PAD[..32 - v.len()]);
            v
        };
        // Algorithm 3.3: O entry.
        let okey = md5(&pad(owner_pw));
        let mut o = [0u8; 32];
        o.copy_from_slice(&rc4(&okey[..5], &pad(user_pw)));
        // Algorithm 3.2: encryption key.
        let p: i32 = -44; // print + copy allowed, high bits set
        let mut buf = pad(user_pw);
        buf.extend_from_slice(&o);
        buf.extend_from_slice(&p.to_le_bytes());
        buf.extend_from_slice(&id);
        let key = md5(&buf)[..5].to_vec();
        // Algorithm 3.4: U entry.
        let mut u = [0u8; 32];
        u.copy_from_slice(&rc4(&key, &PAD));
        self.encrypt = Some(Encryption { key, o, u, p, id });
    }

    fn obj_key(&self, num: usize) -> Option<Vec<u8>> {
        self.encrypt.as_ref().map(|e| {
            let mut b = e.key.clone();
            b.extend_from_slice(&(num as u32).to_le_bytes()[..3]);
            b.extend_from_slice(&[0, 0]);
            md5(&b)[..(e.key.len() + 5).min(16)].to_vec()
        })
    }

    /// Serialises the file with `/Root root` and returns the bytes.
    pub fn finish(mut self, root: usize) -> Vec<u8> {
        let info_num = self.reserve();
        let mut out: Vec<u8> = Vec::with_capacity(16 * 1024);
        out.extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
        let mut offsets = Vec::with_capacity(self.objs.len() + 1);
        let objs = std::mem::take(&mut self.objs);
        for (i, obj) in objs.iter().enumerate() {
            let num = i + 1;
            offsets.push(out.len());
            out.extend_from_slice(format!("{num} 0 obj\n").as_bytes());
            let key = self.obj_key(num);
            if num == info_num {
                let mut d = String::from("<<");
                for (k, v) in &self.info {
                    d.push_str(&format!(" /{k} "));
                    d.push_str(&text_string(v, key.as_deref()));
                }
                d.push_str(" >>");
                out.extend_from_slice(d.as_bytes());
            } else {
                match obj.as_ref().expect("unset PDF object") {
                    Obj::Raw(s) => out.extend_from_slice(s.as_bytes()),
                    Obj::Stream { dict, data } => {
                        let data = match &key {
                            Some(k) => rc4(k, data),
                            None => data.clone(),
                        };
                        out.extend_from_slice(
                            format!("<< {dict} /Length {} >>\nstream\n", data.len()).as_bytes(),
                        );
                        out.extend_from_slice(&data);
                        out.extend_from_slice(b"\nendstream");
                    }
                }
            }
            out.extend_from_slice(b"\nendobj\n");
        }
        let mut trailer_extra = String::new();
        let mut n = objs.len();
        if let Some(e) = &self.encrypt {
            n += 1;
            offsets.push(out.len());
            let enc = format!(
                "{n} 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /O <{}> /U <{}> /P {} >>\nendobj\n",
                hex(&e.o),
                hex(&e.u),
                e.p
            );
            out.extend_from_slice(enc.as_bytes());
            trailer_extra = format!(" /Encrypt {n} 0 R /ID [<{0}> <{0}>]", hex(&e.id));
        }
        let xref = out.len();
        let mut x = format!("xref\n0 {}\n0000000000 65535 f \n", n + 1);
        for off in &offsets {
            x.push_str(&format!("{off:010} 00000 n \n"));
        }
        x.push_str(&format!(
            "trailer\n<< /Size {} /Root {root} 0 R /Info {info_num} 0 R{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            n + 1
        ));
        out.extend_from_slice(x.as_bytes());
        out
    }
}

/// Lowercase hex encoding.
pub fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

/// Encodes a text string for the Info dictionary: PDFDocEncoding-compatible
/// ASCII as a literal, otherwise UTF-16BE with BOM as hex; RC4 when `key`.
fn text_string(v: &str, key: Option<&[u8]>) -> String {
    let bytes: Vec<u8> = if v.is_ascii() {
        v.as_bytes().to_vec()
    } else {
        let mut b = vec![0xFE, 0xFF];
        for u in v.encode_utf16() {
            b.extend_from_slice(&u.to_be_bytes());
        }
        b
    };
    match key {
        Some(k) => format!("<{}>", hex(&rc4(k, &bytes))),
        None if v.is_ascii() => literal(&bytes),
        None => format!("<{}>", hex(&bytes)),
    }
}

/// Escapes bytes as a PDF literal string `( ... )`.
pub fn literal(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() + 2);
    s.push('(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => {
                s.push('\\');
                s.push(b as char);
            }
            0x20..=0x7E => s.push(b as char),
            _ => s.push_str(&format!("\\{b:03o}")),
        }
    }
    s.push(')');
    s
}

/// Formats a coordinate with at most two decimals, trimming zeros.
pub fn num(v: f32) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_string()
    }
}

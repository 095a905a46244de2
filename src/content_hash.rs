//! The SHA-256 of an input file's bytes: the identity of a CV's content across runs. Held as 32
//! bytes (not 64 hex characters on the heap) because a run keeps one per input file, and written
//! as lowercase hex wherever it leaves memory (index, stores, caches, the run manifest).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// SHA-256 of a file's bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentHash([u8; 32]);

impl ContentHash {
    /// The hash a finished SHA-256 computation produced.
    pub fn new(digest: [u8; 32]) -> ContentHash {
        ContentHash(digest)
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Written at once: the manifest and the hash cache write tens of thousands of hashes.
        let mut digits = [0u8; 64];
        for (pair, &byte) in digits.chunks_exact_mut(2).zip(&self.0) {
            pair.copy_from_slice(&hex_pair(byte));
        }
        f.write_str(std::str::from_utf8(&digits).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Text that is not 64 hex digits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a SHA-256 in hex: {0:?}")]
pub struct NotAHash(String);

impl FromStr for ContentHash {
    type Err = NotAHash;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut bytes = [0; 32];
        unhex_into(text, &mut bytes)
            .map(|()| ContentHash(bytes))
            .ok_or_else(|| NotAHash(text.chars().take(80).collect()))
    }
}

impl Serialize for ContentHash {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ContentHash {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Lowercase hex of `bytes`, for bytes that must travel as plain text.
pub fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .flat_map(|&byte| hex_pair(byte))
        .map(char::from)
        .collect()
}

/// The two lowercase hex digits of `byte`.
fn hex_pair(byte: u8) -> [u8; 2] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    [
        DIGITS[usize::from(byte >> 4)],
        DIGITS[usize::from(byte & 15)],
    ]
}

/// The bytes of [`hex`] text; None when it is not an even number of hex digits. (A rerun
/// reads tens of thousands of hashes back: this decodes digit pairs without parsing numbers.)
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let mut bytes = vec![0; text.len() / 2];
    unhex_into(text, &mut bytes)?;
    Some(bytes)
}

/// Decodes `text` into `bytes`, two hex digits a byte; None unless `text` is hex and exactly
/// fills `bytes`.
fn unhex_into(text: &str, bytes: &mut [u8]) -> Option<()> {
    let digits = text.as_bytes();
    if digits.len() != bytes.len() * 2 {
        return None;
    }
    for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
        *byte = hex_digit(pair[0])? << 4 | hex_digit(pair[1])?;
    }
    Some(())
}

/// The value of one hex digit (either case); also read in PDF names and hex strings.
pub(crate) fn hex_digit(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|value| value as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_travel_as_lowercase_hex() {
        let hash = ContentHash::new(std::array::from_fn(|at| at as u8 * 8));
        let text = hash.to_string();
        assert_eq!(text.len(), 64);
        assert!(text.starts_with("0008101820"), "{text}");
        assert_eq!(text.parse(), Ok(hash));
        let json = serde_json::to_string(&hash).expect("json");
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(
            serde_json::from_str::<ContentHash>(&json).expect("parse"),
            hash
        );
        assert!("abc".parse::<ContentHash>().is_err());
        assert!("zz".repeat(32).parse::<ContentHash>().is_err());
        assert_eq!(unhex("0aFf"), Some(vec![10, 255]));
        assert_eq!(unhex("0g"), None);
        assert_eq!(unhex("abc"), None);
        assert_eq!(hex(&[10, 255]), "0aff");
    }
}

//! Ingest stage: a folder or an export manifest → the list of input files, each hashed,
//! sniffed and deduplicated. Problems found here (empty, not a PDF, too large, unreadable,
//! missing, duplicate) already decide a file's status: such files never reach a parser.

pub mod hash_cache;
mod inputs;
mod manifest;
mod walk;

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::content_hash::ContentHash;
use crate::error::FatalError;
use crate::status::Status;
pub use hash_cache::{HashCache, Stamp};
pub use inputs::{Application, Input, Inputs};

/// What ingest learnt about one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prepared {
    /// A PDF to extract.
    Ready {
        /// SHA-256 of the bytes.
        sha256: ContentHash,
    },
    /// Byte-identical to an earlier input.
    Duplicate {
        /// SHA-256 of the bytes.
        sha256: ContentHash,
        /// The earlier input's position in the input list.
        of: usize,
    },
    /// Decided without parsing.
    Failed {
        /// The status.
        status: Status,
        /// Why.
        detail: String,
    },
}

/// Reads a folder (recursively) or a manifest (.csv).
pub fn discover(input: &Path, all_files: bool) -> Result<Inputs, FatalError> {
    let metadata = std::fs::metadata(input).map_err(|error| FatalError::io(input, error))?;
    if metadata.is_dir() {
        walk::folder(input, all_files)
    } else if input
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("csv"))
    {
        manifest::read(input)
    } else {
        Err(FatalError::Input {
            path: input.to_path_buf(),
            reason: "expected a folder of PDFs or an export manifest ending in .csv".into(),
        })
    }
}

/// Hashes and sniffs every input in parallel, then marks duplicates (the first one in input
/// order is the original).
pub fn prepare(inputs: &Inputs, max_file_bytes: u64) -> Vec<Prepared> {
    prepare_with(inputs, max_file_bytes, &HashCache::default()).0
}

/// [`prepare`], reusing the hashes `known` remembers for files whose stamp is unchanged;
/// returns the hashes to remember for next time as well.
pub fn prepare_with(
    inputs: &Inputs,
    max_file_bytes: u64,
    known: &HashCache,
) -> (Vec<Prepared>, HashCache) {
    let inspected: Vec<(Prepared, Option<Stamp>)> = (0..inputs.len())
        .into_par_iter()
        .map(|position| inspect(&inputs.get(position).path(), max_file_bytes, known))
        .collect();
    let mut remember = HashCache::default();
    let mut prepared = Vec::with_capacity(inspected.len());
    for ((outcome, stamp), input) in inspected.into_iter().zip(inputs.iter()) {
        if let (&Prepared::Ready { sha256 }, Some(stamp)) = (&outcome, stamp) {
            remember.insert(&input.path(), stamp, sha256);
        }
        prepared.push(outcome);
    }
    let mut first_seen: HashMap<ContentHash, usize> = HashMap::new();
    for (index, entry) in prepared.iter_mut().enumerate() {
        let &mut Prepared::Ready { sha256 } = entry else {
            continue;
        };
        match first_seen.get(&sha256) {
            Some(&original) => {
                *entry = Prepared::Duplicate {
                    sha256,
                    of: original,
                }
            }
            None => {
                first_seen.insert(sha256, index);
            }
        }
    }
    (prepared, remember)
}

/// Where the PDF header may start: the format allows junk before it.
const HEADER_WINDOW: usize = 1024;

/// What ingest decides about one file, and its stamp when it is a readable PDF.
fn inspect(path: &Path, max_file_bytes: u64, known: &HashCache) -> (Prepared, Option<Stamp>) {
    let failed = |status, detail: String| (Prepared::Failed { status, detail }, None);
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return failed(Status::MissingFile, "no such file".into())
        }
        Err(error) => return failed(Status::IoError, error.to_string()),
    };
    if !metadata.is_file() {
        return failed(Status::IoError, "not a regular file".into());
    }
    if metadata.len() == 0 {
        return failed(Status::Empty, "zero bytes".into());
    }
    if metadata.len() > max_file_bytes {
        return failed(
            Status::TooLarge,
            format!(
                "{} bytes, over the limit of {max_file_bytes}",
                metadata.len()
            ),
        );
    }
    let stamp = Stamp::of(&metadata);
    if let Some(sha256) = known.lookup(path, &stamp) {
        return (Prepared::Ready { sha256 }, Some(stamp));
    }
    match hash_and_sniff(path) {
        Ok((sha256, true)) => (Prepared::Ready { sha256 }, Some(stamp)),
        Ok((_, false)) => failed(Status::NotPdf, "no %PDF- header".into()),
        Err(error) => failed(Status::IoError, error.to_string()),
    }
}

/// SHA-256 of the file and whether a `%PDF-` header starts within its first kilobyte.
fn hash_and_sniff(path: &Path) -> std::io::Result<(ContentHash, bool)> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut head = Vec::with_capacity(HEADER_WINDOW);
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        if head.len() < HEADER_WINDOW {
            let take = (HEADER_WINDOW - head.len()).min(read);
            head.extend_from_slice(&buffer[..take]);
        }
        hasher.update(&buffer[..read]);
    }
    let is_pdf = head.windows(5).any(|window| window == b"%PDF-");
    Ok((ContentHash::new(hasher.finalize().into()), is_pdf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_decided_before_parsing() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = Inputs::new(dir.path());
        for (name, bytes) in [
            ("a.pdf", Some(&b"%PDF-1.4 first"[..])),
            ("b.pdf", Some(b"")),
            ("c.pdf", Some(b"hello, not a pdf")),
            ("d.pdf", Some(b"%PDF-1.4 first")),
            ("gone.pdf", None),
        ] {
            let path = dir.path().join(name);
            if let Some(bytes) = bytes {
                std::fs::write(&path, bytes).unwrap();
            }
            files.push_file(&path, name, None);
        }
        let prepared = prepare(&files, 1 << 20);
        assert!(matches!(prepared[0], Prepared::Ready { .. }));
        assert!(matches!(
            prepared[1],
            Prepared::Failed {
                status: Status::Empty,
                ..
            }
        ));
        assert!(matches!(
            prepared[2],
            Prepared::Failed {
                status: Status::NotPdf,
                ..
            }
        ));
        assert!(matches!(prepared[3], Prepared::Duplicate { of: 0, .. }));
        assert!(matches!(
            prepared[4],
            Prepared::Failed {
                status: Status::MissingFile,
                ..
            }
        ));
        let mut first = Inputs::new(dir.path());
        first.push_file(&dir.path().join("a.pdf"), "a.pdf", None);
        let too_large = prepare(&first, 4);
        assert!(matches!(
            too_large[0],
            Prepared::Failed {
                status: Status::TooLarge,
                ..
            }
        ));
    }
}

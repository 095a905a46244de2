//! Content hashes remembered by file identity, as git's index remembers them: a nightly rerun
//! over tens of thousands of unchanged PDFs reads their metadata, not their bytes.
//!
//! A hash is reused only when the file's device, inode, size, modification time and change
//! time (both to the nanosecond) are all as they were; anything else reads and hashes the file
//! again. A file modified within the last `RACY_SECONDS` (2) before the cache is written is not
//! remembered: on a file system with coarse timestamps it could change again within the same
//! tick and keep its stamp.

use std::io::{BufRead, BufReader};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use foldhash::HashMap as FastMap;

use crate::content_hash::{hex, unhex, ContentHash};
use crate::error::FatalError;

/// The cache file inside the index folder.
pub const FILE_NAME: &str = "file-hashes.tsv";

/// Files modified this recently when the cache is written are hashed again next time.
const RACY_SECONDS: i64 = 2;

/// What identifies one version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    device: u64,
    inode: u64,
    size: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

impl Stamp {
    /// The stamp of a file's metadata.
    pub fn of(metadata: &std::fs::Metadata) -> Stamp {
        Stamp {
            device: metadata.dev(),
            inode: metadata.ino(),
            size: metadata.size(),
            modified: (metadata.mtime(), metadata.mtime_nsec()),
            changed: (metadata.ctime(), metadata.ctime_nsec()),
        }
    }

    fn fields(&self) -> [i64; 7] {
        [
            self.device as i64,
            self.inode as i64,
            self.size as i64,
            self.modified.0,
            self.modified.1,
            self.changed.0,
            self.changed.1,
        ]
    }

    fn from_fields(fields: [i64; 7]) -> Stamp {
        Stamp {
            device: fields[0] as u64,
            inode: fields[1] as u64,
            size: fields[2] as u64,
            modified: (fields[3], fields[4]),
            changed: (fields[5], fields[6]),
        }
    }
}

/// Path (as bytes) → the stamp its hash was computed for, and the hash.
#[derive(Debug, Default, PartialEq)]
pub struct HashCache {
    entries: FastMap<Vec<u8>, (Stamp, ContentHash)>,
}

impl HashCache {
    /// The cache at `path`; empty when absent or unreadable (everything is hashed then).
    pub fn load(path: &Path) -> HashCache {
        let Ok(file) = std::fs::File::open(path) else {
            return HashCache::default();
        };
        let mut entries = FastMap::default();
        for line in BufReader::new(file).split(b'\n') {
            let Ok(line) = line else {
                return HashCache::default();
            };
            match parse_line(&line) {
                Some((file, stamp, sha256)) => entries.insert(file, (stamp, sha256)),
                None => return HashCache::default(),
            };
        }
        HashCache { entries }
    }

    /// The remembered hash of `file`, if it was computed for exactly this stamp.
    pub fn lookup(&self, file: &Path, stamp: &Stamp) -> Option<ContentHash> {
        self.entries
            .get(file.as_os_str().as_bytes())
            .filter(|(known, _)| known == stamp)
            .map(|&(_, sha256)| sha256)
    }

    /// Remembers `sha256` for `file` at `stamp`.
    pub fn insert(&mut self, file: &Path, stamp: Stamp, sha256: ContentHash) {
        self.entries
            .insert(file.as_os_str().as_bytes().to_vec(), (stamp, sha256));
    }

    /// Number of remembered files.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Writes the cache to `path` (atomically, owner-only), leaving out files modified less
    /// than `RACY_SECONDS` ago.
    pub fn save(&self, path: &Path) -> Result<(), FatalError> {
        let racy_after = chrono::Utc::now().timestamp() - RACY_SECONDS;
        crate::atomic::write(path, |out| {
            for (file, (stamp, sha256)) in &self.entries {
                if stamp.modified.0 >= racy_after {
                    continue;
                }
                write!(out, "{sha256}")?;
                for field in stamp.fields() {
                    write!(out, "\t{field}")?;
                }
                writeln!(out, "\t{}", hex(file))?;
            }
            Ok(())
        })
    }
}

/// `sha256 \t seven stamp fields \t path as hex`.
fn parse_line(line: &[u8]) -> Option<(Vec<u8>, Stamp, ContentHash)> {
    let line = std::str::from_utf8(line).ok()?;
    let mut parts = line.split('\t');
    let sha256 = parts.next()?.parse().ok()?;
    let mut fields = [0i64; 7];
    for field in &mut fields {
        *field = parts.next()?.parse().ok()?;
    }
    let file = unhex(parts.next()?)?;
    parts
        .next()
        .is_none()
        .then(|| (file, Stamp::from_fields(fields), sha256))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_hashes_until_the_file_changes() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let pdf = dir.path().join("odd\tname\n.pdf");
        std::fs::write(&pdf, b"%PDF-1.4 one").expect("write");
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&pdf)
            .and_then(|file| file.set_modified(old))
            .expect("backdate");
        let stamp = Stamp::of(&std::fs::metadata(&pdf).expect("metadata"));
        let mut cache = HashCache::default();
        let hash = ContentHash::new([0xaa; 32]);
        cache.insert(&pdf, stamp, hash);
        let saved = dir.path().join(FILE_NAME);
        cache.save(&saved).expect("save");

        let loaded = HashCache::load(&saved);
        assert_eq!(loaded.lookup(&pdf, &stamp), Some(hash));
        std::fs::write(&pdf, b"%PDF-1.4 two").expect("rewrite");
        let rewritten = Stamp::of(&std::fs::metadata(&pdf).expect("metadata"));
        assert_eq!(loaded.lookup(&pdf, &rewritten), None);
    }

    #[test]
    fn recent_files_and_damaged_caches_are_not_trusted() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let pdf = dir.path().join("new.pdf");
        std::fs::write(&pdf, b"%PDF-1.4").expect("write");
        let stamp = Stamp::of(&std::fs::metadata(&pdf).expect("metadata"));
        let mut cache = HashCache::default();
        cache.insert(&pdf, stamp, ContentHash::new([0xbb; 32]));
        let saved = dir.path().join(FILE_NAME);
        cache.save(&saved).expect("save");
        assert!(HashCache::load(&saved).is_empty());

        std::fs::write(&saved, "not\ta cache\n").expect("damage");
        assert!(HashCache::load(&saved).is_empty());
    }
}

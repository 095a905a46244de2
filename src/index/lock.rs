//! One run at a time per index: an advisory `flock` on `cvmatch.lock` in the index folder.
//! The kernel releases it when the holder dies, so a lock left by a killed run is stale by
//! construction and simply taken over; the file names the holder (pid, start time) for the
//! message a second run prints.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

use crate::error::FatalError;

/// Held for the lifetime of a run; released on drop or process death.
pub struct IndexLock {
    _file: File,
}

impl IndexLock {
    /// Takes the lock; fails at once naming the holder, or waits when `wait` is set.
    pub fn acquire(index_dir: &Path, wait: bool) -> Result<IndexLock, FatalError> {
        let path = index_dir.join("cvmatch.lock");
        restrict_new_files_to_owner(index_dir);
        let mut file = OpenOptions::new()
            .mode(0o600)
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|error| FatalError::io(&path, error))?;
        loop {
            if crate::atomic::try_lock(&file) {
                break;
            }
            if !wait {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(FatalError::Locked {
                    path: index_dir.to_path_buf(),
                    holder: if holder.trim().is_empty() {
                        "unknown holder".into()
                    } else {
                        holder.trim().to_string()
                    },
                });
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let holder = format!(
            "pid {} started {}",
            std::process::id(),
            chrono::Utc::now().to_rfc3339()
        );
        file.set_len(0)
            .map_err(|error| FatalError::io(&path, error))?;
        file.rewind()
            .map_err(|error| FatalError::io(&path, error))?;
        file.write_all(holder.as_bytes())
            .map_err(|error| FatalError::io(&path, error))?;
        Ok(IndexLock { _file: file })
    }
}

/// The index (and the shortlist written after it) holds personal data. tantivy creates its files
/// with the process umask (usually 0644), so: every file this process creates from now on is
/// owner-only (umask 077), and files an earlier version left readable are made owner-only.
fn restrict_new_files_to_owner(index_dir: &Path) {
    // SAFETY: umask only changes this process's file-creation mask.
    unsafe {
        libc::umask(0o077);
    }
    if let Ok(entries) = std::fs::read_dir(index_dir) {
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|kind| kind.is_file()) {
                let _ =
                    std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o600));
            }
        }
    }
}

//! Atomic, owner-only output files: written to a temporary file in the same folder, synced,
//! then renamed over the target, so a reader (or a crash) never sees half a shortlist.
//!
//! A writer holds an advisory `flock` on its temporary file until it is done with it. The kernel
//! drops the lock when the writer dies, so a temporary file nobody holds is a killed run's
//! leftover and can be removed, even in a folder that no index lock guards (the CSV's).

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::io::AsRawFd;
use std::path::Path;

use tempfile::NamedTempFile;

use crate::error::FatalError;

/// How every temporary file cvmatch writes (here and in the result store) is named.
pub const TEMPORARY_PREFIX: &str = ".cvmatch-";

/// Removes the temporary files killed runs left in `dir`; those a live writer holds stay.
pub fn remove_leftovers(dir: &Path) -> Result<(), FatalError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(FatalError::io(dir, error)),
    };
    for entry in entries.flatten() {
        let is_ours = entry
            .file_name()
            .to_str()
            .is_some_and(|name| name.starts_with(TEMPORARY_PREFIX));
        if !is_ours {
            continue;
        }
        let Ok(file) = File::open(entry.path()) else {
            continue; // removed meanwhile by its writer (renamed into place) or another sweep
        };
        if try_lock(&file) {
            std::fs::remove_file(entry.path())
                .map_err(|error| FatalError::io(entry.path(), error))?;
        }
    }
    Ok(())
}

/// Creates an owner-only temporary file named `.cvmatch-<name>…<suffix>` in `dir`, locked
/// for as long as it is open so that [`remove_leftovers`] leaves it alone.
pub fn temporary_in(dir: &Path, name: &str, suffix: &str) -> std::io::Result<NamedTempFile> {
    loop {
        let temporary = tempfile::Builder::new()
            .prefix(&format!("{TEMPORARY_PREFIX}{name}"))
            .suffix(suffix)
            .permissions(std::fs::Permissions::from_mode(0o600))
            .tempfile_in(dir)?;
        // A sweep may have locked and removed it between its creation and our lock: then it
        // has no name left, and a fresh one is made.
        if try_lock(temporary.as_file()) && temporary.as_file().metadata()?.nlink() > 0 {
            return Ok(temporary);
        }
    }
}

/// The folder a file at `path` lies in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Takes an exclusive `flock` on `file` without waiting; false when another open file holds
/// it. The kernel releases it when the file is closed, also when its process is killed.
pub(crate) fn try_lock(file: &File) -> bool {
    // SAFETY: flock on a file descriptor we own; no memory is shared.
    unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) == 0 }
}

/// Deletes the file at `path` if there is one (for `--rebuild`).
pub fn remove(path: &Path) -> Result<(), FatalError> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(FatalError::io(path, error))
        }
        _ => Ok(()),
    }
}

/// Writes `path` atomically with mode 0600 by calling `fill` on a temporary file.
pub fn write(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), FatalError> {
    let fail = |error: std::io::Error| FatalError::io(path, error);
    let dir = folder_of(path);
    std::fs::create_dir_all(dir).map_err(fail)?;
    let mut temporary = temporary_in(dir, "", ".tmp").map_err(fail)?;
    {
        let mut buffered = std::io::BufWriter::new(temporary.as_file_mut());
        fill(&mut buffered).map_err(fail)?;
        buffered.flush().map_err(fail)?;
    }
    temporary.as_file().sync_all().map_err(fail)?;
    temporary.persist(path).map_err(|error| fail(error.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_killed_writers_leftover_goes_and_a_live_writers_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".cvmatch-killed.tmp"), "half a shortlist").unwrap();
        std::fs::write(dir.path().join("shortlist.csv"), "kept").unwrap();
        let live = temporary_in(dir.path(), "live-", ".tmp").unwrap();
        // flock locks belong to the open file: a second open in this process is refused
        // like another process would be.
        remove_leftovers(dir.path()).unwrap();
        let live_name = live
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert_eq!(names(dir.path()), [live_name, "shortlist.csv".to_string()]);
        drop(live);
        remove_leftovers(&dir.path().join("absent")).unwrap();
    }
}

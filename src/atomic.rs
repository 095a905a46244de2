//! Atomic, owner-only output files: written to a temporary file in the same folder, synced,
//! then renamed over the target, so a reader (or a crash) never sees half a shortlist.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::error::FatalError;

/// How every temporary file cvmatch writes (here and in the result store) is named.
pub const TEMPORARY_PREFIX: &str = ".cvmatch-";

/// Removes the temporary files a killed run left in `dir`. Only for a folder whose lock the
/// caller holds: no other run can be writing there.
pub fn remove_leftovers(dir: &Path) -> Result<(), FatalError> {
    let entries = std::fs::read_dir(dir).map_err(|error| FatalError::io(dir, error))?;
    for entry in entries.flatten() {
        let is_leftover = entry
            .file_name()
            .to_str()
            .is_some_and(|name| name.starts_with(TEMPORARY_PREFIX));
        if is_leftover {
            std::fs::remove_file(entry.path())
                .map_err(|error| FatalError::io(entry.path(), error))?;
        }
    }
    Ok(())
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
    let dir = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(".tmp")
        .permissions(std::fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)
        .map_err(fail)?;
    {
        let mut buffered = std::io::BufWriter::new(temporary.as_file_mut());
        fill(&mut buffered).map_err(fail)?;
        buffered.flush().map_err(fail)?;
    }
    temporary.as_file().sync_all().map_err(fail)?;
    temporary.persist(path).map_err(|error| fail(error.error))?;
    Ok(())
}

//! Atomic, owner-only output files: written to a temporary file in the same folder, synced,
//! then renamed over the target, so a reader (or a crash) never sees half a shortlist.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::error::FatalError;

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
        .prefix(".cvmatch-")
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

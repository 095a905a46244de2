//! Recursive folder input: regular files named `*.pdf` (or every regular file with
//! `--all-files`), sorted by path, following symlinks but never around a loop.

use std::path::Path;

use walkdir::WalkDir;

use super::Inputs;
use crate::error::FatalError;

pub(super) fn folder(root: &Path, all_files: bool) -> Result<Inputs, FatalError> {
    let mut inputs = Inputs::new(root);
    let mut files = Vec::new();
    // Unsorted: walkdir's sort compares names it parses out of full paths again at every
    // comparison. Sorting the files found by path once gives the same order.
    for entry in WalkDir::new(root).follow_links(true) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                if error.depth() == 0 {
                    return Err(FatalError::Input {
                        path: root.to_path_buf(),
                        reason: error.to_string(),
                    });
                }
                let reason = if error.loop_ancestor().is_some() {
                    "symbolic link loop, not followed".to_string()
                } else {
                    error
                        .io_error()
                        .map_or_else(|| error.to_string(), ToString::to_string)
                };
                inputs.notes.push(format!("{path}: {reason}"));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        let named_pdf = name.to_lowercase().ends_with(".pdf");
        if entry.file_type().is_dir() {
            if named_pdf {
                inputs.notes.push(format!(
                    "{}: a folder named like a PDF, searched as a folder",
                    entry.path().display()
                ));
            }
            continue;
        }
        if named_pdf || all_files {
            files.push(entry.into_path());
        }
    }
    files.sort_by_cached_key(|path| order_key(path));
    inputs.notes.sort_unstable();
    let mut keys = std::collections::HashSet::new();
    for path in files {
        let relative = path.strip_prefix(root).unwrap_or(&path);
        let mut display = escaped(relative);
        // Keys identify CVs in the index: two names must never share one (escaping cannot be
        // one-to-one on every name, so a clash gets a stable suffix in path order).
        let mut clash = 1;
        while !keys.insert(display.clone()) {
            clash += 1;
            display = format!("{} [{clash}]", escaped(relative));
        }
        inputs.push_file(&path, &display, None);
    }
    Ok(inputs)
}

/// A key whose byte order is `Path`'s order for the paths found under one root: names compared
/// one after the other, a name before every longer name it begins. The separator becomes a
/// byte below any a name can hold, so that comparing bytes compares names; `Path`'s own
/// comparison parses both paths into names again at every step of a sort.
fn order_key(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    let separator_first = |&byte: &u8| if byte == b'/' { 0 } else { byte };
    path.as_os_str()
        .as_bytes()
        .iter()
        .map(separator_first)
        .collect()
}

/// The path as text: UTF-8 as it is, every byte that is not UTF-8 as `\xNN`, so that two
/// names differing only in such bytes stay distinct (a lossy conversion would merge them).
fn escaped(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn the_order_key_sorts_as_paths_do() {
        let names = [
            "a/b.pdf",
            "a.b.pdf",
            "a-b.pdf",
            "a b.pdf",
            "a/b/c.pdf",
            "ab.pdf",
            "a.pdf",
            "A.pdf",
            "é.pdf",
            "a/.pdf",
            "a0/x.pdf",
            "a/b0.pdf",
            "a/b/c/d.pdf",
            "z.pdf",
            "a/\u{1F600}.pdf",
        ];
        for root in ["/cvs", "/cvs/", "./export/2026-11", "relative"] {
            let mut by_path: Vec<PathBuf> = names.iter().map(|n| Path::new(root).join(n)).collect();
            let mut by_key = by_path.clone();
            by_path.sort_unstable();
            by_key.sort_by_cached_key(|path| order_key(path));
            assert_eq!(by_key, by_path, "under {root}");
        }
    }
}

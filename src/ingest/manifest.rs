//! Export-manifest input: a CSV with `candidate_id`, `file` (relative to the manifest) and
//! `submitted_at` (ISO 8601 with time zone); any other column is passed through to the shortlist.

use std::path::Path;

use super::{Application, Inputs};
use crate::error::FatalError;

const REQUIRED: [&str; 3] = ["candidate_id", "file", "submitted_at"];

pub(super) fn read(manifest: &Path) -> Result<Inputs, FatalError> {
    let fail = |reason: String| FatalError::Input {
        path: manifest.to_path_buf(),
        reason,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_path(manifest)
        .map_err(|error| fail(error.to_string()))?;
    let headers = reader
        .headers()
        .map_err(|error| fail(error.to_string()))?
        .clone();
    let column = |name: &str| headers.iter().position(|header| header.trim() == name);
    let mut positions = [0usize; 3];
    for (slot, name) in positions.iter_mut().zip(REQUIRED) {
        *slot = column(name).ok_or_else(|| {
            fail(format!(
                "missing column {name:?} (needs {})",
                REQUIRED.join(", ")
            ))
        })?;
    }
    let [id_at, file_at, submitted_at] = positions;
    let passthrough: Vec<usize> = (0..headers.len())
        .filter(|index| !positions.contains(index))
        .collect();
    let base = manifest.parent().unwrap_or(Path::new("."));
    let mut inputs = Inputs::of_applications(
        base,
        passthrough
            .iter()
            .map(|&index| headers[index].to_string())
            .collect(),
    );
    let mut seen = std::collections::HashSet::new();
    for (row, record) in reader.records().enumerate() {
        let line = row + 2;
        let record = record.map_err(|error| fail(format!("line {line}: {error}")))?;
        let key = record[id_at].trim();
        if key.is_empty() {
            return Err(fail(format!("line {line}: empty candidate_id")));
        }
        if !seen.insert(key.to_string()) {
            return Err(fail(format!(
                "line {line}: candidate_id {key:?} appears twice"
            )));
        }
        let submitted = record[submitted_at].trim();
        let submitted_at = chrono::DateTime::parse_from_rfc3339(submitted).map_err(|_| {
            fail(format!("line {line}: submitted_at {submitted:?} is not ISO 8601 with a time zone (e.g. 2026-04-20T10:15:00+02:00)"))
        })?;
        let display = record[file_at].trim();
        let application = Application {
            candidate_id: key,
            submitted_at,
            passthrough: passthrough.iter().map(|&index| &record[index]).collect(),
        };
        inputs.push_application(display, application);
    }
    Ok(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_passes_extra_columns_through() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.csv");
        std::fs::write(
            &path,
            "candidate_id,file,submitted_at,channel\nC1,cvs/a.pdf,2026-04-20T10:15:00+02:00,EPSO\n",
        )
        .unwrap();
        let inputs = read(&path).unwrap();
        assert_eq!(inputs.passthrough_columns, vec!["channel"]);
        let first = inputs.get(0);
        assert_eq!(first.key(), "C1");
        assert_eq!(first.path(), dir.path().join("cvs/a.pdf"));
        assert_eq!(first.passthrough().collect::<Vec<_>>(), ["EPSO"]);
    }

    #[test]
    fn a_date_without_time_zone_is_an_error_naming_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.csv");
        std::fs::write(
            &path,
            "candidate_id,file,submitted_at\nC1,a.pdf,2026-04-20\n",
        )
        .unwrap();
        let error = read(&path).unwrap_err().to_string();
        assert!(error.contains("line 2"), "{error}");
    }
}

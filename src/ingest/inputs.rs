//! The list of input files, held compactly. A run keeps it for its whole length, one entry per
//! file of an export of tens of thousands: so the texts of every entry lie back to back in one
//! string, and a path is kept only where it is not the base folder joined with the name shown.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

/// Every input file, in a stable order, plus notes on what was skipped and why.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// The folder that names shown are relative to: the input folder, or the manifest's.
    base: PathBuf,
    /// True when every input has a candidate id (an export manifest).
    with_ids: bool,
    /// Names of the manifest's extra columns (empty for a folder).
    pub passthrough_columns: Vec<String>,
    /// Human-readable notes about entries that are not input files (loops, folders named .pdf…).
    pub notes: Vec<String>,
    /// Each input's texts, back to back: the name shown, the candidate id (when there are
    /// ids), then one cell per passthrough column.
    text: String,
    /// Where each text ends in `text`: [`Inputs::texts_per_input`] per input.
    ends: Vec<usize>,
    /// Submission times by position; shorter than the list when the last inputs have none.
    submitted: Vec<Option<DateTime<FixedOffset>>>,
    /// Paths that are not `base` joined with the name shown (names that are not UTF-8, or
    /// that clash once escaped), by position, in order.
    odd_paths: Vec<(usize, Box<Path>)>,
}

/// One input file as the user named it: a view of its entry in [`Inputs`].
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    inputs: &'a Inputs,
    position: usize,
}

/// What an export manifest says about one application, besides its file.
#[derive(Debug, Clone)]
pub struct Application<'s> {
    /// The candidate's id: the input's key.
    pub candidate_id: &'s str,
    /// When the application was submitted.
    pub submitted_at: DateTime<FixedOffset>,
    /// One cell per passthrough column, in header order.
    pub passthrough: Vec<&'s str>,
}

impl Inputs {
    /// An empty list of files named relative to `base`, without candidate ids.
    pub fn new(base: impl Into<PathBuf>) -> Inputs {
        Inputs {
            base: base.into(),
            ..Inputs::default()
        }
    }

    /// An empty list of applications named relative to `base` (a manifest's folder), each
    /// with a candidate id and a cell for each of `passthrough_columns`.
    pub fn of_applications(base: impl Into<PathBuf>, passthrough_columns: Vec<String>) -> Inputs {
        Inputs {
            base: base.into(),
            with_ids: true,
            passthrough_columns,
            ..Inputs::default()
        }
    }

    /// Adds the file at `path`, shown as `display`, submitted at `submitted_at` if known.
    pub fn push_file(
        &mut self,
        path: &Path,
        display: &str,
        submitted_at: Option<DateTime<FixedOffset>>,
    ) {
        assert!(!self.with_ids, "a list of applications takes applications");
        let odd = self.base.join(display).as_os_str() != path.as_os_str();
        self.push(odd.then_some(path), display, submitted_at, &[]);
    }

    /// Adds the file of `application`, named `display` relative to the base folder.
    pub fn push_application(&mut self, display: &str, application: Application) {
        assert!(self.with_ids, "a list of files takes no candidate ids");
        assert_eq!(
            application.passthrough.len(),
            self.passthrough_columns.len(),
            "one cell per passthrough column"
        );
        let mut texts = vec![application.candidate_id];
        texts.extend(application.passthrough);
        self.push(None, display, Some(application.submitted_at), &texts);
    }

    /// Adds an entry; `odd_path` is its path where that is not the base joined with `display`.
    fn push(
        &mut self,
        odd_path: Option<&Path>,
        display: &str,
        submitted_at: Option<DateTime<FixedOffset>>,
        more_texts: &[&str],
    ) {
        let position = self.len();
        if let Some(path) = odd_path {
            self.odd_paths.push((position, path.into()));
        }
        if submitted_at.is_some() {
            self.submitted.resize(position, None);
            self.submitted.push(submitted_at);
        }
        for text in std::iter::once(display).chain(more_texts.iter().copied()) {
            self.text.push_str(text);
            self.ends.push(self.text.len());
        }
    }

    /// Number of input files.
    pub fn len(&self) -> usize {
        self.ends.len() / self.texts_per_input()
    }

    /// True when the input named no file.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The input at `position`.
    pub fn get(&self, position: usize) -> Input<'_> {
        assert!(position < self.len(), "input {position} of {}", self.len());
        Input {
            inputs: self,
            position,
        }
    }

    /// Every input, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Input<'_>> + '_ {
        (0..self.len()).map(|position| self.get(position))
    }

    fn texts_per_input(&self) -> usize {
        1 + usize::from(self.with_ids) + self.passthrough_columns.len()
    }
}

impl<'a> Input<'a> {
    /// Where the input lies in its list.
    pub fn position(&self) -> usize {
        self.position
    }

    /// Path relative to the input folder or manifest, as shown in the CSV.
    pub fn display(&self) -> &'a str {
        self.text(0)
    }

    /// The manifest's candidate id (none for a file found in a folder).
    pub fn candidate_id(&self) -> Option<&'a str> {
        self.inputs.with_ids.then(|| self.text(1))
    }

    /// Stable identity across runs: the candidate id, else the relative path.
    pub fn key(&self) -> &'a str {
        self.candidate_id().unwrap_or_else(|| self.display())
    }

    /// Where to read it.
    pub fn path(&self) -> PathBuf {
        let odd = &self.inputs.odd_paths;
        match odd.binary_search_by_key(&self.position, |&(position, _)| position) {
            Ok(at) => odd[at].1.to_path_buf(),
            Err(_) => self.inputs.base.join(self.display()),
        }
    }

    /// When the application was submitted (manifest only): "present" in the CV means this day.
    pub fn submitted_at(&self) -> Option<DateTime<FixedOffset>> {
        self.inputs.submitted.get(self.position).copied().flatten()
    }

    /// Manifest cells passed through to the shortlist, in header order.
    pub fn passthrough(&self) -> impl Iterator<Item = &'a str> + 'a {
        let this = *self;
        let first = 1 + usize::from(self.inputs.with_ids);
        (first..self.inputs.texts_per_input()).map(move |piece| this.text(piece))
    }

    /// The input's `piece`th text.
    fn text(&self, piece: usize) -> &'a str {
        let Inputs { text, ends, .. } = self.inputs;
        let at = self.position * self.inputs.texts_per_input() + piece;
        let start = if at == 0 { 0 } else { ends[at - 1] };
        &text[start..ends[at]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_input_reads_back_as_pushed() {
        let at = DateTime::parse_from_rfc3339("2026-04-20T10:15:00+02:00").unwrap();
        let mut files = Inputs::new("/cvs");
        files.push_file(Path::new("/cvs/a.pdf"), "a.pdf", None);
        files.push_file(Path::new("/elsewhere/b.pdf"), "b.pdf [2]", Some(at));
        files.push_file(Path::new("/cvs/sub/c.pdf"), "sub/c.pdf", None);
        let read: Vec<_> = files
            .iter()
            .map(|input| (input.key(), input.path(), input.submitted_at()))
            .collect();
        assert_eq!(
            read,
            [
                ("a.pdf", PathBuf::from("/cvs/a.pdf"), None),
                ("b.pdf [2]", PathBuf::from("/elsewhere/b.pdf"), Some(at)),
                ("sub/c.pdf", PathBuf::from("/cvs/sub/c.pdf"), None),
            ]
        );
        assert_eq!(files.get(1).candidate_id(), None);
        assert_eq!(files.get(2).passthrough().count(), 0);

        let mut applications = Inputs::of_applications("export", vec!["a".into(), "b".into()]);
        for (id, cells) in [("C1", ["x", ""]), ("C2", ["", "y"])] {
            let application = Application {
                candidate_id: id,
                submitted_at: at,
                passthrough: cells.to_vec(),
            };
            applications.push_application("same.pdf", application);
        }
        assert_eq!(applications.len(), 2);
        let second = applications.get(1);
        assert_eq!(second.key(), "C2");
        assert_eq!(second.display(), "same.pdf");
        assert_eq!(second.path(), PathBuf::from("export/same.pdf"));
        assert_eq!(second.passthrough().collect::<Vec<_>>(), ["", "y"]);
        assert_eq!(
            applications.get(0).passthrough().collect::<Vec<_>>(),
            ["x", ""]
        );
    }
}

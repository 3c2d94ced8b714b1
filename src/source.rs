//! The files of a run, and the mapping from byte offsets to line and column.
//!
//! Diagnostics carry a file id and a byte span; only this module knows how that becomes
//! "line 14, column 8". Columns count characters, not bytes, because plan files are
//! Vietnamese and an editor's column is a character column. A file's text is kept only
//! when a diagnostic needs it, so a run over a national tree holds no copy of the tree.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// A text with the offsets where its lines start.
#[derive(Debug)]
struct Text {
    text: String,
    line_starts: Vec<usize>,
}

/// One file: its path, and its text once something needs it.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as the user should see it (relative to where the tool was run when possible).
    pub path: PathBuf,
    content: OnceLock<Text>,
}

impl SourceFile {
    /// A file whose text is not kept (yet).
    pub fn new(path: PathBuf) -> Self {
        SourceFile {
            path,
            content: OnceLock::new(),
        }
    }

    /// A file with its text.
    pub fn with_text(path: PathBuf, text: String) -> Self {
        let file = SourceFile::new(path);
        file.keep(text);
        file
    }

    /// Keeps the text (BOM removed, valid UTF-8) for locating diagnostics. The first text
    /// kept wins: a file is read once per run.
    pub fn keep(&self, text: String) {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let _ = self.content.set(Text { text, line_starts });
    }

    /// The kept text, or "" when none was kept.
    pub fn text(&self) -> &str {
        self.content.get().map_or("", |t| t.text.as_str())
    }

    fn line_starts(&self) -> &[usize] {
        self.content
            .get()
            .map_or(&[0], |t| t.line_starts.as_slice())
    }

    /// Zero-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts().binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte range of a zero-based line, without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let starts = self.line_starts();
        let text = self.text();
        let start = starts[line.min(starts.len() - 1)];
        let end = starts.get(line + 1).copied().unwrap_or(text.len());
        let body = &text[start..end];
        let trimmed = body.trim_end_matches(['\n', '\r']);
        start..start + trimmed.len()
    }

    /// One-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.line_index(offset);
        let start = self.line_starts()[line];
        let column = self.text()[start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// Moves an offset back onto a character boundary inside the text.
    pub fn clamp(&self, offset: usize) -> usize {
        let text = self.text();
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// Every file of a run, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// Adds a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        self.files.len() - 1
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    /// Finds a file by the path it was read from.
    pub fn find(&self, path: &Path) -> Option<FileId> {
        self.files.iter().position(|f| f.path == path)
    }

    /// All files, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate()
    }

    /// How many files there are.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there is no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::with_text(
            "a.toml".into(),
            "x = \"Đ\"\nlead = [\"Vụ\", \"X\"]\n".into(),
        );
        let offset = file.text().find("\"X\"").unwrap();
        assert_eq!(file.line_col(offset), (2, 15));
        assert_eq!(file.line_col(0), (1, 1));
    }

    #[test]
    fn crlf_line_ranges_exclude_the_carriage_return() {
        let file = SourceFile::with_text("a.toml".into(), "a = 1\r\nb = 2\r\n".into());
        assert_eq!(&file.text()[file.line_range(1)], "b = 2");
        assert_eq!(file.line_col(file.text().find('b').unwrap()), (2, 1));
    }

    #[test]
    fn a_file_without_text_locates_everything_at_the_start() {
        let file = SourceFile::new("a.toml".into());
        assert_eq!(file.line_col(40), (1, 1));
        assert_eq!(file.line_range(3), 0..0);
    }
}

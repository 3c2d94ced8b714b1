//! The text of every file a run read, and the mapping from byte offsets to line and column.
//!
//! Diagnostics carry a file id and a byte span; only this module knows how that becomes
//! "line 14, column 8". Columns count characters, not bytes, because plan files are
//! Vietnamese and an editor's column is a character column.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// One file as read from disk.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as the user should see it (relative to where the tool was run when possible).
    pub path: PathBuf,
    /// The text, with a leading byte-order mark removed and invalid UTF-8 replaced.
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps the text of `path`.
    pub fn new(path: PathBuf, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// Zero-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte range of a zero-based line, without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.line_starts[line.min(self.line_starts.len() - 1)];
        let end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let body = &self.text[start..end];
        let trimmed = body.trim_end_matches(['\n', '\r']);
        start..start + trimmed.len()
    }

    /// One-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// Moves an offset back onto a character boundary inside the text.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new(
            "a.toml".into(),
            "x = \"Đ\"\nlead = [\"Vụ\", \"X\"]\n".into(),
        );
        let offset = file.text.find("\"X\"").unwrap();
        assert_eq!(file.line_col(offset), (2, 15));
        assert_eq!(file.line_col(0), (1, 1));
    }

    #[test]
    fn crlf_line_ranges_exclude_the_carriage_return() {
        let file = SourceFile::new("a.toml".into(), "a = 1\r\nb = 2\r\n".into());
        assert_eq!(&file.text[file.line_range(1)], "b = 2");
        assert_eq!(file.line_col(file.text.find('b').unwrap()), (2, 1));
    }
}

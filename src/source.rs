//! The files of a run, and the mapping from byte offsets to line and column.
//!
//! Diagnostics carry a file id and a byte span; only this module knows how that becomes
//! "line 14, column 8". Columns count characters, not bytes, because plan files are
//! Vietnamese and an editor's column is a character column. A file's text is kept only
//! when a diagnostic needs it, so a run over a national tree holds no copy of the tree.

use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// The lines of a text that diagnostics need (all of them, for a text kept whole), and
/// the whole text's length in bytes: a national tree's diagnostics hold a few lines per
/// file instead of whole files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptText {
    pub len: usize,
    pub lines: Vec<KeptLine>,
}

impl KeptText {
    /// The lines of `text` that the spans touch.
    pub fn of(text: &str, spans: impl IntoIterator<Item = Range<usize>>) -> KeptText {
        let spans: Vec<Range<usize>> = spans.into_iter().collect();
        // Line starts up to the line after the last span only: a file without problems
        // keeps just its plan number's line, near the top.
        let last = spans.iter().map(|s| s.end.max(s.start)).max().unwrap_or(0);
        let last = last.min(text.len());
        let scanned = text.as_bytes()[last..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |at| last + at + 1);
        let breaks = text[..scanned].match_indices('\n').map(|(i, _)| i + 1);
        let starts: Vec<usize> = std::iter::once(0).chain(breaks).collect();
        let line_of = |offset: usize| starts.partition_point(|&s| s <= offset.min(text.len())) - 1;
        let mut numbers: Vec<usize> = Vec::new();
        for span in spans {
            numbers.extend(line_of(span.start)..=line_of(span.end.max(span.start)));
        }
        numbers.sort_unstable();
        numbers.dedup();
        let lines = numbers
            .into_iter()
            .map(|number| {
                let start = starts[number];
                let end = starts.get(number + 1).copied().unwrap_or(text.len());
                let body = text[start..end].trim_end_matches('\n');
                KeptLine {
                    number,
                    start,
                    text: body.to_string(),
                }
            })
            .collect();
        KeptText {
            len: text.len(),
            lines,
        }
    }
}

/// One line of a file: its zero-based number, where it starts, its text without the
/// line break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptLine {
    pub number: usize,
    pub start: usize,
    pub text: String,
}

/// One file: its path, and its text once something needs it.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as the user should see it (relative to where the tool was run when possible).
    pub path: PathBuf,
    content: OnceLock<KeptText>,
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
        file.keep(&text);
        file
    }

    /// Keeps the whole text (BOM removed, valid UTF-8), every line of it, for locating
    /// diagnostics. The first text kept wins: a file is read once per run.
    pub fn keep(&self, text: &str) {
        self.keep_kept(KeptText::of(text, std::iter::once(0..text.len())));
    }

    /// Keeps lines kept before (by checking).
    pub fn keep_kept(&self, kept: KeptText) {
        let _ = self.content.set(kept);
    }

    /// The text, with blanks where lines were not kept (and for line breaks); "" when
    /// nothing was kept.
    pub fn text(&self) -> Cow<'_, str> {
        self.text_with(Cow::Borrowed)
    }

    /// The text as [`SourceFile::text`] gives it, each kept line passed through `line`
    /// first, which must keep its length in bytes (offsets into the text stay true).
    pub fn text_with<'a>(&'a self, line: impl Fn(&'a str) -> Cow<'a, str>) -> Cow<'a, str> {
        let Some(KeptText { len, lines }) = self.content.get() else {
            return Cow::Borrowed("");
        };
        let mut text = Vec::with_capacity(*len);
        for kept in lines {
            text.resize(kept.start, b' ');
            let shown = line(&kept.text);
            debug_assert_eq!(shown.len(), kept.text.len());
            text.extend_from_slice(shown.as_bytes());
        }
        text.resize(*len, b' ');
        // Whole lines joined by ASCII spaces are UTF-8; should overlapping lines ever cut
        // a character, blank bytes rather than shift every offset.
        let text = String::from_utf8(text).unwrap_or_else(|e| {
            let bytes = e.into_bytes();
            bytes
                .iter()
                .map(|&b| if b.is_ascii() { b as char } else { '?' })
                .collect()
        });
        Cow::Owned(text)
    }

    /// The kept line holding `offset` (its line break included).
    fn kept_line(&self, offset: usize) -> Option<&KeptLine> {
        let lines = &self.content.get()?.lines;
        let after = lines.partition_point(|l| l.start <= offset);
        let line = &lines[after.checked_sub(1)?];
        (offset <= line.start + line.text.len() + 1).then_some(line)
    }

    /// Zero-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        self.kept_line(offset).map_or(0, |l| l.number)
    }

    /// Byte range of a zero-based line, without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let Some(KeptText { len, lines }) = self.content.get() else {
            return 0..0;
        };
        match lines.iter().find(|l| l.number == line) {
            Some(l) => l.start..l.start + l.text.trim_end_matches('\r').len(),
            None => *len..*len,
        }
    }

    /// One-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        match self.kept_line(offset) {
            Some(l) => {
                let before = &l.text[..(offset - l.start).min(l.text.len())];
                (l.number + 1, before.chars().count() + 1)
            }
            None => (1, 1),
        }
    }

    /// Moves an offset back onto a character boundary inside the text.
    pub fn clamp(&self, offset: usize) -> usize {
        let Some(KeptText { len, .. }) = self.content.get() else {
            return 0;
        };
        let offset = offset.min(*len);
        match self.kept_line(offset) {
            Some(l) => {
                let mut inside = (offset - l.start).min(l.text.len());
                while !l.text.is_char_boundary(inside) {
                    inside -= 1;
                }
                l.start + inside
            }
            None => offset,
        }
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
    fn kept_lines_are_the_lines_the_spans_touch_first_and_last_alike() {
        let text = "a = 1\nb = \"Quý\"\nc = 3";
        let kept = |spans: &[(usize, usize)]| {
            let kept = KeptText::of(text, spans.iter().map(|&(start, end)| start..end));
            assert_eq!(kept.len, text.len());
            kept.lines
                .into_iter()
                .map(|l| (l.number, l.start, l.text))
                .collect::<Vec<_>>()
        };
        assert_eq!(kept(&[(0, 1)]), [(0, 0, "a = 1".to_string())]);
        let c = text.find('c').unwrap();
        assert_eq!(kept(&[(c, text.len())]), [(2, c, "c = 3".to_string())]);
        let b = text.find("Quý").unwrap();
        assert_eq!(
            kept(&[(b, b + 4), (0, 0)]),
            [
                (0, 0, "a = 1".to_string()),
                (1, 6, "b = \"Quý\"".to_string())
            ]
        );
    }

    #[test]
    fn kept_lines_locate_like_the_whole_text() {
        let text = "a = \"Đường\"\nb = \"Quý\"\nc = \"x\"\n";
        let whole = SourceFile::with_text("a.toml".into(), text.into());
        let sparse = SourceFile::new("a.toml".into());
        let at = text.find("Quý").unwrap();
        sparse.keep_kept(KeptText::of(text, std::iter::once(at..at + 3)));
        assert_eq!(sparse.text().len(), text.len());
        assert_eq!(&sparse.text()[at..at + 4], "Quý");
        assert_eq!(sparse.line_col(at), whole.line_col(at));
        assert_eq!(&sparse.text()[sparse.line_range(1)], "b = \"Quý\"");
        assert!(
            !sparse.text().contains("Đường"),
            "lines without diagnostics are not kept"
        );
    }

    #[test]
    fn a_file_without_text_locates_everything_at_the_start() {
        let file = SourceFile::new("a.toml".into());
        assert_eq!(file.line_col(40), (1, 1));
        assert_eq!(file.line_range(3), 0..0);
    }
}

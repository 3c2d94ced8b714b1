//! The plans tree: which files it has, and their bytes when asked.
//!
//! The walk is sorted so every run sees files in the same order. A tree that cannot be
//! read at all (no such folder) is an error for the caller; a folder inside it that
//! cannot be read is a diagnostic so the rest of the tree still loads. Files are read
//! when `check` gets to them, one at a time per core, never all at once.

use std::borrow::Cow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, SourceFile, Sources};

/// The registry's file name at the root of the tree.
pub const UNITS_FILE: &str = "units.toml";

/// The abbreviations `--grep` knows, at the root of the tree beside the registry.
pub const GLOSSARY_FILE: &str = "glossary.toml";

/// What a `*.toml` file of the tree is, by its name and place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Units,
    Glossary,
    Plan,
}

impl Role {
    /// `relative` is the path inside the tree.
    fn of(relative: &Path) -> Role {
        if relative == Path::new(UNITS_FILE) {
            Role::Units
        } else if relative == Path::new(GLOSSARY_FILE) {
            Role::Glossary
        } else {
            Role::Plan
        }
    }
}

/// Where a file's bytes come from.
#[derive(Debug)]
enum Origin {
    Disk(PathBuf),
    Memory(Vec<u8>),
    /// A path that names no file (where the registry should have been).
    Missing,
}

/// Every file of the tree, not yet read.
#[derive(Debug, Default)]
pub struct Tree {
    pub root: PathBuf,
    pub sources: Sources,
    origins: Vec<Origin>,
    /// `units.toml` at the root, if present.
    pub units_file: Option<FileId>,
    /// `glossary.toml` at the root, if present.
    pub glossary_file: Option<FileId>,
    /// Every other `*.toml`, in sorted path order.
    pub plan_files: Vec<FileId>,
    /// Folders that could not be walked, a missing registry.
    pub diagnostics: Vec<Diagnostic>,
}

/// Lists every `*.toml` file under `root`.
pub fn read_tree(root: &Path) -> anyhow::Result<Tree> {
    let cannot = || format!("cannot read the plans folder `{}`", root.display());
    if !fs::metadata(root).with_context(cannot)?.is_dir() {
        bail!("the plans folder `{}` is not a folder", root.display());
    }
    fs::read_dir(root).with_context(cannot)?;

    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut tree = Tree::empty(root);
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_toml = entry.path().extension().is_some_and(|e| e == "toml");
                if entry.file_type().is_file() && is_toml {
                    let role = match entry.depth() {
                        1 => Role::of(Path::new(entry.file_name())),
                        _ => Role::Plan,
                    };
                    let path = entry.into_path();
                    tree.add(shown(&path), Origin::Disk(path), role);
                }
            }
            Err(error) => {
                let path = error.path().unwrap_or(root);
                let message = match error.loop_ancestor() {
                    Some(ancestor) => {
                        format!("symbolic link loop back to `{}`", ancestor.display())
                    }
                    None => match error.io_error() {
                        Some(io) => format!("cannot read: {}", io.kind()),
                        None => format!("cannot read: {error}"),
                    },
                };
                let file = tree.add_unlisted(shown(path), Origin::Missing);
                tree.diagnostics
                    .push(Diagnostic::new(Code::Unreadable, file, 0..0, message));
            }
        }
    }
    Ok(tree.finish())
}

/// A tree from files already in memory (a git revision, a fuzzer's input): paths are
/// relative to `root`, read in sorted order like a walk of the disk.
pub fn tree_from_files(root: &Path, mut files: Vec<(PathBuf, Vec<u8>)>) -> Tree {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut tree = Tree::empty(root);
    for (relative, bytes) in files {
        if relative.extension().is_some_and(|e| e == "toml") {
            let role = Role::of(&relative);
            tree.add(shown(&root.join(&relative)), Origin::Memory(bytes), role);
        }
    }
    tree.finish()
}

/// The path as users should see it: `--plans .` would show every file as `./x.toml`.
fn shown(path: &Path) -> PathBuf {
    path.strip_prefix(".").unwrap_or(path).to_path_buf()
}

impl Tree {
    fn empty(root: &Path) -> Self {
        Tree {
            root: root.to_path_buf(),
            ..Tree::default()
        }
    }

    fn add_unlisted(&mut self, path: PathBuf, origin: Origin) -> FileId {
        self.origins.push(origin);
        self.sources.add(SourceFile::new(path))
    }

    fn add(&mut self, path: PathBuf, origin: Origin, role: Role) {
        let file = self.add_unlisted(path, origin);
        match role {
            Role::Units => self.units_file = Some(file),
            Role::Glossary => self.glossary_file = Some(file),
            Role::Plan => self.plan_files.push(file),
        }
    }

    /// The registry's path as diagnostics show it: where it is, or where it should be.
    pub fn units_path(&self) -> PathBuf {
        match self.units_file {
            Some(file) => self.sources.get(file).path.clone(),
            None => shown(&self.root.join(UNITS_FILE)),
        }
    }

    /// Reports a missing registry, pointing at where it should be so the diagnostic has
    /// a file like any other.
    fn finish(mut self) -> Self {
        let expected = self.units_path();
        if self.units_file.is_none() && !self.sources.iter().any(|(_, f)| f.path == expected) {
            let file = self.add_unlisted(expected, Origin::Missing);
            let message = format!(
                "no units registry `{UNITS_FILE}` in `{}`: unit references cannot be checked",
                self.root.display()
            );
            self.diagnostics.push(
                Diagnostic::new(Code::Registry, file, 0..0, message)
                    .with_help("add the registry (DESIGN §2); `[[unit]]` entries with `code`, `name`, `aliases`, `kind`"),
            );
        }
        self
    }

    /// Where a file is on disk, for files that are.
    pub fn disk_path(&self, file: FileId) -> Option<&Path> {
        match &self.origins[file] {
            Origin::Disk(path) => Some(path),
            _ => None,
        }
    }

    /// The bytes of a file, read now.
    pub fn bytes(&self, file: FileId) -> io::Result<Cow<'_, [u8]>> {
        match &self.origins[file] {
            Origin::Disk(path) => fs::read(path).map(Cow::Owned),
            Origin::Memory(bytes) => Ok(Cow::Borrowed(bytes)),
            Origin::Missing => Err(io::ErrorKind::NotFound.into()),
        }
    }

    /// The text of a file: BOM removed; a diagnostic for bytes that are not UTF-8 or a
    /// file that cannot be read. The text is kept for diagnostics only when there is one.
    pub fn text(&self, file: FileId) -> Result<String, Diagnostic> {
        let bytes = self.bytes(file).map_err(|error| unreadable(file, &error))?;
        decode(&bytes).map_err(|(text, offset, message)| {
            self.sources.get(file).keep(&text);
            Diagnostic::new(Code::Encoding, file, offset..offset, message)
        })
    }

    /// The files of the tree among `paths` (absolute or relative to here); others are
    /// ignored.
    pub fn matching(&self, paths: &[PathBuf]) -> Vec<FileId> {
        let wanted: Vec<PathBuf> = paths
            .iter()
            .filter_map(|p| fs::canonicalize(p).ok())
            .collect();
        self.sources
            .iter()
            .filter(|(_, f)| fs::canonicalize(&f.path).is_ok_and(|p| wanted.contains(&p)))
            .map(|(id, _)| id)
            .collect()
    }

    /// The plan files among `paths`, compared by canonical path. Unknown paths are returned
    /// as the error so the caller can name them.
    pub fn select(&self, paths: &[PathBuf]) -> Result<Vec<FileId>, PathBuf> {
        let mut chosen = Vec::new();
        for wanted in paths {
            match self.matching(std::slice::from_ref(wanted)).first() {
                Some(&id) => chosen.push(id),
                None => return Err(wanted.clone()),
            }
        }
        Ok(chosen)
    }
}

/// A file of the tree that cannot be read.
pub fn unreadable(file: FileId, error: &io::Error) -> Diagnostic {
    let message = format!("cannot read: {}", error.kind());
    Diagnostic::new(Code::Unreadable, file, 0..0, message)
}

/// Bytes → text: strips a byte-order mark; invalid UTF-8 is reported at its first byte,
/// with the text decoded lossily so the diagnostic can still show the line.
pub fn decode(bytes: &[u8]) -> Result<String, (String, usize, String)> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // simdutf8 first: std's check of Vietnamese text was a tenth of a cold check. Only
    // bytes it refuses go to std, which says where.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|error| {
            let at = error.valid_up_to();
            // Windows editors save "Unicode" as UTF-16, with its byte-order mark first.
            let message = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
                "the file is UTF-16 (its first bytes say so); save it as UTF-8".to_string()
            } else {
                format!(
                    "the file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8",
                    bytes[at]
                )
            };
            (String::from_utf8_lossy(bytes).into_owned(), at, message)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_named_as_such() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a = 1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (_, _, message) = decode(&utf16).unwrap_err();
        assert_eq!(
            message,
            "the file is UTF-16 (its first bytes say so); save it as UTF-8"
        );
        let (_, at, message) = decode(b"a = \xC3\x28").unwrap_err();
        assert_eq!(
            (at, message.as_str()),
            (
                4,
                "the file is not valid UTF-8 (byte 0xC3); save it as UTF-8"
            )
        );
    }

    /// Files come in the same order on every machine: by name within a folder, a
    /// folder's files together where the folder's name sorts.
    #[test]
    fn files_come_in_the_order_of_a_sorted_walk() {
        let root = tempfile::tempdir().unwrap();
        for name in [
            "a-b.toml",
            "a/b.toml",
            "a/c/d.toml",
            "a/c.toml",
            "a.toml",
            "B.toml",
            "b/z.toml",
            "b.toml",
            "ab/x.toml",
            "a b.toml",
            "đ/x.toml",
            "e.toml",
        ] {
            let path = root.path().join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "").unwrap();
        }
        let tree = read_tree(root.path()).unwrap();
        let listed: Vec<&Path> = tree
            .plan_files
            .iter()
            .map(|&f| tree.sources.get(f).path.strip_prefix(root.path()).unwrap())
            .collect();
        let expected = [
            "B.toml",
            "a/b.toml",
            "a/c/d.toml",
            "a/c.toml",
            "a b.toml",
            "a-b.toml",
            "a.toml",
            "ab/x.toml",
            "b/z.toml",
            "b.toml",
            "e.toml",
            "đ/x.toml",
        ];
        assert_eq!(listed, expected.map(Path::new));
    }

    #[test]
    fn a_bom_is_dropped_and_bad_bytes_are_located() {
        assert_eq!(decode(b"\xEF\xBB\xBFa = 1\n").unwrap(), "a = 1\n");
        assert_eq!(decode(b"a = \"\xFF\"").unwrap_err().1, 5);
    }
}

//! Walking the plans tree and reading its files.
//!
//! The walk is sorted so every run sees files in the same order. A tree that cannot be
//! read at all (no such folder) is an error for the caller; a file inside it that cannot
//! be read, or is not UTF-8, is a diagnostic so the rest of the tree still loads.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, SourceFile, Sources};

/// The registry's file name at the root of the tree.
pub const UNITS_FILE: &str = "units.toml";

/// Every file of the tree, read.
#[derive(Debug)]
pub struct Tree {
    pub root: PathBuf,
    pub sources: Sources,
    /// `units.toml` at the root, if present and readable.
    pub units_file: Option<FileId>,
    /// Every other readable `*.toml`, in sorted path order.
    pub plan_files: Vec<FileId>,
    /// Files that could not be read or decoded.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every `*.toml` file under `root`.
pub fn read_tree(root: &Path) -> anyhow::Result<Tree> {
    let meta = fs::metadata(root)
        .with_context(|| format!("cannot read the plans folder `{}`", root.display()))?;
    if !meta.is_dir() {
        bail!("the plans folder `{}` is not a folder", root.display());
    }
    fs::read_dir(root)
        .with_context(|| format!("cannot read the plans folder `{}`", root.display()))?;

    let mut tree = Tree::empty(root);
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_toml = entry.path().extension().is_some_and(|e| e == "toml");
                if entry.file_type().is_file() && is_toml {
                    let is_units = entry.depth() == 1 && entry.file_name() == UNITS_FILE;
                    tree.add(entry.path(), fs::read(entry.path()), is_units);
                }
            }
            Err(error) => {
                let path = shown(error.path().unwrap_or(root));
                let file = tree.sources.add(SourceFile::new(path, String::new()));
                let message = match error.loop_ancestor() {
                    Some(ancestor) => {
                        format!("symbolic link loop back to `{}`", ancestor.display())
                    }
                    None => format!("cannot read: {}", io_reason(&error)),
                };
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
        let is_toml = relative.extension().is_some_and(|e| e == "toml");
        if is_toml {
            let is_units = relative == Path::new(UNITS_FILE);
            tree.add(&root.join(&relative), Ok(bytes), is_units);
        }
    }
    tree.finish()
}

/// The path as users should see it: `--plans .` would show every file as `./x.toml`.
fn shown(path: &Path) -> PathBuf {
    path.strip_prefix(".").unwrap_or(path).to_path_buf()
}

fn io_reason(error: &walkdir::Error) -> String {
    error
        .io_error()
        .map(|e| e.kind().to_string())
        .unwrap_or_else(|| error.to_string())
}

impl Tree {
    fn empty(root: &Path) -> Self {
        Tree {
            root: root.to_path_buf(),
            sources: Sources::default(),
            units_file: None,
            plan_files: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    fn add(&mut self, path: &Path, bytes: std::io::Result<Vec<u8>>, is_units: bool) {
        let (text, problem) = match bytes {
            Ok(bytes) => match decode(bytes) {
                (text, Some((offset, message))) => (text, Some((Code::Encoding, offset, message))),
                (text, None) => (text, None),
            },
            Err(error) => (
                String::new(),
                Some((
                    Code::Unreadable,
                    0,
                    format!("cannot read: {}", error.kind()),
                )),
            ),
        };
        let file = self.sources.add(SourceFile::new(shown(path), text));
        match problem {
            Some((code, offset, message)) => {
                self.diagnostics
                    .push(Diagnostic::new(code, file, offset..offset, message));
            }
            None if is_units => self.units_file = Some(file),
            None => self.plan_files.push(file),
        }
    }

    /// Reports a missing registry, pointing at where it should be so the diagnostic has
    /// a file like any other.
    fn finish(mut self) -> Self {
        let expected = shown(&self.root.join(UNITS_FILE));
        if self.units_file.is_none() && !self.sources.iter().any(|(_, f)| f.path == expected) {
            let file = self.sources.add(SourceFile::new(expected, String::new()));
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
            let canonical = fs::canonicalize(wanted).map_err(|_| wanted.clone())?;
            let found = self
                .sources
                .iter()
                .find(|(_, f)| fs::canonicalize(&f.path).is_ok_and(|p| p == canonical));
            match found {
                Some((id, _)) => chosen.push(id),
                None => return Err(wanted.clone()),
            }
        }
        Ok(chosen)
    }
}

/// Bytes → text: strips a byte-order mark; invalid UTF-8 is reported at its first byte.
fn decode(bytes: Vec<u8>) -> (String, Option<(usize, String)>) {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let message = format!(
                "the file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8",
                error.as_bytes()[at]
            );
            (text, Some((at, message)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_is_dropped_and_bad_bytes_are_located() {
        let (text, problem) = decode(b"\xEF\xBB\xBFa = 1\n".to_vec());
        assert_eq!(text, "a = 1\n");
        assert!(problem.is_none());
        let (_, problem) = decode(b"a = \"\xFF\"".to_vec());
        assert_eq!(problem.unwrap().0, 5);
    }
}

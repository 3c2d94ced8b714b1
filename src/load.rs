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

    let mut tree = Tree {
        root: root.to_path_buf(),
        sources: Sources::default(),
        units_file: None,
        plan_files: Vec::new(),
        diagnostics: Vec::new(),
    };
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
                    tree.add(entry.path(), is_units);
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
    if tree.units_file.is_none()
        && !tree
            .sources
            .iter()
            .any(|(_, f)| is_units_path(root, &f.path))
    {
        // Point at where the registry should be, so the diagnostic has a file like any other.
        let file = tree.sources.add(SourceFile::new(
            shown(&root.join(UNITS_FILE)),
            String::new(),
        ));
        let message = format!(
            "no units registry `{UNITS_FILE}` in `{}`: unit references cannot be checked",
            root.display()
        );
        tree.diagnostics.push(
            Diagnostic::new(Code::Registry, file, 0..0, message)
                .with_help("add the registry (DESIGN §2); `[[unit]]` entries with `code`, `name`, `aliases`, `kind`"),
        );
    }
    Ok(tree)
}

fn is_units_path(root: &Path, path: &Path) -> bool {
    path == shown(&root.join(UNITS_FILE))
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
    fn add(&mut self, path: &Path, is_units: bool) {
        let (text, problem) = match fs::read(path) {
            Ok(bytes) => decode(bytes),
            Err(error) => (
                String::new(),
                Some((0, format!("cannot read: {}", error.kind()))),
            ),
        };
        let code = if text.is_empty() && problem.is_some() {
            Code::Unreadable
        } else {
            Code::Encoding
        };
        let file = self.sources.add(SourceFile::new(shown(path), text));
        match problem {
            Some((offset, message)) => {
                self.diagnostics
                    .push(Diagnostic::new(code, file, offset..offset, message));
            }
            None if is_units => self.units_file = Some(file),
            None => self.plan_files.push(file),
        }
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

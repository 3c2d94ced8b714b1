//! Writing a file so that readers see the old text or the new, never half of either.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it
/// over `path`.
pub fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let temporary = temporary(path);
    let result = (|| {
        let mut file = File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.with_context(|| format!("cannot write `{}`", path.display()))
}

/// Why [`replace`] left the file as it was.
#[derive(Debug)]
pub enum ReplaceError {
    /// The file's bytes are no longer those the new text was made from: someone else
    /// wrote it meanwhile, and renaming would throw their change away.
    Changed,
    /// Writing, flushing or renaming failed.
    Io(io::Error),
}

/// Replaces the file at `path`, whose bytes were `before` when the new ones were made
/// from them, by `bytes`: written beside it with its permissions, flushed, then renamed
/// over it, unless its bytes changed in the meantime. On any failure the file is left as
/// it was and no temporary is left behind.
pub fn replace(path: &Path, before: &[u8], bytes: &[u8]) -> Result<(), ReplaceError> {
    let temporary = temporary(path);
    let result = (|| {
        let permissions = std::fs::metadata(path)?.permissions();
        let mut file = File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        // Set last: a read-only original would otherwise make its copy unwritable.
        file.set_permissions(permissions)?;
        drop(file);
        hooks::before_rename(path);
        if std::fs::read(path)? != before {
            return Err(ReplaceError::Changed);
        }
        hooks::rename(&temporary, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

impl From<io::Error> for ReplaceError {
    fn from(error: io::Error) -> Self {
        ReplaceError::Io(error)
    }
}

/// The temporary beside `path`: a dot file (the tree's walk skips those), named after the
/// process so that two runs never share one.
fn temporary(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Failures the tests inject between writing the temporary and renaming it: a root user
/// (as in CI) cannot be stopped by permissions, so a rename that fails or a file changed
/// at the last moment have to be staged. Outside tests these do nothing.
#[cfg(not(test))]
mod hooks {
    use std::path::Path;

    pub fn before_rename(_path: &Path) {}

    pub fn rename(from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }
}

#[cfg(test)]
pub mod hooks {
    use std::cell::RefCell;
    use std::path::Path;

    type Action = Box<dyn FnOnce(&Path)>;

    thread_local! {
        static FAIL_RENAME: RefCell<bool> = const { RefCell::new(false) };
        static BEFORE_RENAME: RefCell<Option<Action>> = RefCell::new(None);
    }

    /// Makes the next renames of this thread fail, or succeed again.
    pub fn fail_rename(fail: bool) {
        FAIL_RENAME.with(|f| *f.borrow_mut() = fail);
    }

    /// Runs `action` on the file just before the next rename of this thread.
    pub fn on_before_rename(action: impl FnOnce(&Path) + 'static) {
        BEFORE_RENAME.with(|b| *b.borrow_mut() = Some(Box::new(action)));
    }

    pub(super) fn before_rename(path: &Path) {
        if let Some(action) = BEFORE_RENAME.with(|b| b.borrow_mut().take()) {
            action(path);
        }
    }

    pub(super) fn rename(from: &Path, to: &Path) -> std::io::Result<()> {
        if FAIL_RENAME.with(|f| *f.borrow()) {
            return Err(std::io::Error::other("rename failed (injected by a test)"));
        }
        std::fs::rename(from, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace(&path, b"old", b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_rename_leaves_the_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "old").unwrap();
        hooks::fail_rename(true);
        let result = replace(&path, b"old", b"new");
        hooks::fail_rename(false);
        assert!(matches!(result, Err(ReplaceError::Io(_))));
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_file_changed_meanwhile_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "old").unwrap();
        hooks::on_before_rename(|path| std::fs::write(path, "theirs").unwrap());
        let result = replace(&path, b"old", b"new");
        assert!(matches!(result, Err(ReplaceError::Changed)));
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        assert!(leftovers(dir.path()).is_empty());
    }
}

//! Writing a file so that readers see the old text or the new, never half of either.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it
/// over `path`. A link is followed: see [`resolved`].
pub fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let target = resolved(path);
    let temporary = temporary(&target);
    let result = (|| {
        let mut file = File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.with_context(|| format!("cannot write `{}`", path.display()))
}

/// Writes `bytes` to a new or existing file at `path` as [`write`] does, but without
/// waiting for the disk: a reader still sees the whole old file or the whole new one, while
/// a power cut may lose the file. For files made from others and made again by the next
/// run (the site's pages): waiting for the disk once per page made `site` on a national
/// tree spend most of its time idle.
pub fn publish(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let target = resolved(path);
    let temporary = temporary(&target);
    let result =
        std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, &target));
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
/// it was and no temporary is left behind. A link is followed: see [`resolved`].
pub fn replace(path: &Path, before: &[u8], bytes: &[u8]) -> Result<(), ReplaceError> {
    let path = &resolved(path);
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

/// Why [`replace_all`] did not replace every file.
#[derive(Debug)]
pub enum ReplaceAllError {
    /// Nothing was written: a file changed meanwhile, or writing a temporary failed.
    Nothing(PathBuf, ReplaceError),
    /// A rename failed after others had succeeded: the files renamed so far have their
    /// new bytes, the others their old ones.
    Partial {
        written: Vec<PathBuf>,
        failed: PathBuf,
        error: io::Error,
        not_written: Vec<PathBuf>,
    },
}

/// [`replace`] for several files at once, so that all of them change or none: every new
/// text is written beside its file and flushed first, then every file is checked to still
/// have the bytes its new text was made from, and only then is each renamed into place.
/// Only a failing rename (after the others' succeeded) can leave some files changed.
pub fn replace_all(files: &[(&Path, &[u8], &[u8])]) -> Result<(), ReplaceAllError> {
    let mut written: Vec<PathBuf> = Vec::new();
    let clean = |temporaries: &[PathBuf]| {
        for t in temporaries {
            let _ = std::fs::remove_file(t);
        }
    };
    // Where each file really is; errors name the paths as given.
    let targets: Vec<PathBuf> = files.iter().map(|(path, _, _)| resolved(path)).collect();
    for ((path, _, bytes), target) in files.iter().zip(&targets) {
        let temporary = temporary(target);
        if let Err(e) = write_beside(target, &temporary, bytes) {
            let _ = std::fs::remove_file(&temporary);
            clean(&written);
            return Err(ReplaceAllError::Nothing(
                path.to_path_buf(),
                ReplaceError::Io(e),
            ));
        }
        written.push(temporary);
    }
    for ((path, before, _), target) in files.iter().zip(&targets) {
        hooks::before_rename(target);
        let unchanged = std::fs::read(target).map(|now| now == *before);
        let problem = match unchanged {
            Ok(true) => continue,
            Ok(false) => ReplaceError::Changed,
            Err(e) => ReplaceError::Io(e),
        };
        clean(&written);
        return Err(ReplaceAllError::Nothing(path.to_path_buf(), problem));
    }
    for (i, ((path, _, _), temporary)) in files.iter().zip(&written).enumerate() {
        if let Err(error) = hooks::rename(temporary, &targets[i]) {
            clean(&written[i..]);
            let paths = |range: &[(&Path, &[u8], &[u8])]| {
                range.iter().map(|(p, _, _)| p.to_path_buf()).collect()
            };
            return Err(ReplaceAllError::Partial {
                written: paths(&files[..i]),
                failed: path.to_path_buf(),
                error,
                not_written: paths(&files[i + 1..]),
            });
        }
    }
    Ok(())
}

/// Writes `bytes` to `temporary` with the permissions of `path`, flushed to disk.
fn write_beside(path: &Path, temporary: &Path, bytes: &[u8]) -> io::Result<()> {
    let permissions = std::fs::metadata(path)?.permissions();
    let mut file = File::create(temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    file.set_permissions(permissions)?;
    Ok(())
}

impl From<io::Error> for ReplaceError {
    fn from(error: io::Error) -> Self {
        ReplaceError::Io(error)
    }
}

/// The file `path` names, links followed (a relative link from its own folder): the new
/// text is written beside that file and renamed over it, so that a link stays a link and
/// the file it points to gets the change. Renaming over the link itself would replace it
/// with a regular file and leave its target as it was. A path that is not a link, or
/// does not exist yet, is itself.
fn resolved(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    // A loop of links is given up after 40, as the kernel does; opening it then fails.
    for _ in 0..40 {
        let Ok(target) = std::fs::read_link(&path) else {
            break;
        };
        path = match path.parent() {
            Some(folder) => folder.join(target),
            None => target,
        };
    }
    path
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
        static RENAMES_BEFORE_FAILING: RefCell<Option<usize>> = const { RefCell::new(None) };
        static BEFORE_RENAME: RefCell<Option<Action>> = RefCell::new(None);
    }

    /// Makes the next renames of this thread fail, or succeed again.
    pub fn fail_rename(fail: bool) {
        FAIL_RENAME.with(|f| *f.borrow_mut() = fail);
    }

    /// Lets the next `n` renames of this thread succeed and makes the one after fail.
    pub fn fail_rename_after(n: usize) {
        RENAMES_BEFORE_FAILING.with(|r| *r.borrow_mut() = Some(n));
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
        let countdown = RENAMES_BEFORE_FAILING.with(|r| {
            let mut r = r.borrow_mut();
            match *r {
                Some(0) => {
                    *r = None;
                    true
                }
                Some(n) => {
                    *r = Some(n - 1);
                    false
                }
                None => false,
            }
        });
        if countdown || FAIL_RENAME.with(|f| *f.borrow()) {
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

    /// A plan file that is a link to one elsewhere: the link stays a link and the file it
    /// points to gets the new bytes, its mode kept, no temporary left on either side.
    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (links, targets) = (dir.path().join("sym"), dir.path().join("target"));
        std::fs::create_dir_all(&links).unwrap();
        std::fs::create_dir_all(&targets).unwrap();
        let real = targets.join("real.toml");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        // A relative link to a relative link: each resolved from its own folder.
        std::os::unix::fs::symlink("real.toml", targets.join("hop.toml")).unwrap();
        let link = links.join("p.toml");
        std::os::unix::fs::symlink("../target/hop.toml", &link).unwrap();

        replace(&link, b"old", b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(
            std::fs::symlink_metadata(targets.join("hop.toml"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);

        replace_all(&[(link.as_path(), b"new".as_slice(), b"newer".as_slice())]).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"newer");

        write(&link, b"newest").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"newest");
        assert!(leftovers(&links).is_empty() && leftovers(&targets).is_empty());
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

    fn three_files(dir: &Path) -> Vec<PathBuf> {
        let paths: Vec<PathBuf> = ["a", "b", "c"].iter().map(|n| dir.join(n)).collect();
        for p in &paths {
            std::fs::write(p, "old").unwrap();
        }
        paths
    }

    fn all(paths: &[PathBuf]) -> Vec<(&Path, &[u8], &[u8])> {
        paths
            .iter()
            .map(|p| (p.as_path(), b"old".as_slice(), b"new".as_slice()))
            .collect()
    }

    fn contents(paths: &[PathBuf]) -> Vec<String> {
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }

    #[test]
    fn replace_all_replaces_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let paths = three_files(dir.path());
        replace_all(&all(&paths)).unwrap();
        assert_eq!(contents(&paths), ["new", "new", "new"]);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn replace_all_writes_nothing_when_one_file_changed_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let paths = three_files(dir.path());
        std::fs::write(&paths[2], "theirs").unwrap();
        let result = replace_all(&all(&paths));
        assert!(
            matches!(result, Err(ReplaceAllError::Nothing(ref p, ReplaceError::Changed)) if *p == paths[2])
        );
        assert_eq!(contents(&paths), ["old", "old", "theirs"]);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn replace_all_says_which_files_a_failed_rename_left() {
        let dir = tempfile::tempdir().unwrap();
        let paths = three_files(dir.path());
        hooks::fail_rename_after(1);
        let result = replace_all(&all(&paths));
        let Err(ReplaceAllError::Partial {
            written,
            failed,
            not_written,
            ..
        }) = result
        else {
            panic!("{result:?}");
        };
        assert_eq!(written, [paths[0].clone()]);
        assert_eq!(failed, paths[1]);
        assert_eq!(not_written, [paths[2].clone()]);
        assert_eq!(contents(&paths), ["new", "old", "old"]);
        assert!(leftovers(dir.path()).is_empty());
    }
}

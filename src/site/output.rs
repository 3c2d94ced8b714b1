//! Writing the site into its folder without ever clobbering a folder of the user's.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, bail};

use super::Page;

/// The file that marks a folder as a site this command wrote, and so one it may rewrite.
pub const MARKER: &str = ".bhxh-plan-site";

const MARKER_TEXT: &str = "This folder is written by `bhxh-plan site`; each run replaces \
                           its pages. Remove this file to keep the folder from being rewritten.\n";

/// The folders whose pages a new run replaces: a page of a plan or unit that is gone is
/// removed with them.
const PAGE_FOLDERS: [&str; 2] = ["plan", "unit"];

/// The site's folder while a run writes it: pages go in one by one, each atomically; at
/// the end the pages of an earlier run that this one did not write are removed.
pub struct Folder {
    out: PathBuf,
    written: Mutex<HashSet<PathBuf>>,
}

impl Folder {
    /// `out` must be new, empty, or a site written before (it has the marker); anything
    /// else is refused before a file is written.
    pub fn open(out: &Path) -> anyhow::Result<Folder> {
        check_folder(out)?;
        std::fs::create_dir_all(out)
            .with_context(|| format!("cannot create `{}`", out.display()))?;
        crate::atomic::write(&out.join(MARKER), MARKER_TEXT.as_bytes())?;
        for folder in PAGE_FOLDERS {
            let dir = out.join(folder);
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create `{}`", dir.display()))?;
        }
        Ok(Folder {
            out: out.to_path_buf(),
            written: Mutex::default(),
        })
    }

    /// Writes one page, creating nothing but the file, unless the page on disk already
    /// reads the same: it keeps its modification time, so copying the site to a web server
    /// copies only what changed, and a site made again over itself mostly reads.
    pub fn put(&self, page: Page) -> anyhow::Result<()> {
        let path = self.out.join(&page.path);
        if !holds(&path, page.html.as_bytes()) {
            crate::atomic::publish(&path, page.html.as_bytes())?;
        }
        self.written.lock().expect("a writer panicked").insert(path);
        Ok(())
    }

    /// Removes the pages of an earlier run that this run did not write; the number of
    /// pages written.
    pub fn finish(self) -> anyhow::Result<usize> {
        let written = self.written.into_inner().expect("a writer panicked");
        remove_stale(&self.out, &written)?;
        Ok(written.len())
    }
}

/// True when the file at `path` holds exactly `bytes`. It is read a piece at a time and
/// no further than its first difference: a page of the day before differs near its top
/// (the day it answers on), so a daily run reads a few kilobytes of each, not all of it.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    if !file.metadata().is_ok_and(|m| m.len() == bytes.len() as u64) {
        return false;
    }
    let mut piece = [0; 8192];
    for expected in bytes.chunks(piece.len()) {
        let read = &mut piece[..expected.len()];
        if file.read_exact(read).is_err() || read != expected {
            return false;
        }
    }
    true
}

/// Refuses a folder that holds files but no marker: it is someone's, not a site of ours.
fn check_folder(out: &Path) -> anyhow::Result<()> {
    let shown = out.display();
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        bail!("`{shown}` is a file, not a folder: choose a folder for the site with `--out`");
    }
    let mut entries = std::fs::read_dir(out).with_context(|| format!("cannot read `{shown}`"))?;
    if entries.next().is_none() || out.join(MARKER).is_file() {
        return Ok(());
    }
    bail!(
        "`{shown}` is not empty and holds no site written by `bhxh-plan site` (no `{MARKER}` \
         file in it); so as not to overwrite your files, choose a new or empty folder"
    )
}

/// Removes the pages of an earlier run that this run did not write.
fn remove_stale(out: &Path, written: &HashSet<PathBuf>) -> anyhow::Result<()> {
    for folder in PAGE_FOLDERS {
        let dir = out.join(folder);
        let entries =
            std::fs::read_dir(&dir).with_context(|| format!("cannot read `{}`", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let page = path.extension().is_some_and(|e| e == "html");
            if page && !written.contains(&path) {
                std::fs::remove_file(&path)
                    .with_context(|| format!("cannot remove `{}`", path.display()))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(out: &Path, paths: &[&str]) -> anyhow::Result<usize> {
        let folder = Folder::open(out)?;
        for path in paths {
            folder.put(Page {
                path: path.into(),
                html: format!("<p>{path}</p>"),
            })?;
        }
        folder.finish()
    }

    #[test]
    fn a_new_or_empty_folder_takes_the_site_and_a_site_is_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write(&out, &["index.html", "plan/a.html"]).unwrap();
        assert!(out.join(MARKER).is_file());
        assert_eq!(write(&out, &["index.html", "plan/b.html"]).unwrap(), 2);
        assert!(out.join("plan/b.html").is_file());
        assert!(
            !out.join("plan/a.html").exists(),
            "a page that is gone is removed"
        );
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        write(&empty, &["index.html"]).unwrap();
    }

    #[test]
    fn a_page_that_reads_the_same_is_left_as_it_was() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write(&out, &["index.html", "plan/a.html"]).unwrap();
        let inode = |page: &str| std::fs::metadata(out.join(page)).unwrap().ino();
        let before = inode("plan/a.html");
        std::fs::write(out.join("index.html"), "<p>changed by hand</p>").unwrap();
        write(&out, &["index.html", "plan/a.html"]).unwrap();
        assert_eq!(
            inode("plan/a.html"),
            before,
            "an unchanged page is not replaced"
        );
        let index = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert_eq!(index, "<p>index.html</p>", "a changed page is");
    }

    #[test]
    fn a_page_of_the_same_size_that_differs_past_its_first_piece_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let page = |last: char| Page {
            path: "plan/a.html".into(),
            html: format!("{}{last}", "x".repeat(20_000)),
        };
        let folder = Folder::open(&out).unwrap();
        folder.put(page('1')).unwrap();
        folder.put(page('2')).unwrap();
        folder.finish().unwrap();
        let html = std::fs::read_to_string(out.join("plan/a.html")).unwrap();
        assert!(html.ends_with('2'), "the page holds the last text written");
    }

    #[test]
    fn a_folder_of_the_users_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let error = write(dir.path(), &["index.html"]).unwrap_err();
        assert!(
            error.to_string().contains("no `.bhxh-plan-site`"),
            "{error}"
        );
        assert!(!dir.path().join("index.html").exists());
        let file = dir.path().join("notes.txt");
        let error = write(&file, &["index.html"]).unwrap_err();
        assert!(error.to_string().contains("is a file"), "{error}");
    }
}

//! The few questions we ask git: which files changed since a revision, and what the plans
//! tree held at a revision.
//!
//! git runs as a child process with an argument vector, never through a shell, and every
//! user-supplied revision is resolved with `--end-of-options` first so that text such as
//! `--output=x` can never be taken for an option.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

/// A git work tree.
#[derive(Debug)]
pub struct Repo {
    /// The top of the work tree (canonical).
    top: PathBuf,
}

fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command.arg("-C").arg(dir).env("GIT_TERMINAL_PROMPT", "0");
    command
}

/// git's output; when it fails, the error `failed` says (by default, git's own complaint).
fn run(command: &mut Command, failed: Option<String>) -> anyhow::Result<Vec<u8>> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .context("cannot run `git`; is it installed?")?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        bail!(failed.unwrap_or_else(|| format!("git failed: {}", stderr.trim())));
    }
    Ok(output.stdout)
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).trim().to_string()
}

/// The paths of a NUL-separated list.
fn paths(list: &[u8]) -> impl Iterator<Item = &OsStr> {
    list.split(|b| *b == 0)
        .filter(|name| !name.is_empty())
        .map(OsStr::from_bytes)
}

impl Repo {
    /// The work tree that holds `dir`.
    pub fn discover(dir: &Path) -> anyhow::Result<Repo> {
        let outside = format!("`{}` is not inside a git repository", dir.display());
        let top = run(
            git(dir).args(["rev-parse", "--show-toplevel"]),
            Some(outside),
        )?;
        let top = PathBuf::from(text(top));
        let top = top.canonicalize().unwrap_or(top);
        Ok(Repo { top })
    }

    /// The commit a revision names, or a usage error naming it.
    pub fn resolve(&self, rev: &str) -> anyhow::Result<String> {
        let unknown = format!(
            "unknown revision `{rev}` in the repository at `{}`",
            self.top.display()
        );
        let commit = run(
            git(&self.top)
                .args(["rev-parse", "--verify", "--quiet", "--end-of-options"])
                .arg(format!("{rev}^{{commit}}")),
            Some(unknown),
        )?;
        Ok(text(commit))
    }

    /// The merge-base of `rev` and HEAD: where a branch left the one it will merge into.
    pub fn merge_base(&self, rev: &str) -> anyhow::Result<String> {
        let commit = self.resolve(rev)?;
        let base = run(git(&self.top).args(["merge-base", &commit, "HEAD"]), None)
            .with_context(|| format!("`{rev}` and HEAD have no common ancestor"))?;
        Ok(text(base))
    }

    /// Files added, modified or renamed between `base` and the working tree, untracked new
    /// files included; absolute paths.
    pub fn changed_files(&self, base: &str) -> anyhow::Result<Vec<PathBuf>> {
        let diff = [
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=AMR",
        ];
        let diff = run(git(&self.top).args(diff).args([base, "--"]), None)?;
        let untracked = ["ls-files", "--others", "--exclude-standard", "-z"];
        let untracked = run(git(&self.top).args(untracked), None)?;
        let mut files: Vec<PathBuf> = paths(&diff)
            .chain(paths(&untracked))
            .map(|name| self.top.join(name))
            .collect();
        files.sort();
        files.dedup();
        Ok(files)
    }

    /// Every file under `dir` at commit `rev`, with paths relative to `dir`.
    pub fn files_at(&self, rev: &str, dir: &Path) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
        let commit = self.resolve(rev)?;
        let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let inside = dir
            .strip_prefix(&self.top)
            .unwrap_or(Path::new(""))
            .to_path_buf();
        let mut list = git(&self.top);
        list.args(["ls-tree", "-r", "-z", "--name-only", &commit, "--"]);
        if !inside.as_os_str().is_empty() {
            list.arg(&inside);
        }
        let names: Vec<PathBuf> = paths(&run(&mut list, None)?).map(PathBuf::from).collect();
        let blobs = self.blobs(&commit, &names)?;
        let files = names
            .into_iter()
            .zip(blobs)
            .map(|(name, bytes)| {
                (
                    name.strip_prefix(&inside)
                        .map(Path::to_path_buf)
                        .unwrap_or(name),
                    bytes,
                )
            })
            .collect();
        Ok(files)
    }

    /// The contents of `names` at `commit`, through one `git cat-file --batch`.
    fn blobs(&self, commit: &str, names: &[PathBuf]) -> anyhow::Result<Vec<Vec<u8>>> {
        let mut child = git(&self.top)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .context("cannot run `git`; is it installed?")?;
        let mut stdin = child.stdin.take().context("git's input")?;
        let requests: Vec<u8> = names
            .iter()
            .flat_map(|name| {
                let mut line = format!("{commit}:").into_bytes();
                line.extend_from_slice(name.as_os_str().as_bytes());
                line.push(b'\n');
                line
            })
            .collect();
        // Write from another thread: git answers while we ask, and a full pipe would block both.
        let writer = std::thread::spawn(move || stdin.write_all(&requests));
        let mut reader = BufReader::new(child.stdout.take().context("git's output")?);
        let mut blobs = Vec::with_capacity(names.len());
        for name in names {
            let mut header = String::new();
            reader.read_line(&mut header)?;
            let size: usize = header
                .split_whitespace()
                .nth(2)
                .and_then(|s| s.parse().ok())
                .with_context(|| {
                    format!("git could not read `{}`: {}", name.display(), header.trim())
                })?;
            let mut blob = vec![0; size + 1];
            reader.read_exact(&mut blob)?;
            blob.pop();
            blobs.push(blob);
        }
        writer
            .join()
            .map_err(|_| anyhow::anyhow!("writing to git failed"))??;
        child.wait()?;
        Ok(blobs)
    }
}

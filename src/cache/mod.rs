//! The on-disk cache of checked files: what checking each plan file gave last time, so a
//! run over an unchanged tree neither reads nor parses it again. Nothing else knows how it
//! is kept; the app asks it for a file ([`Cache::get`]) and hands it what it checked
//! ([`Cache::put`]). `--no-cache` runs without it.
//!
//! One file per tree under the cache folder, `<key>.cache`:
//!
//! ```text
//! MAGIC | per plan file: its checked result without the plan, the plan (postcard) |
//! index (postcard) | index length, index checksum (u64 LE each) | MAGIC
//! ```
//!
//! The index holds, per plan file, what tells whether the file changed (size,
//! modification time, content hash) and where its checked result and its plan are, each
//! with a checksum: `check` reads the results alone, a query the plans too. A file is
//! trusted like git trusts its index: same size and modification time, and where that time
//! is too close to the run that stored it to tell two writes apart, the same content hash.
//! The cache is ignored whole on any doubt (another format or tool version, another
//! registry, a bad checksum), and a plan whose checksum fails is checked again. It is
//! written beside its place and renamed into it, so a reader sees an old cache or a new
//! one, never half of one. A file with a date after the clock it was checked with is not
//! kept (the same bytes may check differently tomorrow), and a file is checked again when
//! the clock is set back before the day it was checked.

mod stored;

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::check::{CheckedFile, PlanKey};
use crate::diag::Diagnostic;
use crate::source::FileId;
use crate::source::KeptText;

const MAGIC: &[u8; 8] = b"BHXHCCH\0";
/// Bump when the layout or the meaning of the stored data changes, or checking gives
/// other diagnostics for the same bytes (2: a wrong-typed field is not also missing; an
/// empty lead list is reported on itself; 3: progress, extensions, a closed plan; 4: E022
/// among the codes, whose stored numbers moved the warnings'; a wrong-typed deadline is not
/// also missing, nor a section without its title undefined; 5: E018 says "is dated"; 6:
/// W004; 7: E015 names `lead`, `support` or `monitor`; 8: deadlines read by round 16's
/// rules, some of them errors before; 9: W005, a milestone reported open again after its
/// task was closed; 10: round 17's rules). A change to how deadlines read is one too: a plan is stored with its
/// deadlines' readings and diagnostics.
const FORMAT: u32 = 25;
/// A file modified less than this before the run that stored it may have changed again
/// within the same modification time.
const RACY: i128 = 2_000_000_000;
/// Temporary files older than this were left by a run that stopped.
const STALE: Duration = Duration::from_secs(3600);

/// The folder for caches: `BHXH_PLAN_CACHE_DIR`, else the user's cache folder.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BHXH_PLAN_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("bhxh-plan"))
}

/// What the cache answers for a file.
pub enum Lookup {
    Hit(Box<CheckedFile>),
    /// Check the file; give [`Cache::put`] the stamp, taken before the file was read.
    Miss(Stamp),
}

/// A file's path, size and modification time, as they were before it was read.
pub struct Stamp {
    path: PathBuf,
    size: u64,
    mtime: i128,
}

/// Everything stored of one plan file.
#[derive(Serialize, Deserialize)]
struct Entry {
    path: PathBuf,
    size: u64,
    mtime: i128,
    hash: u64,
    /// The real date it was checked on: the result holds from that day on.
    clock: NaiveDate,
    /// The checked result without its plan.
    checked: Stored,
    plan: Option<Stored>,
}

/// Where some bytes are in the cache file, and their checksum.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct Stored {
    at: u64,
    len: u64,
    checksum: u64,
}

/// A checked file without its plan, as stored: key, diagnostics, lines (a file with a
/// date after the clock is not stored).
type Head = (Option<PlanKey>, Vec<Diagnostic>, KeptText);

/// What must match for a cache to be used.
#[derive(PartialEq, Serialize, Deserialize)]
struct Version {
    format: u32,
    tool: String,
    root: PathBuf,
    registry: u64,
}

#[derive(Serialize, Deserialize)]
struct Index {
    version: Version,
    /// When the run that wrote it began.
    started: i128,
    entries: Vec<Entry>,
}

/// The cache read at the start of a run.
struct Old {
    file: File,
    started: i128,
    entries: Vec<Entry>,
    by_path: HashMap<PathBuf, usize>,
}

/// What this run will write.
#[derive(Default)]
struct New {
    /// Old entries found unchanged.
    kept: Vec<usize>,
    /// Files checked afresh; their plans are already in `out`.
    fresh: Vec<Entry>,
    out: Option<Output>,
    failed: bool,
}

struct Output {
    path: PathBuf,
    writer: BufWriter<File>,
    at: u64,
}

/// The cache of one tree for one run.
pub struct Cache {
    dir: PathBuf,
    path: PathBuf,
    version: Version,
    started: i128,
    clock: NaiveDate,
    /// Whether this run reads plans (queries) or only diagnostics (`check`).
    wants_plans: bool,
    old: Option<Old>,
    new: Mutex<New>,
}

impl Cache {
    /// The cache of the tree at `root` whose registry has these bytes, for a run checking
    /// with `clock` as the real date. A missing or doubtful cache opens empty.
    pub fn open(
        dir: &Path,
        root: &Path,
        registry: &[u8],
        clock: NaiveDate,
        wants_plans: bool,
    ) -> Cache {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let key = hash(root.as_os_str().as_encoded_bytes());
        let version = Version {
            format: FORMAT,
            tool: env!("CARGO_PKG_VERSION").to_string(),
            root,
            registry: hash(registry),
        };
        let path = dir.join(format!("{key:016x}.cache"));
        let old = read(&path, &version);
        Cache {
            dir: dir.to_path_buf(),
            path,
            version,
            started: now(),
            clock,
            wants_plans,
            old,
            new: Mutex::default(),
        }
    }

    /// What was stored of the file at `disk` (shown as `shown`), if it is unchanged.
    pub fn get(&self, shown: &Path, disk: &Path, file: FileId) -> Lookup {
        let Some(stamp) = stamp(shown, disk) else {
            return Lookup::Miss(Stamp {
                path: shown.to_path_buf(),
                size: u64::MAX,
                mtime: 0,
            });
        };
        match self.stored(&stamp, disk) {
            Some((index, mut checked)) => {
                checked.set_file(file);
                self.lock().kept.push(index);
                Lookup::Hit(Box::new(checked))
            }
            None => Lookup::Miss(stamp),
        }
    }

    fn stored(&self, stamp: &Stamp, disk: &Path) -> Option<(usize, CheckedFile)> {
        let old = self.old.as_ref()?;
        let index = *old.by_path.get(&stamp.path)?;
        let entry = &old.entries[index];
        if (entry.size, entry.mtime) != (stamp.size, stamp.mtime) || entry.clock > self.clock {
            return None;
        }
        if entry.mtime + RACY >= old.started && hash(&fs::read(disk).ok()?) != entry.hash {
            return None;
        }
        let (key, diagnostics, lines): Head = decode(&old.file, entry.checked)?;
        let mut checked = CheckedFile {
            plan: None,
            key,
            diagnostics,
            lines,
            dated_after_clock: false,
        };
        let has_errors = checked.diagnostics.iter().any(|d| d.is_error());
        if self.wants_plans && !has_errors {
            let plan: stored::StoredPlan = decode(&old.file, entry.plan?)?;
            checked.plan = Some(Box::new(plan.into()));
        }
        Some((index, checked))
    }

    /// Stores what checking the file read after `stamp` gave.
    pub fn put(&self, stamp: Stamp, bytes: &[u8], checked: &CheckedFile) {
        if checked.dated_after_clock || stamp.size == u64::MAX {
            return;
        }
        // A check-only run (CI) stores no plans: the first query stores them.
        let plan = (checked.plan.as_ref())
            .filter(|_| self.wants_plans)
            .map(postcard::to_allocvec);
        let head = postcard::to_allocvec(&(&checked.key, &checked.diagnostics, &checked.lines));
        let (Ok(head), None | Some(Ok(_))) = (head, &plan) else {
            return;
        };
        let mut new = self.lock();
        let mut write = |bytes: &[u8]| new.write(&self.dir, &self.path, bytes);
        let head = write(&head);
        let plan = plan.and_then(Result::ok).map(|plan| write(&plan));
        let (Some(head), None | Some(Some(_))) = (head, &plan) else {
            return;
        };
        new.fresh.push(Entry {
            path: stamp.path,
            size: stamp.size,
            mtime: stamp.mtime,
            hash: hash(bytes),
            clock: self.clock,
            checked: head,
            plan: plan.flatten(),
        });
    }

    /// Writes the cache for the next run, unless nothing changed. A cache that cannot be
    /// written is left as it was: the next run checks again.
    pub fn save(self) {
        sweep(&self.dir);
        let mut new = self.new.into_inner().unwrap_or_else(|e| e.into_inner());
        let old_count = self.old.as_ref().map_or(0, |old| old.entries.len());
        if new.fresh.is_empty() && new.kept.len() == old_count && !new.failed && self.old.is_some()
        {
            return;
        }
        let mut entries = std::mem::take(&mut new.fresh);
        if let Some(old) = self.old {
            let mut old_entries: Vec<Option<Entry>> = old.entries.into_iter().map(Some).collect();
            for index in std::mem::take(&mut new.kept) {
                let Some(mut entry) = old_entries[index].take() else {
                    continue;
                };
                // Damaged bytes are not carried over: the entry goes, and the file is
                // checked again next time.
                let mut copy = |stored| {
                    read_stored(&old.file, stored)
                        .and_then(|bytes| new.write(&self.dir, &self.path, &bytes))
                };
                let Some(checked) = copy(entry.checked) else {
                    continue;
                };
                entry.checked = checked;
                if let Some(plan) = entry.plan {
                    let Some(plan) = copy(plan) else { continue };
                    entry.plan = Some(plan);
                }
                entries.push(entry);
            }
        }
        let index = Index {
            version: self.version,
            started: self.started,
            entries,
        };
        if new.out.is_none() {
            new.write(&self.dir, &self.path, &[]);
        }
        let (Some(out), false) = (new.out.take(), new.failed) else {
            return;
        };
        let finished = finish(out.writer, &index).and_then(|()| fs::rename(&out.path, &self.path));
        if finished.is_err() {
            let _ = fs::remove_file(&out.path);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, New> {
        self.new.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl New {
    /// Appends a plan's bytes to the new cache file, opened on first use.
    fn write(&mut self, dir: &Path, path: &Path, bytes: &[u8]) -> Option<Stored> {
        if self.failed {
            return None;
        }
        if self.out.is_none() {
            // Beside the cache, named for the run writing it: `<key>.cache.<pid>.tmp`.
            let mut temporary = path.as_os_str().to_os_string();
            temporary.push(format!(".{}.tmp", std::process::id()));
            let temporary = PathBuf::from(temporary);
            let opened = fs::create_dir_all(dir)
                .and_then(|()| File::create(&temporary))
                .and_then(|file| {
                    let mut writer = BufWriter::with_capacity(1 << 16, file);
                    writer.write_all(MAGIC)?;
                    Ok(writer)
                });
            self.out = opened.ok().map(|writer| Output {
                path: temporary,
                writer,
                at: MAGIC.len() as u64,
            });
        }
        let written =
            (self.out.as_mut()).and_then(|out| out.writer.write_all(bytes).is_ok().then_some(out));
        let Some(out) = written else {
            self.failed = true;
            return None;
        };
        let stored = Stored {
            at: out.at,
            len: bytes.len() as u64,
            checksum: hash(bytes),
        };
        out.at += bytes.len() as u64;
        Some(stored)
    }
}

/// Writes the index and the tail after the plans, and flushes the file to disk.
fn finish(mut writer: BufWriter<File>, index: &Index) -> std::io::Result<()> {
    let bytes = postcard::to_allocvec(index).map_err(std::io::Error::other)?;
    writer.write_all(&bytes)?;
    writer.write_all(&(bytes.len() as u64).to_le_bytes())?;
    writer.write_all(&hash(&bytes).to_le_bytes())?;
    writer.write_all(MAGIC)?;
    let file = writer.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

/// The cache at `path`, if it is whole and was written for this tree and tool.
fn read(path: &Path, version: &Version) -> Option<Old> {
    let file = File::open(path).ok()?;
    let size = file.metadata().ok()?.len();
    let tail_len = 24;
    if size < (MAGIC.len() + tail_len) as u64 {
        return None;
    }
    let mut start = [0; 8];
    let mut tail = [0; 24];
    file.read_exact_at(&mut start, 0).ok()?;
    file.read_exact_at(&mut tail, size - tail_len as u64).ok()?;
    let word = |at: usize| u64::from_le_bytes(tail[at..at + 8].try_into().unwrap_or_default());
    if &start != MAGIC || &tail[16..] != MAGIC {
        return None;
    }
    let (len, checksum) = (word(0), word(8));
    let at = (size - tail_len as u64).checked_sub(len)?;
    if at < MAGIC.len() as u64 {
        return None;
    }
    let index: Index = decode(&file, Stored { at, len, checksum })?;
    if index.version != *version {
        return None;
    }
    let by_path = index
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.path.clone(), i))
        .collect();
    Some(Old {
        file,
        started: index.started,
        entries: index.entries,
        by_path,
    })
}

/// Stored bytes, decoded, if their checksum holds.
fn decode<T: serde::de::DeserializeOwned>(file: &File, stored: Stored) -> Option<T> {
    postcard::from_bytes(&read_stored(file, stored)?).ok()
}

/// Stored bytes, if their checksum holds.
fn read_stored(file: &File, stored: Stored) -> Option<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(stored.len).ok()?];
    file.read_exact_at(&mut bytes, stored.at).ok()?;
    (hash(&bytes) == stored.checksum).then_some(bytes)
}

fn stamp(shown: &Path, disk: &Path) -> Option<Stamp> {
    let meta = fs::metadata(disk).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(Stamp {
        path: shown.to_path_buf(),
        size: meta.len(),
        mtime: mtime.as_nanos() as i128,
    })
}

/// Removes temporary files left an hour ago or more by runs that stopped before renaming
/// them into place; files of running runs and files not ours stay.
fn sweep(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name.ends_with(".tmp")
            && name.len() > 17
            && name[..16].bytes().all(|b| b.is_ascii_hexdigit())
            && name[16..].starts_with(".cache.");
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age >= STALE));
        if ours && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

fn now() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

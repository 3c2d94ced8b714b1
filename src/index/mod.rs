//! The on-disk index: what checking each plan file gave last time, so that a run over an
//! unchanged national tree skips parsing it again.
//!
//! Two files per tree under the cache folder: `<key>.idx` holds one entry per file (its
//! size, modification time, content hash, diagnostics, plan key and the contents of its
//! checked plan) and `<key>.plans` the checked plans' parts, in the layout of `stored.rs`:
//! a query for one unit reads only that unit's tasks. An entry is trusted like
//! git trusts its index: same size and modification time, and where the time is too close
//! to when the index was written to tell two writes apart, the same content hash. The
//! index is thrown away whole on any doubt: another format version or tool version, a
//! changed registry, a bad checksum, an unreadable file. It is written to temporary files
//! and renamed into place, so a reader sees an old index or a new one, never half of one.

mod stored;

use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::NaiveDate;
use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

pub use stored::TaskWanted;
use stored::{Encoded, encode_plan, parts_intact, parts_length, read_plan};

use crate::diag::Diagnostic;
use crate::model::Plan;
use crate::source::KeptLine;

const MAGIC: &[u8; 8] = b"BHXHIDX\0";
/// Bump when the layout or the meaning of an entry changes.
const FORMAT: u32 = 12;
/// A file written less than this before the index may change again unseen by its time.
const RACY_NANOS: i128 = 2_000_000_000;

/// What the index remembers of one plan file.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    size: u64,
    mtime: i128,
    hash: u64,
    /// The latest `done` date of the file: whether it lies after today decides a rule.
    pub max_done: Option<NaiveDate>,
    /// Diagnostics with file id 0; the caller gives them the file's id.
    pub diagnostics: Vec<Diagnostic>,
    /// The lines those diagnostics show, and the text's length, so an unchanged file
    /// need not be read again to show them.
    pub lines: Option<(usize, Vec<KeptLine>)>,
    /// (issuer, number, span of the number) for the tree-wide rule.
    pub key: PlanKey,
    /// Where the checked plan's parts begin in the old plans file, and its contents in
    /// the old index file's bytes.
    stored: Option<(u64, Range<usize>)>,
}

impl Entry {
    /// The file's checked plan is in the index. A file without errors has none there only
    /// when no run before asked for plans (or storing it failed): then it must be checked
    /// again to have its plan.
    pub fn has_plan(&self) -> bool {
        self.stored.is_some()
    }
}

/// An entry as the index file holds it: what tells whether the file changed, then the
/// rest encoded apart, so that a run decodes only the entries of files it looks at and
/// copies an unchanged file's rest without decoding it.
#[derive(Serialize, Deserialize)]
struct Record<'a> {
    /// The path as the tree shows it, as bytes: no copy of it is made to look it up.
    path: &'a [u8],
    size: u64,
    mtime: i128,
    hash: u64,
    max_done: Option<NaiveDate>,
    /// Whether the file has errors: a query shows those and no warning, so it reads no
    /// more of a rest without errors than the plan key at its start.
    errors: bool,
    /// The checked plan: where its parts begin in the plans file, and its contents.
    #[serde(borrow)]
    plan: Option<(u64, &'a [u8])>,
    /// [`Rest`], encoded.
    rest: &'a [u8],
}

/// (issuer, number, span of the number) of a plan, for the tree-wide rule.
type PlanKey = Option<(String, String, Range<usize>)>;

/// The part of an entry only a file that did not change needs. The key comes first: a
/// query reads it alone from a file without errors.
#[derive(Serialize, Deserialize)]
struct Rest {
    key: PlanKey,
    diagnostics: Vec<Diagnostic>,
    lines: Option<(usize, Vec<KeptLine>)>,
}

/// [`Rest`] to encode, borrowed from an entry.
#[derive(Serialize)]
struct RestRef<'e> {
    key: &'e PlanKey,
    diagnostics: &'e [Diagnostic],
    lines: &'e Option<(usize, Vec<KeptLine>)>,
}

/// The index file's body before its records.
#[derive(Serialize, Deserialize)]
struct Head {
    format: u32,
    tool: String,
    root: PathBuf,
    registry: u64,
    written: i128,
    today: NaiveDate,
}

/// A record of the index read at the start: all but its rest, which stays in the file's
/// bytes until the file is looked up.
struct Slot {
    size: u64,
    mtime: i128,
    hash: u64,
    max_done: Option<NaiveDate>,
    errors: bool,
    /// Where the plan's parts begin in the plans file, and where its contents are in the
    /// index file's bytes.
    plan: Option<(u64, Range<usize>)>,
    rest: Range<usize>,
    /// The path's bytes in the index file's bytes.
    path: Range<usize>,
    /// Found unchanged by this run: a new index copies it. A flag, not a list, so that
    /// the cores looking files up never wait for each other.
    reused: AtomicBool,
}

/// The old index's records.
#[derive(Default)]
struct Records {
    /// In the file's order: a tree's files are looked up in about that order, so their
    /// records are read from memory one after another.
    slots: Vec<Slot>,
    /// Where each record is in `slots`, found by its path's bytes (which stay in the index
    /// file's bytes: hashing a `Path` walks its components, and 30,000 copies of paths
    /// would be as many allocations). Small enough to stay in a core's cache, where a
    /// table of the records themselves cost a cache miss or two for every file looked up.
    by_path: HashTable<u32>,
}

/// The index of one tree for one run: the entries read at the start, those made new.
pub struct Index {
    idx_path: PathBuf,
    plans_path: PathBuf,
    /// The old index file's bytes, which the slots' rests point into.
    old_bytes: Vec<u8>,
    old: Records,
    old_plans: Option<File>,
    old_written: i128,
    old_today: NaiveDate,
    registry: u64,
    today: NaiveDate,
    /// When this run began: what the new index says it was written at. Earlier than its
    /// writing, so a file changed while the run read it counts as too recent to trust.
    started: i128,
    root: PathBuf,
    /// Whether this run stores the plans of the files it checks: when it reads plans
    /// itself, or the old index holds plans (a query has asked for them before). A tree
    /// only ever checked (CI) never writes the plans file.
    stores_plans: bool,
    fresh: Mutex<Fresh>,
}

/// An index read from disk whose registry is not yet compared with the tree's: opened while
/// the tree is walked, on another core.
pub struct Unchecked(Index);

impl Unchecked {
    /// The index, emptied if it was written under another registry: a changed registry
    /// changes what every plan's units mean. (If it held plans it still stores them: a
    /// query has asked for them before.)
    pub fn for_registry(self, registry_bytes: &[u8]) -> Index {
        let Unchecked(mut index) = self;
        let registry = hash(registry_bytes);
        if index.registry != registry {
            index.old = Records::default();
            index.old_bytes = Vec::new();
            index.old_plans = None;
            index.registry = registry;
        }
        index
    }
}

/// What this run writes: the new index file, its records streamed out as files are
/// checked (a national tree's records are never held), and the plans file.
#[derive(Default)]
struct Fresh {
    idx: Option<Summed<BufWriter<File>>>,
    /// How many records were written, and how many of them were in the old index.
    count: usize,
    known: usize,
    plans: Option<BufWriter<File>>,
    length: u64,
    changed: bool,
    /// A record could not be written: this run writes no index.
    failed: bool,
}

/// A writer that sums what goes through it.
struct Summed<W> {
    out: W,
    sum: Xxh3,
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.sum.update(&bytes[..written]);
        Ok(written)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// XXH3: a stable hash for contents and checksums, fast enough to run over every byte
/// the index holds.
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// FxHash of a path's bytes, for the table of the old index's records.
fn path_hash(path: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    FxBuildHasher.hash_one(path)
}

fn mtime(meta: &fs::Metadata) -> Option<i128> {
    let time = meta.modified().ok()?;
    Some(time.duration_since(UNIX_EPOCH).ok()?.as_nanos() as i128)
}

fn now() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

/// The folder for indexes: `BHXH_PLAN_CACHE_DIR`, else the user's cache folder.
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

impl Index {
    /// Opens the index of the tree at `root` for a run that `reads_plans` or only wants
    /// diagnostics. A missing or doubtful index opens empty: every file is then checked
    /// afresh. It holds nothing until [`Index::for_registry`] has compared the registry.
    pub fn open(dir: &Path, root: &Path, today: NaiveDate, reads_plans: bool) -> Unchecked {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let key = format!("{:016x}", hash(root.as_os_str().as_encoded_bytes()));
        sweep(dir, SystemTime::now());
        let mut index = Index {
            idx_path: dir.join(format!("{key}.idx")),
            plans_path: dir.join(format!("{key}.plans")),
            old_bytes: Vec::new(),
            old: Records::default(),
            old_plans: None,
            old_written: 0,
            old_today: today,
            registry: 0,
            today,
            started: now(),
            root,
            stores_plans: reads_plans,
            fresh: Mutex::new(Fresh::default()),
        };
        if let Some((bytes, head, old)) = index.read_body() {
            index.old_written = head.written;
            index.old_today = head.today;
            index.registry = head.registry;
            index.old = old;
            index.old_bytes = bytes;
            index.old_plans = File::open(&index.plans_path).ok();
            index.stores_plans |= index.old.slots.iter().any(|slot| slot.plan.is_some());
        }
        Unchecked(index)
    }

    /// The old index: its bytes, head and records; none if missing or in doubt.
    fn read_body(&self) -> Option<(Vec<u8>, Head, Records)> {
        let mut bytes = Vec::new();
        File::open(&self.idx_path)
            .ok()?
            .read_to_end(&mut bytes)
            .ok()?;
        let rest = bytes.strip_prefix(MAGIC)?;
        let (body, sum) = rest.split_at_checked(rest.len().checked_sub(8)?)?;
        if u64::from_le_bytes(sum.try_into().ok()?) != hash(body) {
            return None;
        }
        let (records, count) = body.split_at_checked(body.len().checked_sub(8)?)?;
        let count = usize::try_from(u64::from_le_bytes(count.try_into().ok()?)).ok()?;
        let (head, mut left): (Head, &[u8]) = postcard::take_from_bytes(records).ok()?;
        let same = head.format == FORMAT
            && head.tool == env!("CARGO_PKG_VERSION")
            && head.root == self.root;
        if !same {
            return None;
        }
        let mut slots = Vec::with_capacity(count.min(records.len()));
        // Where a part of a record lies in the file's bytes, which it borrows from.
        let place = |part: &[u8]| {
            let start = part.as_ptr().addr() - bytes.as_ptr().addr();
            start..start + part.len()
        };
        for _ in 0..count {
            let record: Record;
            (record, left) = postcard::take_from_bytes(left).ok()?;
            let slot = Slot {
                size: record.size,
                mtime: record.mtime,
                hash: record.hash,
                max_done: record.max_done,
                errors: record.errors,
                plan: record
                    .plan
                    .map(|(offset, contents)| (offset, place(contents))),
                rest: place(record.rest),
                path: place(record.path),
                reused: AtomicBool::new(false),
            };
            slots.push(slot);
        }
        if !left.is_empty() {
            return None;
        }
        let path_of = |at: u32| &bytes[slots[at as usize].path.clone()];
        let mut by_path = HashTable::with_capacity(slots.len());
        for at in 0..u32::try_from(slots.len()).ok()? {
            by_path.insert_unique(path_hash(path_of(at)), at, |&at| path_hash(path_of(at)));
        }
        Some((bytes, head, Records { slots, by_path }))
    }

    /// The old index's record of the file shown as `path`.
    fn slot(&self, path: &Path) -> Option<&Slot> {
        let path = path.as_os_str().as_encoded_bytes();
        let slot = |at: &u32| &self.old.slots[*at as usize];
        let same = |at: &u32| self.old_bytes.get(slot(at).path.clone()) == Some(path);
        self.old.by_path.find(path_hash(path), same).map(slot)
    }

    /// The remembered entry of the file at `disk` (shown as `path`), if it still holds.
    /// Without `warnings`, of a file without errors only its plan key is read (its
    /// warnings are not wanted); the caller drops the warnings of a file with errors.
    pub fn lookup(&self, path: &Path, disk: &Path, warnings: bool) -> Option<Entry> {
        let slot = self.slot(path)?;
        let meta = fs::metadata(disk).ok()?;
        let time = mtime(&meta)?;
        if meta.len() != slot.size || time != slot.mtime {
            return None;
        }
        if time >= self.old_written - RACY_NANOS {
            // Too close to the index's own writing to trust the time: compare contents.
            let bytes = fs::read(disk).ok()?;
            if hash(&bytes) != slot.hash {
                return None;
            }
        }
        // A `done` date after today is an error; the day may have moved past it.
        let same_day_rule = slot
            .max_done
            .is_none_or(|d| (d > self.today) == (d > self.old_today));
        if !same_day_rule {
            return None;
        }
        let rest = self.old_bytes.get(slot.rest.clone())?;
        let rest = if warnings || slot.errors {
            postcard::from_bytes(rest).ok()?
        } else {
            let (key, _) = postcard::take_from_bytes(rest).ok()?;
            Rest {
                key,
                diagnostics: Vec::new(),
                lines: None,
            }
        };
        Some(Entry {
            path: path.to_path_buf(),
            size: slot.size,
            mtime: slot.mtime,
            hash: slot.hash,
            max_done: slot.max_done,
            diagnostics: rest.diagnostics,
            lines: rest.lines,
            key: rest.key,
            stored: slot.plan.clone(),
        })
    }

    /// The checked plan of a remembered entry, if the parts read are intact; with
    /// `wanted`, only the tasks it wants (the others are not even read).
    pub fn plan(&self, entry: &Entry, wanted: Option<TaskWanted>) -> Option<Plan> {
        let (offset, contents) = entry.stored.clone()?;
        let contents = self.old_bytes.get(contents)?;
        let file = self.old_plans.as_ref()?;
        read_plan(contents, &entry.path, wanted, |bytes, at| {
            file.read_exact_at(bytes, offset.checked_add(at)?).ok()
        })
    }

    /// Remembers that a file of this run came from the old index unchanged: its rest stays
    /// in the old index and its plan in the old plans file; `save` copies them only if a
    /// new index is written at all.
    pub fn reuse(&self, path: &Path) {
        if let Some(slot) = self.slot(path) {
            slot.reused.store(true, Ordering::Relaxed);
        }
    }

    /// Remembers a file checked in this run: its entry and its plan.
    pub fn keep(&self, entry: Entry, plan: Option<&Plan>) {
        let rest = RestRef {
            key: &entry.key,
            diagnostics: &entry.diagnostics,
            lines: &entry.lines,
        };
        let Ok(rest) = postcard::to_allocvec(&rest) else {
            return;
        };
        // Encoded and summed before taking the lock, which every core waits for.
        let plan = plan.filter(|_| self.stores_plans);
        let encoded = plan.and_then(encode_plan);
        let Ok(mut fresh) = self.fresh.lock() else {
            return;
        };
        fresh.changed = true;
        let mut stored = None;
        if let Some(Encoded { contents, parts }) = &encoded
            && let Some(offset) = fresh.append(&self.plans_path, parts)
        {
            stored = Some((offset, contents.as_slice()));
        }
        let record = Record {
            path: entry.path.as_os_str().as_encoded_bytes(),
            size: entry.size,
            mtime: entry.mtime,
            hash: entry.hash,
            max_done: entry.max_done,
            errors: entry.diagnostics.iter().any(Diagnostic::is_error),
            plan: stored,
            rest: &rest,
        };
        // Without this record the index would be incomplete: then none is written.
        fresh.failed |= self.write_record(&mut fresh, &record).is_none();
        fresh.known += usize::from(self.slot(&entry.path).is_some());
    }

    fn old_parts(&self, offset: u64, length: usize) -> Option<Vec<u8>> {
        let mut bytes = vec![0; length];
        self.old_plans
            .as_ref()?
            .read_exact_at(&mut bytes, offset)
            .ok()?;
        Some(bytes)
    }

    /// A new entry for a file checked in this run.
    pub fn entry(
        path: &Path,
        disk: &Path,
        bytes_hash: u64,
        max_done: Option<NaiveDate>,
    ) -> Option<Entry> {
        let meta = fs::metadata(disk).ok()?;
        Some(Entry {
            path: path.to_path_buf(),
            size: meta.len(),
            mtime: mtime(&meta)?,
            hash: bytes_hash,
            max_done,
            diagnostics: Vec::new(),
            lines: None,
            key: None,
            stored: None,
        })
    }

    /// Writes the index if this run changed it: files added, changed or gone.
    pub fn save(self) {
        let Ok(mut fresh) = self.fresh.lock().map(|mut f| std::mem::take(&mut *f)) else {
            return;
        };
        if fresh.failed {
            fresh.discard(&self);
            return;
        }
        let old_reused = || {
            let reused = |slot: &&Slot| slot.reused.load(Ordering::Relaxed);
            self.old.slots.iter().filter(reused)
        };
        // Every file of this run is fresh or reused; an old one that is neither is gone.
        let gone = fresh.known + old_reused().count() < self.old.slots.len();
        let day_moved = self.today != self.old_today;
        if !(fresh.changed || gone || day_moved || self.old.slots.is_empty()) {
            fresh.discard(&self);
            return;
        }
        for slot in old_reused() {
            // A damaged plan is dropped, not summed anew as if it were sound: the next
            // query checks its file again.
            let sound = slot.plan.as_ref().and_then(|(offset, contents)| {
                let contents = self.old_bytes.get(contents.clone())?;
                let parts = self.old_parts(*offset, parts_length(contents)?)?;
                parts_intact(contents, &parts).then_some((contents, parts))
            });
            let mut plan = None;
            if let Some((contents, parts)) = sound
                && let Some(offset) = fresh.append(&self.plans_path, &parts)
            {
                plan = Some((offset, contents));
            }
            let (Some(rest), Some(path)) = (
                self.old_bytes.get(slot.rest.clone()),
                self.old_bytes.get(slot.path.clone()),
            ) else {
                continue;
            };
            let record = Record {
                path,
                size: slot.size,
                mtime: slot.mtime,
                hash: slot.hash,
                max_done: slot.max_done,
                errors: slot.errors,
                plan,
                rest,
            };
            if self.write_record(&mut fresh, &record).is_none() {
                fresh.discard(&self);
                return;
            }
        }
        // The plans file first: an index never names parts that are not yet in place.
        // Neither file is synced to disk: a cache lost or torn by a crash fails its
        // checksums and is rebuilt, and renaming is what makes a write whole to readers.
        if let Some(mut plans) = fresh.plans.take()
            && (plans.flush().is_err()
                || fs::rename(temporary(&self.plans_path), &self.plans_path).is_err())
        {
            fresh.discard(&self);
            return;
        }
        let count = fresh.count as u64;
        let finished = (|| {
            self.started_idx(&mut fresh)?
                .write_all(&count.to_le_bytes())
                .ok()?;
            let Summed { mut out, sum } = fresh.idx.take()?;
            out.write_all(&sum.digest().to_le_bytes()).ok()?;
            out.flush().ok()
        })();
        let temp = temporary(&self.idx_path);
        if finished.is_none() || fs::rename(&temp, &self.idx_path).is_err() {
            let _ = fs::remove_file(&temp);
        }
    }

    /// Appends a record to the new index file.
    fn write_record(&self, fresh: &mut Fresh, record: &Record) -> Option<()> {
        let idx = self.started_idx(fresh)?;
        postcard::to_io(record, idx).ok()?;
        fresh.count += 1;
        Some(())
    }

    /// The new index file, created with its magic and head on first use: magic, then the
    /// body (head, records in no particular order, their number as 8 bytes), then the
    /// body's checksum.
    fn started_idx<'f>(&self, fresh: &'f mut Fresh) -> Option<&'f mut Summed<BufWriter<File>>> {
        if fresh.idx.is_none() {
            if let Some(dir) = self.idx_path.parent() {
                fs::create_dir_all(dir).ok()?;
            }
            let file = File::create(temporary(&self.idx_path)).ok()?;
            let mut out = BufWriter::with_capacity(1 << 18, file);
            out.write_all(MAGIC).ok()?;
            let mut idx = Summed {
                out,
                sum: Xxh3::new(),
            };
            let head = Head {
                format: FORMAT,
                tool: env!("CARGO_PKG_VERSION").to_string(),
                root: self.root.clone(),
                registry: self.registry,
                written: self.started,
                today: self.today,
            };
            postcard::to_io(&head, &mut idx).ok()?;
            fresh.idx = Some(idx);
        }
        fresh.idx.as_mut()
    }
}

/// Temporary files untouched for this long are left over from a run that was stopped
/// (Ctrl-C during a first query) or crashed: a live run writes its own as it checks.
const ABANDONED: Duration = Duration::from_secs(60 * 60);

/// Removes temporary index files that runs stopped before renaming them into place; a
/// national tree's plans file is hundreds of megabytes, and nothing else would remove them.
fn sweep(dir: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name.to_str().is_some_and(|name| {
            let parts: Vec<&str> = name.split('.').collect();
            matches!(parts[..], [key, "idx" | "plans", pid, "tmp"]
                if key.len() == 16
                    && key.bytes().all(|b| b.is_ascii_hexdigit())
                    && pid.bytes().all(|b| b.is_ascii_digit()))
        });
        let modified = entry.metadata().and_then(|m| m.modified());
        let abandoned =
            modified.is_ok_and(|time| now.duration_since(time).is_ok_and(|age| age >= ABANDONED));
        if ours && abandoned {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn temporary(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{}.tmp", std::process::id()));
    PathBuf::from(name)
}

impl Fresh {
    /// Drops this run's files half written.
    fn discard(&mut self, index: &Index) {
        if self.idx.take().is_some() {
            let _ = fs::remove_file(temporary(&index.idx_path));
        }
        if self.plans.take().is_some() {
            let _ = fs::remove_file(temporary(&index.plans_path));
        }
    }

    /// Appends to this run's plans file, creating it; the offset of the bytes.
    fn append(&mut self, path: &Path, bytes: &[u8]) -> Option<u64> {
        if self.plans.is_none() {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).ok()?;
            }
            self.plans = File::create(temporary(path)).ok().map(BufWriter::new);
        }
        let file = self.plans.as_mut()?;
        let offset = self.length;
        file.write_all(bytes).ok()?;
        self.length += bytes.len() as u64;
        Some(offset)
    }
}

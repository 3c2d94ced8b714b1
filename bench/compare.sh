#!/usr/bin/env bash
# Side-by-side benchmark of bhxh-plan (issue 7): generates a synthetic corpus, then times, in
# alternating rounds, `bhxh-plan check`, `bhxh-plan overdue --unit CNTT`, the Python baseline
# (tomllib and rtoml parsers) and two floors (reading every file; parsing every file with
# toml + serde), with peak memory, and writes bench/RESULTS.md (medians and ratios).
#
#   bench/compare.sh                      # 30000 files, seed 1, 1 warm-up + 5 measured rounds
#   FILES=2000 RUNS=3 bench/compare.sh    # a quick run
#
# Environment (all optional):
#   FILES=30000  SEED=1      corpus size and seed (bench/gen_corpus.rs)
#   RUNS=5                   measured rounds; one warm-up round runs first and is discarded
#   TODAY=2026-11-29 UNIT=CNTT   reference day and the unit of the overdue query
#   PERIOD=2024-Q2           the period of the `report` rows
#   CORPUS=DIR               benchmark an existing corpus instead of generating one (kept)
#   KEEP=1                   keep the generated corpus (its path is printed)
#   BASELINE=PATH            the Python baseline (default ../shared/bench/baseline_check.py)
#   RESULTS=PATH             where to write the report (default bench/RESULTS.md)
#   CACHE_CLEAR='CMD'        a shell command deleting the on-disk cache, run (untimed)
#                            before each "cold cache" measurement
#   HYPERFINE=1              also run a classic hyperfine pass (not alternated) as a cross-check
#   SITE_DIR=DIR             where the `site` runs write (default: the temporary work folder);
#                            see bench/README.md for why it may need a filesystem of its own
#   CARGO_TARGET_DIR         honoured, as cargo does
#
# Each round runs every command once, in an order rotated by one position per round, so slow
# drift (thermal, noisy neighbours, page cache) spreads over all tools. The corpus is read from
# a warm page cache (the warm-up round loads it; no cache dropping). hyperfine 1.15 has no way
# to interleave commands, hence the own loop: wall time from $EPOCHREALTIME, user/sys time and
# peak RSS from GNU time (`/usr/bin/time`), or bash's `time` (no RSS) where that is missing.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
FILES=${FILES:-30000}
SEED=${SEED:-1}
RUNS=${RUNS:-5}
TODAY=${TODAY:-2026-11-29}
UNIT=${UNIT:-CNTT}
PERIOD=${PERIOD:-2024-Q2}
BASELINE=${BASELINE:-$ROOT/../shared/bench/baseline_check.py}
RESULTS=${RESULTS:-$ROOT/bench/RESULTS.md}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
START=$EPOCHREALTIME

say() { printf '%s\n' "$*" >&2; }
die() { say "compare.sh: $*"; exit 2; }

command -v cargo >/dev/null || die "cargo is required"
command -v python3 >/dev/null || die "python3 is required (baseline and report)"
[[ -f $BASELINE ]] || die "baseline not found: $BASELINE (set BASELINE=…)"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bhxh-bench.XXXXXX")
SITES=$WORK
if [[ -n ${SITE_DIR:-} ]]; then SITES=$(mktemp -d "$SITE_DIR/bhxh-sites.XXXXXX"); fi
GENERATED=
cleanup() {
  if [[ -n $GENERATED && ${KEEP:-0} != 1 ]]; then rm -rf "$GENERATED"; fi
  rm -rf "$WORK" "$SITES"
}
trap cleanup EXIT

# The filesystem the sites are written to, for the report: creating files costs very
# different amounts on different ones (bench/README.md).
site_filesystem() {
  local source fstype options journal=
  read -r source fstype options < <(findmnt -no SOURCE,FSTYPE,OPTIONS -T "$SITES") || return 0
  if [[ $fstype == ext4 ]]; then
    if compgen -G "/proc/fs/jbd2/$(basename "$source")-*" >/dev/null; then
      journal=", with a journal"
    else
      journal=", without a journal"
    fi
  fi
  printf '%s on %s (%s%s; %s)' "$SITES" "$source" "$fstype" "$journal" "$options"
}
SITE_FS=$(site_filesystem)
if [[ $SITE_FS == *"without a journal"* ]]; then
  say "note: the sites go to ext4 without a journal, where creating files soon after deleting"
  say "      many is slow; see \"Where the site is written\" in bench/README.md (SITE_DIR)"
fi

# --- tools ----------------------------------------------------------------------------------
TIME_BIN=
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then
  TIME_BIN=/usr/bin/time
elif [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  say "== installing GNU time for peak memory (apt-get install time)"
  if apt-get install -y -qq time >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; }; then
    TIME_BIN=/usr/bin/time
  fi
fi
[[ -n $TIME_BIN ]] || say "note: GNU time not available; peak memory will read n/a"

RTOML_NOTE=
if ! python3 -c 'import rtoml' 2>/dev/null; then
  say "== pip install rtoml"
  python3 -m pip install --quiet rtoml >/dev/null 2>&1 || true
fi
if ! python3 -c 'import rtoml' 2>/dev/null; then
  RTOML_NOTE="skipped: the rtoml package could not be installed (pip install rtoml failed)"
  say "note: $RTOML_NOTE"
fi

# --- build ----------------------------------------------------------------------------------
say "== cargo build --release (bhxh-plan, gen_corpus, read_floor, toml_floor)"
cargo build --release --quiet --bin bhxh-plan \
  --example gen_corpus --example read_floor --example toml_floor
BIN=$TARGET/release/bhxh-plan
EX=$TARGET/release/examples
for f in "$BIN" "$EX/gen_corpus" "$EX/read_floor" "$EX/toml_floor"; do
  [[ -x $f ]] || die "not built: $f"
done

# --- corpus ---------------------------------------------------------------------------------
if [[ -n ${CORPUS:-} ]]; then
  [[ -f $CORPUS/units.toml ]] || die "CORPUS=$CORPUS has no units.toml"
  GEN_SUMMARY="existing corpus $CORPUS (not generated by this run)"
  GEN_SECONDS=n/a
else
  CORPUS=$(mktemp -d "${TMPDIR:-/tmp}/bhxh-corpus.XXXXXX")
  GENERATED=$CORPUS
  say "== generating $FILES files (seed $SEED) into $CORPUS"
  t0=$EPOCHREALTIME
  GEN_SUMMARY=$("$EX/gen_corpus" --files "$FILES" --seed "$SEED" --out "$CORPUS")
  t1=$EPOCHREALTIME
  GEN_SECONDS=$(python3 -c "print(f'{$t1 - $t0:.1f}')")
  say "$GEN_SUMMARY"
fi
CORPUS_BYTES=$(du -sb "$CORPUS" | cut -f1)

# --- what the tools say about the corpus (once, untimed) ------------------------------------
say "== sanity: bhxh-plan check --format json, overdue, baseline"
"$BIN" check --plans "$CORPUS" --today "$TODAY" --format json >"$WORK/check.json" 2>/dev/null || true
"$BIN" overdue --unit "$UNIT" --plans "$CORPUS" --today "$TODAY" --format json \
  >"$WORK/overdue.json" 2>/dev/null || true
python3 "$BASELINE" "$CORPUS" --as-of "$TODAY" --unit "$UNIT" >"$WORK/baseline.out" 2>/dev/null || true

# --- the commands -----------------------------------------------------------------------------
NPROC=$(nproc)
LABELS=()
CMDS=()
PREPARE=()
AFTER=()
add() { # label prepare-command command…
  local label=$1 prep=$2
  shift 2
  LABELS+=("$label")
  PREPARE+=("$prep")
  AFTER+=("")
  CMDS+=("$(printf '%q ' "$@")")
}
add "bhxh-plan check" "" "$BIN" check --plans "$CORPUS" --today "$TODAY"
add "bhxh-plan overdue --unit $UNIT" "" "$BIN" overdue --unit "$UNIT" --plans "$CORPUS" --today "$TODAY"

# The on-disk cache (issue 7, simplified in issue 17).
INDEX_COLD=
INDEX_WARM=
LABELS[0]="bhxh-plan check (warm cache)"
LABELS[1]="bhxh-plan overdue --unit $UNIT (warm cache)"
add "bhxh-plan check --no-cache" "" "$BIN" check --no-cache --plans "$CORPUS" --today "$TODAY"
add "bhxh-plan overdue --unit $UNIT --no-cache" "" "$BIN" overdue --unit "$UNIT" --no-cache --plans "$CORPUS" --today "$TODAY"
# The same answers without laying out terminal tables and snippets: what the engine costs.
add "bhxh-plan check --format json (warm cache)" "" "$BIN" check --format json --plans "$CORPUS" --today "$TODAY"
add "bhxh-plan overdue --unit $UNIT --format json (warm cache)" "" "$BIN" overdue --unit "$UNIT" --format json --plans "$CORPUS" --today "$TODAY"
# The progress report of a quarter (issue 19): read cold beside `check --no-cache`, and warm.
add "bhxh-plan report --period $PERIOD --no-cache" "" "$BIN" report --period "$PERIOD" --no-cache --plans "$CORPUS" --today "$TODAY"
add "bhxh-plan report --period $PERIOD (warm cache)" "" "$BIN" report --period "$PERIOD" --plans "$CORPUS" --today "$TODAY"
# The static site (issue 21), three ways: into a new folder, as the Pages workflow builds it
# on a fresh runner; over the site of the day before, as a daily job on an office's server
# does (every page changes: the day it answers on, the days late); and again over itself
# on the same day (pages that read the same are not rewritten). Its pages are not flushed
# one by one (src/atomic.rs, `publish`): each run is flushed after it, untimed, so that the
# disk writing them back does not slow the command timed next. The floor beside them copies
# a site (`cp -r`) into a new folder: what creating its files costs on this filesystem.
YESTERDAY=$(date -d "$TODAY - 1 day" +%F)
SAME_SITE=$(printf '%q ' "$BIN" site --out "$SITES/site-same" --plans "$CORPUS" --today "$TODAY")
add "bhxh-plan site, new folder (warm cache)" "rm -rf $(printf '%q' "$SITES/site-new"); sync" \
  "$BIN" site --out "$SITES/site-new" --plans "$CORPUS" --today "$TODAY"
AFTER[-1]="sync"
add "bhxh-plan site over the day before's (warm cache)" \
  "$(printf '%q ' "$BIN" site --out "$SITES/site-daily" --plans "$CORPUS" --today "$YESTERDAY"); sync" \
  "$BIN" site --out "$SITES/site-daily" --plans "$CORPUS" --today "$TODAY"
AFTER[-1]="sync"
add "bhxh-plan site over itself, same day (warm cache)" "$SAME_SITE; sync" \
  "$BIN" site --out "$SITES/site-same" --plans "$CORPUS" --today "$TODAY"
AFTER[-1]="sync"
add "floor: copy the site into a new folder (cp -r)" \
  "[[ -d $(printf '%q' "$SITES/site-same") ]] || $SAME_SITE; rm -rf $(printf '%q' "$SITES/site-copy"); sync" \
  cp -r "$SITES/site-same" "$SITES/site-copy"
AFTER[-1]="sync"
if [[ -n ${CACHE_CLEAR:-} ]]; then
  # A check stores no plans (CI never needs them); the first query does. So that the warm
  # runs after it in a round stay warm, a query runs (untimed) after it.
  QUERY=$(printf '%q ' "$BIN" overdue --unit "$UNIT" --format json --plans "$CORPUS" --today "$TODAY")
  add "bhxh-plan check (cold cache)" "$CACHE_CLEAR" "$BIN" check --plans "$CORPUS" --today "$TODAY"
  AFTER[-1]="$QUERY"
else
  INDEX_COLD="pending (set CACHE_CLEAR to the command that deletes the cache)"
fi

add "baseline_check.py --parser tomllib" "" python3 "$BASELINE" "$CORPUS" --as-of "$TODAY" --unit "$UNIT" --parser tomllib
if [[ -z $RTOML_NOTE ]]; then
  add "baseline_check.py --parser rtoml" "" python3 "$BASELINE" "$CORPUS" --as-of "$TODAY" --unit "$UNIT" --parser rtoml
fi
add "floor: read every file (read_floor)" "" "$EX/read_floor" "$CORPUS"
add "floor: toml + serde, 1 thread (toml_floor)" "" "$EX/toml_floor" "$CORPUS" --threads 1
if ((NPROC > 1)); then
  add "floor: toml + serde, $NPROC threads (toml_floor)" "" "$EX/toml_floor" "$CORPUS" --threads "$NPROC"
fi
K=${#LABELS[@]}

# --- alternating rounds -----------------------------------------------------------------------
measure() { # round index
  local round=$1 i=$2 t0 t1 rc=0 user=n/a sys=n/a rss=n/a
  local -a cmd
  eval "cmd=(${CMDS[$i]})"
  if [[ -n ${PREPARE[$i]} ]]; then bash -c "${PREPARE[$i]}" >/dev/null 2>&1 || true; fi
  if [[ -n $TIME_BIN ]]; then
    t0=$EPOCHREALTIME
    "$TIME_BIN" -f '%U %S %M' -o "$WORK/time.out" "${cmd[@]}" >/dev/null 2>&1 || rc=$?
    t1=$EPOCHREALTIME
    read -r user sys rss < <(tail -n 1 "$WORK/time.out") || true
  else
    local TIMEFORMAT='%3U %3S'
    t0=$EPOCHREALTIME
    { time "${cmd[@]}" >/dev/null 2>&1 || rc=$?; } 2>"$WORK/time.out"
    t1=$EPOCHREALTIME
    read -r user sys < <(tail -n 1 "$WORK/time.out") || true
  fi
  if [[ -n ${AFTER[$i]} ]]; then bash -c "${AFTER[$i]}" >/dev/null 2>&1 || true; fi
  local wall
  wall=$(python3 -c "print(f'{$t1 - $t0:.4f}')")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$i" "$wall" "$user" "$sys" "$rss" "$rc" >>"$WORK/runs.tsv"
  say "$(printf '  round %s  %-48s %8ss  rss %s KB  exit %s' "$round" "${LABELS[$i]}" "$wall" "$rss" "$rc")"
}

: >"$WORK/runs.tsv"
for ((r = 0; r <= RUNS; r++)); do
  if ((r == 0)); then say "== warm-up round"; else say "== round $r/$RUNS"; fi
  for ((j = 0; j < K; j++)); do
    measure "$r" $(((r + j) % K))
  done
done

if [[ ${HYPERFINE:-0} == 1 ]]; then
  if command -v hyperfine >/dev/null; then
    say "== hyperfine cross-check (not alternated)"
    hf=()
    for ((i = 0; i < K; i++)); do
      [[ -z ${PREPARE[$i]} ]] && hf+=(-n "${LABELS[$i]}" "${CMDS[$i]}")
    done
    hyperfine -N -i --warmup 1 --runs "$RUNS" --style basic \
      --export-markdown "$WORK/hyperfine.md" "${hf[@]}" >&2
  else
    say "note: HYPERFINE=1 but hyperfine is not installed"
  fi
fi

# --- report -----------------------------------------------------------------------------------
for ((i = 0; i < K; i++)); do
  printf '%s\t%s\t%s\t%s\n' "${LABELS[$i]}" "${PREPARE[$i]}" "${AFTER[$i]}" "${CMDS[$i]}"
done >"$WORK/commands.tsv"
ELAPSED=$(python3 -c "print(f'{$EPOCHREALTIME - $START:.0f}')")
export WORK RESULTS FILES SEED RUNS TODAY UNIT CORPUS NPROC GEN_SUMMARY GEN_SECONDS CORPUS_BYTES
export RTOML_NOTE INDEX_COLD INDEX_WARM ELAPSED TIME_BIN BIN BASELINE ROOT TARGET SITE_FS
python3 - <<'PY'
import datetime, json, os, platform, re, statistics, subprocess
from collections import Counter

E = os.environ
work = E["WORK"]


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


labels, cmds, prepares, afters = [], [], [], []
for line in open(f"{work}/commands.tsv", encoding="utf-8"):
    label, prepare, after, cmd = line.rstrip("\n").split("\t", 3)
    labels.append(label)
    prepares.append(prepare.strip())
    afters.append(after.strip())
    cmds.append(cmd.strip())

runs = {i: [] for i in range(len(labels))}
for line in open(f"{work}/runs.tsv"):
    rnd, i, wall, user, sys_, rss, rc = line.rstrip("\n").split("\t")
    if int(rnd) > 0:  # round 0 is the warm-up
        runs[int(i)].append((float(wall), user, sys_, rss, int(rc)))


def floats(xs):
    try:
        return [float(x) for x in xs]
    except ValueError:
        return None


def fmt(x, d=2):
    return "n/a" if x is None else f"{x:.{d}f}"


rows = []
for i, label in enumerate(labels):
    r = runs[i]
    walls = [x[0] for x in r]
    user, sys_, rss = (floats([x[k] for x in r]) for k in (1, 2, 3))
    rows.append({
        "label": label,
        "median": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "user": statistics.median(user) if user else None,
        "sys": statistics.median(sys_) if sys_ else None,
        "rss": max(rss) / 1024 if rss else None,
        "exit": ",".join(str(c) for c in sorted({x[4] for x in r})),
    })
check = rows[0]["median"]
floor = next((x["median"] for x in rows if "1 thread" in x["label"]), None)
floor_n = next((x["median"] for x in rows if f"{E['NPROC']} threads" in x["label"]), None)

mem_kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
cpu_model = sh("lscpu | sed -n 's/^Model name: *//p' | head -1") or platform.processor()
rtoml_version = sh("python3 -c 'import rtoml; print(rtoml.__version__)' 2>/dev/null") or "n/a"
commit = sh(f"git -C '{E['ROOT']}' rev-parse --short HEAD")
dirty = sh(f"git -C '{E['ROOT']}' status --porcelain -- src Cargo.toml Cargo.lock bench/gen_corpus.rs bench/read_floor.rs bench/toml_floor.rs bench/corpus")
try:
    diags = json.load(open(f"{work}/check.json"))
except (OSError, ValueError):
    diags = None
try:
    overdue_rows = str(len(json.load(open(f"{work}/overdue.json"))))
except (OSError, ValueError):
    overdue_rows = "n/a"
m = re.search(r"overdue open tasks for .*?: (\d+)", open(f"{work}/baseline.out", encoding="utf-8").read())
baseline_overdue = m.group(1) if m else "n/a"
time_bin = E["TIME_BIN"]
now = datetime.datetime.now(datetime.timezone.utc)

out = []
w = out.append
w("# Benchmark results (issue 7)")
w("")
w(f"Written by `bench/compare.sh` on {now:%Y-%m-%d %H:%M} UTC; the whole run took {E['ELAPSED']} s. "
  "Re-run the script to refresh this file (see `bench/README.md`).")
w("")
w("## Machine and corpus")
w("")
w(f"- CPU: {cpu_model}; `nproc` = {E['NPROC']}; memory {mem_kb / 1024 / 1024:.1f} GiB; "
  f"{platform.system()} {platform.release()}")
w(f"- {sh('rustc -V')}; {sh('python3 -V')}; rtoml {rtoml_version}; peak memory from "
  + ("GNU time" if time_bin else "n/a (GNU time missing)"))
w(f"- bhxh-plan at commit `{commit}`"
  + (" with uncommitted changes to src/, Cargo.* or the bench programs" if dirty else ""))
w(f"- corpus: `FILES={E['FILES']} SEED={E['SEED']}`, {int(E['CORPUS_BYTES']) / 1e6:.1f} MB on disk, "
  f"generated in {E['GEN_SECONDS']} s")
w(f"- generator: `{E['GEN_SUMMARY']}`")
if E.get("SITE_FS"):
    w(f"- sites written to {E['SITE_FS']}")
if diags is not None:
    c = Counter(d["code"] for d in diags)
    errs = {k: n for k, n in sorted(c.items()) if k.startswith("E")}
    warns = {k: n for k, n in sorted(c.items()) if not k.startswith("E")}
    listing = lambda d: ", ".join(f"{k} {n}" for k, n in d.items()) or "none"
    w(f"- `bhxh-plan check`: {sum(errs.values())} errors ({listing(errs)}), {sum(warns.values())} warnings "
      f"({listing(warns)}); the errors should be exactly the generator's deliberate defects")
w(f"- overdue for {E['UNIT']} as of {E['TODAY']}: bhxh-plan {overdue_rows} rows (tasks and stages); "
  f"baseline {baseline_overdue} tasks (the baseline counts codes only, not names or aliases, reads fewer "
  "phrasings, ignores milestones and `[defaults]`)")
w("")
w(f"## Timings: medians of {E['RUNS']} alternating rounds (after one warm-up round)")
w("")
w("| command | median s | min s | max s | user s | sys s | peak RSS MB | × check | × toml floor (1 thread) "
  f"| × toml floor ({E['NPROC']} threads) | exit |")
w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for r in rows:
    w(f"| {r['label']} | {fmt(r['median'], 3)} | {fmt(r['min'], 3)} | {fmt(r['max'], 3)} | {fmt(r['user'])} "
      f"| {fmt(r['sys'])} | {fmt(r['rss'], 1)} | {r['median'] / check:.2f} "
      f"| {fmt(r['median'] / floor if floor else None)} | {fmt(r['median'] / floor_n if floor_n else None)} "
      f"| {r['exit']} |")
pad = " | | | | | | | | | |"
if E["INDEX_COLD"]:
    w(f"| bhxh-plan check (cold cache) | {E['INDEX_COLD']}{pad}")
if E["INDEX_WARM"]:
    w(f"| bhxh-plan check (warm cache) | {E['INDEX_WARM']}{pad}")
if E["RTOML_NOTE"]:
    w(f"| baseline_check.py --parser rtoml | {E['RTOML_NOTE']}{pad}")
w("")
w("Wall time is one whole command, process start to exit; user and sys are medians; peak RSS is the "
  "largest \"Maximum resident set size\" over the rounds. Exit 1 from bhxh-plan is expected: the corpus "
  "carries deliberate defects. The page cache is warm (no cache dropping).")
w("")
w("## Exact commands")
w("")
w("```sh")
w(f"FILES={E['FILES']} SEED={E['SEED']} RUNS={E['RUNS']} bench/compare.sh")
w(f"{E['TARGET']}/release/examples/gen_corpus --files {E['FILES']} --seed {E['SEED']} --out $CORPUS")
for label, prepare, after, cmd in zip(labels, prepares, afters, cmds):
    w(f"# {label}")
    if prepare:
        w(f"#   before it, untimed: {prepare.replace(E['CORPUS'], '$CORPUS')}")
    if after:
        w(f"#   after it, untimed: {after.replace(E['CORPUS'], '$CORPUS')}")
    w(cmd.replace(E["CORPUS"], "$CORPUS"))
w("```")
w("")
timer = f"{time_bin} -f '%U %S %M' COMMAND" if time_bin else "bash's time COMMAND"
w(f"`$CORPUS` was `{E['CORPUS']}`. Each command runs as `{timer}` between two reads of `$EPOCHREALTIME`, "
  "stdout and stderr to /dev/null; each round runs every command once, the order rotated by one per round.")
hf = f"{work}/hyperfine.md"
if os.path.exists(hf):
    w("")
    w("## hyperfine cross-check (`HYPERFINE=1`; each command's runs back to back, not alternated)")
    w("")
    w(open(hf, encoding="utf-8").read().replace(E["CORPUS"], "$CORPUS").rstrip())
open(E["RESULTS"], "w", encoding="utf-8").write("\n".join(out) + "\n")
print("\n".join(out))
PY
say "== wrote $RESULTS in ${ELAPSED}s"
if [[ -n $GENERATED && ${KEEP:-0} == 1 ]]; then say "corpus kept in $GENERATED"; fi

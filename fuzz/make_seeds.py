#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/<target>/seed-* from the repository's plans and the
deadline tests. Run from fuzz/: `python3 make_seeds.py` (Python 3.11+ for tomllib)."""
import hashlib, itertools, pathlib, re, tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"


def write(target, seeds):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("seed-*"):
        old.unlink()
    for data in dict.fromkeys(seeds):  # distinct, in order
        name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
        (folder / name).write_bytes(data)
    print(f"{target}: {len(dict.fromkeys(seeds))} seeds")


def deadlines(value):
    """Every `deadline` string anywhere in a parsed plan (tasks, milestones, defaults)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "deadline" and isinstance(inner, str):
                yield inner
            else:
                yield from deadlines(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from deadlines(inner)


def year_prefix(year):
    return ((year - 1900) % 300).to_bytes(2, "little")


plan_files = sorted(PLANS.glob("20*/*.toml"))
phrases = []  # (text, year)
for path in plan_files:
    plan = tomllib.loads(path.read_text("utf-8"))
    year = int(str(plan["plan"]["issued"])[:4])
    phrases += [(d, year) for d in deadlines(plan)]
tests = (ROOT / "src/deadline/tests.rs").read_text("utf-8")
# Table rows `("phrase", 2024, …)` and the refused phrases `("phrase", "message")`.
for m in re.finditer(r'\(\s*"((?:[^"\\]|\\.)*)",\s*(\d{4}|")', tests):
    text = m.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
    year = int(m.group(2)) if m.group(2) != '"' else 2024
    phrases.append((text, year))
for m in re.finditer(r'resolve\("((?:[^"\\]|\\.)*)"', tests):
    phrases.append((m.group(1), 2024))
write("deadline", [year_prefix(y) + t.encode() for t, y in phrases])

plans = [p.read_bytes() for p in plan_files]
write("plan_load", plans)

# diff_trees: old NUL new. Every ordered pair, plus each plan against small edits of itself
# so that deadline, unit, status and task changes are reached.
edits = []
for data in plans:
    text = data.decode()
    edits.append(re.sub(r'(?m)^deadline = "[^"]*"', 'deadline = "Quý IV/2025"', text, count=1))
    edits.append(re.sub(r'(?m)^lead = \[[^\]]*\]', 'lead = ["VP"]', text, count=1))
    edits.append(re.sub(r'(?m)^\[\[task\]\]\n', '[[task]]\nstatus = "done"\ndone = 2024-06-01\n', text, count=1))
    edits.append(text[: text.rfind("[[task]]")])
pairs = [a + b"\0" + b for a, b in itertools.product(plans, repeat=2)]
pairs += [a + b"\0" + e.encode() for a, e in zip([p for p in plans for _ in range(4)], edits)]
write("diff_trees", pairs)

units = tomllib.loads((PLANS / "units.toml").read_text("utf-8"))["unit"]
names = []
for unit in units:
    names += [unit["code"], unit["name"], *unit.get("aliases", [])]
write("unit_match", [n.encode() for n in names])

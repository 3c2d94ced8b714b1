//! A fixture tree in a temporary folder and a way to run the built binary over it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A small units registry that the fixtures use.
pub const UNITS: &str = r#"
[[unit]]
code = "CNTT"
name = "Trung tâm Công nghệ thông tin"
aliases = ["Trung tâm CNTT"]
kind = "central"

[[unit]]
code = "PC"
name = "Vụ Pháp chế"
kind = "central"

[[unit]]
code = "TST"
name = "Ban Quản lý Thu - Sổ, thẻ"
kind = "central"

[[unit]]
code = "THU"
name = "Ban Thu"
kind = "central"
successor = "TST"

[[unit]]
code = "LIENQUAN"
name = "Các đơn vị liên quan"
kind = "vague"
"#;

/// A valid plan header for fixtures.
/// Two khu vực that bore the name "BHXH khu vực II" one after the other: the Hồ Chí Minh
/// City office under QĐ 391/QĐ-BTC, the Sơn La one from QĐ 1733/QĐ-BTC of 12/5/2025
/// (DESIGN §2).
pub const KHU_VUC_II: &str = r#"
[[unit]]
code = "KV391-II"
name = "Bảo hiểm xã hội khu vực II"
aliases = ["BHXH khu vực II"]
kind = "province"
from = 2025-04-01
until = 2025-05-11

[[unit]]
code = "KV1733-II"
name = "Bảo hiểm xã hội khu vực II"
aliases = ["BHXH khu vực II"]
kind = "province"
from = 2025-05-12
until = 2025-06-30
"#;

pub const HEADER: &str = r#"[plan]
number = "1/KH-BHXH"
title = "Kế hoạch thử"
issued = 2017-02-28
"#;

/// One task with every required field, valid against [`UNITS`].
pub const GOOD_TASK: &str = r#"
[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]
deadline = "Quý I/2024"
"#;

/// A temporary plans tree.
pub struct Tree {
    dir: TempDir,
}

impl Tree {
    /// A tree with the fixture registry.
    pub fn new() -> Self {
        let tree = Tree::bare();
        tree.file("units.toml", UNITS);
        tree
    }

    /// A tree with nothing in it.
    pub fn bare() -> Self {
        Tree {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    /// Writes a file (creating folders) and returns the tree for chaining.
    pub fn file(&self, path: &str, text: &str) -> &Self {
        self.bytes(path, text.as_bytes())
    }

    /// Writes raw bytes.
    pub fn bytes(&self, path: &str, bytes: &[u8]) -> &Self {
        let full = self.dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, bytes).unwrap();
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The binary, run inside the tree's folder with `--plans .`-relative paths as `plans`.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = bin();
        cmd.current_dir(self.dir.path())
            .env("BHXH_PLAN_CACHE_DIR", self.dir.path().join(".cache"))
            .env("BHXH_PLAN_DIR", ".")
            .env("BHXH_PLAN_TODAY", "2024-06-30")
            // The real date, which a `done` date must not pass: fixed, like `--today`.
            .env("BHXH_PLAN_CLOCK", "2024-06-30")
            .env_remove("NO_COLOR")
            .args(args);
        cmd
    }

    /// Runs `check --format json` and returns (exit code, diagnostics).
    pub fn diagnostics(&self) -> (i32, Vec<Value>) {
        let output = self.cmd(&["check", "--format", "json"]).output().unwrap();
        let json: Value = serde_json::from_slice(&output.stdout).expect("check prints JSON");
        (
            output.status.code().unwrap(),
            json.as_array().unwrap().clone(),
        )
    }
}

/// The built binary with a clean environment.
pub fn bin() -> Command {
    let mut cmd = Command::cargo_bin("bhxh-plan").unwrap();
    cmd.env_remove("BHXH_PLAN_DIR")
        .env_remove("BHXH_PLAN_TODAY")
        .env_remove("BHXH_PLAN_CLOCK");
    for name in GIT_CONTEXT {
        cmd.env_remove(name);
    }
    cmd
}

/// The variables by which git names the repository it works on. A test run from inside git
/// (a hook, `rebase --exec`) inherits them, and every git command of a test, in whatever
/// folder, would then work on the developer's repository: `git init` there made it bare
/// and test commits landed on its branches.
const GIT_CONTEXT: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
    "GIT_PREFIX",
];

/// Removes [`GIT_CONTEXT`] from a command's environment.
pub fn without_git_context(cmd: &mut std::process::Command) -> &mut std::process::Command {
    for name in GIT_CONTEXT {
        cmd.env_remove(name);
    }
    cmd
}

/// The stdout of `cmd`, which must exit 0 (else its stderr is shown).
pub fn succeeds(cmd: &mut Command) -> Vec<u8> {
    let output = cmd.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// The JSON rows `cmd` prints, which must exit 0.
pub fn json_rows(cmd: &mut Command) -> Vec<Value> {
    let rows: Value = serde_json::from_slice(&succeeds(cmd)).expect("a JSON document");
    rows.as_array().expect("an array of rows").clone()
}

/// The repository's own plans folder.
pub fn repo_plans() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans")
}

/// (code, file, line, column) of a JSON diagnostic, for compact assertions.
pub fn located(d: &Value) -> (String, String, u64, u64) {
    (
        d["code"].as_str().unwrap().to_string(),
        d["file"].as_str().unwrap().to_string(),
        d["line"].as_u64().unwrap(),
        d["column"].as_u64().unwrap(),
    )
}

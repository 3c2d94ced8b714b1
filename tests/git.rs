//! Pull-request checks in temporary real git repositories: `check --changed-since`,
//! GitHub annotations, and `diff`.

mod common;

use std::path::Path;
use std::process::Command;

use common::{HEADER, UNITS, bin};

/// A git repository with `plans/` inside.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.write("plans/units.toml", UNITS);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) {
        let status = common::without_git_context(&mut Command::new("git"))
            .args(args)
            .current_dir(self.path())
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    fn write(&self, path: &str, text: &str) {
        let full = self.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let output = bin()
            .current_dir(self.path())
            .env("BHXH_PLAN_TODAY", "2017-06-01")
            .env_remove("GITHUB_STEP_SUMMARY")
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code().unwrap(),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    }
}

fn plan(number: &str, task: &str) -> String {
    format!("{}\n{task}", HEADER.replace("1/KH-BHXH", number))
}

fn task(id: &str, lead: &str, deadline: &str) -> String {
    format!(
        "[[task]]\nid = \"{id}\"\ncontent = \"Nhiệm vụ {id}\"\nlead = [\"{lead}\"]\ndeadline = \"{deadline}\"\n"
    )
}

#[test]
fn only_changed_plans_are_annotated_while_an_untouched_plan_keeps_its_error() {
    let repo = Repo::new();
    repo.write(
        "plans/old.toml",
        &plan("1/KH", &task("1", "NOPE", "Năm 2017")),
    );
    repo.write(
        "plans/good.toml",
        &plan("2/KH", &task("1", "CNTT", "Năm 2017")),
    );
    repo.commit("base");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.write(
        "plans/good.toml",
        &plan("2/KH", &task("1", "CNNT", "Năm 2017")),
    );
    repo.commit("break good.toml");

    let (code, stdout, _) = repo.run(&["check", "--changed-since", "main", "--format", "github"]);
    assert_eq!(code, 1);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.starts_with("::error file=plans/good.toml,line=9,col=9,"),
        "{stdout}"
    );
    assert!(
        stdout.contains("title=E011 unknown-unit::unit `CNNT` is not in the registry"),
        "{stdout}"
    );

    // The whole tree still has both errors.
    let (code, stdout, _) = repo.run(&["check", "--format", "github"]);
    assert_eq!((code, stdout.lines().count()), (1, 2));
}

#[test]
fn uncommitted_and_untracked_changes_count_too() {
    let repo = Repo::new();
    repo.write(
        "plans/a.toml",
        &plan("1/KH", &task("1", "CNTT", "Năm 2017")),
    );
    repo.commit("base");
    repo.write(
        "plans/new.toml",
        &plan("2/KH", &task("1", "XX", "Năm 2017")),
    );
    let (code, stdout, _) = repo.run(&["check", "--changed-since", "HEAD", "--format", "github"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("file=plans/new.toml"), "{stdout}");
}

#[test]
fn a_renamed_plan_is_checked_under_its_new_name() {
    let repo = Repo::new();
    repo.write(
        "plans/a.toml",
        &plan("1/KH", &task("1", "CNTT", "Năm 2017")),
    );
    repo.commit("base");
    std::fs::create_dir_all(repo.path().join("plans/2017")).unwrap();
    repo.git(&["mv", "plans/a.toml", "plans/2017/b.toml"]);
    repo.write(
        "plans/2017/b.toml",
        &plan("1/KH", &task("1", "CNTT", "Tháng 13/2017")),
    );
    repo.commit("rename and break");
    let (code, stdout, _) = repo.run(&["check", "--changed-since", "HEAD~1", "--format", "github"]);
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with("::error file=plans/2017/b.toml,line=10,col=19,"),
        "{stdout}"
    );
}

#[test]
fn a_deleted_plan_is_nothing_to_check_and_shows_in_the_diff() {
    let repo = Repo::new();
    repo.write(
        "plans/a.toml",
        &plan("1/KH", &task("1", "CNTT", "Năm 2017")),
    );
    repo.write(
        "plans/b.toml",
        &plan("2/KH", &task("1", "CNTT", "Năm 2017")),
    );
    repo.commit("base");
    std::fs::remove_file(repo.path().join("plans/b.toml")).unwrap();
    let (code, stdout, _) = repo.run(&["check", "--changed-since", "HEAD", "--format", "github"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    let (code, stdout, _) = repo.run(&["diff", "HEAD", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("### Plans removed\n\n- **2/KH** (BHXH Việt Nam): Kế hoạch thử — 1 task"),
        "{stdout}"
    );
}

#[test]
fn a_changed_registry_rechecks_every_plan() {
    let repo = Repo::new();
    repo.write("plans/a.toml", &plan("1/KH", &task("1", "PC", "Năm 2017")));
    repo.commit("base");
    repo.write(
        "plans/units.toml",
        &UNITS.replace("code = \"PC\"", "code = \"VPC\""),
    );
    let (code, stdout, _) = repo.run(&["check", "--changed-since", "HEAD", "--format", "github"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("file=plans/a.toml"), "{stdout}");
}

#[test]
fn an_extended_deadline_shows_both_texts_and_the_days_it_moved() {
    let repo = Repo::new();
    repo.write(
        "plans/a.toml",
        &plan("1/KH", &task("1", "CNTT", "30/6/2017")),
    );
    repo.commit("base");
    repo.write(
        "plans/a.toml",
        &plan("1/KH", &task("1", "CNTT", "30/9/2017")),
    );
    repo.commit("extend");
    let (code, stdout, _) = repo.run(&["diff", "HEAD~1"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(
            "| 1 | 30/6/2017 (2017-06-30) | 30/9/2017 (2017-09-30) | **⚠ gia hạn +92 ngày** |"
        ),
        "{stdout}"
    );
    let (_, json, _) = repo.run(&["diff", "HEAD~1", "HEAD", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["changed_plans"][0]["deadlines"][0]["days"], 92);
}

#[test]
fn lead_support_and_status_changes_are_listed() {
    let repo = Repo::new();
    repo.write(
        "plans/a.toml",
        &plan("1/KH", &task("1", "CNTT", "30/6/2017")),
    );
    repo.commit("base");
    let changed = task("1", "PC", "30/6/2017").replace(
        "deadline",
        "support = [\"CNTT\"]\nstatus = \"in-progress\"\ndeadline",
    );
    repo.write(
        "plans/a.toml",
        &plan(
            "1/KH",
            &format!("{changed}\n{}", task("2", "PC", "Năm 2017")),
        ),
    );
    let (code, stdout, _) = repo.run(&["diff", "HEAD", "--lang", "en"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn an_unknown_revision_or_a_folder_outside_git_is_a_usage_error() {
    let repo = Repo::new();
    repo.write(
        "plans/a.toml",
        &plan("1/KH", &task("1", "CNTT", "Năm 2017")),
    );
    repo.commit("base");
    let (code, _, stderr) = repo.run(&["check", "--changed-since", "no-such-branch"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown revision `no-such-branch`"),
        "{stderr}"
    );
    let (code, _, stderr) = repo.run(&["diff", "--output=/tmp/bhxh-evil"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!Path::new("/tmp/bhxh-evil").exists());

    let outside = common::Tree::new();
    let output = outside
        .cmd(&["check", "--changed-since", "main"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not inside a git repository"));
}

#[test]
fn hostile_text_cannot_forge_an_annotation() {
    let repo = Repo::new();
    let hostile = "X\\n::error file=evil.toml,line=1::pwned 100%";
    repo.write(
        "plans/a.toml",
        &plan("1/KH", &task("1", hostile, "Năm 2017")),
    );
    let (code, stdout, _) = repo.run(&["check", "--format", "github"]);
    assert_eq!(code, 1);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.starts_with("::error file=plans/a.toml,"), "{stdout}");
    assert!(
        stdout.contains("X%0A::error file=evil.toml,line=1::pwned 100%25"),
        "{stdout}"
    );
}

#[test]
fn annotations_stop_at_githubs_limit_and_the_job_summary_has_them_all() {
    let repo = Repo::new();
    let tasks: String = (1..=25)
        .map(|i| task(&i.to_string(), "NOPE", "Năm 2017"))
        .collect::<Vec<_>>()
        .join("\n");
    repo.write("plans/a.toml", &plan("1/KH", &tasks));
    let summary = repo.path().join("summary.md");
    let output = bin()
        .current_dir(repo.path())
        .env("BHXH_PLAN_TODAY", "2017-06-01")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("::error ")).count(),
        10
    );
    assert!(
        stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("::notice title=bhxh-plan::15 more problems"),
        "{stdout}"
    );
    let summary = std::fs::read_to_string(summary).unwrap();
    assert_eq!(
        summary
            .lines()
            .filter(|l| l.starts_with("| `plans/a.toml:"))
            .count(),
        25
    );
}

/// Plan `1/KH` with task 1 (due 30/6/2017, led by CNTT) and task 2 (led by `lead2`),
/// task 2 followed by `extra` lines.
fn two_tasks(deadline: &str, lead2: &str, extra: &str) -> String {
    plan(
        "1/KH",
        &format!(
            "{}\n{}{extra}",
            task("1", "CNTT", deadline),
            task("2", lead2, "Năm 2017")
        ),
    )
}

#[test]
fn a_plan_with_an_unknown_unit_shows_its_other_changes_and_names_the_error() {
    let repo = Repo::new();
    repo.write("plans/a.toml", &two_tasks("30/6/2017", "PC", ""));
    repo.commit("base");
    // The pull request of issue 21: one deadline extended, a unit mistyped in another task.
    repo.write("plans/a.toml", &two_tasks("30/9/2017", "PCC", ""));
    let (code, stdout, _) = repo.run(&["diff", "HEAD"]);
    assert_eq!(code, 1, "the tree has an error");
    assert!(!stdout.contains("Kế hoạch bị xóa"), "{stdout}");
    assert!(!stdout.contains("Kế hoạch mới"), "{stdout}");
    assert!(
        stdout.contains(
            "| 1 | 30/6/2017 (2017-06-30) | 30/9/2017 (2017-09-30) | **⚠ gia hạn +92 ngày** |"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("| 2 | PC | PCC |"), "{stdout}");
    assert!(
        stdout.contains(
            "> **⚠ 1 lỗi**; lỗi đầu tiên ở `plans/a.toml:15:9`: unit \\`PCC\\` is not in the registry [E011] (xem tất cả: `bhxh-plan check plans/a.toml`)"
        ),
        "{stdout}"
    );

    // Once the typo is fixed the plan is the same plan again, not a new one.
    repo.commit("typo");
    repo.write("plans/a.toml", &two_tasks("30/9/2017", "PC", ""));
    let (code, stdout, _) = repo.run(&["diff", "HEAD", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("Plans added"), "{stdout}");
    assert!(
        stdout.contains("The earlier version had 1 error(s); none now."),
        "{stdout}"
    );
    assert!(stdout.contains("| 2 | PCC | PC |"), "{stdout}");
}

#[test]
fn a_syntax_error_in_one_task_leaves_the_others_compared() {
    let repo = Repo::new();
    repo.write("plans/a.toml", &two_tasks("30/6/2017", "PC", ""));
    repo.commit("base");
    let broken = two_tasks("30/9/2017", "PC", "").replace("lead = [\"PC\"]", "lead = [\"PC\"");
    repo.write("plans/a.toml", &broken);
    let (code, stdout, _) = repo.run(&["diff", "HEAD", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(!stdout.contains("Plans removed"), "{stdout}");
    assert!(!stdout.contains("removed **2**"), "{stdout}");
    assert!(stdout.contains("**⚠ extended +92 days**"), "{stdout}");
    assert!(stdout.contains("[E003]"), "{stdout}");
    assert!(
        stdout.contains("> Not TOML, so not compared: task **2**."),
        "{stdout}"
    );
    let (_, json, _) = repo.run(&["diff", "HEAD", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let plan = &value["changed_plans"][0];
    assert_eq!(plan["errors"]["code"], "E003");
    assert_eq!(plan["unread"][0]["task"], "2");
}

#[test]
fn a_file_that_is_not_toml_cannot_be_compared_but_is_not_removed() {
    let repo = Repo::new();
    repo.write("plans/a.toml", &two_tasks("30/6/2017", "PC", ""));
    repo.commit("base");
    repo.write("plans/a.toml", "\u{0}\u{1}not toml at all [[[");
    let (code, stdout, _) = repo.run(&["diff", "HEAD", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(!stdout.contains("Plans removed"), "{stdout}");
    assert!(stdout.contains("### 1/KH (BHXH Việt Nam)"), "{stdout}");
    assert!(stdout.contains("**⚠ Cannot be compared:**"), "{stdout}");
}

#[test]
fn a_renamed_plan_is_shown_renamed_with_its_task_changes() {
    let repo = Repo::new();
    repo.write("plans/a.toml", &two_tasks("30/6/2017", "PC", ""));
    repo.commit("base");
    std::fs::create_dir_all(repo.path().join("plans/2017")).unwrap();
    repo.git(&["mv", "plans/a.toml", "plans/2017/1-KH.toml"]);
    repo.write(
        "plans/2017/1-KH.toml",
        &two_tasks("30/6/2017", "PC", "").replace("Nhiệm vụ 2", "Nhiệm vụ thứ hai"),
    );
    repo.commit("move");
    let (code, stdout, _) = repo.run(&["diff", "HEAD~1", "HEAD", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("Plans added"), "{stdout}");
    assert!(!stdout.contains("Plans removed"), "{stdout}");
    assert!(
        stdout.contains("> File renamed: `plans/a.toml` → `plans/2017/1-KH.toml`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("- **2**, content: Nhiệm vụ [-2-] {+thứ hai+}"),
        "{stdout}"
    );
    let (_, json, _) = repo.run(&["diff", "HEAD~1", "HEAD", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let plan = &value["changed_plans"][0];
    assert_eq!(plan["renamed_from"], "plans/a.toml");
    assert_eq!(plan["file"], "plans/2017/1-KH.toml");
    assert_eq!(plan["wording"][0]["before"], "Nhiệm vụ 2");
    assert_eq!(plan["wording"][0]["after"], "Nhiệm vụ thứ hai");
}

#[test]
fn a_wording_change_a_progress_entry_and_an_extension_are_shown() {
    let repo = Repo::new();
    let base = two_tasks("30/6/2017", "PC", "product = \"Báo cáo kết quả rà soát\"\n");
    repo.write("plans/a.toml", &base);
    repo.commit("base");
    let changed = two_tasks(
        "30/9/2017",
        "PC",
        "product = \"Báo cáo tổng hợp kết quả rà soát thủ tục\"\nstatus = \"in-progress\"\n\n[[task.progress]]\non = 2017-05-20\nstatus = \"in-progress\"\nnote = \"Đã lấy ý kiến các đơn vị\"\n",
    )
    .replacen(
        "deadline = \"30/9/2017\"\n",
        "deadline = \"30/9/2017\"\n\n[[task.extension]]\non = 2017-05-25\nfrom = \"30/6/2017\"\nto = \"30/9/2017\"\nby = \"Công văn số 1234/BHXH-VP ngày 25/5/2017\"\n",
        1,
    )
    .replace("Nhiệm vụ 1", "Nhiệm vụ 1 sửa đổi");
    repo.write("plans/a.toml", &changed);
    let (code, stdout, stderr) = repo.run(&["diff", "HEAD", "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(stdout);
}

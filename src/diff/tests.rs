use super::*;
use crate::check::read_registry;
use crate::check::testing::{UNITS, plan};
use crate::units::Registry;

fn registry() -> Registry {
    read_registry(0, UNITS, &mut Vec::new())
}

fn file(path: &str, text: &str) -> PlanFile {
    PlanFile::read(path.into(), text.as_bytes(), &registry(), None)
}

fn task(id: &str, lead: &str, deadline: &str) -> String {
    format!(
        "\n[[task]]\nid = \"{id}\"\ncontent = \"Xây dựng kế hoạch {id}\"\nlead = [\"{lead}\"]\ndeadline = \"{deadline}\"\n"
    )
}

#[test]
fn a_file_moved_is_the_same_plan_renamed() {
    let text = plan(&task("1", "CNTT", "30/6/2017"));
    let moved = plan(&task("1", "CNTT", "30/9/2017"));
    let changes = diff(&[file("a.toml", &text)], &[file("2017/b.toml", &moved)]);
    assert!(changes.added_plans.is_empty() && changes.removed_plans.is_empty());
    let plan = &changes.changed_plans[0];
    assert_eq!(plan.renamed_from.as_deref(), Some("a.toml"));
    assert_eq!(plan.file, "2017/b.toml");
    assert_eq!(plan.deadlines[0].days, Some(92));
}

#[test]
fn a_plan_unchanged_is_not_shown_and_a_rename_alone_is() {
    let text = plan(&task("1", "CNTT", "30/6/2017"));
    assert!(diff(&[file("a.toml", &text)], &[file("a.toml", &text)]).is_empty());
    let renamed = diff(&[file("a.toml", &text)], &[file("b.toml", &text)]);
    assert_eq!(renamed.changed_plans.len(), 1);
    assert!(renamed.changed_plans[0].tasks_unchanged());
}

#[test]
fn an_unknown_unit_is_compared_as_written() {
    let old = plan(&format!(
        "{}{}",
        task("1", "CNTT", "30/6/2017"),
        task("2", "PC", "Năm 2017")
    ));
    let new = plan(&format!(
        "{}{}",
        task("1", "CNTT", "30/9/2017"),
        task("2", "PCC", "Năm 2017")
    ));
    let changes = diff(&[file("a.toml", &old)], &[file("a.toml", &new)]);
    let plan = &changes.changed_plans[0];
    assert_eq!(plan.deadlines.len(), 1);
    assert_eq!(plan.lead[0].new, ["PCC"]);
    assert!(plan.added_tasks.is_empty() && plan.removed_tasks.is_empty());
}

#[test]
fn a_syntax_error_costs_only_the_task_it_is_in() {
    let old = plan(&format!(
        "{}{}",
        task("1", "CNTT", "30/6/2017"),
        task("2", "PC", "Năm 2017")
    ));
    let broken = task("2", "PC", "Năm 2017").replace("lead = [\"PC\"]", "lead = [\"PC\"");
    let new = plan(&format!("{}{broken}", task("1", "CNTT", "30/9/2017")));
    let new = file("a.toml", &new);
    assert!(new.readable);
    assert_eq!(new.unread, [Unread::Task("2".into())]);
    let changes = diff(&[file("a.toml", &old)], &[new]);
    let plan = &changes.changed_plans[0];
    assert_eq!(plan.number.as_deref(), Some("1/KH-BHXH"));
    assert_eq!(plan.deadlines[0].task, "1");
    assert!(plan.removed_tasks.is_empty(), "{plan:?}");
}

#[test]
fn a_file_that_is_not_toml_is_paired_by_its_name_and_not_compared() {
    let old = plan(&task("1", "CNTT", "30/6/2017"));
    let changes = diff(&[file("a.toml", &old)], &[file("a.toml", "[[[ nope")]);
    assert!(changes.added_plans.is_empty() && changes.removed_plans.is_empty());
    let plan = &changes.changed_plans[0];
    assert!(!plan.compared);
    assert_eq!(plan.number.as_deref(), Some("1/KH-BHXH"));
}

#[test]
fn wording_progress_and_extensions_are_shown() {
    let old = plan(&task("1", "CNTT", "30/6/2017"));
    let new = plan(
        &(task("1", "CNTT", "30/9/2017").replace("kế hoạch 1", "đề án 1")
            + "note = \"Mới\"\n\n[[task.extension]]\non = 2017-06-20\nfrom = \"30/6/2017\"\nto = \"30/9/2017\"\nby = \"Công văn số 1\"\n\n[[task.progress]]\non = 2017-06-25\nstatus = \"in-progress\"\nnote = \"Đang làm\"\n"),
    );
    let changes = diff(&[file("a.toml", &old)], &[file("a.toml", &new)]);
    let plan = &changes.changed_plans[0];
    let fields: Vec<_> = plan.wording.iter().map(|w| w.field).collect();
    assert_eq!(fields, ["content", "note"]);
    assert_eq!(
        plan.wording[0].pieces(),
        [
            Piece::Same("Xây dựng".into()),
            Piece::Removed("kế hoạch".into()),
            Piece::Added("đề án".into()),
            Piece::Same("1".into()),
        ]
    );
    assert_eq!(plan.extensions[0].entry.to.as_deref(), Some("30/9/2017"));
    assert_eq!(plan.progress[0].entry.note.as_deref(), Some("Đang làm"));
    assert_eq!(plan.progress.len(), 1);
}

#[test]
fn reading_never_panics_on_odd_headers() {
    for text in [
        "[",
        "[[task]]\n[[task]",
        "[plan\nnumber = 1",
        "\u{feff}[[task]]\nid=\"x\"",
    ] {
        let _ = file("a.toml", text);
    }
}

/// A spelling that named one unit and later another (DESIGN §2) is read on the day the
/// plan was issued, as `check` reads it: writing the unit's code instead is no change.
#[test]
fn units_are_read_on_the_day_the_plan_was_issued() {
    let units = format!(
        "{UNITS}\n[[unit]]\ncode = \"KV-A\"\nname = \"Khu vực A\"\nkind = \"province\"\n\
         aliases = [{{ name = \"Khu vực số 2\", until = 2025-05-11 }}]\n\
         \n[[unit]]\ncode = \"KV-B\"\nname = \"Khu vực B\"\nkind = \"province\"\n\
         aliases = [{{ name = \"Khu vực số 2\", from = 2025-05-12 }}]\n"
    );
    let registry = read_registry(0, &units, &mut Vec::new());
    let read = |lead: &str| {
        let text = plan(&task("1", lead, "30/6/2025")).replace("2017-01-01", "2025-04-15");
        PlanFile::read("a.toml".into(), text.as_bytes(), &registry, None)
    };
    assert!(
        diff(&[read("Khu vực số 2")], &[read("KV-A")]).is_empty(),
        "on 15/4/2025 `Khu vực số 2` is KV-A"
    );
    let changes = diff(&[read("Khu vực số 2")], &[read("KV-B")]);
    assert_eq!(changes.changed_plans[0].lead[0].old, ["KV-A"]);
}

use super::*;
use crate::check::testing::{checked, plan};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A plan of one task with `fields`; the header of `check::testing` (issued
/// 2017-02-28) plus `header` lines.
fn one_task(header: &str, fields: &str) -> Plan {
    let text = plan(&format!(
        "\n[[task]]\nid = \"1\"\ncontent = \"Xây dựng kế hoạch\"\nlead = [\"CNTT\"]\n{fields}"
    ))
    .replacen(
        "issued = 2017-02-28\n",
        &format!("issued = 2017-02-28\n{header}"),
        1,
    );
    checked(&text)
}

/// (category, days late) of every item of the plan's one task on `on`.
fn standing(plan: &Plan, on: NaiveDate) -> Vec<(Category, Option<i64>)> {
    items(plan, &plan.tasks[0], on)
        .iter()
        .map(|i| (i.category, i.days_late))
        .collect()
}

#[test]
fn a_task_done_late_is_late_by_done_minus_due_and_open_before_it_was_done() {
    let plan = one_task(
        "",
        "deadline = \"Quý I/2024\"\nstatus = \"done\"\ndone = 2024-04-10\n\n\
         [[task.progress]]\non = 2024-02-01\nstatus = \"in-progress\"\n\n\
         [[task.progress]]\non = 2024-04-10\nstatus = \"done\"\n",
    );
    use Category::*;
    assert_eq!(standing(&plan, day(2024, 3, 1)), [(OpenInTime, Some(-30))]);
    assert_eq!(standing(&plan, day(2024, 4, 5)), [(OpenOverdue, Some(5))]);
    assert_eq!(standing(&plan, day(2026, 1, 1)), [(DoneLate, Some(10))]);
    let then = task(&plan, &plan.tasks[0], day(2024, 3, 1));
    assert_eq!((then.status, then.done), (Status::InProgress, None));
}

#[test]
fn without_entries_a_done_date_after_the_day_is_not_known_yet() {
    let plan = one_task(
        "",
        "deadline = \"Quý I/2024\"\nstatus = \"done\"\ndone = 2024-05-01\n",
    );
    use Category::*;
    assert_eq!(standing(&plan, day(2024, 4, 1)), [(OpenOverdue, Some(1))]);
    assert_eq!(standing(&plan, day(2024, 5, 2)), [(DoneLate, Some(31))]);
}

#[test]
fn the_deadline_in_effect_is_the_one_granted_by_the_day() {
    let plan = one_task(
        "",
        "deadline = \"Quý III/2024\"\nstatus = \"done\"\ndone = 2024-06-10\n\n\
         [[task.extension]]\non = 2024-03-20\nfrom = \"Quý I/2024\"\nto = \"Quý III/2024\"\n\
         by = \"Công văn số 1234/BHXH-VP\"\n\n\
         [[task.progress]]\non = 2024-06-10\nstatus = \"done\"\n",
    );
    let on = |d| task(&plan, &plan.tasks[0], d);
    let before = on(day(2024, 3, 10));
    assert_eq!(before.deadline, Some("Quý I/2024"));
    assert_eq!(before.original_deadline, None);
    assert_eq!(before.due, Some(day(2024, 3, 31)));
    let after = on(day(2024, 4, 2));
    assert_eq!(after.deadline, Some("Quý III/2024"));
    assert_eq!(after.original_deadline, Some("Quý I/2024"));
    assert_eq!(
        (after.category, after.days_late),
        (Category::OpenInTime, Some(-181))
    );
    // Done on 10/6 against Quý III (30/9) in effect then: on time, 112 days early.
    let done = on(day(2024, 6, 30));
    assert_eq!(
        (done.category, done.days_late),
        (Category::DoneOnTime, Some(-112))
    );
}

#[test]
fn each_occurrence_of_a_recurring_task_is_reported_and_late_on_its_own() {
    let plan = one_task(
        "",
        "deadline = \"Hằng quý năm 2023\"\n\n\
         [[task.progress]]\non = 2023-03-30\nstatus = \"done\"\noccurrence = 2023-03-31\n\n\
         [[task.progress]]\non = 2023-07-05\nstatus = \"done\"\noccurrence = 2023-06-30\n",
    );
    use Category::*;
    let items = items(&plan, &plan.tasks[0], day(2023, 10, 1));
    let occurrences: Vec<_> = items.iter().map(|i| i.occurrence).collect();
    assert_eq!(
        occurrences,
        [
            day(2023, 3, 31),
            day(2023, 6, 30),
            day(2023, 9, 30),
            day(2023, 12, 31)
        ]
        .map(Some)
    );
    assert_eq!(
        standing(&plan, day(2023, 10, 1)),
        [
            (DoneOnTime, Some(-1)),
            (DoneLate, Some(5)),
            (OpenOverdue, Some(1)),
            (OpenInTime, Some(-91))
        ]
    );
    // On 1/7 the second report was not in yet.
    assert_eq!(standing(&plan, day(2023, 7, 1))[1], (OpenOverdue, Some(1)));
    assert_eq!(
        task(&plan, &plan.tasks[0], day(2023, 10, 1)).category,
        OpenOverdue
    );
}

#[test]
fn from_the_day_a_plan_is_closed_its_unfinished_tasks_are_no_longer_overdue() {
    let plan = one_task(
        "closed = 2018-01-15\nclosed_by = \"Báo cáo số 1/BC-BHXH\"\n",
        "deadline = \"Năm 2017\"\n",
    );
    use Category::*;
    assert_eq!(standing(&plan, day(2018, 1, 10)), [(OpenOverdue, Some(10))]);
    assert_eq!(standing(&plan, day(2018, 1, 15)), [(Unfinished, None)]);
}

#[test]
fn ongoing_and_undated_items_are_counted_apart() {
    let ongoing = one_task("", "deadline = \"Thường xuyên\"\n");
    assert_eq!(
        standing(&ongoing, day(2024, 1, 1)),
        [(Category::Ongoing, None)]
    );
    let event = one_task("", "deadline = \"Khi phương án được phê duyệt\"\n");
    assert_eq!(
        standing(&event, day(2024, 1, 1)),
        [(Category::NoDate, None)]
    );
}

#[test]
fn a_closed_task_closes_its_stages() {
    let plan = one_task(
        "",
        "status = \"cancelled\"\n\n[[task.milestone]]\nwhat = \"Giai đoạn 1\"\n\
         deadline = \"Quý I/2024\"\n",
    );
    assert_eq!(
        standing(&plan, day(2024, 6, 1)),
        [(Category::Cancelled, None)]
    );
}

/// Task I.5 of 595/KH-BHXH as QA recorded it: the first stage done, the second extended to
/// Quý II/2019 and in progress, then the whole task reported done on 2019-05-02.
const QA_SEQUENCE: &str = "status = \"done\"\ndone = 2019-05-02\n\n\
     [[task.progress]]\non = 2019-05-02\nstatus = \"done\"\n\n\
     [[task.milestone]]\nwhat = \"Trả 60% sổ BHXH\"\ndeadline = \"Năm 2017\"\n\
     status = \"done\"\ndone = 2017-12-01\n\n\
     [[task.milestone.progress]]\non = 2017-12-01\nstatus = \"done\"\n\n\
     [[task.milestone]]\nwhat = \"Trả 100% sổ BHXH\"\ndeadline = \"Quý II/2019\"\n\
     status = \"in-progress\"\n\n\
     [[task.milestone.extension]]\non = 2018-11-01\nfrom = \"Năm 2018\"\n\
     to = \"Quý II/2019\"\nby = \"Công văn số 7\"\n\n\
     [[task.milestone.progress]]\non = 2018-11-02\nstatus = \"in-progress\"\n";

/// (status, done, due, category, days late) of the plan's one task on `on`, as its row.
fn row(
    plan: &Plan,
    on: NaiveDate,
) -> (
    Status,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Category,
    Option<i64>,
) {
    let t = task(plan, &plan.tasks[0], on);
    (t.status, t.done, t.due, t.category, t.days_late)
}

#[test]
fn a_task_reported_done_closes_the_stage_still_in_progress_and_the_stage_done_before_keeps_its_day()
{
    let plan = one_task("", QA_SEQUENCE);
    use Category::*;
    let on = day(2019, 7, 1);
    let stages: Vec<_> = (items(&plan, &plan.tasks[0], on).iter())
        .map(|i| (i.done, i.category, i.days_late))
        .collect();
    assert_eq!(
        stages,
        [
            // Done on 2017-12-01, its own day, not the task's.
            (Some(day(2017, 12, 1)), DoneOnTime, Some(-30)),
            // In progress since 2018-11-02; the task's report of 2019-05-02 closed it.
            (Some(day(2019, 5, 2)), DoneOnTime, Some(-59)),
        ]
    );
    assert_eq!(
        row(&plan, on),
        (
            Status::Done,
            Some(day(2019, 5, 2)),
            Some(day(2019, 6, 30)),
            DoneOnTime,
            Some(-59)
        )
    );
    assert!(reopened(&plan.tasks[0]).is_empty());
}

#[test]
fn a_task_reported_done_with_stages_never_reported_is_done_not_overdue() {
    // I.5 as transcribed ("Năm 2017", then "Năm 2018"), the second stage only marked in
    // progress, then the whole task reported done on 2019-05-02.
    let plan = one_task(
        "",
        "status = \"done\"\ndone = 2019-05-02\n\n\
         [[task.progress]]\non = 2019-05-02\nstatus = \"done\"\n\n\
         [[task.milestone]]\nwhat = \"Trả 60% sổ BHXH\"\ndeadline = \"Năm 2017\"\n\n\
         [[task.milestone]]\nwhat = \"Trả 100% sổ BHXH\"\ndeadline = \"Năm 2018\"\n\
         status = \"in-progress\"\n",
    );
    use Category::*;
    assert_eq!(
        standing(&plan, day(2019, 7, 1)),
        [(DoneLate, Some(487)), (DoneLate, Some(122))]
    );
    assert_eq!(
        row(&plan, day(2019, 7, 1)),
        (
            Status::Done,
            Some(day(2019, 5, 2)),
            Some(day(2018, 12, 31)),
            DoneLate,
            Some(122)
        )
    );
    // Before the report, both stages were late.
    assert_eq!(
        standing(&plan, day(2019, 5, 1)),
        [(OpenOverdue, Some(486)), (OpenOverdue, Some(121))]
    );
    assert!(reopened(&plan.tasks[0]).is_empty());
}

#[test]
fn a_stage_reported_in_progress_after_its_task_was_done_is_open_again_and_the_task_with_it() {
    // The QA sequence, then the second stage reported in progress again on 2019-05-20.
    let text = format!(
        "{}\n[[task.milestone.progress]]\non = 2019-05-20\nstatus = \"in-progress\"\n",
        QA_SEQUENCE
    );
    let plan = one_task("", &text);
    use Category::*;
    // Between the task's report and the stage's, the stage was done with the task.
    assert_eq!(
        standing(&plan, day(2019, 5, 10)),
        [(DoneOnTime, Some(-30)), (DoneOnTime, Some(-59))]
    );
    assert_eq!(row(&plan, day(2019, 5, 10)).3, DoneOnTime);
    // From the stage's report on, its later word counts: open, overdue from 1/7/2019.
    assert_eq!(
        standing(&plan, day(2019, 6, 1)),
        [(DoneOnTime, Some(-30)), (OpenInTime, Some(-29))]
    );
    assert_eq!(
        standing(&plan, day(2019, 7, 1)),
        [(DoneOnTime, Some(-30)), (OpenOverdue, Some(1))]
    );
    assert_eq!(
        row(&plan, day(2019, 7, 1)),
        (
            Status::InProgress,
            None,
            Some(day(2019, 6, 30)),
            OpenOverdue,
            Some(1)
        )
    );
    let found = reopened(&plan.tasks[0]);
    assert_eq!(
        found
            .iter()
            .map(|r| (r.milestone, r.entry.on, r.closed_on))
            .collect::<Vec<_>>(),
        [(2, day(2019, 5, 20), day(2019, 5, 2))]
    );
}

#[test]
fn a_task_row_takes_its_due_date_and_days_from_the_stage_that_decides_its_category() {
    // I.5 of 595/KH-BHXH as transcribed: two stages, nothing reported.
    let plan = one_task(
        "",
        "[[task.milestone]]\nwhat = \"Trả 60% sổ BHXH\"\ndeadline = \"Năm 2017\"\n\n\
         [[task.milestone]]\nwhat = \"Trả 100% sổ BHXH\"\ndeadline = \"Năm 2018\"\n",
    );
    let on = |d| {
        let t = task(&plan, &plan.tasks[0], d);
        (t.due, t.category, t.days_late)
    };
    use Category::*;
    // The first stage is 152 days late, the second 213 days off: the row is the first's.
    assert_eq!(
        on(day(2018, 6, 1)),
        (Some(day(2017, 12, 31)), OpenOverdue, Some(152))
    );
    // Both in time: the latest due date, as before.
    assert_eq!(
        on(day(2017, 6, 1)),
        (Some(day(2018, 12, 31)), OpenInTime, Some(-578))
    );
    // Both late: the latest of them.
    assert_eq!(
        on(day(2019, 1, 10)),
        (Some(day(2018, 12, 31)), OpenOverdue, Some(10))
    );
}

#[test]
fn a_cancelled_task_keeps_the_stages_done_before_it_was_stopped() {
    // The first stage done on 2024-03-20, the task cancelled on 2024-05-01: the first keeps
    // its done standing, the second is cancelled with the task.
    let plan = one_task(
        "",
        "status = \"cancelled\"\n\n\
         [[task.progress]]\non = 2024-05-01\nstatus = \"cancelled\"\n\n\
         [[task.milestone]]\nwhat = \"Giai đoạn 1\"\ndeadline = \"Quý I/2024\"\n\
         status = \"done\"\ndone = 2024-03-20\n\n\
         [[task.milestone]]\nwhat = \"Giai đoạn 2\"\ndeadline = \"Quý III/2024\"\n",
    );
    use Category::*;
    assert_eq!(
        standing(&plan, day(2024, 6, 1)),
        [(DoneOnTime, Some(-11)), (Cancelled, None)]
    );
}

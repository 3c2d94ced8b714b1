//! The words around a terminal table: what a listing answered, so that an empty answer is a
//! sentence, a table ends with its row count, and left-out columns are named.

use chrono::NaiveDate;

use super::Lang;
use crate::query::{Listing, Within};

/// What a table lists, and the unit it was asked for; the app fills it in, `render` words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caption<'a> {
    pub kind: Kind,
    /// The code of the unit of `--unit`, resolved, if one was given.
    pub unit: Option<&'a str>,
}

/// The kinds of listing, with what their sentences need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `plans`.
    Plans,
    /// `units` and `units resolve`.
    Units,
    /// `tasks`, `overdue` and `upcoming` (and rows of tasks elsewhere), on the reference day.
    Tasks { listing: Listing, today: NaiveDate },
    /// `workload`.
    Workload,
    /// `workload --by quarter`, on the reference day.
    Quarters { today: NaiveDate },
}

impl Caption<'_> {
    /// A caption with no unit.
    pub fn new(kind: Kind) -> Caption<'static> {
        Caption { kind, unit: None }
    }

    /// The sentence printed instead of a table with no rows.
    pub fn empty(&self, lang: Lang) -> String {
        // "of CNTT" / "của CNTT", or nothing.
        let (of_vi, of_en) = match self.unit {
            Some(unit) => (format!(" của {unit}"), format!(" of {unit}")),
            None => (String::new(), String::new()),
        };
        match self.kind {
            Kind::Plans => lang.pick("Không có kế hoạch nào.", "No plans.").into(),
            Kind::Units => lang.pick("Không có đơn vị nào.", "No units.").into(),
            Kind::Tasks { listing, today } => {
                let day = day(today);
                match (listing, lang) {
                    (Listing::All | Listing::Schedule, Lang::Vi) => {
                        format!("Không có nhiệm vụ nào{of_vi}.")
                    }
                    (Listing::All | Listing::Schedule, Lang::En) => format!("No tasks{of_en}."),
                    (Listing::Overdue, Lang::Vi) => {
                        format!("Không có nhiệm vụ quá hạn{of_vi} tính đến ngày {day}.")
                    }
                    (Listing::Overdue, Lang::En) => format!("No overdue tasks{of_en} as of {day}."),
                    (Listing::Upcoming(within), _) => {
                        let last = self::day(within.horizon(today));
                        let span = span(within, lang);
                        lang.pick(
                            format!(
                                "Không có nhiệm vụ{of_vi} đến hạn từ {day} đến {last} ({span} tới)."
                            ),
                            format!("No tasks{of_en} due from {day} to {last} (the next {span})."),
                        )
                    }
                }
            }
            Kind::Workload => lang.pick(
                format!("Không có nhiệm vụ nào{of_vi} để thống kê."),
                format!("No tasks{of_en} to count."),
            ),
            Kind::Quarters { .. } => lang.pick(
                format!("Không có nhiệm vụ nào{of_vi} có hạn để thống kê theo quý."),
                format!("No tasks{of_en} with a due date to count by quarter."),
            ),
        }
    }

    /// The line under a table: how many rows it has, in the words of its kind. Rows of
    /// tasks can be several per task (stages, occurrences): then both are counted.
    pub fn count(&self, rows: usize, tasks: usize, lang: Lang) -> String {
        let (vi, en, ens) = match self.kind {
            Kind::Plans => ("kế hoạch", "plan", "plans"),
            Kind::Units | Kind::Workload | Kind::Quarters { .. } => ("đơn vị", "unit", "units"),
            Kind::Tasks { .. } => ("nhiệm vụ", "task", "tasks"),
        };
        let en = |n: usize| if n == 1 { en } else { ens };
        match (lang, self.kind) {
            (Lang::Vi, Kind::Tasks { .. }) if tasks != rows => {
                format!("{rows} dòng, {tasks} {vi}")
            }
            (Lang::En, Kind::Tasks { .. }) if tasks != rows => {
                let row = if rows == 1 { "row" } else { "rows" };
                format!("{rows} {row}, {tasks} {}", en(tasks))
            }
            (Lang::Vi, _) => format!("{rows} {vi}"),
            (Lang::En, _) => format!("{rows} {}", en(rows)),
        }
    }
}

/// The note under a table that had to leave columns out to fit the terminal.
pub fn left_out(columns: &[String], lang: Lang) -> String {
    let list = columns.join(", ");
    lang.pick(
        format!("Bỏ bớt cột: {list} (màn hình hẹp)."),
        format!("Columns left out: {list} (narrow terminal)."),
    )
}

/// A day as people in Vietnam write it: 31/12/2024.
fn day(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// How far `upcoming` looked, in words: "30 ngày", "6 weeks", "week".
fn span(within: Within, lang: Lang) -> String {
    let (n, vi, en) = match within {
        Within::Days(n) => (n, "ngày", "day"),
        Within::Weeks(n) => (n, "tuần", "week"),
        Within::Months(n) => (n, "tháng", "month"),
    };
    match lang {
        Lang::Vi => format!("{n} {vi}"),
        // "the next week"
        Lang::En if n == 1 => en.to_string(),
        Lang::En => format!("{n} {en}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()
    }

    fn tasks(listing: Listing, unit: Option<&str>) -> Caption<'_> {
        Caption {
            kind: Kind::Tasks {
                listing,
                today: today(),
            },
            unit,
        }
    }

    #[test]
    fn an_empty_answer_says_what_was_asked() {
        let overdue = tasks(Listing::Overdue, Some("CNTT"));
        assert_eq!(
            overdue.empty(Lang::Vi),
            "Không có nhiệm vụ quá hạn của CNTT tính đến ngày 31/12/2024."
        );
        assert_eq!(
            overdue.empty(Lang::En),
            "No overdue tasks of CNTT as of 31/12/2024."
        );
        let upcoming = tasks(Listing::Upcoming(Within::Days(30)), None);
        assert_eq!(
            upcoming.empty(Lang::Vi),
            "Không có nhiệm vụ đến hạn từ 31/12/2024 đến 30/01/2025 (30 ngày tới)."
        );
        let weeks = tasks(Listing::Upcoming(Within::Weeks(1)), Some("PC"));
        assert_eq!(
            weeks.empty(Lang::En),
            "No tasks of PC due from 31/12/2024 to 07/01/2025 (the next week)."
        );
        assert_eq!(tasks(Listing::All, None).empty(Lang::En), "No tasks.");
        let workload = Caption {
            kind: Kind::Workload,
            unit: Some("TST"),
        };
        assert_eq!(workload.empty(Lang::En), "No tasks of TST to count.");
    }

    #[test]
    fn the_count_names_what_it_counts() {
        let listing = tasks(Listing::Overdue, None);
        assert_eq!(listing.count(12, 12, Lang::Vi), "12 nhiệm vụ");
        assert_eq!(listing.count(1, 1, Lang::En), "1 task");
        assert_eq!(listing.count(14, 12, Lang::Vi), "14 dòng, 12 nhiệm vụ");
        assert_eq!(listing.count(2, 1, Lang::En), "2 rows, 1 task");
        let plans = Caption::new(Kind::Plans);
        assert_eq!(plans.count(5, 5, Lang::Vi), "5 kế hoạch");
        assert_eq!(plans.count(5, 5, Lang::En), "5 plans");
        let units = Caption::new(Kind::Workload);
        assert_eq!(units.count(26, 26, Lang::Vi), "26 đơn vị");
    }

    #[test]
    fn left_out_columns_are_named() {
        let columns = ["Phối hợp".to_string(), "Thời gian hoàn thành".to_string()];
        assert_eq!(
            left_out(&columns, Lang::Vi),
            "Bỏ bớt cột: Phối hợp, Thời gian hoàn thành (màn hình hẹp)."
        );
    }
}

//! The filters every query shares: unit and role, plan, year, status; and `--within`.

use std::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate};

use super::grep::Grep;
use crate::model::{Plan, Status, Task};
use crate::units;

/// Which assignments of a unit count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Role {
    /// Tasks the unit leads (chủ trì).
    #[default]
    Lead,
    /// Tasks the unit supports (phối hợp).
    Support,
    /// Either.
    Any,
}

/// A plan chosen by `--plan NUMBER` or `--plan ISSUER:NUMBER`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanKey {
    pub issuer: Option<String>,
    pub number: String,
}

impl PlanKey {
    /// Parses `NUMBER` or `ISSUER:NUMBER`.
    pub fn parse(text: &str) -> Self {
        let (issuer, number) = match text.split_once(':') {
            Some((issuer, number)) => (Some(issuer.trim().to_string()), number),
            None => (None, text),
        };
        let number = number.trim().to_string();
        PlanKey { issuer, number }
    }

    /// True when `plan` is the plan this key names.
    pub fn matches(&self, plan: &Plan) -> bool {
        self.names(&plan.issuer, &plan.number)
    }

    /// True when the plan of `issuer` numbered `number` is the one this key names: numbers
    /// compare as unit names do, so `24/QD-BHXH` names 24/QĐ-BHXH.
    pub fn names(&self, issuer: &str, number: &str) -> bool {
        let same_number = units::fold(number) == units::fold(&self.number);
        let same_issuer = self
            .issuer
            .as_ref()
            .is_none_or(|i| units::fold(i) == units::fold(issuer));
        same_number && same_issuer
    }
}

/// The plan number a `--plan` that names none most likely meant: the one whose number
/// before its suffix is what was written (`24` → 24/QĐ-BHXH), else the one that starts
/// with it (`244` → 2449/KH-BHXH), else the nearest by spelling.
pub fn suggest_plan<'a>(
    written: &str,
    numbers: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let numbers: Vec<&str> = numbers.into_iter().collect();
    let folded = units::fold(written);
    let only = |keep: &dyn Fn(&str) -> bool| -> Option<&'a str> {
        match numbers.iter().filter(|n| keep(n)).collect::<Vec<_>>()[..] {
            [one] => Some(*one),
            _ => None,
        }
    };
    // "24" is the number before its suffix: 24/QĐ-BHXH, though 2449/KH-BHXH starts so too.
    let before_suffix = |n: &str| n.split('/').next().map(units::fold) == Some(folded.clone());
    let starting = |n: &str| !folded.is_empty() && units::fold(n).starts_with(&folded);
    only(&before_suffix)
        .or_else(|| only(&starting))
        .or_else(|| crate::diag::nearest(written, numbers.iter().copied()))
}

/// What a query keeps. Units are registry codes, predecessors already included.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub units: Option<Vec<String>>,
    pub role: Role,
    pub plan: Option<PlanKey>,
    pub year: Option<i32>,
    pub status: Option<Status>,
    pub grep: Option<Grep>,
}

impl Filter {
    /// True when the plan passes `--plan`.
    pub fn plan(&self, plan: &Plan) -> bool {
        self.plan.as_ref().is_none_or(|key| key.matches(plan))
    }

    /// True when the task is held by one of the units in the chosen role, and holds the
    /// words of `--grep`.
    pub fn task(&self, task: &Task) -> bool {
        if !self.words(task) {
            return false;
        }
        let Some(units) = &self.units else {
            return true;
        };
        let holds = |list: &[String]| list.iter().any(|code| units.contains(code));
        match self.role {
            Role::Lead => holds(&task.lead),
            Role::Support => holds(&task.support),
            Role::Any => holds(&task.lead) || holds(&task.support),
        }
    }

    /// True when the task holds the words of `--grep`, if any.
    pub fn words(&self, task: &Task) -> bool {
        self.grep.as_ref().is_none_or(|grep| grep.matches(task))
    }

    /// True when an item with this status and due date (or plan year) passes.
    pub fn item(&self, status: Status, due: Option<NaiveDate>, plan: &Plan) -> bool {
        let year = due.map_or(plan.issued.year(), |d| d.year());
        self.status.is_none_or(|s| s == status) && self.year.is_none_or(|y| y == year)
    }
}

/// How far ahead `upcoming` looks: `14d`, `6w`, `3m`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    Days(u32),
    Weeks(u32),
    Months(u32),
}

impl Within {
    /// The last day inside the window that starts today.
    pub fn horizon(self, today: NaiveDate) -> NaiveDate {
        let later = match self {
            Within::Days(n) => today.checked_add_days(Days::new(n.into())),
            Within::Weeks(n) => today.checked_add_days(Days::new(u64::from(n) * 7)),
            Within::Months(n) => today.checked_add_months(Months::new(n)),
        };
        later.unwrap_or(NaiveDate::MAX)
    }
}

impl Default for Within {
    fn default() -> Self {
        Within::Days(30)
    }
}

impl FromStr for Within {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let split = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (digits, unit) = text.split_at(split);
        let n: u32 = digits.parse().map_err(|_| match digits {
            "" => format!("`{text}` is not a duration: write 14d, 6w or 3m"),
            _ => format!("`{text}` is longer than any plan runs: write 14d, 6w or 3m"),
        })?;
        match unit {
            "d" | "" => Ok(Within::Days(n)),
            "w" => Ok(Within::Weeks(n)),
            "m" => Ok(Within::Months(n)),
            _ => Err(format!("`{text}` is not a duration: write 14d, 6w or 3m")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn within_reads_days_weeks_and_months() {
        let today = day(2024, 1, 31);
        let horizons = [
            ("14d", day(2024, 2, 14)),
            ("6w", day(2024, 3, 13)),
            ("1m", day(2024, 2, 29)),
        ];
        for (within, horizon) in horizons {
            assert_eq!(within.parse::<Within>().unwrap().horizon(today), horizon);
        }
        assert!("3y".parse::<Within>().is_err());
        let too_long = "99999999999d".parse::<Within>().unwrap_err();
        assert!(too_long.contains("longer than any plan runs"), "{too_long}");
        assert!("d".parse::<Within>().is_err());
    }

    #[test]
    fn plan_numbers_compare_folded_and_a_prefix_is_suggested() {
        let key = PlanKey::parse("24/qd-bhxh");
        assert!(key.names("BHXH Việt Nam", "24/QĐ-BHXH"));
        assert!(!key.names("BHXH Việt Nam", "2449/KH-BHXH"));
        let numbers = ["2449/KH-BHXH", "24/QĐ-BHXH", "595/KH-BHXH"];
        assert_eq!(suggest_plan("2449", numbers), Some("2449/KH-BHXH"));
        // The number before its suffix, though another number starts with it too.
        assert_eq!(suggest_plan("24", numbers), Some("24/QĐ-BHXH"));
        assert_eq!(suggest_plan("59", numbers), Some("595/KH-BHXH"));
        assert_eq!(suggest_plan("595/KH-BHHX", numbers), Some("595/KH-BHXH"));
    }

    #[test]
    fn plan_keys_match_number_and_optional_issuer() {
        let key = PlanKey::parse("BHXH tinh Quang Ngai:123/KH-BHXH");
        assert_eq!(key.issuer.as_deref(), Some("BHXH tinh Quang Ngai"));
        assert_eq!(key.number, "123/KH-BHXH");
    }
}

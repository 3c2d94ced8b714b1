//! Dates for serde: ISO text where people read the output (JSON), a day number in the
//! binary index, where formatting and parsing millions of dates cost more than the rest of
//! storing a plan. Used as `#[serde(with = "crate::compact_date")]` and its `option` and
//! `list` forms.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Serialises a date: text for human-readable formats, days from 1 January of year 1.
pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    Day(*date).serialize(serializer)
}

/// Reads what [`serialize`] wrote.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    Day::deserialize(deserializer).map(|d| d.0)
}

/// One date, in the form its format calls for.
struct Day(NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.0.serialize(serializer)
        } else {
            self.0.num_days_from_ce().serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            return NaiveDate::deserialize(deserializer).map(Day);
        }
        let days = i32::deserialize(deserializer)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .map(Day)
            .ok_or_else(|| serde::de::Error::custom(format!("day {days} is out of range")))
    }
}

/// `Option<NaiveDate>` fields.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        date.map(Day).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Day>::deserialize(deserializer)?.map(|d| d.0))
    }
}

/// `Vec<NaiveDate>` fields.
pub mod list {
    use super::*;

    pub fn serialize<S: Serializer>(dates: &[NaiveDate], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(dates.iter().map(|d| Day(*d)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<NaiveDate>, D::Error> {
        Ok(Vec::<Day>::deserialize(deserializer)?
            .into_iter()
            .map(|d| d.0)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Dated {
        #[serde(with = "crate::compact_date")]
        on: NaiveDate,
        #[serde(with = "crate::compact_date::option")]
        maybe: Option<NaiveDate>,
        #[serde(with = "crate::compact_date::list")]
        all: Vec<NaiveDate>,
    }

    #[test]
    fn dates_are_text_in_json_and_day_numbers_in_the_index() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let dated = Dated {
            on: day(2024, 3, 31),
            maybe: Some(day(1900, 1, 1)),
            all: vec![day(2199, 12, 31), day(2017, 6, 30)],
        };
        let json = serde_json::to_string(&dated).unwrap();
        assert_eq!(
            json,
            r#"{"on":"2024-03-31","maybe":"1900-01-01","all":["2199-12-31","2017-06-30"]}"#
        );
        assert_eq!(serde_json::from_str::<Dated>(&json).unwrap(), dated);
        let binary = postcard::to_allocvec(&dated).unwrap();
        assert!(binary.len() < 20, "{} bytes", binary.len());
        assert_eq!(postcard::from_bytes::<Dated>(&binary).unwrap(), dated);
    }
}

//! A group's phrases as one reading: the year a list's items share, a range, either of two
//! times, a count of days from a start, a series over the window it runs in; and
//! [`combine`], which joins readings (a group's, a sentence's stages).

use chrono::{Datelike, Days, NaiveDate};

use super::super::{Kind, Resolution};
use super::sentence::{Failure, Item};
use super::*;

impl Parser<'_> {
    /// Items of a group that took the context's year take the year another item states:
    /// the next one's ("tháng 11, tháng 12 năm 2025"), else the previous one's ("2025 và
    /// hằng quý").
    pub(super) fn give_years(&mut self, items: &mut [Item]) -> Result<(), Failure> {
        let stated: Vec<Option<i32>> = items
            .iter()
            .map(|item| {
                let r = &item.resolution;
                let dated = !item.defaulted
                    && !item.year_from_plan
                    && !r.kind.is_undated()
                    && item.duration.is_none();
                r.start.or(r.due).filter(|_| dated).map(|d| d.year())
            })
            .collect();
        for k in 0..items.len() {
            // "Hằng quý, đến hết quý II/2026": a window's later year is not the series'
            // (one already past is: "Hằng năm, đến năm 2024" in 2025 is 2024 alone).
            let next = items[k + 1..].first();
            let windowed = items[k].resolution.kind == Kind::Recurring
                && (next.is_some_and(|next| next.prefix.from)
                    || (next.is_some_and(|next| next.prefix.to)
                        && stated
                            .get(k + 1)
                            .copied()
                            .flatten()
                            .is_some_and(|year| year >= self.context.year)));
            if !items[k].defaulted
                || items[k].year_from_plan
                || items[k].resolution.kind.is_undated()
                || windowed
            {
                continue;
            }
            let later = stated[k + 1..].iter().flatten().next();
            let year = later.or_else(|| stated[..k].iter().rev().flatten().next());
            let Some(&year) = year else {
                continue;
            };
            if year == self.context.year {
                continue;
            }
            let context = self.context;
            self.context.year = year;
            self.pos = items[k].start;
            let again = self.item(items[k].joined);
            self.context = context;
            items[k] = again?;
        }
        Ok(())
    }

    /// The items of a group as one reading.
    pub(super) fn join(&mut self, items: Vec<Item>) -> Result<Resolution, Failure> {
        // A series has no one window: "Từ tháng 9/2025 và hằng năm" starts it, no range.
        let window = |item: &Item| -> Option<(NaiveDate, NaiveDate)> {
            let r = &item.resolution;
            r.start
                .zip(r.due)
                .filter(|_| !r.kind.is_undated() && r.kind != Kind::Recurring)
        };
        let mut ranged: Option<Resolution> = None;
        if let [first, second, ..] = &items[..] {
            // "25 ngày, bắt đầu từ ngày 1/4/2019", "từ ngày 1/7/2020 và diễn ra trong 30
            // ngày": so many days from the start, the first included.
            let counted = match (first.duration, second.duration) {
                (Some(days), None) if second.prefix.from => window(second).map(|w| (w.0, days)),
                (None, Some(days)) if first.prefix.from => window(first).map(|w| (w.0, days)),
                _ => None,
            };
            if let Some((start, days)) = counted {
                let due = start + Days::new(u64::from(days - 1));
                ranged = Some(Resolution::window(Kind::Span, start, due));
            } else if let (true, Some(from), Some(to)) = (
                first.prefix.from || second.prefix.to,
                window(first),
                window(second),
            ) {
                // "từ ngày 01/02/2021 đến hết ngày 30/4/2021", "bắt đầu từ tháng 4/2025,
                // hoàn thành trước ngày 30/6/2025": one span.
                ranged = Some(self.window_range(from, to).map_err(|error| Failure {
                    error,
                    committed: true,
                })?);
            }
        }
        // "Quý III hoặc Quý IV/2025", "ngày 30/6 hoặc ngày 31/12/2025": either time will do,
        // so the work is due by the later, from the start of the earlier: one span, where
        // "và" lists milestones.
        let windows: Option<Vec<(NaiveDate, NaiveDate)>> = items
            .iter()
            .map(|item| window(item).filter(|_| item.duration.is_none()))
            .collect();
        if let Some(windows) = windows
            && ranged.is_none()
            && items.iter().any(|item| item.or)
        {
            let start = windows.iter().map(|w| w.0).min();
            let due = windows.iter().map(|w| w.1).max();
            if let (Some(start), Some(due)) = (start, due) {
                return Ok(Resolution::window(Kind::Span, start, due));
            }
        }
        if items.iter().any(|item| item.duration.is_some()) && ranged.is_none() {
            if let [alone] = &items[..] {
                // "trong 30 ngày", "trong vòng 30 ngày đêm": counted from a day the text
                // does not name (the plan's signing, a request), so an event.
                if alone.duration.is_some() {
                    return Ok(Resolution::undated(Kind::Event));
                }
            }
            // A count of days with no start to count from, among other phrases.
            return Err(Failure {
                error: self.unreadable_from(items[0].start),
                committed: false,
            });
        }
        if let Some(over) = series_over_window(&items) {
            return Ok(over);
        }
        if let [period, series] = &items[..]
            && ranged.is_none()
            && let Some(within) =
                series::within(&period.resolution, period.prefix.from, &series.resolution)
        {
            return Ok(within);
        }
        let mut parts: Vec<Resolution> = items.into_iter().map(|i| i.resolution).collect();
        if let Some(span) = ranged {
            parts.splice(0..2, [span]);
        }
        Ok(combine(parts))
    }
}

/// "Hằng quý, đến hết quý II/2026", "Hằng năm từ 2025 đến 2027": a series, then the window
/// it runs in (its end, or its start and end).
fn series_over_window(items: &[Item]) -> Option<Resolution> {
    let dated = |item: &Item| {
        let r = &item.resolution;
        (!r.kind.is_undated() && r.kind != Kind::Recurring && item.duration.is_none())
            .then_some(r.start.zip(r.due))
            .flatten()
    };
    match items {
        [series, end] if end.prefix.to => series::over(&series.resolution, None, dated(end)?.1),
        [series, start] if start.prefix.from => {
            dated(start)?;
            series::from_then(&series.resolution, &start.resolution)
        }
        // "Hằng năm, giai đoạn từ nay đến năm 2030": each year of the stage.
        [series, stage] if stage.resolution.kind == Kind::Span => {
            series::within(&stage.resolution, false, &series.resolution)
        }
        [series, start, end] if start.prefix.from && end.prefix.to => {
            series::over(&series.resolution, Some(dated(start)?.0), dated(end)?.1)
        }
        _ => None,
    }
}

/// Phrases of a group, or stages of a sentence, as one reading: undated ones alone are
/// ongoing (if any is) or an event; a series with anything is recurring; a date with an
/// ongoing duty is open-ended; with an event, the date; several dates are several.
pub(in crate::deadline) fn combine(mut parts: Vec<Resolution>) -> Resolution {
    if parts.len() == 1 {
        return parts.pop().expect("one part");
    }
    let ongoing = parts
        .iter()
        .any(|p| matches!(p.kind, Kind::Ongoing | Kind::OpenEnded));
    let dated: Vec<&Resolution> = parts.iter().filter(|p| !p.kind.is_undated()).collect();
    let recurring = dated.iter().any(|p| p.kind == Kind::Recurring);
    match dated[..] {
        [] if ongoing => Resolution::undated(Kind::Ongoing),
        [] => Resolution::undated(Kind::Event),
        [one] if !recurring => Resolution {
            kind: if ongoing { Kind::OpenEnded } else { one.kind },
            ..one.clone()
        },
        _ => {
            let mut dates: Vec<NaiveDate> =
                dated.iter().flat_map(|p| p.dates.iter().copied()).collect();
            dates.sort_unstable();
            dates.dedup();
            let kind = if recurring {
                Kind::Recurring
            } else if ongoing {
                Kind::OpenEnded
            } else {
                Kind::Several
            };
            Resolution {
                kind,
                start: dated.iter().filter_map(|p| p.start).min(),
                due: dates.last().copied(),
                dates,
            }
        }
    }
}

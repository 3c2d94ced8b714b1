//! TOML text → raw structs that keep the span of every value checking interprets.
//!
//! We walk toml's spanned document ourselves instead of deriving `Deserialize` so that a
//! file with an unknown key, a wrong type and a missing field yields all three problems
//! in one run; serde stops at the first. Structural problems (syntax, unknown keys, wrong
//! types) are reported here; the meaning of values is `check`'s business.
//!
//! The raw structs are also the format's JSON Schema ([`crate::schema`]): their doc
//! comments and `schemars` attributes describe the file as written, spans aside.

mod nfc;
mod tables;

use nfc::nfc;
use std::ops::Range;
use std::sync::LazyLock;
pub use tables::*;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{self, Code, Diagnostic};
use crate::schema::{self, UnitsFile};
use crate::source::FileId;

/// The keys a table may have: the properties of its schema, in their order.
type Keys = LazyLock<Vec<String>>;

static PLAN_KEYS: Keys = LazyLock::new(schema::keys::<RawPlan>);
static HEADER_KEYS: Keys = LazyLock::new(schema::keys::<RawHeader>);
static DEFAULTS_KEYS: Keys = LazyLock::new(schema::keys::<RawDefaults>);
static SECTION_KEYS: Keys = LazyLock::new(schema::keys::<RawSection>);
static TASK_KEYS: Keys = LazyLock::new(schema::keys::<RawTask>);
static MILESTONE_KEYS: Keys = LazyLock::new(schema::keys::<RawMilestone>);
static PROGRESS_KEYS: Keys = LazyLock::new(schema::keys::<RawProgress>);
static EXTENSION_KEYS: Keys = LazyLock::new(schema::keys::<RawExtension>);
static UNITS_KEYS: Keys = LazyLock::new(schema::keys::<UnitsFile>);
static UNIT_KEYS: Keys = LazyLock::new(schema::keys::<RawUnit>);
static ALIAS_KEYS: Keys = LazyLock::new(schema::keys::<RawAlias>);

/// Reads a plan file. `None` when the text is not TOML at all.
pub fn parse_plan(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<RawPlan> {
    let mut r = Reader::new(file, text, diags);
    let doc = r.document(text)?;
    r.keys(&doc, &PLAN_KEYS, "a plan file");
    let header = r.table(&doc, "plan").map(|(span, t)| r.header(span, t));
    let defaults = r
        .table(&doc, "defaults")
        .map(|(_, t)| {
            let around = r.begin_table(t, &DEFAULTS_KEYS, "`[defaults]`");
            RawDefaults {
                lead: r.strings(t, "lead"),
                support: r.strings(t, "support"),
                deadline: r.string(t, "deadline"),
                wrong_type: r.end_table(around),
            }
        })
        .unwrap_or_default();
    let sections = r
        .tables(&doc, "section")
        .into_iter()
        .map(|(span, t)| {
            let around = r.begin_table(t, &SECTION_KEYS, "a `[[section]]`");
            RawSection {
                span,
                id: r.string(t, "id"),
                title: r.string(t, "title"),
                wrong_type: r.end_table(around),
            }
        })
        .collect();
    let tasks = r
        .tables(&doc, "task")
        .into_iter()
        .map(|(span, t)| r.task(span, t))
        .collect();
    Some(RawPlan {
        header,
        defaults,
        sections,
        tasks,
    })
}

/// Reads `units.toml`. `None` when the text is not TOML at all.
pub fn parse_units(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Vec<RawUnit>> {
    let mut r = Reader::new(file, text, diags);
    let doc = r.document(text)?;
    r.keys(&doc, &UNITS_KEYS, "the units registry");
    let units = r
        .tables(&doc, "unit")
        .into_iter()
        .map(|(span, t)| {
            let around = r.begin_table(t, &UNIT_KEYS, "a `[[unit]]`");
            RawUnit {
                span,
                code: r.string(t, "code"),
                name: r.string(t, "name"),
                aliases: r.aliases(t),
                kind: r.string(t, "kind"),
                successor: r.string(t, "successor"),
                from: r.date(t, "from"),
                until: r.date(t, "until"),
                wrong_type: r.end_table(around),
            }
        })
        .collect();
    Some(units)
}

/// Decodes values of one file, reporting what does not fit.
struct Reader<'d> {
    file: FileId,
    text: &'d str,
    diags: &'d mut Vec<Diagnostic>,
    /// The keys of the wrong type in the table being read.
    wrong_type: WrongTypes,
}

impl<'d> Reader<'d> {
    fn new(file: FileId, text: &'d str, diags: &'d mut Vec<Diagnostic>) -> Self {
        let wrong_type = WrongTypes::default();
        Reader {
            file,
            text,
            diags,
            wrong_type,
        }
    }

    /// Starts reading a table's own fields: reports its unknown keys, and gives back what
    /// was noted of the table around it, for [`Self::end_table`].
    fn begin_table(&mut self, t: &DeTable, known: &[String], context: &str) -> WrongTypes {
        self.keys(t, known, context);
        std::mem::take(&mut self.wrong_type)
    }

    /// The keys of the wrong type met since [`Self::begin_table`]; the table `around`
    /// is read on.
    fn end_table(&mut self, around: WrongTypes) -> WrongTypes {
        std::mem::replace(&mut self.wrong_type, around)
    }

    fn document<'i>(&mut self, text: &'i str) -> Option<DeTable<'i>> {
        match DeTable::parse(text) {
            Ok(doc) => Some(doc.into_inner()),
            Err(error) => {
                let span = error.span().unwrap_or_else(|| deepest_line(text));
                let message = error.message().trim_end().replace('\n', "; ");
                self.push(Diagnostic::new(
                    Code::Syntax,
                    self.file,
                    span,
                    format!("invalid TOML: {message}"),
                ));
                None
            }
        }
    }

    fn header(&mut self, span: Range<usize>, t: &DeTable) -> RawHeader {
        let around = self.begin_table(t, &HEADER_KEYS, "`[plan]`");
        RawHeader {
            span,
            number: self.string(t, "number"),
            kind: self.string(t, "kind"),
            title: self.string(t, "title"),
            issuer: self.string(t, "issuer"),
            issued: self.date(t, "issued"),
            signer: self.string(t, "signer"),
            implements: self
                .strings(t, "implements")
                .map_or_else(Vec::new, Sp::into_inner),
            monitor: self.string(t, "monitor"),
            source: self.string(t, "source"),
            note: self.string(t, "note"),
            closed: self.date(t, "closed"),
            closed_by: self.string(t, "closed_by"),
            wrong_type: self.end_table(around),
        }
    }

    /// The `[[….progress]]` entries of a task or milestone.
    fn progress(&mut self, t: &DeTable, context: &str) -> Vec<RawProgress> {
        self.tables(t, "progress")
            .into_iter()
            .map(|(span, p)| {
                let around = self.begin_table(p, &PROGRESS_KEYS, context);
                RawProgress {
                    span,
                    on: self.date(p, "on"),
                    status: self.string(p, "status"),
                    note: self.string(p, "note"),
                    occurrence: self.date(p, "occurrence"),
                    wrong_type: self.end_table(around),
                }
            })
            .collect()
    }

    /// The `[[….extension]]` entries of a task or milestone.
    fn extensions(&mut self, t: &DeTable, context: &str) -> Vec<RawExtension> {
        self.tables(t, "extension")
            .into_iter()
            .map(|(span, e)| {
                let around = self.begin_table(e, &EXTENSION_KEYS, context);
                RawExtension {
                    span,
                    on: self.date(e, "on"),
                    from: self.string(e, "from"),
                    to: self.string(e, "to"),
                    by: self.string(e, "by"),
                    wrong_type: self.end_table(around),
                }
            })
            .collect()
    }

    fn task(&mut self, span: Range<usize>, t: &DeTable) -> RawTask {
        let around = self.begin_table(t, &TASK_KEYS, "a `[[task]]`");
        let milestones = self
            .tables(t, "milestone")
            .into_iter()
            .map(|(span, m)| {
                let around = self.begin_table(m, &MILESTONE_KEYS, "a `[[task.milestone]]`");
                RawMilestone {
                    span,
                    what: self.string(m, "what"),
                    deadline: self.string(m, "deadline"),
                    due: self.date(m, "due"),
                    status: self.string(m, "status"),
                    done: self.date(m, "done"),
                    note: self.string(m, "note"),
                    progress: self.progress(m, "a `[[task.milestone.progress]]`"),
                    extensions: self.extensions(m, "a `[[task.milestone.extension]]`"),
                    wrong_type: self.end_table(around),
                }
            })
            .collect();
        RawTask {
            span,
            id: self.string(t, "id"),
            section: self.string(t, "section"),
            content: self.string(t, "content"),
            lead: self.strings(t, "lead"),
            support: self.strings(t, "support"),
            deadline: self.string(t, "deadline"),
            due: self.date(t, "due"),
            product: self.string(t, "product"),
            note: self.string(t, "note"),
            status: self.string(t, "status"),
            done: self.date(t, "done"),
            progress: self.progress(t, "a `[[task.progress]]`"),
            extensions: self.extensions(t, "a `[[task.extension]]`"),
            milestones,
            wrong_type: self.end_table(around),
        }
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
    }

    /// Reports every key of `table` that is not in `known`.
    fn keys(&mut self, table: &DeTable, known: &[String], context: &str) {
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if known.iter().any(|k| k == name) {
                continue;
            }
            let mut d = Diagnostic::new(
                Code::UnknownKey,
                self.file,
                key.span(),
                format!("unknown key `{name}` in {context}"),
            );
            d = match diag::nearest(name, known.iter().map(String::as_str)) {
                Some(near) => d.with_label(format!("did you mean `{near}`?")),
                None => d.with_label("unknown key"),
            };
            let valid = diag::backticked(known);
            self.push(d.with_help(format!("valid keys here: {valid}")));
        }
    }

    /// A string value as NFC, with its span. TOML lets a parser normalise the line breaks
    /// of a multi-line string, so one saved on Windows reads like one saved elsewhere; a
    /// `\r\n` written as escapes in a one-line string is the author's and stays.
    fn string_value(&self, value: &str, span: Range<usize>) -> Sp<String> {
        let mut text = nfc(value);
        let written = self.text.get(span.clone()).unwrap_or_default();
        if written.starts_with("\"\"\"") || written.starts_with("'''") {
            text = text.replace("\r\n", "\n");
        }
        Spanned::new(span, text)
    }

    fn get<'t, 'i>(&self, table: &'t DeTable<'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    /// Reports a value of `key` of the wrong type, and notes the key of the table.
    fn wrong_type(&mut self, key: &'static str, value: &Spanned<DeValue>, expected: &str) {
        self.note_wrong_type(key);
        let d = Diagnostic::new(
            Code::WrongType,
            self.file,
            value.span(),
            format!(
                "`{key}` must be {expected}, found {}",
                value.get_ref().type_str()
            ),
        )
        .with_label(format!("expected {expected}"));
        self.push(d);
    }

    fn note_wrong_type(&mut self, key: &'static str) {
        if !self.wrong_type.contains(key) {
            self.wrong_type.0.push(key);
        }
    }

    fn string(&mut self, table: &DeTable, key: &'static str) -> Option<Sp<String>> {
        let value = self.get(table, key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(self.string_value(s, value.span())),
            _ => {
                self.wrong_type(key, value, "a string");
                None
            }
        }
    }

    /// A list of strings; a single string is accepted as a list of one.
    fn strings(&mut self, table: &DeTable, key: &'static str) -> Option<SpList> {
        let value = self.get(table, key)?;
        let list = match value.get_ref() {
            DeValue::String(s) => vec![self.string_value(s, value.span())],
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => out.push(self.string_value(s, item.span())),
                        _ => self.wrong_type(key, item, "a list of strings"),
                    }
                }
                out
            }
            _ => {
                self.wrong_type(key, value, "a list of strings");
                return None;
            }
        };
        Some(Spanned::new(value.span(), list))
    }

    /// A unit's `aliases`: strings, or tables `{ name, from, until }`; a single string is
    /// accepted as a list of one.
    fn aliases(&mut self, table: &DeTable) -> Vec<RawAlias> {
        const KEY: &str = "aliases";
        const EXPECTED: &str = "a list of strings or `{ name = …, from = …, until = … }`";
        let Some(value) = self.get(table, KEY) else {
            return Vec::new();
        };
        let items: Vec<&Spanned<DeValue>> = match value.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            DeValue::String(_) => vec![value],
            _ => {
                self.wrong_type(KEY, value, EXPECTED);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => out.push(RawAlias {
                    span: item.span(),
                    name: Some(self.string_value(s, item.span())),
                    from: None,
                    until: None,
                    wrong_type: WrongTypes::default(),
                }),
                DeValue::Table(t) => {
                    let around = self.begin_table(t, &ALIAS_KEYS, "an alias");
                    out.push(RawAlias {
                        span: item.span(),
                        name: self.string(t, "name"),
                        from: self.date(t, "from"),
                        until: self.date(t, "until"),
                        wrong_type: self.end_table(around),
                    });
                }
                _ => self.wrong_type(KEY, item, EXPECTED),
            }
        }
        out
    }

    fn date(&mut self, table: &DeTable, key: &'static str) -> Option<Sp<NaiveDate>> {
        let value = self.get(table, key)?;
        let date = match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.date,
            _ => None,
        };
        let parsed =
            date.and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()));
        match parsed {
            Some(d) => Some(Spanned::new(value.span(), d)),
            None => {
                self.note_wrong_type(key);
                let hint = match value.get_ref() {
                    DeValue::String(s) if s.parse::<NaiveDate>().is_ok() => {
                        format!("write it without quotes: `{key} = {s}`")
                    }
                    _ => format!("write a TOML date such as `{key} = 2017-03-31`"),
                };
                let d = Diagnostic::new(
                    Code::WrongType,
                    self.file,
                    value.span(),
                    format!(
                        "`{key}` must be a date (YYYY-MM-DD), found {}",
                        value.get_ref().type_str()
                    ),
                )
                .with_label("expected a date")
                .with_help(hint);
                self.push(d);
                None
            }
        }
    }

    fn table<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &'static str,
    ) -> Option<(Range<usize>, &'t DeTable<'i>)> {
        let value = self.get(table, key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some((value.span(), t)),
            _ => {
                self.wrong_type(key, value, &format!("a table `[{key}]`"));
                None
            }
        }
    }

    fn tables<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &'static str,
    ) -> Vec<(Range<usize>, &'t DeTable<'i>)> {
        let Some(value) = self.get(table, key) else {
            return Vec::new();
        };
        let expected = format!("an array of tables `[[{key}]]`");
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, &expected);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((item.span(), t)),
                _ => self.wrong_type(key, item, &expected),
            }
        }
        out
    }
}

/// Where an error without a location most likely is: the toml parser gives up on
/// nesting too deep without saying where, and the most deeply nested line is where.
fn deepest_line(text: &str) -> Range<usize> {
    let mut best = (0, 0..0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let depth = line
            .chars()
            .filter(|c| matches!(c, '.' | '[' | '{'))
            .count();
        if depth > best.0 {
            best = (depth, start..start + line.trim_end().len());
        }
        start += line.len();
    }
    best.1.start..best.1.start
}

#[cfg(test)]
mod tests;

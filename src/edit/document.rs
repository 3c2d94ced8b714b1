//! The plan file as toml_edit holds it: its framing (byte-order mark, line endings), the
//! task or milestone table an edit touches, and the changes applied to it so that every
//! other byte stays as it was.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::{Op, Scalar, TablePath};

const BOM: &str = "\u{feff}";

/// A plan file's text without what toml_edit would not keep: its byte-order mark and its
/// CRLF line endings (toml_edit writes every line ending it parsed as LF), to be put back.
pub(super) struct Framing {
    bom: bool,
    crlf: bool,
}

impl Framing {
    /// Splits `text` into its framing and the LF text to edit. CRLF counts only when every
    /// line ends so: a file that mixes both is edited as it is.
    pub fn of(text: &str) -> (Framing, String) {
        let (bom, text) = match text.strip_prefix(BOM) {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let lines = text.matches('\n').count();
        let crlf = lines > 0 && text.matches("\r\n").count() == lines;
        let text = if crlf {
            text.replace("\r\n", "\n")
        } else {
            text.to_string()
        };
        (Framing { bom, crlf }, text)
    }

    /// The edited LF text, framed as the original was.
    pub fn restore(&self, text: &str) -> String {
        let text = if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text.to_string()
        };
        if self.bom {
            format!("{BOM}{text}")
        } else {
            text
        }
    }
}

/// Applies `ops` to the table at `path` of the document.
pub(super) fn apply(doc: &mut DocumentMut, path: TablePath, ops: &[Op]) -> Result<(), String> {
    double_positions(doc.as_table_mut());
    let table = target(doc, path)?;
    for op in ops {
        match op {
            Op::Set(key, value) => set(table, key, value),
            Op::Remove(key) => remove(table, key)?,
            Op::Append(key, fields) => append(table, key, fields)?,
            Op::Insert(key, index, fields) => insert(table, key, *index, fields)?,
        }
    }
    Ok(())
}

/// The task (or its milestone) the path names.
fn target(doc: &mut DocumentMut, path: TablePath) -> Result<&mut Table, String> {
    let tasks = tables_of(doc.as_table_mut(), "task")?;
    let task = tasks
        .get_mut(path.task)
        .ok_or_else(|| format!("no task at index {}", path.task))?;
    match path.milestone {
        None => Ok(task),
        Some(m) => tables_of(task, "milestone")?
            .get_mut(m)
            .ok_or_else(|| format!("no milestone at index {m}")),
    }
}

/// An array of `[[key]]` tables; an inline array of inline tables is not edited in place.
fn tables_of<'t>(table: &'t mut Table, key: &str) -> Result<&'t mut ArrayOfTables, String> {
    match table.get_mut(key) {
        Some(Item::ArrayOfTables(tables)) => Ok(tables),
        _ => Err(format!(
            "`{key}` is not written as `[[{key}]]` tables, which are the only ones edited in place"
        )),
    }
}

/// Tables are laid out by their place in the document. Doubling every place leaves an odd
/// one free after each table, so a new entry goes exactly after the table it follows.
fn double_positions(table: &mut Table) {
    if let Some(position) = table.position() {
        table.set_position(Some(position * 2));
    }
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => double_positions(t),
            Item::ArrayOfTables(tables) => tables.iter_mut().for_each(double_positions),
            _ => {}
        }
    }
}

/// The order of a task's and a milestone's keys in DESIGN §1, which a key that was not
/// written takes among those that were.
const ORDER: &[&str] = &[
    "id", "section", "what", "content", "lead", "support", "deadline", "due", "product", "note",
    "status", "done",
];

fn set(table: &mut Table, key: &str, value: &Scalar) {
    let mut value = toml_value(value);
    if let Some(Item::Value(old)) = table.get_mut(key) {
        // The old value's surroundings hold its spacing and a comment after it.
        *value.decor_mut() = old.decor().clone();
        *old = value;
        return;
    }
    let rank = |k: &str| ORDER.iter().position(|o| *o == k);
    let after = rank(key).and_then(|own| {
        let keys = table.iter().map(|(k, _)| k.to_string()).collect::<Vec<_>>();
        keys.into_iter()
            .rev()
            .find(|k| rank(k).is_some_and(|r| r < own))
    });
    table.insert(key, Item::Value(value));
    let place: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let index = |k: &str| {
        let i = place.iter().position(|p| p == k).unwrap_or(0) as f64;
        match (k == key, &after) {
            (true, Some(after)) => place.iter().position(|p| p == after).unwrap_or(0) as f64 + 0.5,
            (true, None) => -0.5,
            _ => i,
        }
    };
    table.sort_values_by(|a, _, b, _| index(a.get()).total_cmp(&index(b.get())));
}

/// Removes a key. A comment on the lines above it moves to the next key; a comment after
/// its value has nowhere to go, so the edit is refused.
fn remove(table: &mut Table, key: &str) -> Result<(), String> {
    let Some(Item::Value(value)) = table.get(key) else {
        return Ok(());
    };
    let trailing = value
        .decor()
        .suffix()
        .and_then(|s| s.as_str())
        .unwrap_or("");
    if trailing.contains('#') {
        return Err(format!(
            "`{key}` has a comment after its value ({}), which removing it would lose: move the comment and run again",
            trailing.trim()
        ));
    }
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let next = keys
        .iter()
        .skip_while(|k| *k != key)
        .nth(1)
        .filter(|k| matches!(table.get(k), Some(Item::Value(_))))
        .cloned();
    let Some((removed, _)) = table.remove_entry(key) else {
        return Ok(());
    };
    let above = removed
        .leaf_decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_string();
    if above.contains('#') {
        let Some(mut next) = next.as_deref().and_then(|k| table.key_mut(k)) else {
            return Err(format!(
                "`{key}` has a comment above it, which removing it would lose: move the comment and run again"
            ));
        };
        let own = next
            .leaf_decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string();
        next.leaf_decor_mut().set_prefix(format!("{above}{own}"));
    }
    Ok(())
}

/// Appends an entry to the `[[…]]` tables under `key`, laid out after the table's last
/// entry of that kind, else after the table and its other history entries, so that it
/// comes before the task's milestones and the next task.
fn append(table: &mut Table, key: &str, fields: &[(&str, Scalar)]) -> Result<(), String> {
    let last_of = |table: &Table, k: &str| match table.get(k) {
        Some(Item::ArrayOfTables(tables)) => tables.iter().filter_map(Table::position).max(),
        _ => None,
    };
    let others = ["progress", "extension"]
        .into_iter()
        .filter_map(|k| last_of(table, k));
    let anchor = last_of(table, key)
        .or_else(|| table.position().into_iter().chain(others).max())
        .unwrap_or(0);
    let mut entry = Table::new();
    for (k, v) in fields {
        entry.insert(k, Item::Value(toml_value(v)));
    }
    entry.set_position(Some(anchor + 1));
    match table.get_mut(key) {
        Some(Item::ArrayOfTables(tables)) => tables.push(entry),
        None => {
            let mut tables = ArrayOfTables::new();
            tables.push(entry);
            table.insert(key, Item::ArrayOfTables(tables));
        }
        Some(_) => {
            return Err(format!(
                "`{key}` is not written as `[[…{key}]]` tables, which are the only ones edited in place"
            ));
        }
    }
    Ok(())
}

/// Inserts an entry into the `[[…]]` tables under `key` before the one at `index`, laid
/// out just before it (positions are doubled, so the one before it is free).
fn insert(
    table: &mut Table,
    key: &str,
    index: usize,
    fields: &[(&str, Scalar)],
) -> Result<(), String> {
    let Some(Item::ArrayOfTables(tables)) = table.get_mut(key) else {
        return Err(format!(
            "`{key}` is not written as `[[…{key}]]` tables, which are the only ones edited in place"
        ));
    };
    let position = tables
        .get(index)
        .and_then(Table::position)
        .ok_or_else(|| format!("no `{key}` entry at index {index} to insert before"))?;
    let mut entry = Table::new();
    for (k, v) in fields {
        entry.insert(k, Item::Value(toml_value(v)));
    }
    entry.set_position(Some(position.saturating_sub(1)));
    tables.insert(index, entry);
    Ok(())
}

fn toml_value(value: &Scalar) -> Value {
    let repr = match value {
        Scalar::Text(text) => basic_string(text),
        Scalar::Date(day) => day.format("%Y-%m-%d").to_string(),
    };
    // Both forms are valid TOML values by construction.
    repr.parse()
        .unwrap_or_else(|_| Value::from(repr.trim_matches('"')))
}

/// A one-line basic string as the plan files write them ("…" with `\"` and `\\`): toml_edit
/// would pick a literal or a multi-line string by itself, and a multi-line one's line
/// breaks would turn into CRLF with the file's.
pub(super) fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_is_put_back_as_it_was() {
        for text in [
            "a = 1\r\nb = 2\r\n",
            "\u{feff}a = 1\n",
            "a = 1\r\nb = 2\n",
            "",
        ] {
            let (framing, inner) = Framing::of(text);
            assert!(!inner.starts_with(BOM));
            assert_eq!(framing.restore(&inner), text);
        }
        let (framing, inner) = Framing::of("\u{feff}a = 1\r\n");
        assert_eq!(inner, "a = 1\n");
        assert_eq!(
            framing.restore("a = 1\nb = 2\n"),
            "\u{feff}a = 1\r\nb = 2\r\n"
        );
    }

    #[test]
    fn strings_are_one_line_basic_strings() {
        let text = "Đã xong \"đợt 1\"\nC:\\tệp\t\u{7}";
        let written = basic_string(text);
        assert_eq!(written, r#""Đã xong \"đợt 1\"\nC:\\tệp\t\u0007""#);
        let parsed: toml::Table = toml::from_str(&format!("a = {written}")).unwrap();
        assert_eq!(parsed["a"].as_str(), Some(text));
    }
}

//! What an edit is allowed to have changed: the file read back must equal the original
//! with the intended changes made, and keep every comment line in its order. toml_edit
//! is trusted with the layout, not with the content.

use chrono::Datelike;
use toml::{Table, Value};

use super::{Op, Scalar, TablePath};

/// Compares `after` with `before` changed by `ops` at `path`; the first difference found.
pub(super) fn same_but_for(
    before: &str,
    after: &str,
    path: TablePath,
    ops: &[Op],
) -> Result<(), String> {
    let parse = |text: &str, which: &str| {
        toml::from_str::<Table>(text).map_err(|e| format!("the {which} text does not parse: {e}"))
    };
    let mut expected = parse(before, "original")?;
    let actual = parse(after, "edited")?;
    let target = target(&mut expected, path).ok_or("the task is not where it was found")?;
    for op in ops {
        match op {
            Op::Set(key, value) => {
                target.insert(key.to_string(), toml_value(value));
            }
            Op::Remove(key) => {
                target.remove(*key);
            }
            Op::Append(key, fields) | Op::Insert(key, _, fields) => {
                let entry: Table = fields
                    .iter()
                    .map(|(k, v)| (k.to_string(), toml_value(v)))
                    .collect();
                let list = target
                    .entry(key.to_string())
                    .or_insert_with(|| Value::Array(Vec::new()));
                let Value::Array(list) = list else {
                    return Err(format!("`{key}` is not a list"));
                };
                match op {
                    Op::Insert(_, index, _) if *index <= list.len() => {
                        list.insert(*index, Value::Table(entry));
                    }
                    _ => list.push(Value::Table(entry)),
                }
            }
        }
    }
    if let Some(key) = first_difference(&expected, &actual) {
        return Err(format!(
            "the edited file differs from the original at `{key}`, which the edit does not touch"
        ));
    }
    comments_kept(before, after)
}

fn target(table: &mut Table, path: TablePath) -> Option<&mut Table> {
    let task = match table.get_mut("task")? {
        Value::Array(tasks) => tasks.get_mut(path.task)?.as_table_mut()?,
        _ => return None,
    };
    match path.milestone {
        None => Some(task),
        Some(m) => match task.get_mut("milestone")? {
            Value::Array(stages) => stages.get_mut(m)?.as_table_mut(),
            _ => None,
        },
    }
}

fn toml_value(value: &Scalar) -> Value {
    match value {
        Scalar::Text(text) => Value::String(text.clone()),
        Scalar::Date(day) => {
            // Plan dates are checked to lie within years 1900 to 2199.
            let date = toml::value::Date {
                year: u16::try_from(day.year()).unwrap_or_default(),
                month: day.month() as u8,
                day: day.day() as u8,
            };
            Value::Datetime(toml::value::Datetime {
                date: Some(date),
                time: None,
                offset: None,
            })
        }
    }
}

/// The dotted path of the first value that differs, if any.
fn first_difference(expected: &Table, actual: &Table) -> Option<String> {
    let keys = expected
        .keys()
        .chain(actual.keys().filter(|k| !expected.contains_key(*k)));
    for key in keys {
        let found = match (expected.get(key), actual.get(key)) {
            (Some(a), Some(b)) => differs(a, b),
            _ => Some(String::new()),
        };
        if let Some(inner) = found {
            return Some(format!("{key}{inner}"));
        }
    }
    None
}

fn differs(expected: &Value, actual: &Value) -> Option<String> {
    match (expected, actual) {
        (Value::Table(a), Value::Table(b)) => first_difference(a, b).map(|k| format!(".{k}")),
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (a, b))| differs(a, b).map(|k| format!("[{i}]{k}"))),
        (a, b) if a == b => None,
        _ => Some(String::new()),
    }
}

/// Every line of `before` that is only a comment is in `after`, in the same order.
pub(super) fn comments_kept(before: &str, after: &str) -> Result<(), String> {
    let comments = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    let mut kept = comments(after).into_iter();
    for comment in comments(before) {
        if !kept.any(|c| c == comment) {
            return Err(format!("the comment `{comment}` would be lost"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_must_stay_in_order() {
        assert!(comments_kept("# a\nx = 1\n# b\n", "# a\ny = 2\n  # b\n").is_ok());
        assert!(comments_kept("# a\n# b\n", "# b\n# a\n").is_err());
        assert!(comments_kept("# a\n", "a = '# a'\n").is_err());
    }

    #[test]
    fn a_change_beyond_the_intended_keys_is_found() {
        let before = "[[task]]\nid = \"1\"\nnote = \"a\"\n";
        let path = TablePath {
            task: 0,
            milestone: None,
        };
        let set = [Op::Set("status", Scalar::Text("done".into()))];
        let after = "[[task]]\nid = \"1\"\nnote = \"a\"\nstatus = \"done\"\n";
        assert_eq!(same_but_for(before, after, path, &set), Ok(()));
        let wrong = "[[task]]\nid = \"1\"\nnote = \"b\"\nstatus = \"done\"\n";
        let error = same_but_for(before, wrong, path, &set).unwrap_err();
        assert!(error.contains("`task[0].note`"), "{error}");
    }
}

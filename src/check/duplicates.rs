//! Rule 2, the one rule over the whole tree: (issuer, number) is unique, since a số hiệu
//! is unique only within its issuing body.

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{Code, Diagnostic};
use crate::source::FileId;
use crate::units;

use super::PlanKey;

/// Both files of every pair of plans that share an issuer and a number (compared as people
/// read them: issuer folded like unit names, number trimmed and in lower case).
pub(super) fn duplicate_plans<'t>(
    plans: &[(FileId, &PlanKey)],
    path: impl Fn(FileId) -> &'t Path,
) -> Vec<Diagnostic> {
    let mut first_of: HashMap<(String, String), usize> = HashMap::new();
    let mut found = Vec::new();
    for (i, &(file, key)) in plans.iter().enumerate() {
        let folded = (units::fold(&key.issuer), key.number.trim().to_lowercase());
        let first = *first_of.entry(folded).or_insert(i);
        if first == i {
            continue;
        }
        let (first_file, first_key) = plans[first];
        for (at, here, other) in [(file, key, first_file), (first_file, first_key, file)] {
            found.push(
                Diagnostic::new(
                    Code::DuplicatePlan,
                    at,
                    here.span.clone(),
                    format!(
                        "plan `{}` of `{}` is also defined in `{}`",
                        here.number,
                        here.issuer,
                        path(other).display()
                    ),
                )
                .with_label("number used twice by one issuer"),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::check::check_file;
    use crate::check::testing::{HEADER, clock, render};

    #[test]
    fn a_number_is_unique_per_issuer_as_people_read_it() {
        let key = |issuer: &str, number: &str| PlanKey {
            issuer: issuer.into(),
            number: number.into(),
            span: 0..1,
        };
        let keys = [
            key("BHXH Việt Nam", "12/KH-BHXH"),
            key("BHXH Viet Nam", " 12/kh-bhxh"),
            key("BHXH tỉnh Quảng Ngãi", "12/KH-BHXH"),
            key("BHXH Việt Nam", "13/KH-BHXH"),
        ];
        let plans: Vec<(FileId, &PlanKey)> = keys.iter().enumerate().collect();
        let path = std::path::PathBuf::from("p.toml");
        let found: Vec<(FileId, String)> = duplicate_plans(&plans, |_| &path)
            .into_iter()
            .map(|d| (d.file, d.message))
            .collect();
        let message = |number: &str, issuer: &str| {
            format!("plan `{number}` of `{issuer}` is also defined in `p.toml`")
        };
        assert_eq!(
            found,
            [
                (1, message(" 12/kh-bhxh", "BHXH Viet Nam")),
                (0, message("12/KH-BHXH", "BHXH Việt Nam")),
            ]
        );
    }

    #[test]
    fn both_files_of_a_duplicate_are_reported_on_their_number() {
        let other = HEADER.replace("[plan]\n", "[plan]\nissuer = \"BHXH Việt Nam\"\n");
        let files = [("a.toml", HEADER), ("sub/b.toml", other.as_str())];
        let registry = units::Registry::default();
        let checked: Vec<_> = files
            .iter()
            .enumerate()
            .map(|(id, (_, text))| check_file(id, text.as_bytes(), &registry, clock()))
            .collect();
        let keys: Vec<(FileId, &PlanKey)> = checked
            .iter()
            .enumerate()
            .map(|(id, c)| (id, c.key.as_ref().unwrap()))
            .collect();
        let paths = files.map(|(path, _)| std::path::PathBuf::from(path));
        let found = duplicate_plans(&keys, |file| &paths[file]);
        assert_snapshot!(render(&files, found));
    }
}

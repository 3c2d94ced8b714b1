//! Rule 7: a value that is only the ditto mark `nt` ("như trên", same as above) is an
//! error: the transcriber writes the value of the row above.

use crate::diag::{Code, Diagnostic};
use crate::raw::Sp;
use crate::units;

use super::plan::PlanChecker;

/// True for a value that is only the ditto mark: "nt" (như trên), "như trên".
pub(super) fn is_ditto(text: &str) -> bool {
    // "như trên" with spaces and dots is at most a couple dozen bytes; longer text is not
    // a ditto mark, and folding every content would cost more than the rest of a check.
    let text = text.trim();
    if text.len() > 24
        || !text.starts_with(['n', 'N'])
        || text.contains(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let folded = units::fold(text);
    folded == "nt" || folded == "nhutren"
}

impl PlanChecker<'_> {
    /// Refuses `value` of `key` when it is only the ditto mark.
    pub(super) fn ditto(&mut self, value: &Sp<String>, key: &str) {
        if is_ditto(value.get_ref()) {
            self.push(
                Diagnostic::new(
                    Code::Ditto,
                    self.file,
                    value.span(),
                    format!(
                        "`{key}` is only the ditto mark `{}`",
                        value.get_ref().trim()
                    ),
                )
                .with_label("write the value of the row above")
                .with_help("\"nt\" (như trên) means \"same as above\": copy that value here"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::check::testing::{plan, rendered};

    #[test]
    fn ditto_marks_are_recognised_in_their_spellings() {
        for ditto in ["nt", "NT", " nt. ", "Như trên", "n.t"] {
            assert!(is_ditto(ditto), "{ditto}");
        }
        assert!(!is_ditto("Năm 2017"));
    }

    #[test]
    fn a_value_that_is_only_the_ditto_mark_is_refused_wherever_it_is() {
        assert_snapshot!(rendered(&plan(
            r#"
[[task]]
id = "1"
content = "Như trên"
lead = ["nt"]
support = ["PC", "Như trên"]
deadline = "n.t"
note = "NT"

[[task.milestone]]
what = "nt."
"#
        )));
    }
}

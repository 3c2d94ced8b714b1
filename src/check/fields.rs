//! What every rule reads a field with: a required one (absent, or written but empty, is
//! E006), an optional one, and one whose value comes from a fixed set (else E005).

use std::ops::Range;

use crate::diag::{self, Code, Diagnostic};
use crate::raw::{Sp, WrongTypes};
use crate::source::FileId;

use super::plan::PlanChecker;

/// `key` is absent from `context`, or written but empty; `span` is the value when it is
/// written, else the place of the table (or of the task's `id`) that lacks it.
pub(super) fn missing(file: FileId, span: Range<usize>, key: &str, context: &str) -> Diagnostic {
    Diagnostic::new(
        Code::MissingField,
        file,
        span,
        format!("{context} needs a non-empty `{key}`"),
    )
    .with_label(format!("`{key}` missing or empty here"))
}

/// `value` of `key` is none of `valid`; names the nearest.
pub(super) fn not_one_of(
    file: FileId,
    value: &Sp<String>,
    key: &str,
    valid: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        Code::WrongType,
        file,
        value.span(),
        format!("`{key}` cannot be `{}`", value.get_ref()),
    )
    .with_help(format!("valid values: {}", diag::backticked(valid)));
    match diag::nearest(value.get_ref(), valid.iter().copied()) {
        Some(near) => d.with_label(format!("did you mean `{near}`?")),
        None => d,
    }
}

/// An optional text as written, with no rule on it.
pub(super) fn text(field: &Option<Sp<String>>) -> Option<String> {
    field.as_ref().map(|s| s.get_ref().clone())
}

impl PlanChecker<'_> {
    /// A required non-empty string; `nt` is refused. An absent one is reported at
    /// `owner`, unless the reader found it written with the wrong type (`wrong_type` of
    /// its table) and said so: "missing" too would mislead.
    pub(super) fn required(
        &mut self,
        field: &Option<Sp<String>>,
        wrong_type: &WrongTypes,
        owner: Range<usize>,
        key: &str,
        context: &str,
    ) -> Option<String> {
        match field {
            Some(v) => self.required_present(v, key, context),
            None if wrong_type.contains(key) => None,
            None => {
                self.push(missing(self.file, owner, key, context));
                None
            }
        }
    }

    /// [`Self::required`] of a value that is present.
    pub(super) fn required_present(
        &mut self,
        value: &Sp<String>,
        key: &str,
        context: &str,
    ) -> Option<String> {
        if value.get_ref().trim().is_empty() {
            self.push(missing(self.file, value.span(), key, context));
            return None;
        }
        self.ditto(value, key);
        Some(value.get_ref().clone())
    }

    /// An optional string; `nt` is refused.
    pub(super) fn optional(&mut self, field: &Option<Sp<String>>, key: &str) -> Option<String> {
        let value = field.as_ref()?;
        self.ditto(value, key);
        Some(value.get_ref().clone())
    }

    /// [`Self::optional`], moving the text out of `field` (its span stays).
    pub(super) fn optional_moved(
        &mut self,
        field: &mut Option<Sp<String>>,
        key: &str,
    ) -> Option<String> {
        let value = field.as_mut()?;
        self.ditto(value, key);
        Some(std::mem::take(value.get_mut()))
    }
}

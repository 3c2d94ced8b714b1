//! Which words of a text changed: a longest common subsequence over the words, so that a
//! reviewer sees "Quý [-I-] {+II+}/2024" rather than two paragraphs to compare by eye.

use serde::Serialize;

/// A run of words the two texts share, or that only one of them has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum Piece {
    Same(String),
    Removed(String),
    Added(String),
}

/// Beyond this many words on both sides the table of common subsequences would be large;
/// such a text is shown as replaced whole.
const MAX_CELLS: usize = 4_000_000;

/// The words of `before` and `after` as runs of shared, removed and added words, in
/// reading order (removed before added where both replace the same place).
pub fn word_diff(before: &str, after: &str) -> Vec<Piece> {
    let old: Vec<&str> = before.split_whitespace().collect();
    let new: Vec<&str> = after.split_whitespace().collect();
    let mut pieces = Vec::new();
    if old.len().saturating_mul(new.len()) > MAX_CELLS {
        push(&mut pieces, Piece::Removed(old.join(" ")));
        push(&mut pieces, Piece::Added(new.join(" ")));
        return pieces;
    }
    // common[i][j]: the longest common subsequence of old[i..] and new[j..].
    let width = new.len() + 1;
    let mut common = vec![0u32; (old.len() + 1) * width];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i * width + j] = if old[i] == new[j] {
                common[(i + 1) * width + j + 1] + 1
            } else {
                common[(i + 1) * width + j].max(common[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            push(&mut pieces, Piece::Same(old[i].to_string()));
            (i, j) = (i + 1, j + 1);
        } else if j == new.len()
            || (i < old.len() && common[(i + 1) * width + j] >= common[i * width + j + 1])
        {
            push(&mut pieces, Piece::Removed(old[i].to_string()));
            i += 1;
        } else {
            push(&mut pieces, Piece::Added(new[j].to_string()));
            j += 1;
        }
    }
    order_replacements(&mut pieces);
    pieces.retain(|p| !p.text().is_empty());
    pieces
}

impl Piece {
    /// The words of the run.
    pub fn text(&self) -> &str {
        match self {
            Piece::Same(t) | Piece::Removed(t) | Piece::Added(t) => t,
        }
    }
}

/// Adds a word, joining it to the run before when that is of the same kind.
fn push(pieces: &mut Vec<Piece>, piece: Piece) {
    let joined = match (pieces.last_mut(), &piece) {
        (Some(Piece::Same(run)), Piece::Same(word))
        | (Some(Piece::Removed(run)), Piece::Removed(word))
        | (Some(Piece::Added(run)), Piece::Added(word)) => {
            if !run.is_empty() {
                run.push(' ');
            }
            run.push_str(word);
            true
        }
        _ => false,
    };
    if !joined {
        pieces.push(piece);
    }
}

/// Between two shared runs, the removed words read first, then the added ones.
fn order_replacements(pieces: &mut Vec<Piece>) {
    let mut ordered: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut removed = String::new();
    let mut added = String::new();
    let flush = |ordered: &mut Vec<Piece>, removed: &mut String, added: &mut String| {
        if !removed.is_empty() {
            ordered.push(Piece::Removed(std::mem::take(removed)));
        }
        if !added.is_empty() {
            ordered.push(Piece::Added(std::mem::take(added)));
        }
    };
    for piece in pieces.drain(..) {
        match piece {
            Piece::Same(_) => {
                flush(&mut ordered, &mut removed, &mut added);
                ordered.push(piece);
            }
            Piece::Removed(text) => join(&mut removed, &text),
            Piece::Added(text) => join(&mut added, &text),
        }
    }
    flush(&mut ordered, &mut removed, &mut added);
    *pieces = ordered;
}

fn join(run: &mut String, text: &str) {
    if !run.is_empty() {
        run.push(' ');
    }
    run.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use Piece::*;

    fn s(text: &str) -> String {
        text.to_string()
    }

    #[test]
    fn a_changed_word_is_removed_then_added_between_shared_runs() {
        assert_eq!(
            word_diff(
                "Xây dựng kế hoạch kiểm soát TTHC năm 2024",
                "Xây dựng đề án kiểm soát TTHC năm 2025"
            ),
            [
                Same(s("Xây dựng")),
                Removed(s("kế hoạch")),
                Added(s("đề án")),
                Same(s("kiểm soát TTHC năm")),
                Removed(s("2024")),
                Added(s("2025")),
            ]
        );
    }

    #[test]
    fn words_only_added_or_only_removed() {
        assert_eq!(
            word_diff("a b", "a x b y"),
            [Same(s("a")), Added(s("x")), Same(s("b")), Added(s("y"))]
        );
        assert_eq!(word_diff("a b c", ""), [Removed(s("a b c"))]);
        assert_eq!(word_diff("", "a"), [Added(s("a"))]);
        assert_eq!(word_diff("a  b\nc", "a b c"), [Same(s("a b c"))]);
    }
}

//! What a name can stand for in a document, worked out once per name and kind
//! of mention (see [`Resolver::resolve_name`](super::Resolver::resolve_name)).
use super::{Cand, Resolved};

pub(super) type FitsKey = (Vec<String>, Option<&'static str>, bool, Option<&'static str>);

/// The names in the document that a name can stand for (those
/// [`Resolver::resolve_name`](super::Resolver::resolve_name) keeps): all that does not depend on where the
/// name is mentioned, worked out once.
pub(super) struct Fits {
    /// The most complete of them (most words, then written with a lower-case
    /// word), in lookup order.
    complete: Vec<usize>,
    /// Their mentions (see [`mention_index`]; of two at one word, the first
    /// mentioned).
    mentions: Vec<(usize, usize)>,
    /// The one taken when none is mentioned before the name: the first mentioned.
    first: Option<usize>,
    /// For a one-word name, the full names ending with it.
    pub(super) namesakes: Option<Namesakes>,
}

impl Fits {
    /// `fits`: the candidates that fit, in lookup order; `namesakes`: for a
    /// one-word name.
    pub(super) fn new(cands: &[Cand], fits: Vec<usize>, namesakes: Option<Namesakes>) -> Fits {
        let class = |i: usize| (cands[i].key.len(), cands[i].text.chars().any(char::is_lowercase));
        let top = fits.iter().map(|&i| class(i)).max();
        let complete: Vec<usize> = fits.into_iter().filter(|&i| Some(class(i)) == top).collect();
        let first = complete.iter().rev().min_by_key(|&&i| cands[i].pos).copied();
        let mentions = mention_index(cands, &complete, true);
        Fits {
            complete,
            mentions,
            first,
            namesakes,
        }
    }

    /// Of the most complete names, the one mentioned last before word `lo`, else
    /// the first mentioned (`Michelle Obama`, `Barack Obama` for `Obama`).
    pub(super) fn most_complete(&self, lo: usize) -> Option<usize> {
        let before = &self.mentions[..self.mentions.partition_point(|&(p, _)| p < lo)];
        before.last().map(|&(_, k)| self.complete[k]).or(self.first)
    }
}

/// The mentions of candidates `ids`, sorted: (word index, position in `ids`) with
/// one entry per word: of candidates mentioned at the same word, the last in
/// `ids`, or with `first_mentioned`, the one first mentioned in the document,
/// then the last in `ids`.
fn mention_index(cands: &[Cand], ids: &[usize], first_mentioned: bool) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, std::cmp::Reverse<usize>, usize)> = ids
        .iter()
        .enumerate()
        .flat_map(|(k, &i)| {
            let pos = if first_mentioned { cands[i].pos } else { 0 };
            cands[i].all.iter().map(move |&p| (p, std::cmp::Reverse(pos), k))
        })
        .collect();
    all.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    for (p, _, k) in all {
        match out.last_mut() {
            Some(last) if last.0 == p => last.1 = k,
            _ => out.push((p, k)),
        }
    }
    out
}

/// The full names a bare surname can stand for, and which of them the document
/// binds it to (the same wherever the surname is mentioned).
pub(super) struct Namesakes {
    /// Candidates of two or more words ending with the surname, in lookup order.
    ids: Vec<usize>,
    /// A surname the article has already used alone for the one full name
    /// before it keeps meaning that person when another of the surname is
    /// named later (`Fidel Castro` … `Mr. Castro` … `Rene Orley Sanchez
    /// Castro, died` … `Mr. Castro said`). Uses before any full name (a
    /// headline's `Clinton`) bind nothing.
    pub(super) established: Option<usize>,
    /// Whether two of them are different people (`O.J. Simpson`, his former
    /// wife `Nicole Brown Simpson`).
    pub(super) distinct: bool,
    /// Their mentions (see [`mention_index`]).
    mentions: Vec<(usize, usize)>,
}

impl Namesakes {
    /// `ids`: the full names; `alone`: the candidates that are the bare surname.
    pub(super) fn new<'x>(cands: &[Cand], ids: Vec<usize>, alone: impl Iterator<Item = &'x Cand>) -> Namesakes {
        let first_full = ids.iter().map(|&i| cands[i].pos).min();
        let first_alone = first_full.and_then(|full| {
            alone
                .filter_map(|c| c.all.get(c.all.partition_point(|&p| p <= full)).copied())
                .min()
        });
        let established = first_alone.and_then(|f| {
            let mut before = ids.iter().copied().filter(|&i| cands[i].pos < f);
            let one = before.next()?;
            before.all(|i| cands[i].key == cands[one].key).then_some(one)
        });
        let distinct = ids.iter().any(|&a| {
            ids.iter()
                .any(|&b| !cands[a].key.ends_with(&cands[b].key) && !cands[b].key.ends_with(&cands[a].key))
        });
        let mentions = mention_index(cands, &ids, false);
        Namesakes {
            ids,
            established,
            distinct,
            mentions,
        }
    }

    /// Of different people, the one most recently a sentence's subject before
    /// word `lo` (`subjects` sorted by word index). Walks the shorter of the two
    /// sorted lists back: thousands of mentions, or of namesakes, cost no more
    /// than the subjects do.
    pub(super) fn last_subject(&self, subjects: &[(usize, Option<Resolved>)], lo: usize) -> Option<usize> {
        let subjects = &subjects[..subjects.partition_point(|(p, _)| *p < lo)];
        let mine = &self.mentions[..self.mentions.partition_point(|&(p, _)| p < lo)];
        let k = if mine.len() <= subjects.len() {
            mine.iter()
                .rev()
                .find(|(p, _)| subjects.binary_search_by_key(p, |(q, _)| *q).is_ok())
                .map(|&(_, k)| k)
        } else {
            subjects
                .iter()
                .rev()
                .find_map(|(p, _)| mine.binary_search_by_key(p, |&(q, _)| q).ok())
                .map(|at| mine[at].1)
        };
        k.map(|k| self.ids[k])
    }
}

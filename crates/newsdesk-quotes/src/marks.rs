//! Pairing quotation marks into quoted spans.
//!
//! Works paragraph by paragraph over chars. Each double mark gets a direction
//! from its glyph and the characters around it (a straight `"` after a space
//! opens, before a space or punctuation closes). Inside a quotation a nested
//! single quote is tracked, so a scare quote opened with `‘` and wrongly
//! closed with `”` does not end the outer quotation when another closing mark
//! follows in the same paragraph. A quotation still open at the end of a
//! paragraph ends there (the next paragraph may re-open it), unless the next
//! paragraph closes it without re-opening, in which case it runs on.
use newsdesk_core::tokenize::keeps_leading_apostrophe;

/// A quoted span: `start..end` are chars between the marks (untrimmed);
/// `open`/`close` the mark positions when present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub open: Option<usize>,
    pub close: Option<usize>,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

pub fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

pub fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‛' | '`')
}

/// Space or an opening bracket/dash before a mark that opens.
fn opens_after(c: Option<char>) -> bool {
    c.map_or(true, |c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ',' | ':' | ';')
    })
}

/// Space or punctuation after a mark that closes.
fn closes_before(c: Option<char>) -> bool {
    c.map_or(true, |c| {
        c.is_whitespace() || !(c.is_alphanumeric() || is_double(c) || is_single(c) || c == '$')
    })
}

/// Direction of the mark at `i` from its neighbours, falling back to the glyph.
fn direction(chars: &[char], i: usize) -> Dir {
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + 1).copied();
    let left = opens_after(prev) && !next.map_or(true, char::is_whitespace);
    let right = !prev.map_or(true, char::is_whitespace) && closes_before(next);
    match (left, right) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ => match chars[i] {
            '“' | '„' | '«' | '‘' | '‚' | '‛' | '`' => Dir::Open,
            '”' | '»' | '’' => Dir::Close,
            _ => Dir::Either,
        },
    }
}

/// Non-blank paragraph ranges (split at newlines), as `start..end` char ranges.
fn paragraphs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || chars[i] == '\n' {
            if chars[start..i].iter().any(|c| !c.is_whitespace()) {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    out
}

/// The double marks of one paragraph with their directions. A typed-twice
/// curly mark (`““We needed`, `crush it.””`) counts once: the copy away from the
/// quoted words is dropped.
fn marks(chars: &[char], (a, b): (usize, usize)) -> Vec<(usize, Dir)> {
    (a..b)
        .filter(|&i| is_double(chars[i]) && !doubled_outer(chars, i))
        .map(|i| (i, direction(chars, i)))
        .collect()
}

/// The mark at `i` is the outer copy of a doubled curly mark: before its twin
/// when they open, after it when they close.
fn doubled_outer(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let twin = |j: usize| chars.get(j) == Some(&c);
    match c {
        '“' | '„' | '«' => twin(i + 1),
        '”' | '»' => i > 0 && twin(i - 1),
        _ => false,
    }
}

/// Last non-space char of a paragraph.
fn last_visible(chars: &[char], (a, b): (usize, usize)) -> Option<char> {
    chars[a..b].iter().rev().copied().find(|c| !c.is_whitespace())
}

/// All quoted spans of `chars`, in double and in single marks, in text order
/// (the paragraphs found once for both).
pub fn find_spans(chars: &[char]) -> Vec<Span> {
    let paras = paragraphs(chars);
    let doubles = double_spans(chars, &paras);
    with_single_spans(chars, &paras, doubles)
}

/// The spans in double marks of `chars`, whose paragraphs are `paras`, in text order.
fn double_spans(chars: &[char], paras: &[(usize, usize)]) -> Vec<Span> {
    let mut out = Vec::new();
    // A quotation carried over from the previous paragraph (opened, not closed, not re-opened).
    let mut carried: Option<usize> = None;
    for (p, &range) in paras.iter().enumerate() {
        let ms = marks(chars, range);
        let mut open = carried.take();
        let mut single_open = false;
        let mut nested = 0usize;
        let mut scan = range.0;
        for (k, &(pos, dir)) in ms.iter().enumerate() {
            if let Some(o) = open {
                // Track nested single quotes between the previous mark and this one.
                for i in scan..pos {
                    let inside_word = i > 0
                        && chars[i - 1].is_alphanumeric()
                        && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
                    if is_single(chars[i]) && !inside_word {
                        match direction(chars, i) {
                            Dir::Open => single_open = true,
                            Dir::Close => single_open = false,
                            Dir::Either => {}
                        }
                    }
                }
                // A closing mark follows before the next opening one (O(1): the next mark).
                let later_close = ms.get(k + 1).is_some_and(|(_, d)| *d != Dir::Open);
                match dir {
                    Dir::Open if later_close && chars[pos] != '"' => nested += 1,
                    _ if nested > 0 => nested -= 1,
                    _ if single_open && later_close => single_open = false,
                    _ => {
                        out.push(Span {
                            open: Some(o),
                            close: Some(pos),
                            start: o + 1,
                            end: pos,
                        });
                        open = None;
                    }
                }
            } else {
                match dir {
                    Dir::Open | Dir::Either => {
                        open = Some(pos);
                        single_open = false;
                        nested = 0;
                    }
                    // A closing mark with no opener: a quotation whose opening mark was
                    // dropped, introduced by a colon at the end of the previous paragraph
                    // or continuing a previous paragraph that was one whole quotation.
                    Dir::Close => {
                        let first = k == 0;
                        let intro = p > 0 && {
                            let prev = paras[p - 1];
                            let first_visible = chars[prev.0..prev.1].iter().copied().find(|c| !c.is_whitespace());
                            last_visible(chars, prev) == Some(':')
                                || (first_visible.is_some_and(is_double)
                                    && last_visible(chars, prev).is_some_and(is_double))
                        };
                        if first && intro {
                            out.push(Span {
                                open: None,
                                close: Some(pos),
                                start: range.0,
                                end: pos,
                            });
                        }
                    }
                }
            }
            scan = pos + 1;
        }
        if let Some(o) = open {
            let next = paras.get(p + 1).map(|&r| (r, marks(chars, r)));
            let runs_on = next.as_ref().is_some_and(|(r, m)| {
                let reopened = m
                    .first()
                    .is_some_and(|&(i, d)| d != Dir::Close && chars[r.0..i].iter().all(|c| c.is_whitespace()));
                !reopened && m.first().is_some_and(|&(_, d)| d == Dir::Close)
            });
            if runs_on {
                carried = Some(o);
            } else {
                out.push(Span {
                    open: Some(o),
                    close: None,
                    start: o + 1,
                    end: range.1,
                });
            }
        }
    }
    out
}

/// The quotations in British-style single marks (`‘We will appeal,’ he said`,
/// straight or curly), paragraph by paragraph, outside the double-marked spans
/// `doubles` (text order): an opening mark after a space or an opening
/// bracket, before a word that is not an elision (`'n'`, `'90s`, `'em`) or before
/// an inner double mark (`‘“Jihadi John” is …`), paired
/// with the next closing mark of its paragraph (not a plural possessive:
/// `the workers’ rights`). A quotation whose paragraph the mark opens and does
/// not close runs to the paragraph's end when the next paragraph opens with a
/// single mark too (each paragraph of a long quotation re-opens it), and so does
/// one opened later in its paragraph (`He said: 'First …`) unless a mark that may
/// have closed it came after it (`a 'child of Lot' and …`): that mark closes a
/// quotation its paragraph leaves open (`praised for 'keeping them safe' after
/// …`). Double-marked
/// spans inside one of these are inner quotations: they are dropped.
fn with_single_spans(chars: &[char], paras: &[(usize, usize)], doubles: Vec<Span>) -> Vec<Span> {
    if !chars.iter().any(|&c| is_single(c)) {
        return doubles;
    }
    // Mark-to-mark extents, in text order: the single marks are visited in text
    // order too, so one cursor tells whether a mark lies inside a double-marked span.
    let extent = |s: &Span| (s.open.unwrap_or(s.start), s.close.unwrap_or(s.end));
    let extents: Vec<(usize, usize)> = doubles.iter().map(extent).collect();
    let mut cursor = 0;
    let mut inside_double = |i: usize| {
        while cursor < extents.len() && extents[cursor].1 < i {
            cursor += 1;
        }
        cursor < extents.len() && extents[cursor].0 <= i
    };
    let mut singles = Vec::new();
    for (p, &(a, b)) in paras.iter().enumerate() {
        let mut open: Option<usize> = None;
        // A plural-possessive-looking mark since `open`: the close after all when
        // another quotation opens before a clear close (`'Kanye West applies for
        // refugee status' and 'Miley Cyrus …'`).
        let mut possessive: Option<usize> = None;
        let span = |o: usize, c: usize| Span {
            open: Some(o),
            close: Some(c),
            start: o + 1,
            end: c,
        };
        for i in a..b {
            if !is_single(chars[i]) || inside_double(i) {
                continue;
            }
            match open {
                None if single_opens(chars, i) => open = Some(i),
                Some(o) => match single_closes(chars, i, b) {
                    Some(true) => {
                        singles.push(span(o, i));
                        (open, possessive) = (None, None);
                    }
                    Some(false) => possessive = possessive.or(Some(i)),
                    None if single_opens(chars, i) => {
                        if let Some(c) = possessive.take() {
                            singles.push(span(o, c));
                        }
                        open = Some(i);
                    }
                    None => {}
                },
                None => {}
            }
        }
        let first_visible = |(a, b): (usize, usize)| (a..b).find(|&i| !chars[i].is_whitespace());
        if let Some(o) = open.filter(|&o| first_visible((a, b)) == Some(o) || possessive.is_none()) {
            let reopened = paras
                .get(p + 1)
                .and_then(|&r| first_visible(r))
                .is_some_and(|i| is_single(chars[i]) && single_opens(chars, i));
            if reopened {
                singles.push(Span {
                    open: Some(o),
                    close: None,
                    start: o + 1,
                    end: b,
                });
                continue;
            }
        }
        // Still open at the paragraph's end: the possessive-looking mark closed it after all.
        if let (Some(o), Some(c)) = (open, possessive) {
            singles.push(span(o, c));
        }
    }
    if singles.is_empty() {
        return doubles;
    }
    // A single-marked span that crosses a double-marked one is dropped.
    let inside = |d: &Span, o: &Span| extent(o).0 < extent(d).0 && extent(d).1 <= extent(o).1;
    let apart = |d: &Span, o: &Span| extent(d).1 < extent(o).0 || extent(o).1 < extent(d).0;
    singles.retain(|o| doubles.iter().all(|d| inside(d, o) || apart(d, o)));
    let mut out: Vec<Span> = doubles
        .into_iter()
        .filter(|d| !singles.iter().any(|o| inside(d, o)))
        .collect();
    out.extend(singles);
    out.sort_by_key(|s| s.open.unwrap_or(s.start));
    out
}

/// The single mark at `i` opens a quotation: after a space, bracket, dash or
/// colon, before a word whose leading apostrophe is not the tokenizer's (`'n'`,
/// `'em`, `'90s`, `'til`) or before an opening double mark.
fn single_opens(chars: &[char], i: usize) -> bool {
    if chars[i] == '’' || !opens_after(i.checked_sub(1).map(|p| chars[p])) {
        return false;
    }
    let mut rest = [0u8; 8];
    let mut n = 0;
    for c in chars[i + 1..].iter().take(rest.len()) {
        if !c.is_ascii() {
            break;
        }
        rest[n] = *c as u8;
        n += 1;
    }
    chars
        .get(i + 1)
        .is_some_and(|&c| c.is_alphanumeric() || matches!(c, '“' | '"'))
        && !keeps_leading_apostrophe(&rest[..n])
}

/// Whether the single mark at `i` (in a paragraph ending at `end`) closes a
/// quotation: after a word or punctuation, before a space, punctuation or the
/// paragraph's end (else `None`); `Some(false)` when it may be a plural
/// possessive instead (`workers’ rights`: a letter before the mark and a
/// lower-case word after it).
fn single_closes(chars: &[char], i: usize, end: usize) -> Option<bool> {
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + 1).copied().filter(|_| i + 1 < end);
    if chars[i] == '‘' || prev.map_or(true, char::is_whitespace) || !closes_before(next) {
        return None;
    }
    let after_space = chars[i + 1..end]
        .iter()
        .skip_while(|c| c.is_whitespace())
        .copied()
        .next();
    let possessive = prev.is_some_and(char::is_alphabetic)
        && next.is_some_and(char::is_whitespace)
        && after_space.is_some_and(char::is_lowercase);
    Some(!possessive)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        double_spans(&chars, &paragraphs(&chars))
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect::<String>().trim().to_string())
            .collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            quoted("“One two,” he said. \"Three four.\""),
            ["One two,", "Three four."]
        );
        assert_eq!(quoted("One local said,\"No one went.\" Then"), ["No one went."]);
    }

    #[test]
    fn doubled_curly_marks_count_once() {
        assert_eq!(
            quoted("Sorkin said. ““We needed the best actor,” he said. “It is hard.””"),
            ["We needed the best actor,", "It is hard."]
        );
    }

    #[test]
    fn interrupted_quote_gives_two_spans() {
        assert_eq!(quoted("\"A b c,\" he said, \"d e f.\""), ["A b c,", "d e f."]);
    }

    #[test]
    fn mismatched_scare_quote_does_not_close_outer() {
        let t = "“That means it is not some lawless ‘Wild West” where anything goes,” said Painter.";
        assert_eq!(
            quoted(t),
            ["That means it is not some lawless ‘Wild West” where anything goes,"]
        );
    }

    #[test]
    fn nested_single_quotes_are_inside() {
        assert_eq!(
            quoted("\"He said 'no way' to me,\" she said."),
            ["He said 'no way' to me,"]
        );
    }

    #[test]
    fn multi_paragraph_reopened_gives_one_span_per_paragraph() {
        let t = "He said: \"First part here.\n\n\"Second part here.\n\n\"Third part.\"\nAfter.";
        assert_eq!(quoted(t), ["First part here.", "Second part here.", "Third part."]);
    }

    #[test]
    fn paragraph_closed_later_without_reopening_is_one_span() {
        let t = "He said: “First part\nsecond part.” Then";
        assert_eq!(quoted(t), ["First part\nsecond part."]);
    }

    #[test]
    fn unclosed_quote_ends_at_paragraph_end() {
        assert_eq!(
            quoted("“What is our president doing?\n\nFox aired photos."),
            ["What is our president doing?"]
        );
    }

    #[test]
    fn dropped_opening_mark_after_colon() {
        let t = "Warren also said this:\n\nCertainly, forces realize it.”\n\nMore.";
        assert_eq!(quoted(t), ["Certainly, forces realize it."]);
    }

    #[test]
    fn dropped_opening_mark_after_a_whole_quoted_paragraph() {
        let t = "Statement from Nita Chaudhary:\n\n\"By having a roundtable, the panel is wrong.\"\n\nWhile it is good to see, we believe they should do more.\"\nBut tonight.";
        assert_eq!(
            quoted(t),
            [
                "By having a roundtable, the panel is wrong.",
                "While it is good to see, we believe they should do more."
            ]
        );
        assert!(quoted("He said no.\n\nThen it ended.\" More.").is_empty());
    }

    fn quoted_all(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        find_spans(&chars)
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect::<String>().trim().to_string())
            .collect()
    }

    #[test]
    fn british_single_marks_pair_around_apostrophes_and_possessives() {
        assert_eq!(
            quoted_all("'We won't accept the workers' demands,' Mr Smith said. She said: ‘It’s over.’"),
            ["We won't accept the workers' demands,", "It’s over."]
        );
        // elisions and decades open nothing; a double-marked span inside a single one is inner
        assert!(quoted_all("Rock 'n' roll in the '90s was loud.").is_empty());
        assert_eq!(
            quoted_all("‘He told me “never again” and left,’ she said."),
            ["He told me “never again” and left,"]
        );
        // a single mark inside a double-marked quotation is nested, not a new quotation
        assert_eq!(
            quoted_all("\"He said 'no way' to me,\" she said."),
            ["He said 'no way' to me,"]
        );
    }

    #[test]
    fn a_possessive_looking_mark_closes_when_another_quotation_opens() {
        assert_eq!(
            quoted_all(
                "Headlines include 'Kanye West applies for refugee status' and 'Miley Cyrus replaced by a double'."
            ),
            [
                "Kanye West applies for refugee status",
                "Miley Cyrus replaced by a double"
            ]
        );
    }

    #[test]
    fn a_single_marked_quotation_reopened_each_paragraph_runs_to_its_end() {
        assert_eq!(
            quoted_all("He said:\n\n‘First part of it.\n\n‘Second part of it.’\nAfter."),
            ["First part of it.", "Second part of it."]
        );
        // opened after the introduction, in the paragraph's middle; a paragraph may
        // re-open it with an inner double-marked quotation first
        assert_eq!(
            quoted_all("He told the paper: 'First part of it.\n\n'“Jihadi John” is not special.’\nAfter."),
            ["First part of it.", "“Jihadi John” is not special."]
        );
        // a mark that may have closed it (`'child of Lot' and …`) keeps it in its paragraph
        assert_eq!(
            quoted_all("He was called a 'child of Lot' and was killed.\n\n'Lot' is a prophet."),
            ["child of Lot", "Lot"]
        );
    }

    #[test]
    fn a_possessive_looking_mark_closes_a_quotation_its_paragraph_leaves_open() {
        assert_eq!(
            quoted_all("He was praised for 'selflessly keeping them safe' following the attack."),
            ["selflessly keeping them safe"]
        );
        // a plural possessive inside a closed quotation stays inside
        assert_eq!(
            quoted_all("'The workers' union will strike,' he said."),
            ["The workers' union will strike,"]
        );
    }

    /// Spans lie inside the text, between their marks, and in text order;
    /// with the single-marked ones too.
    fn check_spans(chars: &[char]) {
        check_ordered(chars, &double_spans(chars, &paragraphs(chars)), is_double);
        check_ordered(chars, &find_spans(chars), |c| is_double(c) || is_single(c));
    }

    fn check_ordered(chars: &[char], spans: &[Span], is_mark: impl Fn(char) -> bool) {
        let mut floor = 0;
        for s in spans {
            assert!(
                s.start <= s.end && s.end <= chars.len(),
                "{s:?} in {} chars",
                chars.len()
            );
            if let Some(o) = s.open {
                assert!(o + 1 == s.start && is_mark(chars[o]), "{s:?}");
            }
            if let Some(c) = s.close {
                assert!(c == s.end && is_mark(chars[c]), "{s:?}");
            }
            let first = s.open.unwrap_or(s.start);
            assert!(first >= floor, "{s:?} overlaps the previous span (ends at {floor})");
            floor = s.close.map_or(s.end, |c| c + 1);
        }
    }

    const VALID: &str = "Officials said: “We will not back down,” the minister told reporters.\n\n\
                         “It is a ‘bad’ bill,” he added, \"and we will fight it.\"\n\
                         \"First part\nsecond part.\" Then: «Un deux trois.»";

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2000))]

        #[test]
        fn arbitrary_text(s in "[a-z \\n.,:\"“”‘’'«»„`-]{0,200}") {
            check_spans(&s.chars().collect::<Vec<_>>());
        }

        #[test]
        fn arbitrary_unicode(s in "\\PC{0,120}") {
            check_spans(&s.chars().collect::<Vec<_>>());
        }

        #[test]
        fn mutated_valid_text(edits in proptest::collection::vec((0usize..400, 0u8..3, proptest::sample::select(vec!['"', '“', '”', '‘', '’', '\n', ' ', 'x', ':', '.'])), 0..12)) {
            let mut chars: Vec<char> = VALID.chars().collect();
            for (at, op, c) in edits {
                let at = at % (chars.len() + 1);
                match op {
                    0 => chars.insert(at, c),
                    1 if at < chars.len() => { chars.remove(at); }
                    _ if at < chars.len() => chars[at] = c,
                    _ => {}
                }
            }
            check_spans(&chars);
        }
    }
}

//! Speaker candidates for a quotation and their features, for the learned
//! ranker ([`crate::SpeakerModel`]): the rules' choice, the previous
//! quotation's speaker, the subject of the quotation's sentence, every name
//! mentioned from four paragraphs before the quotation to the end of its
//! sentence, and "no speaker".
use super::context::{Ctx, QuoteLoc};
use super::lexicon::{gender_noun, is_cue_filler, is_cue_verb, is_first_person, is_title, person_noun, pronoun_gender};
use super::names::Np;
use super::resolve::{Resolved, Resolver};
use super::words::{norm, Kind};
use newsdesk_core::hash::{hash_str, StreamHash};
use std::collections::HashSet;

/// How the rules found a quotation's attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// A cue phrase with a speaker phrase (possibly unresolved).
    Phrase { cue: bool },
    /// A quotation standing alone, continuing the previous speaker.
    Standalone,
    /// Embedded in a sentence with no attribution.
    Nothing,
}

/// One possible speaker (`None`: nobody) and its features: each feature's
/// stable hash (what the ranker weighs) and names, packed into one string
/// (separated by newlines). Only training and error analysis need every
/// feature's name ([`Candidate::features`]); otherwise the names kept are
/// those of its own features (no `&` in them), which conjunctions are built
/// from, and a conjunction is only hashed, never written out.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub speaker: Option<Resolved>,
    hashes: Vec<u64>,
    packed: String,
    all_names: bool,
}

impl Candidate {
    pub(crate) fn new(speaker: Option<Resolved>, all_names: bool) -> Candidate {
        Candidate {
            speaker,
            hashes: Vec::with_capacity(64),
            packed: String::with_capacity(if all_names { 512 } else { 128 }),
            all_names,
        }
    }

    /// The output name, lower-cased, or `None` for "no speaker".
    pub fn key(&self) -> Option<String> {
        self.speaker.as_ref().map(|r| r.name.to_lowercase())
    }

    /// The feature names: all of them when the candidate was built for
    /// training ([`crate::QuoteExtractor::candidates`]), else only those
    /// without `&`.
    pub fn features(&self) -> impl Iterator<Item = &str> {
        self.packed.split('\n').filter(|f| !f.is_empty())
    }

    /// The features' stable hashes ([`newsdesk_core::hash::hash_str`] of their names).
    pub fn hashes(&self) -> &[u64] {
        &self.hashes
    }

    /// Whether the candidate has feature `f` (by its hash, so whether or not
    /// the names are kept).
    pub fn has(&self, f: &str) -> bool {
        self.hashes.contains(&hash_str(f))
    }

    /// Add the feature named by `parts` joined (`["nx=", word]`; no newline in them).
    pub(crate) fn push(&mut self, parts: &[&str]) {
        let mut h = StreamHash::new();
        for p in parts {
            h.write(p.as_bytes());
        }
        self.hashes.push(h.finish());
        if self.all_names || !parts.iter().any(|p| p.contains('&')) {
            if !self.packed.is_empty() {
                self.packed.push('\n');
            }
            for p in parts {
                self.packed.push_str(p);
            }
        }
    }

    fn extend(&mut self, other: &Candidate) {
        self.hashes.extend_from_slice(&other.hashes);
        if !other.packed.is_empty() {
            if !self.packed.is_empty() {
                self.packed.push('\n');
            }
            self.packed.push_str(&other.packed);
        }
    }
}

const WORD_DIST: [&str; 8] = ["dw0", "dw1", "dw2", "dw3-4", "dw5-8", "dw9-16", "dw17-32", "dw33+"];
const PARA_DIST: [&str; 4] = ["dp0", "dp1", "dp2", "dp3+"];
const SENT_DIST: [&str; 4] = ["ds0", "ds1", "ds2", "ds3+"];
const PREV_PARA: [&str; 3] = ["prev_dp0", "prev_dp1", "prev_dp2+"];
const MENTIONS: [&str; 3] = ["named1", "named2", "named3+"];

fn log_bucket(d: usize) -> usize {
    match d {
        0..=2 => d,
        3..=4 => 3,
        5..=8 => 4,
        9..=16 => 5,
        17..=32 => 6,
        _ => 7,
    }
}

/// Where a document's sentences and captions are, computed once for all its quotations.
pub struct Layout {
    /// Sentence number of every word (sentences end at free `.!?` and paragraph ends).
    pub sents: Vec<u32>,
    /// Whether each paragraph is a caption: at most 20 words with no sentence end,
    /// no quotation mark and no closing colon (`Tiger Woods with ex-wife Elin
    /// Nordegren in 2010 (Reuters)`, not `Wonder Mike issued a statement Tuesday:`).
    pub captions: Vec<bool>,
}

impl Layout {
    pub fn new(ctx: &Ctx) -> Layout {
        let mut sents = Vec::with_capacity(ctx.words.len());
        let mut s = 0u32;
        for (i, w) in ctx.words.iter().enumerate() {
            if i > 0 && ctx.words[i - 1].para != w.para {
                s += 1;
            }
            sents.push(s);
            if ctx.free(i) && w.is_terminator() {
                s += 1;
            }
        }
        let paras = ctx.words.last().map_or(0, |w| w.para as usize + 1);
        let mut captions = Vec::with_capacity(paras);
        for para in ctx.words.chunk_by(|a, b| a.para == b.para) {
            captions.resize(para[0].para as usize, false);
            captions.push(
                para.iter().filter(|w| w.is_alpha()).count() <= 20
                    && !para.iter().any(|w| w.is_terminator() || w.is_quote_mark())
                    && !para.last().is_some_and(|w| w.is(':')),
            );
        }
        Layout { sents, captions }
    }
}

/// What the rules and the previous quotation say about quotation `qi`.
pub struct Context<'r> {
    pub rule: Option<&'r Resolved>,
    pub kind: RuleKind,
    /// What the rules read as the speaker phrase (see [`subject_phrase`]).
    pub subject: Option<Subject<'r>>,
    /// The previous quotation's speaker and its paragraph.
    pub prev: Option<(&'r Resolved, u32)>,
    /// The names of the earlier quotations' speakers, in ASCII lower case.
    pub earlier: &'r HashSet<String>,
    /// Whether the candidates keep every feature's name (for training), not
    /// only their hashes.
    pub all_names: bool,
}

/// What the rules read as a quotation's speaker phrase: its shape and, for a
/// noun phrase, its head word. The shapes: a name, a pronoun, an indefinite
/// noun phrase (`a spokeswoman`: someone new), a definite one (`the premier`,
/// `the rapper`, `the statement`) or another (`his father`, `Apple's
/// description`), the last two told apart by whether the head is a title, a
/// noun for a person, or neither; or none.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    pub shape: &'static str,
    pub head: Option<&'a str>,
}

/// The [`Subject`] of the speaker phrase `np` (`None`: the rules read none).
pub fn subject_phrase<'a>(ctx: &'a Ctx, np: Option<&Np>) -> Subject<'a> {
    let (shape, head) = match np {
        None => ("subj_missing", None),
        Some(Np::Name(_)) => ("subj_name", None),
        Some(Np::Pronoun(_)) => ("subj_pronoun", None),
        Some(Np::Nominal { lo, head, .. }) => {
            let h = ctx.lower(*head);
            let title = is_title(h);
            let person = person_noun(h).is_some() || gender_noun(h).is_some();
            let shape = match (ctx.lower(*lo), title, person) {
                ("a" | "an", _, _) => "subj_indefinite",
                ("the", true, _) => "subj_definite_title",
                ("the", _, true) => "subj_definite_person",
                ("the", _, _) => "subj_definite",
                (_, true, _) => "subj_other_title",
                (_, _, true) => "subj_other_person",
                _ => "subj_other",
            };
            (shape, Some(h))
        }
    };
    Subject { shape, head }
}

/// The candidates for quotation `qi`, merged by output name.
pub fn candidates(ctx: &Ctx, res: &Resolver, layout: &Layout, qi: usize, c: &Context) -> Vec<Candidate> {
    let sents = &layout.sents;
    let q = &ctx.quotes[qi];
    let mut out: Vec<Candidate> = Vec::with_capacity(12);
    let mut none = Candidate::new(None, c.all_names);
    none.push(&["none"]);
    none.push(&[match c.kind {
        RuleKind::Phrase { cue: true } => "none_cue",
        RuleKind::Phrase { cue: false } => "none_colon",
        RuleKind::Standalone => "none_standalone",
        RuleKind::Nothing => "none_nothing",
    }]);
    if c.rule.is_none() {
        none.push(&["none_rule_none"]);
    }
    if let Some(sub) = c.subject {
        none.push(&["none&", sub.shape]);
        if let Some(h) = sub.head {
            none.push(&["none&head=", h]);
        }
    }
    let shape = quote_shape(ctx, q);
    for f in &shape {
        none.push(&["none&", f]);
    }
    out.push(none);
    if let Some(r) = c.rule {
        let kind = match c.kind {
            RuleKind::Phrase { cue: true } => "rule_cue",
            RuleKind::Phrase { cue: false } => "rule_colon",
            RuleKind::Standalone => "rule_standalone",
            RuleKind::Nothing => "rule_nothing",
        };
        add(&mut out, r, &["rule", kind], c.all_names);
    }
    if let Some((r, para)) = c.prev {
        let dp = (q.para.saturating_sub(para) as usize).min(2);
        add(&mut out, r, &["prev", PREV_PARA[dp]], c.all_names);
    }
    // The subject of the quotation's sentence before it (`He expects the memory
    // will come from “…”`), pronouns and descriptions resolved.
    if let Some((np, r)) = sentence_subject(res, sents, q) {
        let shape = subject_phrase(ctx, Some(&np)).shape;
        add(&mut out, &r, &["sent_subj", &format!("sent_{shape}")], c.all_names);
    }
    // Mentions: nearest first before the quotation, then after it in its sentence.
    let lo = ctx.words.partition_point(|w| w.para + 4 < q.para);
    let end_sent = sents.get(q.after.saturating_sub(1)).copied().unwrap_or(0);
    let mut hi = q.after;
    while hi < ctx.words.len() && hi < q.after + 40 && sents[hi] == end_sent && ctx.free(hi) {
        hi += 1;
    }
    let before: Vec<_> = res.mentions_in(lo.max(q.first.saturating_sub(400)), q.first).collect();
    let after: Vec<_> = res.mentions_in(q.after, hi).collect();
    let colon_sent = q
        .first
        .checked_sub(1)
        .filter(|&k| ctx.words[k].is(':'))
        .map(|k| sents[k]);
    let mut person_seen = false;
    // A mention's name in ASCII lower case, for `c.earlier` (one buffer for all).
    let mut lower = String::new();
    // A gendered pronoun right after the quotation or just before it (`," she said`).
    let near = (q.after..(q.after + 3).min(ctx.words.len())).chain(q.first.saturating_sub(3)..q.first);
    let pronoun = near.filter(|&k| ctx.free(k)).find_map(|k| pronoun_gender(ctx.lower(k)));
    // Nearest first on either side, so that a name mentioned on both sides is
    // described by its nearer mention (`“…,” says Mr. Boren`, named paragraphs before).
    let distance = |side_before: bool, pos: usize, len: usize| {
        if side_before {
            q.first - (pos + len)
        } else {
            pos - q.after
        }
    };
    let mut mentions: Vec<_> = before
        .into_iter()
        .rev()
        .map(|m| (true, m))
        .chain(after.into_iter().map(|m| (false, m)))
        .collect();
    mentions.sort_by_key(|(side_before, (pos, len, _))| distance(*side_before, *pos, *len));
    for (side_before, (pos, len, r)) in mentions {
        // A name already described by a nearer mention is only mentioned again.
        if let Some(i) = position(&out, &r).filter(|&i| out[i].has("before") || out[i].has("after")) {
            if !out[i].has("again") {
                out[i].push(&["again"]);
            }
            person_seen |= r.person && side_before;
            continue;
        }
        let mut f = Vec::with_capacity(16);
        f.push(if side_before { "before" } else { "after" });
        let d = distance(side_before, pos, len);
        let ds = if side_before {
            sents[q.first.min(sents.len() - 1)] - sents[pos]
        } else {
            sents[pos] - end_sent
        };
        f.push(WORD_DIST[log_bucket(d)]);
        f.push(SENT_DIST[(ds as usize).min(3)]);
        f.push(PARA_DIST[(q.para.saturating_sub(ctx.words[pos].para) as usize).min(3)]);
        let kind = match r.kind {
            Some("PERSON") => "k_person",
            Some("ORG") => "k_org",
            Some("GPE") => "k_gpe",
            Some(_) => "k_norp",
            None => "k_none",
        };
        f.push(kind);
        if r.org {
            f.push("org");
        }
        if r.person {
            f.push("person");
            if side_before && !person_seen {
                f.push("nearest_person_before");
            }
            person_seen |= side_before;
        }
        if res.titled_at(pos) {
            f.push("titled");
        }
        if layout.captions[ctx.words[pos].para as usize] {
            f.push("caption");
        }
        let subject = cue_after(ctx, pos + len);
        let object = cue_before(ctx, pos);
        match (side_before, subject, object) {
            (true, true, _) => f.push("before_subj_cue"),
            (false, true, _) => f.push("after_subj_cue"),
            (true, _, true) => f.push("before_obj_cue"),
            (false, _, true) => f.push("after_obj_cue"),
            _ => {}
        }
        if colon_sent == Some(sents[pos]) {
            f.push("colon_sentence");
        }
        if pos == 0 || sents[pos - 1] != sents[pos] {
            f.push("sent_start");
        }
        match (pronoun, r.gender()) {
            (Some(p), Some(g)) if p == g => f.push("pron_agree"),
            (Some(_), Some(_)) => f.push("pron_clash"),
            (Some(_), None) if !r.person => f.push("pron_nonperson"),
            _ => {}
        }
        lower.clear();
        lower.extend(r.name.chars().map(|ch| ch.to_ascii_lowercase()));
        if c.earlier.contains(lower.as_str()) {
            f.push("spoke_earlier");
        }
        let last = norm(ctx.lower(pos + len - 1)).to_string();
        f.push(MENTIONS[res.times_named(&last).clamp(1, 3) - 1]);
        f.push(["len1", "len2", "len3+"][r.name.split_whitespace().count().clamp(1, 3) - 1]);
        let org = r.org;
        let mut cand = Candidate::new(Some(r), c.all_names);
        for x in &f {
            cand.push(&[x]);
        }
        // The words beside the mention.
        cand.push(&["nx=", ctx.lower(pos + len)]);
        cand.push(&["pv=", if pos > 0 { ctx.lower(pos - 1) } else { "" }]);
        cand.push(&["nx2=", ctx.lower(pos + len + 1)]);
        // The quotation's shape with the candidate's kind: its length, first
        // person and place in the paragraph tell a person's words from an
        // organisation's statement.
        for x in &shape {
            cand.push(&[x, "&", kind]);
            if org {
                cand.push(&[x, "&org"]);
            }
        }
        // Each mention feature also conjoined with the side of the quotation it is on.
        for x in &f[1..] {
            cand.push(&[f[0], "&", x]);
        }
        add_mention(&mut out, cand);
    }
    // The rules' or the previous quotation's choice named nowhere near: its
    // mention features say nothing, this says so.
    for cand in out.iter_mut().skip(1) {
        if !cand.has("before") && !cand.has("after") {
            cand.push(&["unmentioned"]);
        }
    }
    stack(&mut out, c);
    out
}

/// The subject of the words of quotation `q`'s sentence before it, and whom it names.
fn sentence_subject(res: &Resolver, sents: &[u32], q: &QuoteLoc) -> Option<(Np, Resolved)> {
    let sent = sents[q.first];
    let lo = (0..q.first).rev().take_while(|&k| sents[k] == sent).last()?;
    let np = res.main_subject(lo, q.first)?;
    let r = res.resolve(&np)?;
    Some((np, r))
}

/// What quotation `q` looks like, for the no-speaker candidate (scare quotes
/// and titles, short, inside a sentence, no punctuation of their own, no
/// first person, are more often nobody's speech than quoted speech is) and,
/// with their kind, for the named ones.
fn quote_shape(ctx: &Ctx, q: &QuoteLoc) -> Vec<&'static str> {
    let mut f = Vec::with_capacity(6);
    let n = ctx.count_words(q.start, q.end);
    f.push(
        ["ql1-3", "ql4-8", "ql9-20", "ql21+"][match n {
            0..=3 => 0,
            4..=8 => 1,
            9..=20 => 2,
            _ => 3,
        }],
    );
    if q.end > q.start && matches!(ctx.chars[q.end - 1], '.' | ',' | '!' | '?' | '…') {
        f.push("q_punct_end");
    }
    let (lo, hi) = ctx.words_in(q.start, q.end);
    if (lo..hi).any(|k| is_first_person(ctx.lower(k))) {
        f.push("q_first_person");
    }
    match q.first.checked_sub(1).map(|k| &ctx.words[k]) {
        Some(w) if w.para != q.para => f.push("q_para_start"),
        None => f.push("q_para_start"),
        Some(w) if !matches!(w.kind, Kind::Punct(_)) => f.push("q_embedded"),
        _ => {}
    }
    if q.open_end {
        f.push("q_open");
    }
    f
}

/// Conjoin each named candidate's own features with how the rules found the
/// quotation, and, for the rules' choice, with being that choice: the model
/// learns when to trust the rules and what to prefer when they find no one.
fn stack(out: &mut [Candidate], c: &Context) {
    let how = match (c.kind, c.rule.is_some()) {
        (RuleKind::Phrase { cue: true }, true) => "c_cue",
        (RuleKind::Phrase { cue: true }, false) => "c_cue_none",
        (RuleKind::Phrase { cue: false }, _) => "c_colon",
        (RuleKind::Standalone, true) => "c_standalone",
        (RuleKind::Standalone, false) => "c_standalone_none",
        (RuleKind::Nothing, _) => "c_nothing",
    };
    let subject = c.subject.map(|s| s.shape);
    for cand in out.iter_mut().filter(|x| x.speaker.is_some()) {
        let own = cand.packed.clone();
        let chosen = cand.has("rule");
        for f in own
            .split('\n')
            .filter(|f| !f.is_empty() && !f.contains('&') && !f.starts_with("rule"))
        {
            if chosen {
                cand.push(&["rule&", f]);
            }
            cand.push(&[how, "&", f]);
            if let Some(shape) = subject {
                cand.push(&[shape, "&", f]);
            }
        }
    }
}

/// A cue verb right after word `i` (fillers and a short apposition skipped).
fn cue_after(ctx: &Ctx, mut i: usize) -> bool {
    if ctx.words.get(i).is_some_and(|w| w.is(',')) {
        match (i + 1..(i + 14).min(ctx.words.len())).find(|&k| ctx.words[k].is(',')) {
            Some(k) => i = k + 1,
            None => return false,
        }
    }
    while i < ctx.words.len() && is_cue_filler(ctx.lower(i)) {
        i += 1;
    }
    i < ctx.words.len() && !ctx.words[i].cap && is_cue_verb(ctx.lower(i))
}

/// A cue verb or `according to` right before word `i`.
fn cue_before(ctx: &Ctx, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else { return false };
    is_cue_verb(ctx.lower(p)) || (ctx.lower(p) == "to" && p > 0 && ctx.lower(p - 1) == "according")
}

fn position(out: &[Candidate], r: &Resolved) -> Option<usize> {
    out.iter()
        .position(|c| c.speaker.as_ref().is_some_and(|s| s.name.eq_ignore_ascii_case(&r.name)))
}

/// Add a candidate from the rules or the previous quotation (merging by name).
fn add(out: &mut Vec<Candidate>, r: &Resolved, features: &[&str], all_names: bool) {
    let i = position(out, r).unwrap_or_else(|| {
        out.push(Candidate::new(Some(r.clone()), all_names));
        out.len() - 1
    });
    for f in features {
        out[i].push(&[f]);
    }
}

/// Add a mention's candidate, or its features to the candidate of the same
/// name not yet mentioned (the rules' choice, the previous quotation's
/// speaker or the sentence's subject).
fn add_mention(out: &mut Vec<Candidate>, cand: Candidate) {
    let r = cand.speaker.as_ref().expect("a mention names someone");
    match position(out, r) {
        Some(i) => out[i].extend(&cand),
        None => out.push(cand),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::Doc;

    /// The no-speaker candidate's features of each quotation of `text`.
    fn shapes(text: &str) -> Vec<Vec<String>> {
        crate::QuoteExtractor::rules()
            .candidates(&Doc::from_text(text))
            .into_iter()
            .map(|(_, cands)| {
                cands[0]
                    .features()
                    .filter_map(|f| f.strip_prefix("none&"))
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_no_speaker_candidate_sees_the_quotations_shape() {
        let t = "The plan is \"a very bad deal for the town\" and little else.\n\n\"We will win this fight, and soon,\" Maria Lopez said.";
        assert_eq!(
            shapes(t),
            [
                vec!["ql4-8", "q_embedded"],
                vec!["subj_name", "ql4-8", "q_punct_end", "q_first_person", "q_para_start"]
            ]
        );
    }

    #[test]
    fn candidates_see_the_shape_of_the_speaker_phrase() {
        let t = "Maria Lopez chaired the meeting.\n\n\"We will hunt them down,\" the grim-faced premier said. \"The fight is over for them now,\" a spokeswoman said. \"Nobody saw this one coming at all,\" the billionaire said.";
        let found = crate::QuoteExtractor::rules().candidates(&Doc::from_text(t));
        let none = |i: usize| -> Vec<&str> { found[i].1[0].features().filter(|f| f.starts_with("none&")).collect() };
        assert!(none(0).contains(&"none&subj_definite_title") && none(0).contains(&"none&head=premier"));
        assert!(none(1).contains(&"none&subj_indefinite") && none(1).contains(&"none&head=spokeswoman"));
        assert!(none(2).contains(&"none&subj_definite_person"));
        let lopez = found[0]
            .1
            .iter()
            .find(|c| c.key().as_deref() == Some("maria lopez"))
            .unwrap();
        assert!(
            lopez.has("subj_definite_title&before"),
            "{:?}",
            lopez.features().collect::<Vec<_>>()
        );
    }

    #[test]
    fn named_candidates_see_the_quotations_shape_with_their_kind() {
        // No entity recogniser here: the names' kind is `k_none`.
        let t = "\"We will win this fight, and soon,\" Maria Lopez said. \"A fair deal for all sides,\" Acme Corp. said in a statement.";
        let lopez = candidate(t, 0, "maria lopez");
        assert!(lopez.has("q_first_person&k_none") && lopez.has("q_para_start&k_none"));
        assert!(!lopez.has("q_first_person&org") && !lopez.has("ql9-20&k_none"));
        let acme = candidate(t, 1, "acme corp.");
        assert!(acme.has("ql4-8&org") && acme.has("ql4-8&k_none") && !acme.has("q_first_person&org"));
    }

    #[test]
    fn a_choice_named_nowhere_near_says_so() {
        let filler = "The council met again on Tuesday.\n\n".repeat(5);
        let t = format!("Maria Lopez chaired the meeting.\n\n{filler}\"We will win this fight,\" she said. \"Nobody saw this coming,\" Maria Lopez said.");
        let lopez = |i: usize| candidate(&t, i, "maria lopez");
        assert!(lopez(0).has("rule") && lopez(0).has("unmentioned"));
        assert!(lopez(1).has("after") && !lopez(1).has("unmentioned"));
    }

    /// The candidate named `key` of quotation `i` of `text`.
    fn candidate(text: &str, i: usize, key: &str) -> Candidate {
        let found = crate::QuoteExtractor::rules().candidates(&Doc::from_text(text));
        found[i]
            .1
            .iter()
            .find(|c| c.key().as_deref() == Some(key))
            .unwrap_or_else(|| panic!("{key} in {:?}", found[i].1))
            .clone()
    }

    #[test]
    fn the_subject_of_the_quotations_sentence_is_a_candidate() {
        let t = "Tim Arcuri covers Apple for the bank.\n\nHe expects the memory will come from \"most major NAND suppliers.\"";
        let arcuri = candidate(t, 0, "tim arcuri");
        assert!(arcuri.has("sent_subj") && arcuri.has("sent_subj_pronoun"));
        let t = "Tim Arcuri covers Apple for the bank.\n\n\"Most major NAND suppliers will sell it,\" he said.";
        assert!(!candidate(t, 0, "tim arcuri").has("sent_subj"));
    }

    #[test]
    fn mentions_in_a_caption_say_so() {
        let t = "\"We will win this fight,\" Maria Lopez said.\n\nTiger Woods with ex-wife Elin Nordegren in 2010 (Reuters)\n\n\"Nobody saw this coming at all,\" Lopez added.";
        assert!(candidate(t, 1, "reuters").has("caption"));
        assert!(!candidate(t, 1, "maria lopez").has("caption"));
    }

    #[test]
    fn a_description_with_a_capital_is_mentioned_as_whom_it_describes() {
        let t = "Rep. Duncan Hunter spoke to Fox News on Tuesday.\n\nThe California Republican claims that \"at least ten fighters have been caught at the border,\" he said.";
        let found = crate::QuoteExtractor::rules().candidates(&Doc::from_text(t));
        let keys: Vec<_> = found[0].1.iter().filter_map(|c| c.key()).collect();
        assert!(!keys.contains(&"california republican".to_string()), "{keys:?}");
        assert!(candidate(t, 0, "duncan hunter").has("dp0"));
    }

    #[test]
    fn stacking_conjoins_features_with_the_rules_finding() {
        let r = Resolved {
            name: "Jane Roe".into(),
            mention: (0, 8),
            ent: None,
            label: None,
            kind: Some("PERSON"),
            org: false,
            person: true,
        };
        let c = Context {
            rule: Some(&r),
            kind: RuleKind::Phrase { cue: true },
            subject: None,
            prev: None,
            earlier: &HashSet::new(),
            all_names: true,
        };
        let mut none = Candidate::new(None, true);
        none.push(&["none"]);
        let mut roe = Candidate::new(Some(r.clone()), true);
        for f in ["rule", "before", "before&dw1"] {
            roe.push(&[f]);
        }
        let mut out = vec![none, roe];
        stack(&mut out, &c);
        assert_eq!(out[0].features().collect::<Vec<_>>(), ["none"]);
        assert_eq!(
            out[1].features().skip(3).collect::<Vec<_>>(),
            ["rule&before", "c_cue&before"]
        );
    }

    #[test]
    fn candidates_hash_every_feature_whether_or_not_its_name_is_kept() {
        let t = "Maria Lopez chaired the meeting.\n\n\"We will hunt them down,\" the premier said. \"The fight is over for them now,\" Lopez added, according to AT&T.";
        let doc = Doc::from_text(t);
        let kept = crate::QuoteExtractor::rules().run(&doc, true, true);
        let fast = crate::QuoteExtractor::rules().run(&doc, true, false);
        assert_eq!(kept.len(), fast.len());
        for ((_, a), (_, b)) in kept.iter().zip(&fast) {
            assert_eq!(a.len(), b.len());
            for (a, b) in a.iter().zip(b) {
                let named: Vec<u64> = a.features().map(hash_str).collect();
                assert_eq!(a.hashes(), named.as_slice());
                assert_eq!(a.hashes(), b.hashes());
                assert!(b.features().all(|f| !f.contains('&')));
                assert!(b.features().count() < a.features().count());
                assert!(a.features().all(|f| b.has(f)));
            }
        }
    }
}

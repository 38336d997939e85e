//! From a speaker phrase to a speaker: the most complete name in the
//! document (surname → full name), pronouns to the most recent person
//! (sentence subject or quoted speaker), role nouns to the person who held the
//! role, outlet/document nouns to their organisation.
use super::attribute::{joint_names, np_left, relayed_subject, role_of_possessor, subject_after_cue};
use super::context::Ctx;
use super::lexicon::{
    first_name_gender, gender_noun, is_cue_filler, is_cue_verb, is_determiner, is_document_noun, is_group_noun,
    is_institution_noun, is_kin_noun, is_name_title, is_noun_opener, is_org_word, is_outlet_noun, is_preposition,
    is_publication_word, is_source_noun, is_title, person_noun, pronoun_gender, pronoun_part, title_gender, title_role,
};
use super::names::{is_domain, Name, Np};
use super::words::{is_indefinite, is_possessive, norm};
use fits::{Fits, FitsKey, Namesakes};
use newsdesk_core::hash::HashKeyed;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

mod fits;

/// A name mentioned in the document (outside quotations).
#[derive(Clone, Debug)]
struct Cand {
    key: Vec<String>,
    text: String,
    ent: Option<u32>,
    person: bool,
    org: bool,
    roles: Vec<&'static str>,
    /// Word index of the mention.
    pos: usize,
    /// Word indexes of every mention of this name, in text order (filled in on the
    /// first mention, the one indexed).
    all: Vec<usize>,
    /// [`Resolver::display_name`], computed on first use (it reads every mention).
    display: OnceCell<String>,
}

impl Cand {
    /// The mention as a name (no roles, not marked an organisation).
    fn name(&self) -> Name {
        Name {
            lo: self.pos,
            hi: self.pos + self.key.len(),
            roles: Vec::new(),
            ent: self.ent,
            org: false,
        }
    }
}

/// A resolved speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub name: String,
    /// Chars of the mention the attribution went through.
    pub mention: (usize, usize),
    pub ent: Option<u32>,
    pub label: Option<String>,
    /// Entity kind behind `label` (PERSON, ORG, GPE, NORP).
    pub kind: Option<&'static str>,
    pub org: bool,
    /// Evidence that this is a person: a PERSON entity, a title or role, or a full name.
    pub person: bool,
}

impl Resolved {
    fn person_like(&self) -> bool {
        !self.org && !matches!(self.kind, Some("ORG" | "GPE" | "NORP"))
    }

    /// The gender (`f`/`m`) of a person's first name, when the census lists are clear.
    pub fn gender(&self) -> Option<&'static str> {
        // The first word the lists know (`Does Jess Smith` from a headline → `jess`).
        let mut words = self.name.split_whitespace().take(2);
        self.person_like()
            .then(|| words.find_map(|w| first_name_gender(&w.to_lowercase())))
            .flatten()
    }
}

/// Resolves phrases against the names, subjects and speakers seen so far.
pub struct Resolver<'c, 'a> {
    ctx: &'c Ctx<'a>,
    cands: Vec<Cand>,
    /// Candidates by their first and by their last key word (what a one-word
    /// name can start or end: `Google` of `Google Inc.`, `Beal` of `M.R. Beal & Co.`).
    by_first: Map<String, Vec<usize>>,
    by_last: Map<String, Vec<usize>>,
    /// Candidates of two or more words by their first two and by their last two
    /// (what a longer name can start or end: `Jane Doe` of `Jane Doe Jr.`, not of
    /// the thousand other `Jane`s or `Doe`s of a long document).
    by_first_two: Map<(String, String), Vec<usize>>,
    by_last_two: Map<(String, String), Vec<usize>>,
    /// Sentence subjects and quote speakers that are persons: (word index,
    /// speaker), `None` for an anonymous one (`a source told …`).
    salient: Vec<(usize, Option<Resolved>)>,
    /// Quote speakers, in text order (as [`Resolver::note_speaker`] saw them).
    spoken: Vec<(usize, Option<Resolved>)>,
    /// Quote speakers that are organisations or outlets, in text order.
    spoken_orgs: Vec<(usize, Resolved)>,
    /// Mentions by last key word.
    last_counts: Map<String, usize>,
    /// How many unnamed spokesmen [`Resolver::reporting_body_before`] is looking
    /// through (a run of them would otherwise recurse without bound).
    looking_through: Cell<u8>,
    /// Acronyms (2–6 capitals) to the first candidate whose initials end with
    /// them, built on the first [`Resolver::expansion`].
    acronyms: OnceCell<Map<String, usize>>,
    /// [`Fits`] of each name resolved so far, by its words and the mention's
    /// entity kind, organisation mark and title gender.
    fits: RefCell<Map<FitsKey, Rc<Fits>>>,
}

/// The resolver's maps: lookups only, keyed by words, so the fast word hasher.
type Map<K, V> = HashMap<K, V, HashKeyed>;

impl<'c, 'a> Resolver<'c, 'a> {
    pub fn new(ctx: &'c Ctx<'a>) -> Resolver<'c, 'a> {
        let mut r = Resolver {
            ctx,
            cands: Vec::new(),
            by_first: Map::default(),
            by_first_two: Map::default(),
            by_last_two: Map::default(),
            by_last: Map::default(),
            salient: Vec::new(),
            spoken: Vec::new(),
            spoken_orgs: Vec::new(),
            last_counts: Map::default(),
            looking_through: Cell::new(0),
            acronyms: OnceCell::new(),
            fits: RefCell::new(Map::default()),
        };
        r.collect_names();
        r.cands.shrink_to_fit();
        // Only the first mention of equal names is indexed (a name repeated thousands
        // of times stays one candidate); the others' positions go into its `all`.
        let mut first_of = Map::default();
        let mut later = Vec::new();
        for (i, c) in r.cands.iter().enumerate() {
            *r.last_counts.entry(c.key[c.key.len() - 1].clone()).or_default() += 1;
            match first_of.entry((c.key.clone(), c.text.chars().any(char::is_lowercase))) {
                std::collections::hash_map::Entry::Occupied(e) => later.push((*e.get(), c.pos)),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(i);
                    r.by_first.entry(c.key[0].clone()).or_default().push(i);
                    r.by_last.entry(c.key[c.key.len() - 1].clone()).or_default().push(i);
                    if let Some(two) = first_two(&c.key) {
                        r.by_first_two.entry(two).or_default().push(i);
                    }
                    if let Some(two) = last_two(&c.key) {
                        r.by_last_two.entry(two).or_default().push(i);
                    }
                    let lead = before_ampersand(&c.key);
                    if lead.len() < c.key.len() {
                        if let Some(w) = lead.last() {
                            r.by_last.entry(w.clone()).or_default().push(i);
                        }
                        if let Some(two) = last_two(lead) {
                            r.by_last_two.entry(two).or_default().push(i);
                        }
                    }
                }
            }
        }
        for c in &mut r.cands {
            c.all.push(c.pos);
        }
        for (first, pos) in later {
            r.cands[first].all.push(pos);
        }
        r.collect_subjects();
        r
    }

    fn collect_names(&mut self) {
        let ctx = self.ctx;
        let mut i = 0;
        while i < ctx.words.len() {
            // Names worth completing to start with a capital or an entity.
            let w = &ctx.words[i];
            let Some(n) = (w.cap || w.ent.is_some()).then(|| ctx.name_starting_at(i)).flatten() else {
                i += 1;
                continue;
            };
            let key: Vec<String> = (n.lo..n.hi).map(|k| norm(ctx.lower(k)).to_string()).collect();
            let person = ctx.kind_of(n.ent) == Some("PERSON") || !n.roles.is_empty();
            if key.len() <= 6 {
                let text = self.text_of_name(n.lo, n.hi);
                self.cands.push(Cand {
                    key,
                    text,
                    ent: n.ent,
                    person,
                    org: n.org,
                    roles: n.roles,
                    pos: n.lo,
                    all: Vec::new(),
                    display: OnceCell::new(),
                });
            }
            i = n.hi.max(i + 1);
        }
    }

    /// Subjects of sentences (after a leading adverbial clause) that name persons.
    fn collect_subjects(&mut self) {
        let ctx = self.ctx;
        let n = ctx.words.len();
        let mut start = 0;
        for i in 0..n {
            let end_here = i + 1 == n
                || (ctx.free(i) && ctx.words[i].is_terminator())
                || ctx.words[i + 1].para != ctx.words[i].para;
            if !end_here {
                continue;
            }
            if let Some(s) = (start..=i).find(|&k| ctx.free(k)) {
                // A byline (`Lynne O'Donnell`, `By Jane Doe` alone on its line) has no
                // verb and is nobody's subject.
                let from = if ctx.lower(s) == "by" { s + 1 } else { s };
                let alone = ctx
                    .name_starting_at(from)
                    .is_some_and(|n| (n.hi..=i).all(|k| !ctx.words[k].is_alpha()));
                let main = (!alone).then(|| self.main_subject(s, i + 1)).flatten();
                // The subject of a reporting verb later in the sentence is a person the
                // next `he said` may mean (`The news comes after the screenwriter,
                // Aaron Sorkin, told Bloomberg that Bale was a lock.`).
                // So is the one named after a cue inverted behind a comma (`If the battle
                // continues, many will close, predicts Vincent Morrissey, who owns …`).
                let reporting = (s..=i)
                    .filter(|&k| ctx.free(k) && !ctx.words[k].cap && is_cue_verb(ctx.lower(k)))
                    .filter_map(|k| {
                        let inverted = k > s && ctx.words[k - 1].is(',');
                        np_left(ctx, k, s).or_else(|| inverted.then(|| subject_after_cue(ctx, k, i + 1)).flatten())
                    });
                // So is the one a sentence is `according to` (`…, according to Kim
                // Heung-gwang, the head of NKIS.`).
                let according = (s..i)
                    .filter(|&k| ctx.free(k) && ctx.lower(k) == "according" && ctx.lower(k + 1) == "to")
                    .filter_map(|k| subject_after_cue(ctx, k + 1, i + 1));
                // And one introduced with a description (`an exodus that included Buba
                // Markus, a local official.`).
                let introduced = (s + 1..i)
                    .filter(|&k| {
                        ctx.free(k)
                            && ctx.words[k].is(',')
                            && matches!(ctx.lower(k + 1), "a" | "an")
                            && ctx.words.get(k + 2).is_some_and(|w| w.is_alpha() && !w.cap)
                    })
                    .filter_map(|k| match ctx.np_ending_at(k - 1, s) {
                        Some(Np::Name(n)) if ctx.kind_of(n.ent) == Some("PERSON") => Some(Np::Name(n)),
                        _ => None,
                    });
                // And one a sentence introduces (`Then there is Joe Park, who runs the
                // store.`) or whose act a passive tells (`The store is run by Joe Park.`).
                let be = |j: usize| matches!(ctx.lower(j), "is" | "was" | "are" | "were" | "been" | "be" | "being");
                let participle = |j: usize| {
                    let l = ctx.lower(j);
                    l.ends_with("ed") || l.ends_with("en") || matches!(l, "run" | "led" | "held" | "told" | "made")
                };
                let presented = (s..i).filter(|&k| ctx.free(k)).filter_map(|k| match ctx.lower(k) {
                    "there" if be(k + 1) => subject_after_cue(ctx, k + 1, i + 1),
                    "by" if k >= s + 2 && participle(k - 1) && be(k - 2) => subject_after_cue(ctx, k, i + 1),
                    _ => None,
                });
                // The person a document comes from (`The rumor came from golfer Dan
                // Olsen.`, `an email from X`) is one too.
                let sources = (s..=i)
                    .filter(|&k| ctx.free(k) && is_document_noun(ctx.lower(k)))
                    .filter_map(|k| self.document_from(k, i + 1));
                // And whom an outlet's report is about (`The AFP reports that Governor
                // Angel Aguirre appealed for calm.`).
                let relayed = (s + 1..i)
                    .filter(|&k| ctx.free(k) && matches!(ctx.lower(k), "reports" | "reported" | "report"))
                    .filter_map(|k| relayed_subject(ctx, s, k, i + 1));
                // `He was unhurt but team boss David Richards was furious`: the subject
                // of a clause after `but` is the sentence's latest.
                let contrast = (s + 1..=i)
                    .filter(|&k| ctx.free(k) && ctx.lower(k) == "but")
                    .filter_map(|k| {
                        let np = ctx
                            .name_after_role(k + 1, i + 1)
                            .map(Np::Name)
                            .or_else(|| self.main_subject(k + 1, i + 1));
                        np.filter(|np| ctx.words.get(np.range().1).is_some_and(|w| w.is_alpha() && !w.cap))
                    });
                // (`An elderly man said two of his sons had fled. … “…,” he said.`, `A
                // local farmer was unimpressed.`: an unnamed person as the subject is whom a
                // later pronoun may mean.)
                let unnamed = match &main {
                    Some(np @ Np::Nominal { lo, head, inner, .. })
                        if {
                            let h = ctx.lower(*head);
                            // (a role or kin noun only when indefinite: `his sister` is someone known)
                            let indefinite = is_indefinite(ctx.lower(*lo));
                            person_noun(h).is_some()
                                || gender_noun(h).is_some()
                                || (indefinite && (title_role(h).is_some() || is_kin_noun(h)))
                        } && inner.as_ref().map_or(true, |n| !ctx.is_personal(n))
                            && self.resolve(np).is_none() =>
                    {
                        Some(*lo)
                    }
                    _ => None,
                };
                let mut names: Vec<Name> = main
                    .into_iter()
                    .chain(reporting)
                    .chain(according)
                    .chain(introduced)
                    .chain(presented)
                    .chain(relayed)
                    .chain(contrast)
                    .filter_map(|np| match np {
                        Np::Name(n) => Some(n),
                        _ => None,
                    })
                    .chain(sources)
                    .collect();
                names.sort_by_key(|n| n.lo);
                if let (Some(lo), true) = (unnamed, names.is_empty()) {
                    self.salient.push((lo, None));
                }
                for name in names {
                    if self.salient.last().is_some_and(|(p, _)| *p >= name.lo) {
                        continue;
                    }
                    let r = self.resolve_name(&name);
                    if r.person {
                        self.salient.push((name.lo, Some(r)));
                    }
                }
            }
            start = i + 1;
        }
    }

    /// The name a document noun at word `k` comes from, before word `hi`: `rumor
    /// came from occasional pro golfer Dan Olsen`, `an email from X`.
    fn document_from(&self, k: usize, hi: usize) -> Option<Name> {
        let ctx = self.ctx;
        let mut j = k + 1;
        if matches!(ctx.lower(j), "came" | "comes" | "come") {
            j += 1;
        }
        if ctx.lower(j) != "from" {
            return None;
        }
        // A few lower-case words of description may come first (`pro golfer`).
        let first = (j + 1..(j + 5).min(hi))
            .take_while(|&m| ctx.free(m) && ctx.words[m].is_alpha())
            .find(|&m| ctx.words[m].cap || ctx.words[m].ent.is_some())?;
        ctx.name_starting_at(first).filter(|n| n.hi <= hi)
    }

    /// Where the clause `lo..hi` starts after its leading adverbial clauses.
    fn clause_start(&self, lo: usize, hi: usize) -> usize {
        let ctx = self.ctx;
        let mut s = lo;
        while s < hi && !ctx.words[s].is_alpha() && !ctx.words[s].is('(') {
            s += 1;
        }
        // Leading adverbial clauses and phrases, one after another (`Afterward, in
        // a video interview with the Boston Globe, he …`).
        for _ in 0..3 {
            if !ctx.opens_adverbial(s) {
                break;
            }
            match (s..hi.min(s + 30)).find(|&k| ctx.words[k].is(',')) {
                Some(c) => s = c + 1,
                None => break,
            }
        }
        s
    }

    /// The subject of the clause `lo..hi`, skipping a leading adverbial clause.
    pub fn main_subject(&self, lo: usize, hi: usize) -> Option<Np> {
        let ctx = self.ctx;
        let mut s = self.clause_start(lo, hi);
        loop {
            match ctx.lower(s) {
                "and" | "but" | "so" | "yet" | "," => s += 1,
                // A leading parenthesis: `(Pentagon spokesman Col. Steve) Warren said`.
                "(" => s = (s..hi).find(|&k| ctx.words[k].is(')')).map_or(hi, |k| k + 1),
                _ => break,
            }
            if s >= hi {
                return None;
            }
        }
        // `Host Greta Van Susteren replied`: a capitalised word describing the person after it.
        // `Retired teacher Gloria Banks spoke`, `Teenage shop assistant Heidi Groenstein
        // was blunter`: the same with lower-case words ending in a title between.
        let described = || {
            let cap = s + 1 < hi && ctx.words.get(s).is_some_and(|w| w.cap);
            let lower_at = |k: usize| ctx.words.get(k).is_some_and(|w| w.is_alpha() && !w.cap);
            let mut at = s + 1;
            while at < s + 4 && lower_at(at) {
                at += 1;
            }
            let titled = at == s + 1 || is_title(ctx.lower(at - 1));
            let person_at = |k: usize| ctx.kind_of(ctx.words.get(k).and_then(|w| w.ent)) == Some("PERSON");
            (cap && titled && person_at(at))
                .then(|| ctx.np_starting_at(at, hi))
                .flatten()
        };
        // (`Wonder Mike and Master Gee issued a statement`: two persons together.)
        let np = match ctx.np_starting_at(s, hi) {
            Some(Np::Name(n)) if ctx.lower(n.hi) == "and" => Some(Np::Name(joint_names(ctx, s, hi).unwrap_or(n))),
            np => np,
        };
        np.or_else(described).map(|np| self.subject_head(np, hi))
    }

    /// The person a subject phrase names: the name in an apposition (`Another
    /// friend, Max Fisher of Vox, praised`), after an indefinite article and
    /// adjectives (`An emotional Obama ran`), or after an organisation and a
    /// role (`CBS News foreign correspondent Clarissa Ward changed`).
    fn subject_head(&self, np: Np, hi: usize) -> Np {
        let ctx = self.ctx;
        // A person's name in an apposition: a comma at word `end`, then the name
        // and a comma or a preposition.
        // (`Her neighbour, a retired teacher named Mehmet Demir,`: a name introduced.)
        let named = |k: usize| {
            (k..(k + 8).min(hi))
                .take_while(|&j| !ctx.words[j].is(','))
                .find(|&j| ctx.lower(j) == "named")
                .and_then(|j| ctx.name_starting_at(j + 1))
        };
        let apposition = |end: usize| {
            ctx.words
                .get(end)
                .is_some_and(|w| w.is(','))
                .then(|| ctx.name_starting_at(end + 1).or_else(|| named(end + 1)))
                .flatten()
                .filter(|n| {
                    n.hi < hi && ctx.is_personal(n) && matches!(ctx.lower(n.hi), "," | "of" | "for" | "at" | "from")
                })
        };
        let found = match &np {
            Np::Nominal { lo, hi: end, inner, .. } => match inner {
                Some(n) if matches!(ctx.lower(*lo), "a" | "an") && ctx.kind_of(n.ent) == Some("PERSON") => {
                    Some(n.clone())
                }
                // (`The Pentagon spokesman, Rear Admiral John Kirby, told`: an
                // organisation inside the phrase is whom the person speaks for.)
                Some(n) if ctx.is_personal(n) => None,
                _ => apposition(*end),
            },
            Np::Name(n) => {
                // `Woods’ agent Mark Steinberg released a statement` (not `Mark
                // Oberholtzer’s former Ford F-250 pickup truck`).
                let person = |m: &Name| ctx.kind_of(m.ent) == Some("PERSON");
                if let Some(m) = role_of_possessor(ctx, n, hi).filter(person) {
                    return Np::Name(m);
                }
                // A few lower-case words of description, then a title (`CBS News foreign
                // correspondent Clarissa Ward`, `Lakeshore county Gov. Paul Brandt`).
                // (`state` before a title is a noun: `Guerrero state Gov. Angel Aguirre`)
                let titled_next = |k: usize| ctx.words.get(k + 1).is_some_and(|w| w.cap) && is_title(ctx.lower(k + 1));
                let describes = |k: usize| ctx.describing_word(k, titled_next(k));
                let mut k = n.hi;
                while k < hi.min(n.hi + 3) && describes(k) {
                    k += 1;
                }
                // `Ortiz's daughter, Elena Ortiz, said`: the one named in the apposition.
                if k > n.hi && is_possessive(ctx.lower(n.hi - 1)) {
                    if let Some(m) = apposition(k) {
                        return Np::Name(m);
                    }
                }
                // (`Teenage shop assistant Heidi Groenstein`: a lone capitalised word no
                // entity covers describes too.)
                let lone = n.ent.is_none() && n.hi == n.lo + 1;
                let title_before = (!ctx.is_personal(n) || lone) && k > n.hi && is_title(ctx.lower(k - 1));
                let titled = k > n.hi && k < hi && ctx.words[k].cap && is_title(ctx.lower(k));
                (title_before || titled)
                    .then(|| ctx.name_starting_at(k))
                    .flatten()
                    .filter(|m| m.hi <= hi)
            }
            _ => None,
        };
        found.map_or(np, Np::Name)
    }

    /// Record the speaker of a quotation starting at word `at` as salient
    /// (`None`: an anonymous person, whom a later `he said` refers to).
    /// Quotations are noted in text order.
    pub fn note_speaker(&mut self, at: usize, r: Option<&Resolved>) {
        match r {
            Some(r) if !r.person_like() => self.spoken_orgs.push((at, r.clone())),
            _ => self.spoken.push((at, r.cloned())),
        }
    }

    /// What `it` before word `at` speaks for: the most recent organisation that
    /// spoke in this or the previous paragraph, else the most recent organisation named.
    fn recent_source(&self, at: usize) -> Option<Resolved> {
        let para = self.ctx.words[at].para;
        let spoke = self.spoken_orgs[..self.spoken_orgs.partition_point(|(p, _)| *p < at)]
            .last()
            .filter(|(p, _)| self.ctx.words[*p].para + 1 >= para);
        match spoke {
            Some((_, r)) => Some(r.clone()),
            // (`The ministry said the claims were false. “…,” it said`: the body just reported.)
            None => self
                .reported_body_before(at)
                .or_else(|| self.recent_org(at).map(|n| self.resolve_name(&n))),
        }
    }

    /// The subject of the sentence just before word `at` (in this or the
    /// previous paragraph) when that sentence reports speech (`A spokeswoman
    /// for the White House said …`), resolved to a person or organisation.
    /// (`Some(None)`: the sentence's subject is a description that names nobody.)
    pub fn reporting_subject_before(&self, at: usize) -> Option<Option<Resolved>> {
        let (lo, end) = self.sentence_before(at)?;
        self.reporting_subject(lo, end)
    }

    /// The subject of the sentence just before word `at` when that sentence
    /// opens `at`'s paragraph and reports speech (`Another commenter, "X,"
    /// claimed that … . "…"`).
    pub fn opening_reporter_before(&self, at: usize) -> Option<Option<Resolved>> {
        let (lo, end) = self.opening_sentence_before(at)?;
        self.reporting_subject(lo, end)
    }

    /// The named person who is the subject of the sentence just before word `at`
    /// when that sentence opens `at`'s paragraph (`Asked whether he would run,
    /// Governor Tim Walz smiled. “…”`; asked when it reports no speech).
    pub fn opening_actor_before(&self, at: usize) -> Option<Resolved> {
        let (lo, end) = self.opening_sentence_before(at)?;
        match self.main_subject(lo, end) {
            Some(Np::Name(n)) => Some(self.resolve_name(&n)).filter(|r| r.person),
            _ => None,
        }
    }

    /// Words `lo..end` of the sentence just before word `at` when it opens `at`'s paragraph.
    fn opening_sentence_before(&self, at: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let (lo, end) = self.sentence_before(at)?;
        let para = ctx.words[at].para;
        let opens = ctx.words[lo].para == para && lo.checked_sub(1).map_or(true, |k| ctx.words[k].para != para);
        opens.then_some((lo, end))
    }

    /// Words `lo..end` of the sentence just before word `at`, in this or the previous paragraph.
    fn sentence_before(&self, at: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let para = ctx.words.get(at)?.para;
        let mut end = at;
        while end > 0 && !ctx.words[end - 1].is_alpha() && ctx.free(end - 1) {
            end -= 1;
        }
        let mut lo = end;
        while lo > 0 && end - lo < 60 && ctx.free(lo - 1) && !ctx.words[lo - 1].is_terminator() {
            if ctx.words[lo - 1].para != ctx.words[end.saturating_sub(1)].para {
                break;
            }
            lo -= 1;
        }
        if lo == end || ctx.words[lo].para + 1 < para {
            return None;
        }
        Some((lo, end))
    }

    /// The speaker of words `lo..end` when they report speech: the subject of its cue.
    /// `Some(None)`: a description that names nobody (`one resident said`).
    fn reporting_subject(&self, lo: usize, end: usize) -> Option<Option<Resolved>> {
        let ctx = self.ctx;
        // `According to Grind TV, the angler is a pro …`: the source the sentence reports.
        let first = (lo..end).find(|&k| ctx.words[k].is_alpha())?;
        if ctx.lower(first) == "according" && ctx.lower(first + 1) == "to" {
            if let Some(np @ Np::Name(_)) = ctx.np_starting_at(first + 2, end) {
                return Some(self.resolve(&np));
            }
        }
        // (not in a leading adverbial: `In a sprawling Facebook post, X has made claims`)
        let cue = (self.clause_start(lo, end)..end).find(|&k| !ctx.words[k].cap && is_cue_verb(ctx.lower(k)))?;
        // `“Hope springs eternal,” said James Cason`: a cue right after quoted words
        // (too short to be a quotation) that open the sentence has its subject after it.
        let inverted = ctx.words[lo].is_quote_mark()
            && (lo..cue)
                .rev()
                .find(|&k| !ctx.words[k].is(','))
                .is_some_and(|k| ctx.words[k].is_quote_mark());
        let after_cue = || {
            ctx.np_starting_at(cue + 1, end)
                .or_else(|| ctx.name_after_role(cue + 1, end).map(Np::Name))
        };
        // `…, giving greater market stability, says Robert Persky of the Photograph
        // Collector.`, `…, said Mr Smith.`, `And consumers “should be comfortable,” adds
        // W. Henson Moore`: a cue after a comma (closing quotation marks may follow it)
        // followed by a name (not `X, a spokesman, told Metro.co.uk`: that name is whom
        // it was said to).
        let comma = (lo..cue)
            .rev()
            .find(|&k| !ctx.words[k].is_quote_mark())
            .is_some_and(|k| ctx.words[k].is(','));
        let trailing = || {
            (comma && !matches!(ctx.lower(cue), "told" | "tells" | "tell"))
                .then(after_cue)
                .flatten()
                .filter(|np| matches!(np, Np::Name(_)))
        };
        let np = if inverted {
            after_cue()?
        } else if let Some(np) = trailing() {
            np
        } else {
            // The sentence's subject when it is next to the cue, else the phrase just
            // left of the cue (`Another commenter, "Lady­Amanita," claimed …`).
            self.main_subject(lo, cue)
                .filter(|np| np.range().1 + 4 >= cue)
                .or_else(|| np_left(ctx, cue, lo))?
        };
        match self.resolve(&np) {
            None if !matches!(np, Np::Nominal { .. }) => None,
            r => Some(r),
        }
    }

    /// The most recent salient entry before word `at`: subject or speaker
    /// (a speaker at the same word wins), by binary search.
    fn recent(&self, at: usize) -> Option<&(usize, Option<Resolved>)> {
        fn last(v: &[(usize, Option<Resolved>)], at: usize) -> Option<&(usize, Option<Resolved>)> {
            v[..v.partition_point(|(p, _)| *p < at)].last()
        }
        match (last(&self.salient, at), last(&self.spoken, at)) {
            (Some(a), Some(b)) => Some(if a.0 > b.0 { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// The most recent salient person before the pronoun at word `at` (`None`
    /// if anonymous or none), unless that person's first name clashes with the
    /// pronoun's gender and one of the few entries before it agrees.
    pub fn recent_agreeing(&self, at: usize) -> Option<&Resolved> {
        self.recent_of_gender(at, pronoun_gender(self.ctx.lower(at)))
    }

    /// The most recent salient person before word `at` whose first name does
    /// not clash with gender `want` (`None`: any), as for a pronoun.
    fn recent_of_gender(&self, at: usize, want: Option<&str>) -> Option<&Resolved> {
        let Some(want) = want else {
            return self.recent_person(at);
        };
        let (mut a, mut b) = (
            self.salient.partition_point(|(p, _)| *p < at),
            self.spoken.partition_point(|(p, _)| *p < at),
        );
        let mut first: Option<Option<&Resolved>> = None;
        for _ in 0..8 {
            // The later of the two lists' last entries (a speaker at the same word wins).
            let take_salient = match (a.checked_sub(1), b.checked_sub(1)) {
                (Some(x), Some(y)) => self.salient[x].0 > self.spoken[y].0,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let r = if take_salient {
                a -= 1;
                &self.salient[a].1
            } else {
                b -= 1;
                &self.spoken[b].1
            };
            let gender = r.as_ref().and_then(Resolved::gender);
            match first {
                // The most recent entry, unless its first name clashes with the pronoun.
                None if gender.map_or(true, |g| g == want) => return r.as_ref(),
                None => first = Some(r.as_ref()),
                // Then only a person whose first name agrees (the census lists are noisy).
                Some(_) if gender == Some(want) => return r.as_ref(),
                Some(_) => {}
            }
        }
        first.flatten()
    }

    /// The most recent salient person before word `at` (`None` if anonymous or none).
    pub fn recent_person(&self, at: usize) -> Option<&Resolved> {
        self.recent(at).and_then(|(_, r)| r.as_ref())
    }

    /// What `he` / `she` at word `at` means when the sentence before it (before
    /// the quotation the pronoun attributes, if any) has a person as its subject,
    /// of a gender that does not clash: `Terrence Donilon, a spokesman for
    /// Archbishop O'Malley, says the story is a hoax. "…," he told Metro.`, `A
    /// spokesman for the palace confirmed the find. "…," he said.` (the subject,
    /// not a person named later in that sentence).
    fn previous_subject(&self, at: usize) -> Option<Resolved> {
        let ctx = self.ctx;
        let want = pronoun_gender(ctx.lower(at))?;
        let mut anchor = at;
        while anchor > 0 && !(ctx.free(anchor - 1) && ctx.words[anchor - 1].is_alpha()) {
            anchor -= 1;
        }
        let (lo, end) = self.sentence_before(anchor)?;
        let np = self.main_subject(lo, end)?;
        let r = match &np {
            Np::Name(n) => Some(self.resolve_name(n)).filter(|r| r.person && r.person_like()),
            Np::Nominal { head, .. } if title_role(ctx.lower(*head)).is_some() => self.resolve(&np),
            // `Her colleague Ivan Sokolov agreed`: the name ending the phrase.
            Np::Nominal { lo, head, .. } if ctx.words[*head].cap => match ctx.np_ending_at(*head, *lo + 1) {
                Some(Np::Name(n)) => Some(self.resolve_name(&n)).filter(|r| r.person && r.person_like()),
                _ => None,
            },
            _ => None,
        }?;
        r.gender().map_or(true, |g| g == want).then_some(r)
    }

    /// What `he` / `she` at word `at` means by recency: the most recent salient
    /// person whose first name does not clash ([`Resolver::recent_agreeing`]; nobody
    /// after an anonymous one); when every recent one clashes, a person of the
    /// pronoun's gender named nearby ([`Resolver::named_of_gender`]: `Ann Reed asked
    /// Tom Norton about prices. … “…,” he replied.`), else the clashing one; with no
    /// subject or speaker before it at all, that named person.
    fn pronoun_antecedent(&self, at: usize) -> Option<Resolved> {
        if self.recent(at).is_none() {
            return self.named_of_gender(at);
        }
        let r = self.recent_agreeing(at)?;
        let want = pronoun_gender(self.ctx.lower(at));
        match r.gender() {
            Some(g) if Some(g) != want => self.named_of_gender(at).or_else(|| Some(r.clone())),
            _ => Some(r.clone()),
        }
    }

    /// The nearest person named in the paragraph of the pronoun at word `at` or the
    /// two before whose first name agrees with it (`stranding commuters such as
    /// Marilyn Sullivan. … “…,” she said.`).
    fn named_of_gender(&self, at: usize) -> Option<Resolved> {
        let ctx = self.ctx;
        let want = pronoun_gender(ctx.lower(at))?;
        let para = ctx.words[at].para;
        self.names_before(at)
            .take_while(|c| ctx.words[c.pos].para + 2 >= para)
            .filter(|c| c.person)
            .map(|c| self.resolve_name(&c.name()))
            .find(|r| r.person && r.gender() == Some(want))
    }

    /// The most recent sentence subject or speaker in paragraphs `para-1..=para` before word `at`.
    pub fn recent_person_near(&self, at: usize, para: u32) -> Option<&Resolved> {
        let ctx = self.ctx;
        self.recent(at)
            .filter(|(p, _)| ctx.words[*p].para + 1 >= para)
            .and_then(|(_, r)| r.as_ref())
    }

    /// Words `lo..hi` as a name: without a possessive `'s` (or a plural's `'`).
    fn text_of_name(&self, lo: usize, hi: usize) -> String {
        let t = self.ctx.text(lo, hi);
        let t = t.strip_suffix("'s").or_else(|| t.strip_suffix("’s")).unwrap_or(&t);
        t.trim_end_matches(['\'', '’']).to_string()
    }

    fn chars_of(&self, lo: usize, hi: usize) -> (usize, usize) {
        (self.ctx.words[lo].start(), self.ctx.words[hi - 1].end())
    }

    /// The [`Fits`] under `key`, made by `make` on the first call.
    fn fits(&self, key: &FitsKey, make: impl FnOnce() -> Fits) -> Rc<Fits> {
        if let Some(f) = self.fits.borrow().get(key) {
            return f.clone();
        }
        let f = Rc::new(make());
        self.fits.borrow_mut().insert(key.clone(), f.clone());
        f
    }

    /// The most complete name in the document that `n` abbreviates.
    pub fn resolve_name(&self, n: &Name) -> Resolved {
        let ctx = self.ctx;
        let my_label = ctx.kind_of(n.ent);
        // An honorific's gender rules out a full name whose first name has the
        // other (`Mrs. Doe` is not `John Doe`; `Mr. Kim` may be `Kim Jong Un`).
        let want = n.roles.iter().find_map(|r| title_gender(r));
        let words = (n.lo..n.hi).map(|k| norm(ctx.lower(k)).to_string()).collect();
        let fits_key: FitsKey = (words, my_label, n.org, want);
        let key = fits_key.0.as_slice();
        let compatible = |c: &Cand| {
            let kinds_clash = match (my_label, ctx.kind_of(c.ent)) {
                // `Islam told the mag` after `Mohammed Islam`, the surname tagged as a religion.
                (Some(_), Some("PERSON")) if key.len() == 1 && c.key.len() > 1 && c.key.ends_with(key) => false,
                (Some(a), Some(b)) => (a == "PERSON") != (b == "PERSON"),
                _ => false,
            };
            !(kinds_clash || (n.org && c.person && my_label.is_none()))
        };
        let agrees = |c: &Cand| {
            let first = c.key[..c.key.len().saturating_sub(key.len())].first();
            want.is_none()
                || !c.key.ends_with(key)
                || first
                    .and_then(|w| first_name_gender(w))
                    .map_or(true, |g| Some(g) == want)
        };
        // A surname completes to a full name; a leading part only to a person's
        // name or an organisation's (`Google` → `Google Inc.`, not `Apple` → `Apple Watch`).
        let extends = |c: &Cand| {
            c.key.len() >= key.len()
                && (c.key.ends_with(key)
                    // `Beal` for `M.R. Beal & Co.`, `Procter` for `Procter & Gamble Co.`
                    || before_ampersand(&c.key).ends_with(key)
                    || (c.key.starts_with(key)
                        && (c.person
                            || my_label == Some("PERSON")
                            || c.key[key.len()..].iter().all(|w| is_org_word(w)))))
        };
        // What the document's names allow does not depend on where `n` is, so it is
        // worked out once per name (and per the mention's kind, organisation mark
        // and title gender): a name shared by thousands of others costs no more.
        let fits = self.fits(&fits_key, || {
            // (Only names sharing `n`'s first or last words can extend it: those of
            // two or more words are looked up by two, so that a long document's
            // thousand `Doe`s cost nothing to `Jane Doe`.)
            let (starting, ending) = match (first_two(key), last_two(key)) {
                (Some(first), Some(last)) => (self.by_first_two.get(&first), self.by_last_two.get(&last)),
                _ => (
                    key.first().and_then(|k| self.by_first.get(k)),
                    key.last().and_then(|k| self.by_last.get(k)),
                ),
            };
            let ids = starting.into_iter().flatten().chain(ending.into_iter().flatten());
            let fit: Vec<usize> = ids
                .filter(|&&i| {
                    let c = &self.cands[i];
                    extends(c) && compatible(c) && agrees(c)
                })
                .copied()
                .collect();
            let namesakes = (key.len() == 1).then(|| {
                let full = fit
                    .iter()
                    .copied()
                    .filter(|&i| self.cands[i].key.len() > 1 && self.cands[i].key.ends_with(key));
                let alone = fit.iter().map(|&i| &self.cands[i]).filter(|c| c.key == key);
                Namesakes::new(&self.cands, full.collect(), alone)
            });
            Fits::new(&self.cands, fit, namesakes)
        });
        // A bare surname goes to the person the document binds it to, else of
        // different people the one most recently a subject; any name, else, to
        // the most complete name it abbreviates.
        let surname = fits.namesakes.as_ref().and_then(|ns| {
            ns.established
                .or_else(|| ns.distinct.then(|| ns.last_subject(&self.salient, n.lo)).flatten())
        });
        let best = surname.or_else(|| fits.most_complete(n.lo)).map(|i| &self.cands[i]);
        let best = match best {
            Some(c) if c.key.len() > 1 => Some(c),
            _ => self.expansion(n).or(best),
        };
        let (name, ent, org, roles) = match best {
            Some(c) => (
                c.display.get_or_init(|| self.display_name(c)).clone(),
                c.ent.or(n.ent),
                n.org || (c.org && !c.person),
                c.person || !n.roles.is_empty(),
            ),
            None => (self.text_of_name(n.lo, n.hi), n.ent, n.org, !n.roles.is_empty()),
        };
        // Person titles right before the name outweigh an NER place or
        // organisation label (`(Pentagon spokesman Col. Steve) Warren`, tagged GPE).
        let titled = !n.roles.is_empty() && !org;
        let ent = ent.filter(|&e| ctx.kind(e).is_some_and(|k| k == "PERSON" || !titled));
        let kind = ctx.kind_of(ent);
        let label = ent.map(|e| ctx.doc.ents[e as usize].label.clone());
        let person = match kind {
            Some(k) => k == "PERSON",
            None => !org && (roles || name.split_whitespace().count() >= 2),
        };
        Resolved {
            name,
            mention: self.chars_of(n.lo, n.hi),
            ent,
            label,
            kind,
            org,
            person,
        }
    }

    /// A candidate's name as the article writes it most completely:
    /// - an organisation's with its article when the text capitalises it inside a
    ///   sentence (`According to The Hollywood Reporter`; at a sentence's start
    ///   `The` says nothing: `The Apple Watch`), and a publication's wherever `the`
    ///   precedes it (`the Washington Post` → `The Washington Post`);
    /// - a one-word person's with the title of its first mention when the name never
    ///   stands without one (`President Obama`, later `Mr. Obama`).
    fn display_name(&self, c: &Cand) -> String {
        let ctx = self.ctx;
        let capital_the = |p: usize| {
            p.checked_sub(1)
                .is_some_and(|k| ctx.words[k].cap && ctx.lower(k) == "the" && !ctx.opens_sentence(k))
        };
        // `The Washington Post`: a publication's name takes the `the` written before it
        // anywhere.
        let publication = c.key.last().is_some_and(|w| is_publication_word(w));
        let the_before = |p: usize| p.checked_sub(1).is_some_and(|k| ctx.lower(k) == "the");
        if !c.person && c.all.iter().any(|&p| capital_the(p) || (publication && the_before(p))) {
            return format!("The {}", c.text);
        }
        // `Pope Francis`, `Prince Harry`, `Dr. Mark Harvey`: a royal, religious or
        // academic title right before a mention stays part of the name.
        let name_title = |&p: &usize| {
            let t = p.checked_sub(1)?;
            (ctx.words[t].cap && ctx.free(t) && ctx.words[t].para == ctx.words[p].para && is_name_title(ctx.lower(t)))
                .then_some(t)
        };
        if let Some((t, p)) = c
            .all
            .iter()
            .find_map(|p| name_title(p).map(|t| (t, *p)))
            .filter(|_| c.person)
        {
            return self.text_of_name(t, p + c.key.len());
        }
        if c.person && c.key.len() == 1 {
            let titled: Vec<usize> = c.all.iter().filter_map(|&p| self.title_start(p)).collect();
            if titled.len() == c.all.len() {
                return self.text_of_name(titled[0], c.pos + 1);
            }
        }
        // `Moody's said`, `McDonald's also said`: an organisation never written
        // without its `'s`, and followed by a cue at least once, is named with it.
        let last = |p: usize| p + c.key.len() - 1;
        let cue_after = |p: usize| {
            ctx.words.get(last(p) + 1).is_some_and(|w| !w.cap)
                && (is_cue_verb(ctx.lower(last(p) + 1)) || is_cue_filler(ctx.lower(last(p) + 1)))
        };
        let own_s = (!c.person
            && c.all.iter().all(|&p| is_possessive(ctx.lower(last(p))))
            && c.all.iter().any(|&p| cue_after(p)))
        .then(|| ctx.text(last(c.pos), last(c.pos) + 1))
        .and_then(|w| w.rfind(['\'', '’']).map(|i| w[i..].to_string()));
        match own_s {
            Some(s) => format!("{}{s}", c.text),
            None => c.text.clone(),
        }
    }

    /// The first word of the capitalised titles right before word `p`
    /// (`Prime Minister`, `Mr.`), if any.
    fn title_start(&self, p: usize) -> Option<usize> {
        let ctx = self.ctx;
        let mut k = p;
        while k > 0 {
            let j = if ctx.words[k - 1].is('.') && k > 1 {
                k - 2
            } else {
                k - 1
            };
            let w = &ctx.words[j];
            if !(w.cap && ctx.free(j) && w.para == ctx.words[p].para && is_title(ctx.lower(j).trim_end_matches('.'))) {
                break;
            }
            k = j;
        }
        (k < p).then_some(k)
    }

    /// The name an acronym stands for: `WHO` → `World Health Organization`, `AP` →
    /// `Associated Press` (the initials of its capitalised words end with the
    /// acronym's letters; names of more than six words are no candidates).
    fn expansion(&self, n: &Name) -> Option<&Cand> {
        let acronym = self.ctx.text(n.lo, n.hi);
        if n.hi != n.lo + 1 || !(2..=6).contains(&acronym.len()) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let first = self.acronyms.get_or_init(|| {
            let mut first = Map::default();
            for (i, c) in self.cands.iter().enumerate() {
                let initials: Vec<char> = c
                    .text
                    .split_whitespace()
                    .filter_map(|w| w.chars().next())
                    .filter(|ch| ch.is_uppercase())
                    .collect();
                for len in 2..=initials.len().min(c.key.len()).min(6) {
                    let tail = &initials[initials.len() - len..];
                    if tail.iter().all(char::is_ascii_uppercase) {
                        first.entry(tail.iter().collect()).or_insert(i);
                    }
                }
            }
            first
        });
        first.get(&acronym).map(|&i| &self.cands[i])
    }

    /// Resolve a speaker phrase; `None` when the text does not say who.
    pub fn resolve(&self, np: &Np) -> Option<Resolved> {
        let (lo, hi) = np.range();
        let mention = self.chars_of(lo, hi);
        let with_mention = |r: Resolved| Resolved { mention, ..r };
        match np {
            Np::Name(n) => Some(self.resolve_name(n)),
            Np::Pronoun(i) if pronoun_part(self.ctx.lower(*i)) == "it" => self.recent_source(*i).map(with_mention),
            // `they` are never one person named before: a body that the last cue
            // reports (`The ministry said … . “…,” they said`), or no one we know.
            Np::Pronoun(i) if pronoun_part(self.ctx.lower(*i)) == "they" => {
                self.reporting_body_before(*i).map(with_mention)
            }
            Np::Pronoun(i) => self
                .previous_subject(*i)
                .or_else(|| self.pronoun_antecedent(*i))
                .map(with_mention),
            Np::Nominal { head, inner, lo, .. } => {
                let h = self.ctx.lower(*head);
                // `the listing agent said` after `The listing agent for Vladi Private Islands`.
                // `the council members said` after `members of the New York City Council`:
                // a group of people introduced before speaks as the phrase itself.
                if inner.is_none() && self.ctx.lower(*lo) == "the" {
                    if let Some(n) = self.earlier_affiliation(*head, *lo) {
                        if is_group_noun(h) {
                            return Some(self.group(*lo, np.range().1));
                        }
                        return Some(with_mention(self.resolve_name(&n)));
                    }
                }
                let aged = (*lo..=*head).any(|k| self.ctx.lower(k).ends_with("-year-old"));
                if let Some(role) = title_role(h) {
                    // `A former executive agreed`: someone new, not the chief executive named before.
                    // (`a spokesman said` is the one named before, unless the phrase names
                    // whom this one speaks for: `A Foreign Office spokesman said`.)
                    let indefinite = matches!(self.ctx.lower(*lo), "a" | "an" | "another")
                        && (role != "spokesman" || inner.is_some());
                    let holder = self
                        .names_before(*lo)
                        .find(|c| c.roles.contains(&role))
                        .filter(|_| !indefinite);
                    if let Some(c) = holder {
                        return Some(with_mention(self.resolve_name(&c.name())));
                    }
                    // An unnamed spokesperson speaks for the organisation (`a ministry
                    // spokesman`: the ministry named before), and so does a representative
                    // of one (`a representative from Scotland Yard`; not of a place).
                    let body = inner.as_ref().filter(|n| n.org && !self.ctx.is_place(n.ent));
                    let represents = role == "representative" && body.is_some();
                    if role == "spokesman" || represents {
                        if let Some(b) = self.body_in(*lo, *head) {
                            return Some(b);
                        }
                        if let Some(n) = inner {
                            return Some(with_mention(self.resolve_name(n)));
                        }
                        return self.reporting_body_before(*lo).map(with_mention);
                    }
                    // `an official at Woodlands Nursing Home`, `one CBS executive`: an
                    // unnamed official of a named organisation speaks for it (not one of
                    // a body merely described: `a police official`, `a defense official`).
                    if let Some(n) = body.filter(|n| n.ent.is_some() && matches!(role, "official" | "executive")) {
                        return Some(with_mention(self.resolve_name(n)));
                    }
                    // `the 37-year-old veteran`: a role with an age describes a person named
                    // before, and so does a role that is also a description (`the actress`).
                    if !aged && person_noun(h).is_none() {
                        return None;
                    }
                }
                // `the actress`, `The California Republican`, `the 41-year-old woman`,
                // `the 45-year-old` (not `the homeless man`): a description of a person
                // named before, not of one named inside it.
                let described = person_noun(h)
                    .or_else(|| self.ctx.demonym(*head))
                    .or_else(|| aged.then(|| gender_noun(h)))
                    .or_else(|| h.ends_with("-year-old").then_some(None));
                if let Some(gender) = described.filter(|_| self.ctx.lower(*lo) == "the") {
                    let named_inside = inner.as_ref().is_some_and(|n| self.resolve_name(n).person);
                    if !named_inside {
                        return self.recent_of_gender(*lo, gender).cloned().map(with_mention);
                    }
                }
                // `the government said` with no government named before, `the Iraqi
                // government`, `North Korean authorities`, `Iraq's interior ministry`:
                // the phrase speaks (a place or nationality may say whose body it is).
                let placed = inner
                    .as_ref()
                    .is_some_and(|n| self.ctx.is_place(n.ent) && (n.lo == *lo || self.ctx.lower(*lo) == "the"));
                let bare = inner.is_none() && self.ctx.lower(*lo) == "the";
                if is_institution_noun(h) && (bare || placed) {
                    // (`the ministry said` after `Russia's foreign ministry accused Kiev`: that body.)
                    let before = bare.then(|| self.body_named_before(*head, *lo)).flatten();
                    return Some(before.map_or_else(|| self.group(*lo, np.range().1), with_mention));
                }
                // `the association said` after `the Japanese Fisheries Association
                // criticized`: the organisation named before whose name ends with the noun.
                if bare && is_org_word(h) {
                    let named = self
                        .names_before(*lo)
                        .find(|c| c.org && c.key.len() > 1 && c.key.last().is_some_and(|w| w == h));
                    if let Some(c) = named {
                        return Some(with_mention(self.resolve_name(&c.name())));
                    }
                }
                // `the Al Arabiya news organization tweeted`, `the Hamas militant group
                // said`: an organisation word heading a phrase around an organisation's
                // name is that organisation.
                if let Some(n) = inner
                    .as_ref()
                    .filter(|n| is_org_word(h) && n.org && !self.ctx.is_place(n.ent))
                {
                    return Some(with_mention(self.resolve_name(n)));
                }
                if !is_source_noun(h) {
                    return None;
                }
                // `a foreign ministry statement said`
                if let Some(b) = self.body_in(*lo, *head) {
                    return Some(b);
                }
                // (`the Chinese carmaker said`: a nationality describes the organisation named before.)
                if let Some(n) = inner
                    .as_ref()
                    .filter(|n| !(is_outlet_noun(h) && self.ctx.is_place(n.ent)))
                {
                    return Some(with_mention(self.resolve_name(n)));
                }
                if is_outlet_noun(h) {
                    // `the company said` after `Keane Inc said it had won a contract from
                    // Life Insurance Co`: the organisation the last cue reported, before
                    // the one named last.
                    let reported = bare
                        .then(|| self.reported_body_before(*lo))
                        .flatten()
                        .filter(|r| !r.person_like());
                    return reported
                        .or_else(|| self.recent_org(*lo).map(|n| self.resolve_name(&n)))
                        .map(with_mention);
                }
                // `his own front-page editorial` … `the editorial said`: the one `his` means.
                let earlier = (lo.saturating_sub(400)..*lo)
                    .rev()
                    .find(|&j| self.ctx.free(j) && self.ctx.lower(j) == h);
                let owner = earlier.and_then(|j| {
                    (j.saturating_sub(3)..j)
                        .rev()
                        .find(|&k| matches!(self.ctx.lower(k), "his" | "her"))
                });
                if let Some(r) = owner.and_then(|k| self.resolve(&Np::Pronoun(k))) {
                    return Some(with_mention(r));
                }
                // (`A statement released by the governor's office read:` is a new document,
                // not one mentioned before.)
                if matches!(self.ctx.lower(*lo), "a" | "an") {
                    return None;
                }
                self.document_source(h, *lo)
                    .map(|n| with_mention(self.resolve_name(&n)))
                    // (`the article warns` after `as CCTV points out`: the organisation the
                    // last sentences report.)
                    .or_else(|| self.reported_body_before(*lo).map(with_mention))
                    .or_else(|| {
                        // `The bogus report read:` after `originated from Huzlers.com`: the
                        // web site named last.
                        let site = self
                            .names_before(*lo)
                            .find(|c| c.key.last().is_some_and(|w| is_domain(w)))?;
                        Some(with_mention(self.resolve_name(&site.name())))
                    })
            }
        }
    }

    /// The public body named among the modifiers of the phrase `lo..head` (`a ministry
    /// spokesman`, `A Canadian government spokesman`, `a foreign ministry statement`):
    /// with a place, the modifiers themselves (`Canadian government`); else the body
    /// as named before with a place (`Iraq's interior ministry`, `The Nigerian
    /// government`), if it was.
    fn body_in(&self, lo: usize, head: usize) -> Option<Resolved> {
        let ctx = self.ctx;
        let k = (lo..head).rev().find(|&k| is_institution_noun(ctx.lower(k)))?;
        let start = if is_determiner(ctx.lower(lo)) { lo + 1 } else { lo };
        if start < k && ctx.name_starting_at(start).is_some_and(|n| ctx.is_place(n.ent)) {
            return Some(self.group(start, k + 1));
        }
        // (`a police spokeswoman` after `West Yorkshire Police said`: the body named with that noun.)
        self.body_named_before(k, lo)
    }

    /// The body last named, before word `at`, with a place and the institution noun at
    /// word `k` (`Iraq's interior ministry`, `The Nigerian government`) or as a name
    /// ending in that noun (`West Yorkshire Police`), within a few hundred words.
    fn body_named_before(&self, k: usize, at: usize) -> Option<Resolved> {
        let ctx = self.ctx;
        (at.saturating_sub(400)..at)
            .rev()
            .filter(|&j| ctx.free(j) && ctx.lower(j) == ctx.lower(k))
            .find_map(|j| match ctx.np_ending_at(j, j.saturating_sub(6)) {
                Some(Np::Nominal {
                    lo: a, inner: Some(n), ..
                }) if ctx.is_place(n.ent) => {
                    let a = if is_determiner(ctx.lower(a)) { a + 1 } else { a };
                    Some(self.group(a, j + 1))
                }
                Some(Np::Name(n)) if n.hi == j + 1 && n.hi > n.lo + 1 => Some(self.resolve_name(&n)),
                _ => None,
            })
    }

    /// `The ministry said it believed … . "…," a spokesman said`: the organisation
    /// that the last cue verb before word `at`, in this or the previous paragraph,
    /// reports, if that is not a person.
    fn reporting_body_before(&self, at: usize) -> Option<Resolved> {
        let ctx = self.ctx;
        let para = ctx.words.get(at)?.para;
        // (`would be available for comment`: a cue word after a preposition or an article is a noun.)
        let noun = |k: usize| k > 0 && (is_preposition(ctx.lower(k - 1)) || is_noun_opener(ctx.lower(k - 1)));
        let cue = (at.saturating_sub(80)..at)
            .rev()
            .filter(|&k| ctx.free(k) && ctx.words[k].para + 1 >= para)
            .find(|&k| !ctx.words[k].cap && is_cue_verb(ctx.lower(k)) && !noun(k))?;
        let np = np_left(ctx, cue, cue.saturating_sub(12))?;
        let body = matches!(np, Np::Nominal { head, .. } if is_institution_noun(ctx.lower(head)));
        // Another unnamed spokesman before is looked through, a few at most.
        let depth = self.looking_through.get();
        if depth >= 8 {
            return None;
        }
        self.looking_through.set(depth + 1);
        let r = self.resolve(&np);
        self.looking_through.set(depth);
        r.filter(|r| body || !r.person_like())
    }

    /// [`Self::reporting_body_before`] when it is not a place: what an unnamed document
    /// or `it` speaks for.
    fn reported_body_before(&self, at: usize) -> Option<Resolved> {
        self.reporting_body_before(at)
            .filter(|r| !matches!(r.kind, Some("GPE")))
    }

    /// A group of people named by the phrase at words `lo..hi` (`the council members`).
    fn group(&self, lo: usize, hi: usize) -> Resolved {
        Resolved {
            name: self.ctx.text(lo, hi),
            mention: self.chars_of(lo, hi),
            ent: None,
            label: None,
            kind: None,
            org: false,
            person: true,
        }
    }

    /// The organisation an earlier mention of the noun at word `head` was
    /// affiliated to (`spokeswoman for the ministry`; for a spokesperson, also
    /// `an Amazon spokeswoman`), within a few hundred words.
    fn earlier_affiliation(&self, head: usize, at: usize) -> Option<Name> {
        let ctx = self.ctx;
        let h = ctx.lower(head);
        let spokesman = title_role(h) == Some("spokesman");
        let modifier = |j: usize| match spokesman.then(|| ctx.np_ending_at(j, j.saturating_sub(6))).flatten() {
            Some(Np::Nominal { inner: Some(n), .. }) if n.org && !ctx.is_place(n.ent) => Some(n),
            _ => None,
        };
        (at.saturating_sub(400)..at)
            .rev()
            .filter(|&j| ctx.free(j) && ctx.lower(j) == h)
            .find_map(|j| ctx.affiliation_at(j + 1).or_else(|| modifier(j)))
    }

    /// Names mentioned before word `at`, nearest first (at most 300, so a
    /// long document stays linear).
    fn names_before(&self, at: usize) -> impl Iterator<Item = &Cand> {
        self.cands[..self.cands.partition_point(|c| c.pos < at)]
            .iter()
            .rev()
            .take(300)
    }

    /// Names mentioned in words `lo..hi` as (first word, words, resolved speaker).
    pub fn mentions_in(&self, lo: usize, hi: usize) -> impl Iterator<Item = (usize, usize, Resolved)> + '_ {
        let a = self.cands.partition_point(|c| c.pos < lo);
        let b = self.cands.partition_point(|c| c.pos < hi);
        self.cands[a..b].iter().filter_map(|c| {
            let hi = c.pos + c.key.len();
            // `the California Republican`: a description of someone named before, not a name.
            if let Some(the) = c.pos.checked_sub(1).filter(|&k| self.ctx.lower(k) == "the") {
                if person_noun(self.ctx.lower(hi - 1)).is_some() {
                    let np = self.ctx.np_starting_at(the, hi)?;
                    return self.resolve(&np).map(|r| (c.pos, c.key.len(), r));
                }
            }
            let n = Name {
                lo: c.pos,
                hi,
                roles: c.roles.clone(),
                ent: c.ent,
                org: c.org,
            };
            Some((c.pos, c.key.len(), self.resolve_name(&n)))
        })
    }

    /// How often the document names someone by the last word `last` (normalised, lower case).
    pub fn times_named(&self, last: &str) -> usize {
        self.last_counts.get(last).copied().unwrap_or(0)
    }

    /// Whether a name came with a title or role (`Col.`, `spokesman`).
    pub fn titled_at(&self, pos: usize) -> bool {
        let i = self.cands.partition_point(|c| c.pos < pos);
        self.cands.get(i).is_some_and(|c| c.pos == pos && !c.roles.is_empty())
    }

    /// The most recent organisation-like name before word `at`.
    fn recent_org(&self, at: usize) -> Option<Name> {
        let c = self
            .names_before(at)
            .find(|c| c.org && !c.person && !self.ctx.is_place(c.ent))?;
        Some(Name { org: true, ..c.name() })
    }

    /// Who issued the statement/report named by `head` earlier in the text:
    /// `statement attributed to X`, `report from X`, `X's statement`, `the X statement`.
    fn document_source(&self, head: &str, at: usize) -> Option<Name> {
        // The same noun first (`the statement` … `the statement`), then any document
        // noun (`the article said` after `A report published on the website of CCTV`).
        self.document_source_of(at, |l| l == head)
            .or_else(|| self.document_source_of(at, is_document_noun))
    }

    /// The source of the nearest earlier mention of a document noun that `is_doc`
    /// accepts: the name it was issued by, posted on or attributed to, or the name
    /// before it.
    fn document_source_of(&self, at: usize, is_doc: impl Fn(&str) -> bool) -> Option<Name> {
        let ctx = self.ctx;
        // Within the last few hundred words, so a long document stays linear.
        for j in (at.saturating_sub(400)..at)
            .rev()
            .filter(|&j| ctx.free(j) && is_doc(ctx.lower(j)))
        {
            let mut k = j + 1;
            while k < j + 6
                && matches!(
                    ctx.lower(k),
                    "attributed"
                        | "issued"
                        | "released"
                        | "posted"
                        | "published"
                        | "to"
                        | "from"
                        | "by"
                        | "of"
                        | "the"
                        | "on"
                        | "website"
                        | "site"
                )
            {
                k += 1;
            }
            if k > j + 1 {
                if let Some(n) = ctx.name_starting_at(k) {
                    return Some(n);
                }
            }
            if let Some(Np::Name(n)) = j.checked_sub(1).and_then(|p| ctx.np_ending_at(p, p.saturating_sub(4))) {
                return Some(n);
            }
            // `The White House issued a statement late on Monday`
            let issued = |v: usize| {
                matches!(
                    ctx.lower(v),
                    "issued" | "released" | "published" | "posted" | "sent" | "emailed" | "made"
                )
            };
            if j >= 3 && matches!(ctx.lower(j - 1), "a" | "an" | "its" | "their") && issued(j - 2) {
                // (`her spokesman, Zach Seidl, issued a statement`: through an apposition.)
                if let Some(Np::Name(n)) = np_left(ctx, j - 2, (j - 2).saturating_sub(12)) {
                    return Some(n);
                }
            }
            // `In a written statement released at the news conference, Gujral reiterated`:
            // the subject after a sentence's opening phrase.
            let opening = (j.saturating_sub(4)..j).any(|k| ctx.lower(k) == "in" && ctx.words[k].cap);
            if opening {
                let comma = (j + 1..(j + 20).min(ctx.words.len())).find(|&k| ctx.words[k].is(','));
                if let Some(Np::Name(n)) = comma.and_then(|c| ctx.np_starting_at(c + 1, c + 8)) {
                    return Some(n);
                }
            }
            // `X said in a statement`
            if j >= 4 && ctx.lower(j - 2) == "in" && is_cue_verb(ctx.lower(j - 3)) {
                let mut k = j - 3;
                while k > 0 && is_cue_filler(ctx.lower(k - 1)) {
                    k -= 1;
                }
                if let Some(Np::Name(n)) = k.checked_sub(1).and_then(|p| ctx.np_ending_at(p, p.saturating_sub(6))) {
                    return Some(n);
                }
            }
        }
        None
    }
}

/// The first two words of a key of two or more.
fn first_two(key: &[String]) -> Option<(String, String)> {
    match key {
        [a, b, ..] => Some((a.clone(), b.clone())),
        _ => None,
    }
}

/// The last two words of a key of two or more.
fn last_two(key: &[String]) -> Option<(String, String)> {
    match key {
        [.., a, b] => Some((a.clone(), b.clone())),
        _ => None,
    }
}

/// The words of a name before its `&` (`m.r. beal` of `m.r. beal & co.`), or all of them.
fn before_ampersand(key: &[String]) -> &[String] {
    key.iter().position(|w| w == "&").map_or(key, |a| &key[..a])
}

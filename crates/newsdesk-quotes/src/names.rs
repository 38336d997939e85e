//! Noun phrases that can name a speaker: names (NER entities, else
//! capitalised sequences) with titles stripped, pronouns, and common-noun
//! phrases (`the colonel`, `a source`, `the Daily Mail piece`).
use super::context::Ctx;
use super::lexicon::*;
use super::words::{is_contraction, is_possessive, norm, Kind};

/// A name with its titles and roles.
#[derive(Clone, Debug)]
pub struct Name {
    /// The name proper (words `lo..hi`), titles stripped.
    pub lo: usize,
    pub hi: usize,
    /// Role nouns of the person (`spokesman`, `colonel`), from titles and appositions.
    pub roles: Vec<&'static str>,
    /// Entity index when NER found the name.
    pub ent: Option<u32>,
    /// Looks like an organisation (entity label, `the ...`, organisation word).
    pub org: bool,
}

/// A phrase that may refer to a speaker.
#[derive(Clone, Debug)]
pub enum Np {
    Name(Name),
    Pronoun(usize),
    /// Determiner phrase `lo..hi` with head noun `head` and a name inside, if any.
    Nominal {
        lo: usize,
        hi: usize,
        head: usize,
        inner: Option<Name>,
    },
}

impl Np {
    /// Word range of the mention.
    pub fn range(&self) -> (usize, usize) {
        match self {
            Np::Name(n) => (n.lo, n.hi),
            Np::Pronoun(i) => (*i, *i + 1),
            Np::Nominal { lo, hi, .. } => (*lo, *hi),
        }
    }
}

impl Ctx<'_> {
    fn label(&self, i: usize) -> Option<&str> {
        let e = self.words.get(i)?.ent?;
        self.kind(e)
    }

    /// Word `i` can be part of a name.
    fn nameish(&self, i: usize) -> bool {
        let Some(w) = self.words.get(i) else { return false };
        self.free(i)
            && w.is_alpha()
            && (w.cap || w.ent.is_some() || is_name_particle(self.low(w)) || is_domain(self.low(w)))
    }

    /// Word `i` can start or end a name (not a sentence opener like `But`, nor a
    /// common word capitalised because it opens the sentence, like `Currently`).
    fn name_edge(&self, i: usize) -> bool {
        let lower = self.lower(i);
        // `Here’s`, `There's` opening a sentence: the word without its `'s`.
        let opener = |w: &str| is_non_name_cap(w) || is_lower_opener(w);
        self.nameish(i)
            && ((self.words[i].ent.is_some() && !is_determiner(lower)) || !is_non_name_cap(lower.trim_end_matches('.')))
            && !(is_lower_opener(lower) && self.opens_sentence(i))
            && !(is_possessive(lower) && opener(norm(lower)) && self.opens_sentence(i))
            // `Yeah, right.`, `Cute, coming from …`: a word alone that the entity
            // recogniser read past, and that the document writes as a name nowhere
            // but where it opens a sentence, is no name (an acronym may be; without
            // entities, capitals are all there is).
            && !(self.words[i].ent.is_none()
                && !self.doc.ents.is_empty()
                && self.opens_sentence(i)
                && !self.nameish(i + 1)
                && !self.written_as_name(i)
                && !self.is_acronym(i))
            // `We’re`, `Don't`: a contraction is no name.
            && !is_contraction(lower)
            // `Author Waleed Abu Nada Tweeted on Wednesday`: a past-tense cue verb
            // capitalised inside a sentence ends the name before it.
            && !(lower.ends_with("ed") && is_cue_verb(lower) && !self.opens_sentence(i))
            // `London-based Syrian Observatory`, `Liverpool-born Paul Homer`: where a
            // body is based or a person born is not its name.
            && !lower.ends_with("-based")
            && !lower.ends_with("-born")
            // `Said one, posting on …:`, `Wrote DJ Funkmaster Flex:` (not `Said Kouachi`,
            // nor `Post Malone`): an inverted cue in the past or present tense opening the sentence.
            && !(self.opens_sentence(i)
                && is_cue_verb(lower)
                && (lower.ends_with("ed") || lower.ends_with('s') || matches!(lower, "wrote" | "told" | "said"))
                && (lower != "said" || self.words.get(i + 1).is_some_and(|w| w.is_alpha() && !w.cap)))
            // `Reached by CBS News Tuesday, a manager said`: a participle opening the
            // sentence with its agent.
            && !(lower.len() > 4 && lower.ends_with("ed") && self.lower(i + 1) == "by" && self.opens_sentence(i))
            // `Host Greta Van Susteren`, `Vet Faye Bethell`: a capitalised word opening the
            // sentence outside the person entity that follows it describes the person.
            && !(self.words[i].ent.is_none()
                && self.kind_of(self.words.get(i + 1).and_then(|w| w.ent)) == Some("PERSON")
                && !is_title(lower.trim_end_matches('.'))
                && self.opens_sentence(i))
    }

    fn same_para(&self, a: usize, b: usize) -> bool {
        self.words[a].para == self.words[b].para
    }

    /// Adjacent words `a` and `b` can be parts of one name: same paragraph, no
    /// layout gap between them ([`Ctx::layout_gap_before`]), and neither is a
    /// handle (`Taylor Swift @taylorswift13`: a handle is a name by itself).
    fn joinable(&self, a: usize, b: usize) -> bool {
        self.same_para(a, b)
            && !self.layout_gap_before(b)
            && !self.lower(a).starts_with('@')
            && !self.lower(b).starts_with('@')
    }

    /// Extend a name leftwards from word `i` (inclusive); returns the first word.
    fn run_left(&self, i: usize) -> usize {
        let mut lo = i;
        while lo > 0 && self.joinable(lo - 1, lo) {
            let w = lo - 1;
            let lower = self.lower(w);
            let part = self.name_edge(w) || (self.nameish(w) && is_title(lower));
            let title = self.free(w) && is_title(lower) && self.words[w].is_alpha();
            let connector = self.free(w)
                && is_name_connector(lower)
                && w > 0
                && self.name_edge(w - 1)
                && self.joins_by_connector(lower, w - 1);
            if !(part || title || connector) {
                break;
            }
            lo = w;
        }
        while lo < i && !self.name_edge(lo) && !is_title(self.lower(lo)) {
            lo += 1;
        }
        lo
    }

    /// A person entity or a title among the next few capitalised words from `i`.
    fn person_or_title_from(&self, i: usize) -> bool {
        (i..self.words.len().min(i + 4))
            .take_while(|&k| self.nameish(k) && self.same_para(i, k))
            .any(|k| self.kind_of(self.words[k].ent) == Some("PERSON") || is_title(self.lower(k)))
    }

    /// `the Congressman`, `the Spaniard`: `the` at word `the` and a capitalised title
    /// or nationality alone after it are a role or a description (resolved to the one
    /// holding it or described), not a name.
    fn title_alone(&self, the: usize) -> Option<Np> {
        let title = is_title(self.lower(the + 1).trim_end_matches('.'));
        // (not an adjective: `the Canadian foreign ministry`)
        let noun = || {
            self.words.get(the + 2).map_or(true, |w| {
                let l = self.low(w);
                !w.is_alpha()
                    || w.cap
                    || is_cue_verb(l)
                    || is_cue_filler(l)
                    || l.ends_with("ed")
                    || matches!(l, "who" | "was" | "is" | "has" | "had" | "will" | "would")
            })
        };
        let demonym = || self.demonym(the + 1).is_some() && noun();
        (self.lower(the) == "the" && (title || demonym())).then_some(Np::Nominal {
            lo: the,
            hi: the + 2,
            head: the + 1,
            inner: None,
        })
    }

    /// Word `i` names one person by nationality (`Spaniard`, `Egyptian`, `Dutchman`):
    /// `Some` with the gender it implies (`-man` / `-woman`), if any.
    pub fn demonym(&self, i: usize) -> Option<Option<&'static str>> {
        let l = self.lower(i);
        let w = self.words.get(i)?;
        // (`the Americans` are many; `the Swiss` one, in the singular.)
        let plural = l.ends_with('s') && !l.ends_with("ss");
        let norp = self.kind_of(w.ent) == Some("NORP") && !plural;
        let gender = if l.ends_with("woman") {
            Some("f")
        } else {
            l.ends_with("man").then_some("m")
        };
        let man = gender.is_some() && l.len() > 6 && matches!(self.kind_of(w.ent), None | Some("PERSON" | "NORP"));
        (w.cap && (norp || man)).then_some(gender)
    }

    /// Extend a name rightwards from word `i` (inclusive); returns one past the last word.
    fn run_right(&self, i: usize) -> usize {
        let mut hi = i + 1;
        while hi < self.words.len() && self.joinable(hi - 1, hi) {
            // `Putin's WWI speech`: a possessive ends the name, unless a person or
            // a title follows (`Lego UK’s Emma Owen`, `Spain's Foreign Minister`).
            if is_possessive(self.lower(hi - 1)) && !self.person_or_title_from(hi) {
                break;
            }
            let lower = self.lower(hi);
            if self.name_edge(hi) || (self.nameish(hi) && is_title(lower)) {
                hi += 1;
                continue;
            }
            // Connectors (`for`, `to the`) after a title or organisation word, and
            // lower-case titles, join two name parts.
            let mut k = hi;
            while k < hi + 2
                && self.free(k)
                && ((is_name_connector(self.lower(k)) && self.joins_by_connector(self.lower(k), hi - 1))
                    || is_title(self.lower(k)))
            {
                k += 1;
            }
            if k > hi && self.name_edge(k) && self.same_para(hi, k) {
                hi = k + 1;
            } else {
                break;
            }
        }
        hi
    }

    /// The connector word `connector` after word `i` continues the name (`Ambassador to`,
    /// `Bank of`, not `Garcia of`; `&` always does: `Procter & Gamble`).
    fn joins_by_connector(&self, connector: &str, i: usize) -> bool {
        let l = self.lower(i).trim_end_matches('.');
        connector == "&" || is_title(l) || is_org_word(l) || matches!(l, "to" | "of" | "for" | "the" | "&")
    }

    /// Split a capitalised run `lo..hi` into titles and the name proper.
    pub fn analyze(&self, lo: usize, hi: usize) -> Option<Name> {
        let mut roles: Vec<&'static str> = Vec::new();
        let title_word = |i: usize| {
            let l = self.lower(i).trim_end_matches('.');
            is_title(l).then_some(l)
        };
        // NER's last PERSON inside the run is the name.
        if let Some(p) = (lo..hi).rev().find(|&i| self.label(i) == Some("PERSON")) {
            let e = self.words[p].ent;
            let mut a = p;
            while a > lo && self.words[a - 1].ent == e {
                a -= 1;
            }
            let mut a = (a..=p)
                .find(|&i| !is_title(self.lower(i).trim_end_matches('.')))
                .unwrap_or(a);
            // NER may glue an organisation and its title on (`[Dawa Party MP Ali
            // al-Badri]`): the name starts after an upper-case title (`MP`, `CEO`)
            // or a title following an organisation word (`Party Chairman`) inside
            // it. (`Martin Luther King Jr.` keeps `King`.)
            if let Some(t) = (a + 1..p).rev().find(|&i| {
                is_title(self.lower(i).trim_end_matches('.'))
                    && self.words[i].is_alpha()
                    && (self.text(i, i + 1).chars().all(|c| c.is_ascii_uppercase()) || is_org_word(self.lower(i - 1)))
            }) {
                a = t + 1;
            }
            self.collect_roles(lo, a, hi, &mut roles);
            let mut b = p + 1;
            // NER may cut a name short (`Kayla [Jean Mueller]`, `[Abu Mohammed] al-Adnani`):
            // take one more untagged name word at either edge of the run.
            let loose = |i: usize| {
                self.name_edge(i)
                    && !is_title(self.lower(i).trim_end_matches('.'))
                    && self.words[i]
                        .ent
                        .map_or(true, |x| x == e.unwrap_or(x) || self.kind(x) == Some("PERSON"))
            };
            if a > lo && loose(a - 1) && (a - 1 == lo || is_title(self.lower(a - 2).trim_end_matches('.'))) {
                a -= 1;
            }
            if b < hi && loose(b) && b + 1 == hi {
                b += 1;
            }
            return Some(Name {
                lo: a,
                hi: b,
                roles,
                ent: e,
                org: false,
            });
        }
        let last_title = (lo..hi).rev().find(|&i| title_word(i).is_some());
        let (a, b) = match last_title {
            // A run ending in a title-like word is a name (`Vice`, `Movie Pilot`)
            // unless it is all titles (`Army Col.`).
            Some(t) if t + 1 >= hi && (lo..hi).all(|i| title_word(i).is_some()) && hi - lo > 1 => return None,
            Some(t) if t + 1 >= hi => (lo, hi),
            Some(t) => {
                let rest = t + 1..hi;
                if rest.clone().any(|i| is_name_connector(self.lower(i))) {
                    // `Coordinator for Cyber Issues Christopher Painter`: the name is the tail.
                    let n = if hi - t > 3 && is_name_particle(self.lower(hi - 2)) {
                        3
                    } else {
                        2
                    };
                    (hi.saturating_sub(n).max(t + 1), hi)
                } else {
                    (t + 1, hi)
                }
            }
            None => {
                let a = (lo..hi).find(|&i| self.name_edge(i))?;
                (a, hi)
            }
        };
        let a = (a..b).find(|&i| self.name_edge(i))?;
        let b = (a..b).rev().find(|&i| self.name_edge(i))? + 1;
        self.collect_roles(lo, a, b, &mut roles);
        // Trust an entity only when it lies within the name (NER may glue a title
        // or a neighbouring name on: `the United Nations Samantha Power`).
        let (first, last) = (self.words[a].start() as u32, self.words[b - 1].end() as u32);
        let ent = (a..b)
            .filter_map(|i| self.words[i].ent)
            .find(|&e| self.doc.ents[e as usize].start_char >= first && self.doc.ents[e as usize].end_char <= last);
        let org = last_title.is_none()
            && roles.is_empty()
            && (matches!(self.kind_of(ent), Some("ORG" | "GPE" | "NORP"))
                || is_org_word(self.lower(b - 1))
                || (a > 0 && self.lower(a - 1) == "the"));
        Some(Name {
            lo: a,
            hi: b,
            roles,
            ent,
            org,
        })
    }

    /// Roles of a name `a..b` whose run starts at `lo`: titles in the run, in a
    /// parenthesis just before it, or in an apposition after it.
    fn collect_roles(&self, lo: usize, a: usize, b: usize, roles: &mut Vec<&'static str>) {
        let mut push = |i: usize| {
            if let Some(r) = title_role(self.lower(i)) {
                roles.push(r);
            }
        };
        (lo..a).for_each(&mut push);
        if lo > 0 && self.words[lo - 1].is(')') {
            (lo.saturating_sub(10)..lo - 1)
                .rev()
                .take_while(|&i| !self.words[i].is('('))
                .for_each(&mut push);
        }
        if self.words.get(b).is_some_and(|w| w.is(',')) {
            // The apposition's head noun: a title not followed by a lower-case
            // word (`a doctor,`, `the group's spokesman,`, `director of X`), after
            // an age set off by commas (`Jane Doe, 45, a nurse from Ohio`).
            let age = self.words.get(b + 1).is_some_and(|w| w.kind == Kind::Num)
                && self.words.get(b + 2).is_some_and(|w| w.is(','));
            let from = if age { b + 3 } else { b + 1 };
            let heads = (from..(from + 11).min(self.words.len()))
                .take_while(|&i| !self.words[i].is(',') && !self.words[i].is_terminator() && self.same_para(b, i))
                .filter(|&i| {
                    let next = self.words.get(i + 1);
                    next.map_or(true, |n| !n.is_alpha() || n.cap || is_preposition(self.low(n)))
                });
            heads.for_each(&mut push);
        }
    }

    /// The name whose last word is `i`.
    pub fn name_ending_at(&self, i: usize) -> Option<Name> {
        if !self.name_edge(i) {
            return None;
        }
        let lo = self.run_left(i);
        self.analyze(lo, i + 1)
    }

    /// The name starting at word `i`.
    pub fn name_starting_at(&self, i: usize) -> Option<Name> {
        if !self.name_edge(i) {
            return None;
        }
        self.analyze(i, self.run_right(i))
    }

    /// A speaker phrase whose last word is `i` (not before word `floor`).
    pub fn np_ending_at(&self, i: usize, floor: usize) -> Option<Np> {
        let w = self.words.get(i)?;
        if self.free(i) && matches!(w.kind, Kind::Punct('"' | '”')) {
            return self.quoted_name_ending_at(i, floor).map(Np::Name);
        }
        // `The father of four told`, `the mother of three said`: a kin noun's count of
        // children ends the phrase it heads.
        let counted = self.free(i)
            && (w.kind == Kind::Num || (w.is_alpha() && !w.cap))
            && i >= floor + 2
            && self.lower(i - 1) == "of"
            && self.free(i - 1)
            && is_kin_noun(self.lower(i - 2));
        if counted {
            if let Some(Np::Nominal { lo, head, inner, .. }) = self.np_ending_at(i - 2, floor) {
                return Some(Np::Nominal {
                    lo,
                    hi: i + 1,
                    head,
                    inner,
                });
            }
        }
        if !self.free(i) || !w.is_alpha() {
            return None;
        }
        if is_pronoun(self.low(w)) {
            return Some(Np::Pronoun(i));
        }
        if let Some(n) = self.name_ending_at(i) {
            // `The Tweet says`: a capitalised document noun alone is the document.
            let article = n.lo > floor && self.lower(n.lo - 1) == "the";
            if n.hi == n.lo + 1 && article && is_document_noun(self.low(w)) {
                return Some(Np::Nominal {
                    lo: n.lo - 1,
                    hi: i + 1,
                    head: i,
                    inner: None,
                });
            }
            // `The California Republican claims`: a capitalised description of a person
            // (as read from its start, [`Ctx::np_starting_at`]).
            if n.hi > n.lo + 1 && article && person_noun(self.low(w)).is_some() {
                return Some(Np::Nominal {
                    lo: n.lo - 1,
                    hi: i + 1,
                    head: i,
                    inner: self.inner_name(n.lo, i),
                });
            }
            // `the Congressman replied`: a capitalised title alone is a role, not a name.
            let role = (n.hi == n.lo + 1 && n.lo > floor)
                .then(|| self.title_alone(n.lo - 1))
                .flatten();
            return Some(role.unwrap_or(Np::Name(n)));
        }
        // `the report said`, `his post`: a document noun that is also a cue verb
        // heads a phrase too (the loop below wants its determiner).
        let document = is_source_noun(self.low(w)) && is_cue_verb(self.low(w));
        if w.cap || !(nominal_head(self.low(w)) || document) {
            return None;
        }
        let mut j = i;
        while j > floor && i - j < 5 {
            j -= 1;
            let wj = &self.words[j];
            // `NASA’s blog concludes`: a possessive name before a document noun is its source.
            let possessor = wj.cap && is_possessive(self.low(wj)) && is_source_noun(self.low(w));
            if is_determiner(self.low(wj)) || possessor {
                // (The possessor's whole capitalised run: `Critical Mention’s blog`.)
                let lo = match possessor {
                    true => (floor..=j)
                        .rev()
                        .take_while(|&k| self.words[k].cap && self.free(k))
                        .last()?,
                    false => j,
                };
                let inner = self.inner_name(if possessor { lo } else { j + 1 }, i);
                return Some(Np::Nominal {
                    lo,
                    hi: i + 1,
                    head: i,
                    inner,
                });
            }
            if !self.free(j) || !(wj.is_alpha() || wj.kind == Kind::Num) || (!wj.cap && is_cue_verb(self.low(wj))) {
                return None;
            }
        }
        // `North Korean authorities`, `Iraq's interior ministry`: a public body with a
        // place or nationality opening the phrase.
        if !is_institution_noun(self.low(w)) {
            return None;
        }
        let mut j = i;
        while j > floor && i - j < 3 && self.words[j - 1].is_alpha() && !self.words[j - 1].cap && self.free(j - 1) {
            j -= 1;
        }
        let end = j
            .checked_sub(1)
            .filter(|&k| k >= floor && self.is_place(self.words.get(k).and_then(|w| w.ent)))?;
        let inner = self.name_ending_at(end)?;
        (inner.hi == j).then_some(Np::Nominal {
            lo: inner.lo,
            hi: i + 1,
            head: i,
            inner: Some(inner),
        })
    }

    /// A user name in quotation marks closed at word `close`: `a commenter named
    /// "4npower"`, `Another commenter, "Lady­Amanita,"` (after a name introducer,
    /// or a comma after a noun), at most five words and all of them free.
    fn quoted_name_ending_at(&self, close: usize, floor: usize) -> Option<Name> {
        let open = (close.saturating_sub(6).max(floor)..close)
            .rev()
            .find(|&k| matches!(self.words[k].kind, Kind::Punct('"' | '“')))?;
        let mut hi = close;
        if self.words[hi - 1].is(',') {
            hi -= 1;
        }
        let lo = open + 1;
        let word = |k: usize| matches!(self.words[k].kind, Kind::Alpha | Kind::Num);
        if lo >= hi || !word(lo) || !word(hi - 1) || !(open..=close).all(|k| self.free(k)) {
            return None;
        }
        let before = open.checked_sub(1)?;
        let apposition = self.words[before].is(',')
            && before
                .checked_sub(1)
                .is_some_and(|n| !self.words[n].cap && nominal_head(self.lower(n)));
        (is_name_introducer(self.lower(before)) || apposition).then_some(Name {
            lo,
            hi,
            roles: Vec::new(),
            ent: None,
            org: false,
        })
    }

    /// A speaker phrase starting at word `i` (not reaching word `ceil`).
    pub fn np_starting_at(&self, i: usize, ceil: usize) -> Option<Np> {
        let w = self.words.get(i)?;
        if i >= ceil || !self.free(i) || !w.is_alpha() {
            return None;
        }
        // `her colleague Ivan Sokolov`: a possessive `her` opens a phrase.
        let possessive = is_determiner(self.low(w))
            && self
                .words
                .get(i + 1)
                .is_some_and(|n| n.is_alpha() && !n.cap && self.free(i + 1))
            && nominal_head(self.lower(i + 1));
        if is_pronoun(self.low(w)) && !possessive {
            return Some(Np::Pronoun(i));
        }
        if w.cap && is_source_noun(self.low(w)) {
            // `Statement from Nita Chaudhary, co-founder of UltraViolet:`
            let from = i + 1;
            if matches!(self.lower(from), "from" | "by") {
                let inner = self.name_starting_at(from + 1).filter(|n| n.hi <= ceil);
                let hi = inner.as_ref().map_or(from, |n| n.hi);
                return Some(Np::Nominal {
                    lo: i,
                    hi,
                    head: i,
                    inner,
                });
            }
        }
        if !is_determiner(self.low(w)) {
            return self.name_starting_at(i).map(Np::Name);
        }
        // Determiner phrase: collect words up to a preposition, cue, filler or punctuation.
        let mut k = i + 1;
        while k < ceil.min(i + 7) && self.free(k) {
            let l = self.lower(k);
            let wk = &self.words[k];
            // `the arrested man` stops here; `the 104th-ranked Tarango` does not.
            let verb_like = l.len() > 4 && l.ends_with("ed") && !l.contains('-');
            // (`a recent report from Gawker`: a document noun that is also a cue verb is its head.)
            let cue = is_cue_verb(l) && !is_source_noun(l);
            let function_word =
                !wk.cap && (cue || is_cue_filler(l) || is_preposition(l) || is_determiner(l) || verb_like);
            let stop = !(wk.is_alpha() || wk.kind == super::words::Kind::Num) || function_word;
            if stop {
                break;
            }
            k += 1;
        }
        if k == i + 1 {
            return None;
        }
        // `a woman named Taylor Lianne Chandler`: the phrase introduces the name.
        if self.lower(k) == "named" {
            if let Some(n) = self.name_starting_at(k + 1).filter(|n| n.hi <= ceil) {
                return Some(Np::Name(n));
            }
        }
        let last = k - 1;
        if self.words[i + 1].cap && self.low(w) == "the" {
            // `the State Department` is a name with its article; `the IS spokesman` and
            // `the Daily Mail piece` are phrases headed by a role or source noun.
            let run_end = self.run_right(i + 1);
            // `the Congressman replied`: a capitalised title alone is a role, not a name.
            if let Some(role) = (run_end == i + 2 && run_end <= ceil)
                .then(|| self.title_alone(i))
                .flatten()
            {
                return Some(role);
            }
            let head = self.lower(run_end);
            // `the Mirror's source`: a possessive name before a lower-case noun; the
            // noun heads the phrase.
            let possessive = is_possessive(self.lower(run_end - 1)) && self.words.get(run_end).is_some_and(|w| !w.cap);
            // (`the Oregon liberal`: a lower-case noun for a person heads it too.)
            let noun = is_title(head) || is_source_noun(head) || person_noun(head).is_some();
            let headed = run_end <= last + 1 && self.free(run_end) && (noun || possessive);
            // `The California Republican said`: a capitalised description of a person.
            if !headed && person_noun(self.lower(run_end - 1)).is_some() {
                let inner = self.inner_name(i + 1, run_end - 1);
                return Some(Np::Nominal {
                    lo: i,
                    hi: run_end,
                    head: run_end - 1,
                    inner,
                });
            }
            if !headed {
                return self.name_starting_at(i + 1).map(|mut n| {
                    n.org = n.org || n.ent.is_none();
                    Np::Name(n)
                });
            }
            let inner = self.inner_name(i + 1, run_end);
            // (`The British prime minister`: a title of several words ends at its last.)
            let mut head = run_end;
            while head + 1 < ceil
                && self.free(head + 1)
                && self.words[head + 1].is_alpha()
                && !self.words[head + 1].cap
                && is_title(self.lower(head + 1))
            {
                head += 1;
            }
            return Some(Np::Nominal {
                lo: i,
                hi: head + 1,
                head,
                inner,
            });
        }
        // `said the 104th-ranked Tarango`, `the late Steve Jobs`: lower-case
        // modifiers before a person's name describe the name.
        if self.words[last].cap {
            if let Some(s) = (i + 1..=last).find(|&j| self.words[j].cap) {
                let person = |n: &Name| self.kind_of(n.ent) == Some("PERSON");
                if let Some(n) = self.name_starting_at(s).filter(|n| n.hi <= k && person(n)) {
                    return Some(Np::Name(n));
                }
            }
        }
        let mut inner = self.inner_name(i + 1, last);
        let mut hi = k;
        // `a statement from the Kansas City Health Department`
        let issued_by = matches!(self.lower(k), "from" | "by") && is_source_noun(self.lower(last));
        if inner.is_none() && issued_by {
            let s = if self.lower(k + 1) == "the" { k + 2 } else { k + 1 };
            inner = self.name_starting_at(s).filter(|n| n.hi <= ceil);
            hi = inner.as_ref().map_or(k, |n| n.hi);
        }
        if inner.is_none() && is_title(self.lower(last)) {
            // `a spokesman for Google`, `a spokeswoman for the White House`, `a spokesman with
            // the police`, `a representative from Scotland Yard` (the prepositions: see
            // [`Self::affiliation_at`])
            inner = self.affiliation_at(k).filter(|n| n.hi <= ceil);
            hi = inner.as_ref().map_or(k, |n| n.hi);
        }
        Some(Np::Nominal {
            lo: i,
            hi,
            head: last,
            inner,
        })
    }

    /// Name `n` is a person's: tagged PERSON, or untagged and not an organisation's.
    pub fn is_personal(&self, n: &Name) -> bool {
        match self.kind_of(n.ent) {
            Some(k) => k == "PERSON",
            None => !n.org,
        }
    }

    /// Word `k` is a lower-case word that may describe a person next to their
    /// name (`community leader`, `foreign correspondent`): no preposition,
    /// determiner or conjunction, and no cue verb unless `cue_ok`.
    pub fn describing_word(&self, k: usize, cue_ok: bool) -> bool {
        let l = self.lower(k);
        self.words[k].is_alpha()
            && !self.words[k].cap
            && (cue_ok || !is_cue_verb(l))
            && !is_conjunction(l)
            && !is_preposition(l)
            && !is_determiner(l)
    }

    /// The name after a few lower-case role words from word `i` on (`said prison
    /// investigator Joe Goldsmith`, `host and attorney Van Jones`, `co-founder and
    /// CEO Priya Sharma`): the role describes the name that follows it.
    pub fn name_after_role(&self, i: usize, ceil: usize) -> Option<Name> {
        let role_word = |k: usize| {
            let l = self.lower(k);
            let w = &self.words[k];
            self.free(k) && w.is_alpha() && !w.cap && nominal_head(l) && !is_determiner(l) && !is_pronoun(l)
        };
        let title = |k: usize| self.words.get(k).is_some_and(|w| w.cap) && is_title(self.lower(k));
        let joined =
            |k: usize| k > i && self.lower(k) == "and" && role_word(k - 1) && (role_word(k + 1) || title(k + 1));
        let k = (i..ceil.min(i + 5)).find(|&k| !role_word(k) && !joined(k))?;
        if k == i || !self.words[k].cap {
            return None;
        }
        self.name_starting_at(k).filter(|n| n.hi <= ceil)
    }

    /// The name after the preposition at word `k` (`for the White House` → `White House`).
    pub fn affiliation_at(&self, k: usize) -> Option<Name> {
        if !matches!(self.lower(k), "for" | "of" | "at" | "with" | "from") {
            return None;
        }
        let s = if self.lower(k + 1) == "the" { k + 2 } else { k + 1 };
        // (`a nurse from Ohio`: where someone comes from is no affiliation.)
        let origin = self.lower(k) == "from";
        self.name_starting_at(s)
            .filter(|n| !(origin && self.is_place(n.ent)))
            .map(|mut n| {
                n.org = n.org || s > k + 1;
                n
            })
    }

    /// A name inside words `a..b` (`the IS spokesman` → `IS`).
    fn inner_name(&self, a: usize, b: usize) -> Option<Name> {
        let s = (a..b).find(|&i| self.name_edge(i))?;
        let e = self.run_right(s).min(b);
        self.analyze(s, e).map(|mut n| {
            n.org = n.org || n.ent.is_none();
            n
        })
    }
}

/// A lower-case word that can head a speaker phrase.
fn nominal_head(lower: &str) -> bool {
    lower.len() > 2 && !is_cue_verb(lower) && !is_cue_filler(lower) && !is_non_name_cap(lower) && !is_preposition(lower)
}

/// A web site named by its domain (`ynetnews.com`).
pub fn is_domain(lower: &str) -> bool {
    lower.contains('.')
        && [".com", ".org", ".net", ".co.uk", ".news", ".io"]
            .iter()
            .any(|tld| lower.len() > tld.len() + 1 && lower.ends_with(tld))
}

//! Finding the attribution of a quotation: a cue verb with its subject after
//! the quotation (`"…," X said` / `"…," said X`) or before it (`X said: "…"`,
//! `According to X, "…"`, `X termed it "…"`), or no phrase at all (a
//! quotation standing alone, which continues the previous speaker).
use super::context::Ctx;
use super::lexicon::{
    is_clause_opener, is_conjunction, is_cue_filler, is_cue_verb, is_determiner, is_document_noun, is_kin_noun,
    is_noun_opener, is_preposition, is_quote_opener, is_source_noun, is_title, is_unnamed_noun, person_noun,
};
use super::names::{Name, Np};
use super::resolve::Resolver;
use super::words::{is_indefinite, is_possessive, Kind};

/// What the text around a quotation says about its source.
#[derive(Debug)]
pub enum Found {
    /// A speaker phrase (if any could be read) and the cue's word range.
    Phrase {
        np: Option<Np>,
        cue: Option<(usize, usize)>,
    },
    /// The quotation stands alone as a sentence: its speaker comes from context.
    Standalone,
    /// Embedded in a sentence with no attribution.
    Nothing,
}

/// Words of the same clause after quotation `qi` (to the next sentence end, paragraph or quotation).
fn after_window(ctx: &Ctx, qi: usize) -> (usize, usize) {
    let q = &ctx.quotes[qi];
    let lo = q.after;
    let Some(para) = lo.checked_sub(1).map(|i| ctx.words[i].para) else {
        return (lo, lo);
    };
    let mut hi = lo;
    while hi < ctx.words.len()
        && hi < lo + 40
        && ctx.free(hi)
        && ctx.words[hi].para == para
        && !ctx.words[hi].is_terminator()
    {
        hi += 1;
    }
    (lo, hi)
}

/// Words of the same sentence before quotation `qi`; a colon ending the
/// previous paragraph pulls that paragraph's last sentence in.
fn before_window(ctx: &Ctx, qi: usize) -> (usize, usize) {
    let b = ctx.quotes[qi].first;
    let Some(mut para) = ctx.words.get(b).map(|w| w.para) else {
        return (b, b);
    };
    let mut lo = b;
    while lo > 0 && b - lo < 60 {
        let j = lo - 1;
        let w = &ctx.words[j];
        if !ctx.free(j) || w.is_terminator() {
            break;
        }
        if w.para != para {
            if lo == b && w.is(':') {
                para = w.para;
            } else {
                break;
            }
        }
        lo = j;
    }
    (lo, b)
}

/// The attribution of quotation `qi`.
pub fn find(ctx: &Ctx, res: &Resolver, qi: usize) -> Found {
    let after = after_phrase(ctx, qi);
    // `X said: "… ." She also asked …`: a quotation that ends its sentence and was
    // introduced by a cue or a colon belongs to the introduction, not to the next sentence.
    // `He added that the group could “…,” reports the Associated Press`: an outlet
    // relaying the words of a speaker the sentence names before them.
    let relayed = after
        .as_ref()
        .is_some_and(|(_, (c, _))| matches!(ctx.lower(*c), "according" | "reports" | "reported" | "report"));
    if after.is_some() && (relayed || ends_sentence(ctx, qi)) {
        let before = before_phrase(ctx, res, qi);
        if introduced(ctx, qi, &before) {
            return before;
        }
    }
    match after {
        Some((np, cue)) => Found::Phrase { np, cue: Some(cue) },
        None => match signature(ctx, qi) {
            Some(n) => Found::Phrase {
                np: Some(Np::Name(n)),
                cue: None,
            },
            None => {
                let before = before_phrase(ctx, res, qi);
                if matches!(before, Found::Standalone | Found::Nothing) {
                    shared_with_next(ctx, qi).unwrap_or(before)
                } else {
                    before
                }
            }
        },
    }
}

/// `“Demand has caught up …” at a rate “close to the inflation rate,” said
/// Clifford Sayre`: a quotation with no attribution of its own, followed in its
/// sentence, with no cue between, by one attributed after it, shares that one's.
fn shared_with_next(ctx: &Ctx, qi: usize) -> Option<Found> {
    let next = ctx.quotes.get(qi + 1)?;
    let (lo, hi) = after_window(ctx, qi);
    let between = lo..next.first;
    let joined = hi == next.first
        && ctx.words[next.first].para == ctx.quotes[qi].para
        && !ends_sentence(ctx, qi)
        && between.len() <= 12
        && between.clone().all(|k| !is_cue_verb(ctx.lower(k)));
    if !joined {
        return None;
    }
    let (np, cue) = after_phrase(ctx, qi + 1)?;
    Some(Found::Phrase { np, cue: Some(cue) })
}

/// `"…" ¶ --Mike Ditka`: a signature right after quotation `qi`, which opens its
/// paragraph; in that paragraph or alone in the next: dashes, then a name that
/// ends the paragraph (or is followed by a comma: `—Ryan Roche, Lehi`). (A
/// byline after a quotation that continues a paragraph is not one.) A caption
/// line needs no dashes: `"…" ¶ Bill Bratton, New York City police commissioner`
/// (a next paragraph of a few words with no sentence end).
fn signature(ctx: &Ctx, qi: usize) -> Option<Name> {
    let q = &ctx.quotes[qi];
    let opens = q.first.checked_sub(1).map_or(true, |k| ctx.words[k].para < q.para);
    if !opens {
        return None;
    }
    let para = ctx.words.get(q.after.checked_sub(1)?)?.para;
    let first = ctx.words.get(q.after)?;
    if first.para > para + 1 {
        return None;
    }
    let k = (q.after..).find(|&k| {
        !ctx.words
            .get(k)
            .is_some_and(|w| matches!(w.kind, Kind::Punct('-' | '–' | '—')))
    })?;
    if ctx.words.get(k)?.para != first.para {
        return None;
    }
    if k == q.after {
        let line: Vec<_> = (k..ctx.words.len().min(k + 13))
            .take_while(|&j| ctx.words[j].para == first.para)
            .collect();
        let caption = first.para == para + 1
            && line.len() <= 12
            && line.iter().all(|&j| !ctx.words[j].is_terminator() && ctx.free(j))
            && ctx.words.get(k + line.len()).map_or(true, |w| w.para != first.para);
        if !caption {
            return None;
        }
    }
    let n = ctx.name_starting_at(k)?;
    let ends = ctx.words.get(n.hi).map_or(true, |w| w.para != first.para || w.is(','));
    ends.then_some(n)
}

/// `“What is your most embarrassing moment?” He answers “Do you want a list?”`:
/// the cue at word `k`, after quotation `qi` that ends its sentence, opens the
/// next quotation (right before it or its colon), so it is not `qi`'s.
fn introduces_next(ctx: &Ctx, qi: usize, k: usize) -> bool {
    let next = ctx.quotes.get(qi + 1).map(|n| n.first);
    let opens = next == Some(k + 1) || (ctx.words.get(k + 1).is_some_and(|w| w.is(':')) && next == Some(k + 2));
    opens && ends_sentence(ctx, qi)
}

/// The quotation's own words end with `.`, `!` or `?`.
fn ends_sentence(ctx: &Ctx, qi: usize) -> bool {
    let q = &ctx.quotes[qi];
    q.end > q.start && matches!(ctx.chars[q.end - 1], '.' | '!' | '?')
}

/// The phrase before quotation `qi` attributes it with a cue verb or a colon.
fn introduced(ctx: &Ctx, qi: usize, before: &Found) -> bool {
    let colon = ctx.quotes[qi]
        .first
        .checked_sub(1)
        .is_some_and(|k| ctx.words[k].is(':'));
    matches!(before, Found::Phrase { np: Some(_), cue } if cue.is_some() || colon)
}

/// `, said X` / `X said` / `X, a doctor, told` / `according to X` right after quotation `qi`.
fn after_phrase(ctx: &Ctx, qi: usize) -> Option<(Option<Np>, (usize, usize))> {
    let (lo, hi) = after_window(ctx, qi);
    // `“…,” Mary Poe agreed.`: after words that end in a comma, `?` or `!` inside
    // their marks, a speaker and one verb form closing the clause (a sentence end or
    // a comma next) attribute them, whatever the verb (`objected`, `reasoned`,
    // `begged`; not `He answers “…”`, which introduces the next quotation).
    let q = &ctx.quotes[qi];
    let spoken = q.end > q.start && matches!(ctx.chars[q.end - 1], ',' | '?' | '!');
    let closing_verb = |k: usize| {
        let w = ctx.lower(k);
        let closes = ctx.words.get(k + 1).is_some_and(|n| n.is_terminator() || n.is(','));
        spoken && closes && ctx.words[k].is_alpha() && !ctx.words[k].cap && (w.ends_with("ed") || w.ends_with('s'))
    };
    let mut i = lo;
    if i < hi && ctx.words[i].is(',') {
        i += 1;
    }
    if i >= hi {
        return None;
    }
    // (`according to her doctor, Dr. Steven Zeitels`: read as after a cue.)
    if ctx.lower(i) == "according" && ctx.lower(i + 1) == "to" {
        return Some((subject_after_cue(ctx, i + 1, hi), (i, i + 2)));
    }
    // `… were "…," adding Nicaragua will …`: a participle is not inverted; what
    // follows it is what was said, and its subject is the sentence's, before the quotation.
    if is_cue_verb(ctx.lower(i)) && ctx.lower(i).ends_with("ing") && !ctx.words[i].cap {
        return None;
    }
    if is_cue_verb(ctx.lower(i)) {
        return Some((subject_after_cue(ctx, i, hi), (i, i + 1)));
    }
    // `“…,” read a joint statement from the council members`: the document's source.
    if ctx.lower(i) == "read" {
        if let Some(np @ Np::Nominal { head, hi: e, .. }) = ctx.np_starting_at(i + 1, hi) {
            if is_source_noun(ctx.lower(head)) {
                return Some((Some(source_after(ctx, e, hi).unwrap_or(np)), (i, i + 1)));
            }
        }
    }
    // `“… .” In reality, Williams explained, …`: a capitalised clause opener
    // starts the next sentence, whose cue is its own.
    // (`WHO senior emergency officer Catherine Smallwood said`: an acronym opens no clause.)
    if ctx.words[i].cap && is_clause_opener(ctx.lower(i)) && !ctx.is_acronym(i) {
        return None;
    }
    let direct = ctx.np_starting_at(i, hi).and_then(|np| {
        let mut k = np.range().1;
        // `Ryan Roche of Lehi, Utah, told`: where the speaker is from.
        if matches!(ctx.lower(k), "of" | "from") {
            if let Some(place) = ctx.name_starting_at(k + 1).filter(|n| n.hi < hi) {
                k = place.hi;
            }
        }
        k = past_aside(ctx, k, hi);
        let apposition = k < hi && ctx.words[k].is(',');
        if apposition {
            let window = k + 1..hi.min(k + 24);
            // `Nawaz Sharif, leader of the Pakistan Muslim League told a rally`: an
            // apposition whose closing comma is missing ends at its cue.
            let unclosed = || {
                // (`Sumit Mehra, CTO of app studio Y Media Labs told`: a title may be capitalised.)
                let described = ctx
                    .words
                    .get(k + 1)
                    .is_some_and(|w| w.is_alpha() && (!w.cap || is_title(ctx.lower(k + 1))));
                window
                    .clone()
                    .find(|&j| ctx.free(j) && !ctx.words[j].cap && is_cue_verb(ctx.lower(j)))
                    .filter(|_| described)
            };
            // (`Kim Heung Gwang, the head of North Korea Intellectuals Solidarity (NKIS)
            // said, Japanese magazine The Diplomat reported`: a comma after the cue is not
            // the apposition's.)
            k = match (window.clone().find(|&j| ctx.words[j].is(',')), unclosed()) {
                (Some(c), Some(cue)) if cue < c && cue > k + 1 => cue,
                (Some(c), _) => c + 1,
                (None, cue) => cue?,
            };
            // `John Smith, 45, a farmer from Iowa, who has lived there all his life,
            // said`: up to two more lower-case appositions, each closed by a comma.
            let cue_at = |j: usize| ctx.free(j) && !ctx.words[j].cap && is_cue_verb(ctx.lower(j));
            for _ in 0..2 {
                let opens = ctx.words.get(k).is_some_and(|w| w.is_alpha() && !w.cap) && !cue_at(k);
                match (k..hi.min(k + 24)).find(|&j| ctx.words[j].is(',') || cue_at(j)) {
                    Some(c) if opens && ctx.words[c].is(',') => k = c + 1,
                    _ => break,
                }
            }
        }
        while k < hi && is_cue_filler(ctx.lower(k)) {
            k += 1;
        }
        // (`“…” that other states are holding out, he said`: a cue word after
        // a determiner is a noun.)
        let cue = k < hi && (is_cue_verb(ctx.lower(k)) || closing_verb(k)) && !is_noun_opener(ctx.lower(k - 1));
        if !cue || introduces_next(ctx, qi, k) {
            return None;
        }
        // `“…,” Arab News quoted Nnamdi Obasi, an analyst`: the one quoted speaks.
        if let Some(quoted) = quoted_object(ctx, k, hi) {
            return Some((Some(quoted), (k, k + 1)));
        }
        // `his mother, Diane, said`: a name filling the apposition is the speaker.
        let np = match (&np, apposition) {
            (Np::Nominal { .. }, true) => np_left(ctx, k, i).unwrap_or(np),
            _ => np,
        };
        Some((Some(np), (k, k + 1)))
    });
    // Otherwise the first cue verb of the clause, with the phrase left of it
    // (`agent Mark Steinberg said`, `his mother, Diane, said`, `ynetnews said`).
    // A cue right after the quotation whose subject cannot be read still attributes it.
    // A clause joined by a conjunction (`"…," and it was the first thing he said`)
    // is not the quotation's attribution, nor is a cue word used as a noun (`a claim`).
    if is_conjunction(ctx.lower(i)) {
        return direct;
    }
    direct.or_else(|| {
        // (`… “pursuing all appropriate channels” to confirm her whereabouts`: an
        // infinitive is no cue.)
        let is_cue = |k: usize| {
            !ctx.words[k].cap
                && is_cue_verb(ctx.lower(k))
                && !(k > i && (is_noun_opener(ctx.lower(k - 1)) || ctx.lower(k - 1) == "to"))
                && !introduces_next(ctx, qi, k)
        };
        // `“…” family affiliation with legal documents, says Jim O'Donnell`: the
        // clause the quotation begins ends with an inverted cue naming a person.
        // (`…,” Cpl. Cirillo’s aunt, told the Globe and Mail`: not an organisation told.)
        let inverted = |cue: usize| {
            ctx.words[cue - 1]
                .is(',')
                .then(|| subject_after_cue(ctx, cue, hi))
                .flatten()
                .filter(|np| matches!(np, Np::Name(n) if ctx.kind_of(n.ent) == Some("PERSON")))
        };
        let Some(cue) = (i..hi.min(i + 16)).find(|&k| is_cue(k)) else {
            // `“The market has been weak since” the announcement of the Campeau cash
            // squeeze and the company's subsequent bailout by Olympia & York, says Mr.
            // Minella`: further on, only such an inverted cue.
            return (i + 16..hi.min(i + 28))
                .filter(|&k| is_cue(k))
                .find_map(|k| inverted(k).map(|np| (Some(np), (k, k + 1))));
        };
        match np_left(ctx, cue, i).or_else(|| inverted(cue)) {
            Some(np) => Some((Some(np), (cue, cue + 1))),
            None => (cue < i + 4).then_some((None, (cue, cue + 1))),
        }
    })
}

/// The speaker named after an inverted cue at word `c` (`said Tom Hale`), before word `hi`.
pub fn subject_after_cue(ctx: &Ctx, c: usize, hi: usize) -> Option<Np> {
    if let Some(joint) = joint_names(ctx, c + 1, hi) {
        return Some(Np::Name(joint));
    }
    let np = ctx.np_starting_at(c + 1, hi);
    if let Some(Np::Nominal { head, hi: e, .. }) = np {
        if let Some(source) = Some(e)
            .filter(|_| is_source_noun(ctx.lower(head)))
            .and_then(|e| source_after(ctx, e, hi))
        {
            return Some(source);
        }
        // `said a 30-year-old woman, Mubatik Dagayeva.`: the person named in the apposition.
        let named = (e < hi && ctx.words[e].is(','))
            .then(|| ctx.name_starting_at(e + 1))
            .flatten()
            .filter(|n| n.hi <= hi && ctx.kind_of(n.ent) == Some("PERSON"))
            // (not `According to a senior official, Clinton “will …”`: a subject before its quotation)
            .filter(|n| n.hi == ctx.words.len() || matches!(ctx.lower(n.hi), "," | "." | "of" | "from"));
        if let Some(n) = named {
            return Some(Np::Name(n));
        }
    }
    if let Some(Np::Name(n)) = &np {
        if let Some(p) = role_of_possessor(ctx, n, hi) {
            return Some(Np::Name(p));
        }
    }
    match np {
        // `offered CNN host and attorney Van Jones`: role words after an
        // organisation describe the person named after them.
        Some(Np::Name(n)) if ctx.kind_of(n.ent) != Some("PERSON") => {
            Some(Np::Name(ctx.name_after_role(n.hi, hi).unwrap_or(n)))
        }
        // (`wrote fellow group members Wonder Mike and Master Gee`: two persons after the role.)
        np => np.or_else(|| {
            let n = ctx.name_after_role(c + 1, hi)?;
            Some(Np::Name(joint_names(ctx, n.lo, hi).unwrap_or(n)))
        }),
    }
}

/// Who issued the document named just before word `e` (not reaching word `hi`):
/// `a statement from the council members`, `the statement, which was attributed to
/// Foley's mother, Diane Foley`.
fn source_after(ctx: &Ctx, e: usize, hi: usize) -> Option<Np> {
    let mut k = e;
    if ctx.words.get(k).is_some_and(|w| w.is(',')) && matches!(ctx.lower(k + 1), "which" | "that") {
        k += 2;
        if matches!(ctx.lower(k), "was" | "is" | "had" | "has") {
            k += 1;
        }
        if matches!(ctx.lower(k), "been") {
            k += 1;
        }
    }
    let issued = matches!(
        ctx.lower(k),
        "attributed" | "issued" | "released" | "posted" | "signed" | "sent"
    );
    if issued {
        k += 1;
    }
    let from = matches!(ctx.lower(k), "from" | "by") || (issued && ctx.lower(k) == "to");
    from.then(|| subject_after_cue(ctx, k, hi)).flatten()
}

/// `said Woods’ agent, Mark Steinberg,` / `said Woods's agent Mark Steinberg`: the
/// person named after the role of the possessor `n`, before word `hi`.
pub fn role_of_possessor(ctx: &Ctx, n: &Name, hi: usize) -> Option<Name> {
    let mut k = n.hi;
    if ctx.words.get(k).is_some_and(|w| w.is('’') || w.is('\'')) {
        k += 1;
    } else if !is_possessive(ctx.lower(n.hi - 1)) {
        return None;
    }
    let role = |j: usize| ctx.words[j].is_alpha() && !ctx.words[j].cap;
    let end = (k..hi.min(k + 4)).find(|&j| !role(j))?;
    let role_noun = |l: &str| is_title(l) || person_noun(l).is_some() || is_kin_noun(l);
    if end == k || !role_noun(ctx.lower(end - 1)) {
        return None;
    }
    let start = if ctx.words[end].is(',') { end + 1 } else { end };
    ctx.name_starting_at(start).filter(|m| m.hi <= hi && ctx.is_personal(m))
}

/// `said Wonder Mike and Master Gee in a statement`: two persons named from word
/// `i` on, joined by `and`, speaking together as one speaker.
pub fn joint_names(ctx: &Ctx, i: usize, hi: usize) -> Option<Name> {
    let person = |n: &Name| ctx.kind_of(n.ent) == Some("PERSON");
    let first = ctx
        .name_starting_at(i)
        .filter(|n| person(n) && ctx.lower(n.hi) == "and")?;
    let second = ctx.name_starting_at(first.hi + 1).filter(|n| person(n) && n.hi <= hi)?;
    Some(Name {
        hi: second.hi,
        roles: Vec::new(),
        ..first
    })
}

/// The subject after a cue set off by commas inside a sentence (`If you name
/// yourself "Satan," says CCTV, people might think …`, `The new program, said
/// analyst John McCarthy at Forrester Research Inc., a …, “is …”`), before word `b`.
fn parenthetical_subject(ctx: &Ctx, c: usize, b: usize) -> Option<Np> {
    let before = (0..c).rev().find(|&k| !ctx.words[k].is_quote_mark())?;
    // (`Holly Rene, who lives in Rochester, told The Post, “…”`: whom one tells is
    // not who tells.)
    if !ctx.words[before].is(',') || matches!(ctx.lower(c), "told" | "tells" | "tell") {
        return None;
    }
    subject_after_cue(ctx, c, b).filter(|np| {
        matches!(np, Np::Name(_)) && matches!(ctx.lower(np.range().1), "," | "of" | "at" | "for" | "from" | "with")
    })
}

/// `here's what CCTV has to say about it:` / `this is what the minister said:`
/// in words `lo..b`: the name between `what` and its cue.
fn what_x_says(ctx: &Ctx, lo: usize, b: usize) -> Option<Np> {
    let w = (lo..b).rev().find(|&k| ctx.lower(k) == "what")?;
    let np = ctx.np_starting_at(w + 1, b)?;
    let next = ctx.lower(np.range().1);
    (matches!(np, Np::Name(_)) && (is_cue_verb(next) || matches!(next, "has" | "had"))).then_some(np)
}

/// The object of `quoted` / `quotes` / `quoting` at word `k`, before word `hi`:
/// the one whose words are quoted (`the Sunday Times quoted a police source`),
/// or of any cue followed by `as saying` (`AFP reported Shekau as saying`).
fn quoted_object(ctx: &Ctx, k: usize, hi: usize) -> Option<Np> {
    let object = ctx
        .np_starting_at(k + 1, hi)
        .or_else(|| ctx.name_after_role(k + 1, hi).map(Np::Name));
    if matches!(ctx.lower(k), "quoted" | "quotes" | "quoting") {
        return object;
    }
    object.filter(|np| as_saying(ctx, np.range().1))
}

/// Words `k..` read `as saying` (or another participle cue: `as telling`).
fn as_saying(ctx: &Ctx, k: usize) -> bool {
    ctx.lower(k) == "as" && ctx.lower(k + 1).ends_with("ing") && is_cue_verb(ctx.lower(k + 1))
}

/// The subject of `X was quoted as saying`, or the object of `Reuters quoted X
/// as saying`, when the participle cue is word `c`.
fn quoted_as(ctx: &Ctx, c: usize, floor: usize) -> Option<Np> {
    // The word before `as saying`: the passive verb, or the object's last word.
    let k = c.checked_sub(2).filter(|&v| v > floor && as_saying(ctx, v + 1))?;
    if matches!(ctx.lower(k), "quoted" | "cited" | "heard" | "recorded") {
        return np_left(ctx, k, floor);
    }
    let object = ctx.np_ending_at(k, floor)?;
    let lo = object.range().0;
    let cue = lo.checked_sub(1).filter(|&v| v >= floor)?;
    if !ctx.words[cue].cap && is_cue_verb(ctx.lower(cue)) {
        return Some(object);
    }
    // `One of his friends was quoted by The Post as saying`: the passive's subject.
    if ctx.lower(cue) == "by" && cue > floor && matches!(ctx.lower(cue - 1), "quoted" | "cited") {
        return np_left(ctx, cue - 1, floor);
    }
    // `The AP quotes Nicaraguan government spokeswoman Rosario Murillo as saying`:
    // a few words describing the one quoted between.
    (lo.saturating_sub(5).max(floor)..lo)
        .rev()
        .take_while(|&v| ctx.free(v) && ctx.words[v].is_alpha() && ctx.lower(v) != "by")
        .find(|&v| matches!(ctx.lower(v), "quoted" | "quotes" | "quoting" | "cited" | "cites"))
        .map(|_| object)
}

/// The speaker phrase just left of the cue at `c`: fillers (`also`) and
/// appositions (`X, a doctor, said`) skipped.
pub fn np_left(ctx: &Ctx, c: usize, floor: usize) -> Option<Np> {
    let mut k = c;
    while k > floor && is_cue_filler(ctx.lower(k - 1)) {
        k -= 1;
    }
    let mut end = k.checked_sub(1).filter(|&e| e >= floor)?;
    // (`A Twitter account set up to help find him said`: an object pronoun is nobody's subject.)
    if matches!(ctx.lower(end), "him" | "her" | "them") {
        return None;
    }
    if let Some(open) = aside_opening(ctx, end, floor) {
        end = open.checked_sub(1).filter(|&e| e >= floor)?;
    }
    // `Reddit user X, who said`, `the FBI, which stated`, `David Pogue, who after a
    // private briefing with Apple advised`: the relative pronoun's antecedent, when
    // no comma or sentence end comes between the pronoun and the cue.
    let relative = (floor.max(k.saturating_sub(12))..k)
        .rev()
        .take_while(|&j| ctx.free(j) && !ctx.words[j].is(',') && !ctx.words[j].is_terminator())
        .find(|&j| matches!(ctx.lower(j), "who" | "which") && !ctx.is_acronym(j));
    if let Some(r) = relative {
        let comma = r.checked_sub(1).filter(|&e| e > floor && ctx.words[e].is(','))?;
        end = comma - 1;
        // (`Sik Chi Wan, director of the Po Lin Monastery, who said`: the antecedent
        // is the head of the apposition the pronoun follows.)
        let apposition = ctx
            .np_ending_at(end, floor)
            .and_then(|np| inside_apposition(ctx, &np, comma, floor));
        if let Some(c) = apposition {
            end = c;
        }
    }
    while ctx.words[end].is(',') {
        let p = comma_before(ctx, end, floor)?;
        // `A government spokeswoman, Rosario Murillo, said`: a name filling the
        // whole apposition is the speaker.
        if let Some(Np::Name(n)) = ctx.np_ending_at(end - 1, p + 1).map(|np| head_of(ctx, np, p + 1)) {
            // (`One of the journalists detained with Foley in Libya, Clare Morgana
            // Gillis, said`: a name ending a prepositional modifier is not the subject.)
            let subject_left = match p.checked_sub(1).and_then(|e| ctx.np_ending_at(e, floor)) {
                Some(Np::Name(l)) => !l.lo.checked_sub(1).is_some_and(|k| is_preposition(ctx.lower(k))),
                Some(Np::Pronoun(_)) => true,
                _ => false,
            };
            if place_after_place(ctx, &n, p, floor) && comma_before(ctx, p, floor).is_some() {
                end = p;
                continue;
            }
            // (Titles or lower-case role words may open it: `, Rear Adm. John Kirby,
            // said`, `Another resident, community leader Pogu Bitrus, told`.)
            let filled =
                (p + 1..n.lo).all(|k| is_title(ctx.lower(k)) || ctx.words[k].is('.') || ctx.describing_word(k, false));
            if filled && !subject_left {
                return Some(Np::Name(n));
            }
        }
        if let Some(np) = p
            .checked_sub(1)
            .filter(|&e| e >= floor)
            .and_then(|e| ctx.np_ending_at(e, floor))
        {
            // `Bill Konopnicki, a Safford, Ariz., licensee of …, says`, `Alan D'Agosto,
            // president of Panda's Inc., an operator of …, says`: a place after a comma
            // (`City, State,`) and a role's organisation (see [`inside_apposition`]) are
            // inside an apposition whose head is further left, when a comma is.
            if let Some(inner) =
                inside_apposition(ctx, &np, p, floor).filter(|&c| comma_before(ctx, c, floor).is_some())
            {
                end = inner;
                continue;
            }
            return Some(head_of(ctx, np, floor));
        }
        end = p;
    }
    let np = ctx.np_ending_at(end, floor).map(|np| head_of(ctx, np, floor));
    // `Another Islamist posted`, `a Democrat said`: one capitalised word after an
    // indefinite article describes someone unnamed.
    if let Some(Np::Name(n)) = &np {
        let indefinite = n.lo > floor && is_indefinite(ctx.lower(n.lo - 1));
        if n.hi == n.lo + 1 && indefinite && ctx.kind_of(n.ent) != Some("PERSON") {
            return Some(Np::Nominal {
                lo: n.lo - 1,
                hi: n.hi,
                head: n.lo,
                inner: None,
            });
        }
        // `O’Brien and Wright said`: two persons speaking together.
        let first = n.lo.checked_sub(2).filter(|&e| e >= floor && ctx.lower(e + 1) == "and");
        let joint = first
            .and_then(|e| ctx.name_ending_at(e))
            .and_then(|m| joint_names(ctx, m.lo, n.hi))
            .filter(|j| j.hi == n.hi);
        if let Some(j) = joint {
            return Some(Np::Name(j));
        }
    }
    // `Glide in their statement said`: the one speaking in the document.
    if let Some(Np::Nominal { lo, head, .. }) = np {
        let speaking_in = lo > floor + 1 && ctx.lower(lo - 1) == "in" && is_source_noun(ctx.lower(head));
        if let Some(n @ Np::Name(_)) = speaking_in.then(|| ctx.np_ending_at(lo - 2, floor)).flatten() {
            return Some(n);
        }
    }
    // `Dr. Rex Archer, director of Health at the Kansas City Health Department said`:
    // an apposition opened by a role after a person's name, its closing comma missing.
    if let Some(Np::Name(n)) = &np {
        let role_opens = |p: usize| ctx.words.get(p + 1).is_some_and(|w| !w.cap) && is_title(ctx.lower(p + 1));
        let person = |e: usize| match ctx.np_ending_at(e, floor) {
            Some(Np::Name(m)) if ctx.kind_of(m.ent) == Some("PERSON") => Some(Np::Name(m)),
            _ => None,
        };
        if ctx.kind_of(n.ent) != Some("PERSON") {
            if let Some(m) = comma_before(ctx, n.lo, floor)
                .filter(|&p| p > floor && role_opens(p))
                .and_then(|p| person(p - 1))
            {
                return Some(m);
            }
        }
    }
    np
}

/// The last comma among the 20 words before word `at` (from `floor`).
fn comma_before(ctx: &Ctx, at: usize, floor: usize) -> Option<usize> {
    (floor.max(at.saturating_sub(20))..at)
        .rev()
        .find(|&j| ctx.words[j].is(','))
}

/// `an interior decorator in Arnold, Calif., puts it`: the place `n`, after the comma at
/// `p`, follows a place that no comma opens, so both lie in an apposition further left
/// (`a consultant at Arthur D. Little Inc., Cambridge, Mass., said` is read by the caller).
fn place_after_place(ctx: &Ctx, n: &Name, p: usize, floor: usize) -> bool {
    ctx.is_place(n.ent)
        && match p.checked_sub(1).and_then(|e| ctx.np_ending_at(e, floor)) {
            Some(Np::Name(l)) => ctx.is_place(l.ent) && !l.lo.checked_sub(1).is_some_and(|k| ctx.words[k].is(',')),
            _ => false,
        }
}

/// The comma that opens the apposition holding `np`, a name ending before the comma at
/// `p`: the one before a place set off by commas (`a Safford, Ariz.,`), or `p` for the
/// organisation of a role set off by commas, bare or after a person's name (`, president
/// of Panda's Inc.,`, `Joe Mack, a district manager for Cormack Enterprises Inc.,`; not
/// `Last week, a spokesman for Acme Corp.,`).
fn inside_apposition(ctx: &Ctx, np: &Np, p: usize, floor: usize) -> Option<usize> {
    let Np::Name(n) = np else { return None };
    let comma_at = |k: Option<usize>| k.filter(|&k| k >= floor).is_some_and(|k| ctx.words[k].is(','));
    if ctx.is_place(n.ent) && comma_at(n.lo.checked_sub(1)) {
        return Some(n.lo - 1);
    }
    // (`, director of the Po Lin Monastery,`: the organisation may take its article.)
    let before = n.lo.checked_sub(1).filter(|&r| r > floor)?;
    let before = if ctx.lower(before) == "the" { before - 1 } else { before };
    let prep = Some(before).filter(|&r| r > floor && matches!(ctx.lower(r), "of" | "at" | "for"))?;
    let mut start = prep;
    while start > floor && prep - start < 4 && ctx.words[start - 1].is_alpha() && !ctx.words[start - 1].cap {
        start -= 1;
    }
    let comma = start.checked_sub(1).filter(|&c| start < prep && comma_at(Some(c)))?;
    let bare = start + 1 == prep;
    let after_person = comma
        .checked_sub(1)
        .and_then(|e| ctx.np_ending_at(e, floor))
        .is_some_and(|m| matches!(m, Np::Name(m) if ctx.kind_of(m.ent) == Some("PERSON")));
    (bare || after_person).then_some(p)
}

/// Past a bracketed aside opening at word `k` (`Kelly Ayotte (R-N.H.) said`,
/// `Taylor Swift (@taylorswift13) tweeted`): the word after its `)`, if it closes
/// within nine words and before `hi`; else `k`.
fn past_aside(ctx: &Ctx, k: usize, hi: usize) -> usize {
    if !(k < hi && ctx.words[k].is('(')) {
        return k;
    }
    (k + 1..hi.min(k + 10))
        .take_while(|&j| ctx.free(j) && !ctx.words[j].is('('))
        .find(|&j| ctx.words[j].is(')'))
        .map_or(k, |j| j + 1)
}

/// The `(` of a bracketed aside closed at word `end` (at most nine words back, after
/// `floor`), as in `Kelly Ayotte (R-N.H.) said`.
fn aside_opening(ctx: &Ctx, end: usize, floor: usize) -> Option<usize> {
    if !ctx.words[end].is(')') {
        return None;
    }
    (floor.max(end.saturating_sub(9))..end)
        .rev()
        .take_while(|&j| ctx.free(j) && !ctx.words[j].is(')'))
        .find(|&j| ctx.words[j].is('('))
        .filter(|&j| j > floor)
}

/// The phrase a name ending a prepositional modifier belongs to: `Sabine
/// Rollinger, of Vladi Private Islands` / `Alex Sherman of Bloomberg News`
/// (`Greg Myre of the Middle East Institute`) → the person before the
/// preposition; a place after `in` says where the name before it is (`a
/// spokeswoman for the Foreign Office in London`).
fn head_of(ctx: &Ctx, np: Np, floor: usize) -> Np {
    let Np::Name(n) = &np else { return np };
    let Some(mut prep) = n.lo.checked_sub(1).filter(|&k| k > floor) else {
        return np;
    };
    // `Greg Myre of the Middle East Institute`
    if ctx.lower(prep) == "the" && prep > floor + 1 {
        prep -= 1;
    }
    let place_in = ctx.lower(prep) == "in" && ctx.is_place(n.ent);
    if !place_in && !matches!(ctx.lower(prep), "of" | "for" | "at" | "from" | "with" | "on") {
        return np;
    }
    let end = if ctx.words[prep - 1].is(',') { prep - 1 } else { prep };
    match end
        .checked_sub(1)
        .filter(|&e| e >= floor)
        .and_then(|e| ctx.np_ending_at(e, floor))
    {
        Some(head @ Np::Name(_)) if place_in => head_of(ctx, head, floor),
        Some(head @ Np::Name(_)) if ctx.lower(prep) != "on" => head,
        // `A source at Vice told`, `another user on Twitter said`: someone unnamed.
        Some(head @ Np::Nominal { head: h, .. }) if is_unnamed_noun(ctx.lower(h)) => head,
        _ => np,
    }
}

fn before_phrase(ctx: &Ctx, res: &Resolver, qi: usize) -> Found {
    let (lo, b) = before_window(ctx, qi);
    if !(lo..b).any(|k| ctx.words[k].is_alpha()) {
        return Found::Standalone;
    }
    let first = (lo..b).find(|&k| ctx.words[k].is_alpha()).unwrap_or(lo);
    // `According to X, "…"` / `… that according to X is "…"`
    let according = (lo..b)
        .rev()
        .find(|&k| ctx.lower(k) == "according" && ctx.lower(k + 1) == "to")
        .and_then(|k| subject_after_cue(ctx, k + 1, b).map(|np| (np, (k, k + 2))));
    let mut main = first;
    if ctx.opens_adverbial(first) {
        if let Some(c) = (first..b.min(first + 16)).find(|&k| ctx.words[k].is(',')) {
            main = c + 1;
        }
    }
    // `She called him “…”`: the subject's words about the object, not the object's.
    if let Some(c) = name_calling(ctx, b).or_else(|| calling(ctx, b)).filter(|&c| c >= main) {
        return Found::Phrase {
            np: res.main_subject(main, c),
            cue: Some((c, c + 1)),
        };
    }
    // (`as Dorothy Arighi puts it: “…”`: `put it` is a cue.)
    let puts_it = |k: usize| matches!(ctx.lower(k), "put" | "puts") && ctx.lower(k + 1) == "it";
    let cue = (main..b).rev().find(|&k| {
        let w = &ctx.words[k];
        ctx.free(k)
            && w.is_alpha()
            && !w.cap
            && ((is_cue_verb(ctx.lower(k)) && !used_as_noun(ctx, k) && !describes_document(ctx, k))
                || document_reads(ctx, k, main)
                || puts_it(k))
    });
    if let Some(c) = cue {
        // `…, writes the BBC: “…”`: an inverted cue after a comma whose subject ends at
        // the colon before the quotation (when no subject stands left of the cue).
        let inverted = || {
            (c > main && ctx.words[c - 1].is(','))
                .then(|| subject_after_cue(ctx, c, b))
                .flatten()
                .filter(|np| ctx.words.get(np.range().1).is_some_and(|w| w.is(':')))
        };
        // A participle cue (`…, saying "…"`) takes the subject of the whole sentence,
        // or of `quoted as` (`an interview where Nelson was quoted as saying "…"`).
        let np = if let Some(np) = quoted_as(ctx, c, lo) {
            Some(np)
        } else if ctx.lower(c).ends_with("ing") {
            // `…, with one close acquaintance telling the paper: “…”`: the participle's own subject.
            let with =
                np_left(ctx, c, lo).filter(|np| np.range().0.checked_sub(1).is_some_and(|w| ctx.lower(w) == "with"));
            with.or_else(|| last_clause_subject(ctx, res, lo, c))
                .or_else(|| res.main_subject(lo, c))
        } else if let Some(np) = parenthetical_subject(ctx, c, b).or_else(|| what_x_says(ctx, lo, b)) {
            Some(np)
        } else {
            np_left(ctx, c, lo)
                .or_else(inverted)
                .or_else(|| res.main_subject(main, c))
        };
        let np = if matches!(ctx.lower(c), "reports" | "reported" | "report") {
            relayed_subject(ctx, main, c, b).or(np)
        } else {
            np
        };
        // `Seidel is asked, “…?”`, `she was told the seats were “…”`: the subject
        // is the one spoken to.
        let np = np.filter(|_| !spoken_to(ctx, c));
        return Found::Phrase {
            np,
            cue: Some((c, c + 1)),
        };
    }
    // `As Reuters reported, Baghdadi is believed to have three wives, "…"`: the
    // opening `as` clause attributes a sentence with no cue of its own.
    if main > first && ctx.lower(first) == "as" {
        if let Some(c) = (first + 1..main).find(|&k| !ctx.words[k].cap && is_cue_verb(ctx.lower(k))) {
            if let Some(np) = np_left(ctx, c, first + 1) {
                return Found::Phrase {
                    np: Some(np),
                    cue: Some((c, c + 1)),
                };
            }
        }
    }
    let rest_has_words = (main..b).any(|k| ctx.words[k].is_alpha());
    if let (Some((np, cue)), false) = (&according, rest_has_words) {
        return Found::Phrase {
            np: Some(np.clone()),
            cue: Some(*cue),
        };
    }
    // `Until last week, “Everyone felt certain …”`: only a leading adverbial before
    // the quotation, which stands alone as its sentence does (not `As CNN’s Don Lemon
    // put it,` nor `To which Twitter user MAbiga6 replies,`: no name, no cue in it).
    let bare = || (first + 1..main).all(|k| !ctx.words[k].cap && !is_cue_verb(ctx.lower(k)));
    if main > first && !rest_has_words && bare() {
        return Found::Standalone;
    }
    // `But “they weren't on my list …”`, `Now “everybody is …”`: only a conjunction or
    // a sentence adverb opening the sentence before it.
    if ctx.words[first].cap
        && (first..b)
            .filter(|&k| ctx.words[k].is_alpha())
            .all(|k| is_conjunction(ctx.lower(k)) || is_quote_opener(ctx.lower(k)))
    {
        return Found::Standalone;
    }
    let colon = (lo..b)
        .rev()
        .find(|&k| !ctx.words[k].is_quote_mark())
        .is_some_and(|k| ctx.words[k].is(':'));
    // `Recalls Mr. Baxley: “…”`: a capitalised cue opening the sentence, its subject after it.
    // (Not `Wonder Mike and Master Gee issued a statement:`, a name.)
    let verb_first = ctx.words[main].cap
        && ctx.words[main].ent.is_none()
        && is_cue_verb(ctx.lower(main))
        && !ctx.lower(main).ends_with("ing");
    if colon && verb_first {
        if let Some(np) = subject_after_cue(ctx, main, b) {
            return Found::Phrase {
                np: Some(np),
                cue: Some((main, main + 1)),
            };
        }
    }
    if colon {
        return Found::Phrase {
            np: res.main_subject(main, b),
            cue: None,
        };
    }
    match according {
        Some((np, cue)) => Found::Phrase {
            np: Some(np),
            cue: Some(cue),
        },
        // No cue: words quoted inside a sentence whose subject is a named person are
        // that person's (`Max Fisher of Vox praised his "dedication to truth"`),
        // unless they modify a noun (`agreed to a "35 dates in three cities" tour`).
        None => match res.main_subject(main, b) {
            Some(Np::Name(n)) if res.resolve_name(&n).person && !modifies_noun(ctx, qi) => Found::Phrase {
                np: Some(Np::Name(n)),
                cue: None,
            },
            _ => Found::Nothing,
        },
    }
}

/// Whose words an outlet reports with the cue at word `c` (`Huffington Post
/// reports that Wintour hopes “…”`; `Constantine responded again, CBC reported:
/// “…”`): the named subject after `that`, or of an earlier cue in the sentence
/// (not `The Guardian reported that the plan is “…”`: the outlet's own words).
pub fn relayed_subject(ctx: &Ctx, main: usize, c: usize, b: usize) -> Option<Np> {
    let named = |np: &Np| matches!(np, Np::Name(_) | Np::Pronoun(_));
    if ctx.lower(c + 1) == "that" {
        return ctx.np_starting_at(c + 2, b).filter(named);
    }
    let earlier = (main..c)
        .rev()
        .find(|&k| ctx.free(k) && !ctx.words[k].cap && is_cue_verb(ctx.lower(k)))?;
    np_left(ctx, earlier, main).filter(named)
}

/// The named subject of the last of the coordinated clauses in words `lo..c`
/// (`Lawmakers haven't raised it, and President Bush parried the question, saying …`).
fn last_clause_subject(ctx: &Ctx, res: &Resolver, lo: usize, c: usize) -> Option<Np> {
    let joint = (lo + 1..c).rev().find(|&k| {
        ctx.free(k) && (ctx.words[k].is(';') || (matches!(ctx.lower(k), "and" | "but") && ctx.words[k - 1].is(',')))
    })?;
    res.main_subject(joint + 1, c)
        .filter(|np| matches!(np, Np::Name(_) | Np::Pronoun(_)))
}

/// The cue at word `c` is passive with the one spoken to as its subject (`was asked`, `is told`).
fn spoken_to(ctx: &Ctx, c: usize) -> bool {
    matches!(ctx.lower(c), "asked" | "told")
        && c.checked_sub(1)
            .is_some_and(|b| matches!(ctx.lower(b), "is" | "was" | "were" | "are" | "be" | "been" | "being"))
}

/// The word `called` in `called him/her/them` right before word `b` (a quotation's opening mark).
pub fn name_calling(ctx: &Ctx, b: usize) -> Option<usize> {
    let c = b.checked_sub(2)?;
    (matches!(ctx.lower(c), "called" | "calls" | "call") && matches!(ctx.lower(c + 1), "him" | "her" | "them"))
        .then_some(c)
}

/// `called` with a short object right before word `b` (`called ISIS's claim “…”`,
/// `calls the plan “…”`): the subject's words about the object.
fn calling(ctx: &Ctx, b: usize) -> Option<usize> {
    let c = (b.saturating_sub(6)..b.saturating_sub(1))
        .rev()
        .find(|&c| matches!(ctx.lower(c), "called" | "calls" | "call"))?;
    (c + 1..b)
        .all(|k| ctx.free(k) && (ctx.words[k].is_alpha() || matches!(ctx.lower(k), "'s" | "’s" | "'" | "’")))
        .then_some(c)
}

/// The cue word at `k` is a noun here: after a determiner or a possessive
/// (`despite Esquire's report`, `the claims`, `his post`).
fn used_as_noun(ctx: &Ctx, k: usize) -> bool {
    let Some(p) = k.checked_sub(1) else { return false };
    let prev = ctx.lower(p);
    let opens_noun = |w: &str| (is_determiner(w) && !matches!(w, "that" | "one")) || is_possessive(w);
    // `in the Telegraph report`: a name between the determiner and a word that is
    // no verb form there (not `the Times reported`, `the Kremlin says`).
    let word = ctx.lower(k);
    let name_between = || {
        !(word.ends_with("ed") || word.ends_with('s'))
            && ctx.words[p].cap
            && ctx.np_ending_at(p, 0).is_some_and(|np| {
                let lo = np.range().0;
                lo > 0 && lo + 3 >= k && is_determiner(ctx.lower(lo - 1)) && ctx.words[lo - 1].para == ctx.words[k].para
            })
    };
    ctx.words[p].para == ctx.words[k].para && (opens_noun(prev) || name_between())
}

/// The cue word at `k` is a participle describing the document in a prepositional
/// phrase just before it (`said in a statement posted online:`), not the clause's verb
/// (as `said` is in `Glide in their statement said`).
fn describes_document(ctx: &Ctx, k: usize) -> bool {
    let participle = ctx.lower(k).ends_with("ed") && ctx.lower(k) != "said";
    let Some(d) = k
        .checked_sub(1)
        .filter(|&d| participle && is_document_noun(ctx.lower(d)))
    else {
        return false;
    };
    (d.saturating_sub(4)..d)
        .rev()
        .take_while(|&j| ctx.words[j].is_alpha() && !is_cue_verb(ctx.lower(j)))
        .any(|j| is_preposition(ctx.lower(j)))
}

/// Word `k` is `read` with a document as its subject (`the statement read:`).
fn document_reads(ctx: &Ctx, k: usize, floor: usize) -> bool {
    ctx.lower(k) == "read"
        && k.checked_sub(1).filter(|&e| e >= floor).is_some_and(
            |e| matches!(ctx.np_ending_at(e, floor), Some(Np::Nominal { head, .. }) if is_source_noun(ctx.lower(head))),
        )
}

/// Quotation `qi` sits between a determiner and a lower-case word: `a "…" tour`.
fn modifies_noun(ctx: &Ctx, qi: usize) -> bool {
    let q = &ctx.quotes[qi];
    let next = ctx.words.get(q.after);
    q.first.checked_sub(1).is_some_and(|k| is_determiner(ctx.lower(k)))
        && next.is_some_and(|w| w.is_alpha() && !w.cap && !is_preposition(ctx.low(w)))
}

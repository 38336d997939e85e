//! Word lists used by quote attribution: data files under `data/` (the
//! [`newsdesk_core::wordlist`] format), embedded and built once into [`WordMap`]s.
use crate::word_map::WordMap;
use newsdesk_core::wordlist;
use std::sync::LazyLock;

/// Word lookups run for every word of every document: see [`WordMap`].
type WordSet = WordMap<()>;

/// The embedded lists, by file name.
const LISTS: &[(&str, &str)] = &[
    ("cue_verbs.txt", include_str!("../data/cue_verbs.txt")),
    ("cue_fillers.txt", include_str!("../data/cue_fillers.txt")),
    ("titles.txt", include_str!("../data/titles.txt")),
    ("pronouns.txt", include_str!("../data/pronouns.txt")),
    ("determiners.txt", include_str!("../data/determiners.txt")),
    ("document_nouns.txt", include_str!("../data/document_nouns.txt")),
    ("outlets.txt", include_str!("../data/outlets.txt")),
    ("title_markers.txt", include_str!("../data/title_markers.txt")),
    ("non_name_caps.txt", include_str!("../data/non_name_caps.txt")),
    ("org_words.txt", include_str!("../data/org_words.txt")),
    ("clause_openers.txt", include_str!("../data/clause_openers.txt")),
    ("name_particles.txt", include_str!("../data/name_particles.txt")),
    (
        "title_function_words.txt",
        include_str!("../data/title_function_words.txt"),
    ),
    ("name_connectors.txt", include_str!("../data/name_connectors.txt")),
    ("prepositions.txt", include_str!("../data/prepositions.txt")),
    ("first_name_gender.txt", include_str!("../data/first_name_gender.txt")),
    ("conjunctions.txt", include_str!("../data/conjunctions.txt")),
    ("quote_openers.txt", include_str!("../data/quote_openers.txt")),
    ("person_nouns.txt", include_str!("../data/person_nouns.txt")),
    ("gender_nouns.txt", include_str!("../data/gender_nouns.txt")),
    ("noun_openers.txt", include_str!("../data/noun_openers.txt")),
    ("group_nouns.txt", include_str!("../data/group_nouns.txt")),
    ("institution_nouns.txt", include_str!("../data/institution_nouns.txt")),
    ("name_introducers.txt", include_str!("../data/name_introducers.txt")),
    ("lower_openers.txt", include_str!("../data/lower_openers.txt")),
    ("name_titles.txt", include_str!("../data/name_titles.txt")),
    ("title_gender.txt", include_str!("../data/title_gender.txt")),
    ("first_person.txt", include_str!("../data/first_person.txt")),
    ("user_nouns.txt", include_str!("../data/user_nouns.txt")),
    ("kin_nouns.txt", include_str!("../data/kin_nouns.txt")),
    ("unnamed_nouns.txt", include_str!("../data/unnamed_nouns.txt")),
    ("publication_words.txt", include_str!("../data/publication_words.txt")),
];

fn text(name: &str) -> &'static str {
    LISTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .expect("every list read is in LISTS")
}

/// The entries of an embedded list (their validity is a unit test).
fn entries(name: &'static str) -> Vec<wordlist::Entry<'static>> {
    wordlist::parse(text(name), name, 1, 2).expect("embedded word lists parse (tested)")
}

fn set(names: &[&'static str]) -> WordSet {
    names
        .iter()
        .flat_map(|n| entries(n))
        .map(|e| (e.fields[0], ()))
        .collect()
}

static CUE_VERBS: LazyLock<WordSet> = LazyLock::new(|| set(&["cue_verbs.txt"]));
static CUE_FILLERS: LazyLock<WordSet> = LazyLock::new(|| set(&["cue_fillers.txt"]));
/// Titles, and the role noun of an abbreviated or variant title.
static TITLES: LazyLock<WordMap<&'static str>> = LazyLock::new(|| {
    entries("titles.txt")
        .into_iter()
        .map(|e| (e.fields[0], *e.fields.last().expect("one field at least")))
        .collect()
});
static PRONOUNS: LazyLock<WordSet> = LazyLock::new(|| set(&["pronouns.txt"]));
static DETERMINERS: LazyLock<WordSet> = LazyLock::new(|| set(&["determiners.txt"]));
static SOURCE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(&["document_nouns.txt", "outlets.txt"]));
static OUTLET_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(&["outlets.txt"]));
static KIN_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(&["kin_nouns.txt"]));
static UNNAMED_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(&["unnamed_nouns.txt"]));
static PUBLICATION_WORDS: LazyLock<WordSet> = LazyLock::new(|| set(&["publication_words.txt"]));
static TITLE_MARKERS: LazyLock<WordSet> = LazyLock::new(|| set(&["title_markers.txt"]));
static NON_NAME_CAPS: LazyLock<WordSet> = LazyLock::new(|| set(&["non_name_caps.txt"]));
static LOWER_OPENERS: LazyLock<WordSet> = LazyLock::new(|| set(&["lower_openers.txt"]));
static ORG_WORDS: LazyLock<WordSet> = LazyLock::new(|| set(&["org_words.txt"]));
static NAME_TITLES: LazyLock<WordSet> = LazyLock::new(|| set(&["name_titles.txt"]));
static CLAUSE_OPENERS: LazyLock<WordSet> = LazyLock::new(|| set(&["clause_openers.txt"]));
static NAME_PARTICLES: LazyLock<WordSet> = LazyLock::new(|| set(&["name_particles.txt"]));
static TITLE_FUNCTION_WORDS: LazyLock<WordSet> = LazyLock::new(|| set(&["title_function_words.txt"]));
static NAME_CONNECTORS: LazyLock<WordSet> = LazyLock::new(|| set(&["name_connectors.txt"]));
static PREPOSITIONS: LazyLock<WordSet> = LazyLock::new(|| set(&["prepositions.txt"]));
static CONJUNCTIONS: LazyLock<WordSet> = LazyLock::new(|| set(&["conjunctions.txt"]));
static QUOTE_OPENERS: LazyLock<WordSet> = LazyLock::new(|| set(&["quote_openers.txt"]));
static NOUN_OPENERS: LazyLock<WordSet> = LazyLock::new(|| set(&["noun_openers.txt"]));
static GROUP_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(&["group_nouns.txt"]));
static INSTITUTION_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(&["institution_nouns.txt"]));
static FIRST_PERSON: LazyLock<WordSet> = LazyLock::new(|| set(&["first_person.txt"]));
static USER_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(&["user_nouns.txt"]));
static NAME_INTRODUCERS: LazyLock<WordSet> = LazyLock::new(|| set(&["name_introducers.txt"]));
/// Head nouns describing a person, with the gender they imply (`""`: none).
static PERSON_NOUNS: LazyLock<WordMap<&'static str>> = LazyLock::new(|| gendered("person_nouns.txt"));
/// Nouns that say only a person's gender.
static GENDER_NOUNS: LazyLock<WordMap<&'static str>> = LazyLock::new(|| gendered("gender_nouns.txt"));

/// A list of words with an optional gender field (`""`: none).
fn gendered(name: &'static str) -> WordMap<&'static str> {
    entries(name)
        .into_iter()
        .map(|e| (e.fields[0], e.fields.get(1).copied().unwrap_or("")))
        .collect()
}
/// Honorifics that give a gender.
static TITLE_GENDER: LazyLock<WordMap<&'static str>> = LazyLock::new(|| gendered("title_gender.txt"));
/// First names whose census frequency is clearly one gender's (`f`/`m`).
static FIRST_NAME_GENDER: LazyLock<WordMap<&'static str>> = LazyLock::new(|| gendered("first_name_gender.txt"));

/// Verbs (any form) that introduce reported speech or writing.
pub fn is_cue_verb(w: &str) -> bool {
    CUE_VERBS.contains_key(w)
}
/// Words for a site's user, before a handle (`Redditor doctorkuddles`).
pub fn is_user_noun(w: &str) -> bool {
    USER_NOUNS.contains_key(w)
}
/// Words between a speaker and its cue verb (`Painter also said`).
pub fn is_cue_filler(w: &str) -> bool {
    CUE_FILLERS.contains_key(w)
}
/// The role noun a title word stands for, if it is a title (`Col.` → `colonel`).
pub fn title_role(lower: &str) -> Option<&'static str> {
    let role = TITLES.get(lower.trim_end_matches('.'))?;
    TITLES.get_key_value(role).map(|(k, _)| *k)
}
/// Titles and roles stripped from the front of a person's name.
pub fn is_title(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    // `prosecutor-general`, `director-general`: titles joined by a hyphen.
    TITLES.contains_key(w) || (w.contains('-') && w.split('-').all(|p| TITLES.contains_key(p)))
}
/// A title that stays part of a person's name (`Pope Francis`, `Prince Harry`).
pub fn is_name_title(w: &str) -> bool {
    NAME_TITLES.contains_key(w.trim_end_matches('.'))
}
/// Pronouns that take their referent from earlier text (`it`: an organisation),
/// also with an auxiliary's clitic (`he'll`).
pub fn is_pronoun(w: &str) -> bool {
    PRONOUNS.contains_key(pronoun_part(w))
}
/// A pronoun without the clitic of an auxiliary it is written with (`he'll`,
/// `she’d`, `i'm`, `they've` → `he`, `she`, `i`, `they`: `"…," he'll say`);
/// any other word as it is.
pub fn pronoun_part(w: &str) -> &str {
    match w.rsplit_once(['\'', '’']) {
        Some((head, "ll" | "d" | "ve" | "re" | "m")) if !head.is_empty() => head,
        _ => w,
    }
}
/// Determiners that open a common-noun phrase (`the colonel`, `a source`).
pub fn is_determiner(w: &str) -> bool {
    DETERMINERS.contains_key(w)
}
/// Nouns naming a document or outlet: "the statement/paper said" speaks for its source.
pub fn is_source_noun(w: &str) -> bool {
    SOURCE_NOUNS.contains_key(w)
}
/// A document among the source nouns (`statement`, `tweet`; not an outlet such as `blog`).
pub fn is_document_noun(w: &str) -> bool {
    is_source_noun(w) && !is_outlet_noun(w)
}
/// Outlets and organisations (rather than documents) among the source nouns.
pub fn is_outlet_noun(w: &str) -> bool {
    OUTLET_NOUNS.contains_key(w)
}
/// Words that, just before a quotation, mark it as a title or a saying, not speech.
pub fn is_title_marker(w: &str) -> bool {
    TITLE_MARKERS.contains_key(w)
}
/// Capitalised words that open sentences without being (part of) names.
pub fn is_non_name_cap(w: &str) -> bool {
    NON_NAME_CAPS.contains_key(w)
}
/// Common lower-case words, never names, that are capitalised only when they open a
/// sentence (`Currently`, `Finally`, `Officials`; counted on OntoNotes train).
pub fn is_lower_opener(w: &str) -> bool {
    LOWER_OPENERS.contains_key(w)
}
/// Last words that mark a capitalised sequence as an organisation.
pub fn is_org_word(w: &str) -> bool {
    ORG_WORDS.contains_key(w)
}
/// Adverbial openers whose clause (up to the first comma) precedes a sentence's subject.
pub fn is_clause_opener(w: &str) -> bool {
    CLAUSE_OPENERS.contains_key(w)
}
/// Name-internal particles written in lower case (`al-Adnani`, `van Gogh`).
pub fn is_name_particle(w: &str) -> bool {
    NAME_PARTICLES.contains_key(w) || w.starts_with("al-") || w.starts_with("el-")
}
/// Function words that stay lower case in titles of works.
pub fn is_title_function_word(w: &str) -> bool {
    TITLE_FUNCTION_WORDS.contains_key(w)
}
/// Lower-case connectors allowed inside a capitalised name (`Coordinator for Cyber Issues`).
pub fn is_name_connector(w: &str) -> bool {
    NAME_CONNECTORS.contains_key(w)
}
/// Prepositions, conjunctions and relatives that end a speaker phrase.
pub fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains_key(w)
}
/// An article or possessive (`a`, `his`; not `one`): a cue word after it is a noun.
pub fn is_noun_opener(w: &str) -> bool {
    NOUN_OPENERS.contains_key(w)
}
/// A plural noun naming a group of people (`members`, `officials`).
pub fn is_group_noun(w: &str) -> bool {
    GROUP_NOUNS.contains_key(w)
}

/// The head of `the government` / `the police force`: a public body that,
/// unnamed, speaks as the phrase itself.
pub fn is_institution_noun(w: &str) -> bool {
    INSTITUTION_NOUNS.contains_key(w)
}

/// A word after which a quoted word is a user name (`named`, `user`).
pub fn is_name_introducer(w: &str) -> bool {
    NAME_INTRODUCERS.contains_key(w)
}

/// A first-person pronoun (`i`, `our`, `i'm`).
pub fn is_first_person(w: &str) -> bool {
    FIRST_PERSON.contains_key(pronoun_part(w))
}
/// Words opening a clause of its own after a quotation (`and`, `which`).
pub fn is_conjunction(w: &str) -> bool {
    CONJUNCTIONS.contains_key(w)
}
/// A sentence adverb that may open a quotation standing alone (`Now “…”`).
pub fn is_quote_opener(w: &str) -> bool {
    QUOTE_OPENERS.contains_key(w)
}
/// A head noun describing a person (`actress`, `republican`): `Some` with the
/// gender it implies (`f`/`m`), or `Some(None)` for either.
pub fn person_noun(w: &str) -> Option<Option<&'static str>> {
    PERSON_NOUNS.get(w).map(|g| (!g.is_empty()).then_some(*g))
}
/// A family relation (`mother`, `nephew`).
pub fn is_kin_noun(w: &str) -> bool {
    KIN_NOUNS.contains_key(w)
}
/// A person speaking for no organisation named after them (`a source at X`).
pub fn is_unnamed_noun(w: &str) -> bool {
    UNNAMED_NOUNS.contains_key(w)
}
/// The last word of a publication's name (`post`, `yorker`).
pub fn is_publication_word(w: &str) -> bool {
    PUBLICATION_WORDS.contains_key(w)
}
/// A noun that says only a person's gender (`woman` → `f`).
pub fn gender_noun(w: &str) -> Option<&'static str> {
    GENDER_NOUNS.get(w).copied()
}

/// The gender (`f`/`m`) an honorific (lower case, `mrs.` or `mrs`) gives.
pub fn title_gender(w: &str) -> Option<&'static str> {
    TITLE_GENDER
        .get(w.trim_end_matches('.'))
        .copied()
        .filter(|g| !g.is_empty())
}
/// The gender (`f`/`m`) a first name (lower case) usually has, if clear.
pub fn first_name_gender(w: &str) -> Option<&'static str> {
    FIRST_NAME_GENDER.get(w).copied().filter(|g| !g.is_empty())
}
/// The gender (`f`/`m`) of a personal pronoun (lower case, `he'd` too), if it has one.
pub fn pronoun_gender(w: &str) -> Option<&'static str> {
    match pronoun_part(w) {
        "he" | "him" | "his" | "himself" => Some("m"),
        "she" | "her" | "hers" | "herself" => Some("f"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse_and_are_lower_case() {
        for (name, text) in LISTS {
            let entries = wordlist::parse(text, name, 1, 2).unwrap();
            assert!(!entries.is_empty(), "{name}");
            for e in entries {
                assert!(e.fields.iter().all(|f| *f == f.to_lowercase()), "{name}:{}", e.line);
            }
        }
    }

    #[test]
    fn lookups() {
        assert!(is_cue_verb("said") && !is_cue_verb("dog"));
        assert!(is_name_title("pope") && !is_name_title("president"));
        assert!(NAME_TITLES.keys().all(|t| is_title(t)), "a name title is a title");
        assert_eq!(title_role("Col.".to_lowercase().as_str()), Some("colonel"));
        assert_eq!(title_role("spokeswoman"), Some("spokesman"));
        assert_eq!(title_role("president"), Some("president"));
        assert!(is_name_particle("al-qaeda") && is_preposition("of"));
        assert_eq!(first_name_gender("mary"), Some("f"));
        assert_eq!(first_name_gender("james"), Some("m"));
        assert_eq!(first_name_gender("taylor"), None);
        assert_eq!(title_gender("mrs."), Some("f"));
        assert_eq!(title_gender("president"), None);
        assert!(TITLE_GENDER.keys().all(|t| is_title(t)), "an honorific is a title");
        assert!(is_conjunction("and") && !is_conjunction("said"));
        assert!(is_first_person("we") && !is_first_person("they"));
        assert!(is_first_person("i’m") && is_first_person("we've") && !is_first_person("they'll"));
        assert!(is_pronoun("he'll") && is_pronoun("they’d") && !is_pronoun("he's") && !is_pronoun("'ll"));
        assert_eq!(pronoun_gender("she’d"), Some("f"));
        assert_eq!(pronoun_part("o'reilly"), "o'reilly");
        assert!(is_noun_opener("his") && !is_noun_opener("one"));
        assert_eq!(person_noun("actress"), Some(Some("f")));
        assert_eq!(gender_noun("woman"), Some("f"));
        assert_eq!(person_noun("woman"), None);
        assert_eq!(person_noun("republican"), Some(None));
        assert_eq!(person_noun("statement"), None);
    }
}

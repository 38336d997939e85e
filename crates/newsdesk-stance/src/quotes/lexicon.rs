//! Word lists used by quote attribution, built once into hash sets.
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A small multiplicative hash: word lookups run for every word of every
/// document, and SipHash's DoS resistance buys nothing for fixed word lists.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

fn set(words: &[&'static str]) -> WordSet {
    words.iter().copied().collect()
}

/// Verbs (any form) that introduce reported speech or writing.
static CUE_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
        "adding", "write", "writes", "wrote", "writing", "state", "states", "stated", "explain",
        "explains", "explained", "explaining", "note", "notes", "noted", "noting", "ask", "asks",
        "asked", "asking", "argue", "argues", "argued", "arguing", "insist", "insists", "insisted",
        "insisting", "continue", "continues", "continued", "continuing", "tweet", "tweets",
        "tweeted", "tweeting", "post", "posted", "declare", "declares", "declared", "declaring",
        "announce", "announces", "announced", "comment", "comments", "commented", "remark",
        "remarked", "reply", "replies", "replied", "respond", "responds", "responded", "answer",
        "answered", "warn", "warns", "warned", "warning", "urge", "urged", "claim", "claims",
        "claimed", "claiming", "admit", "admits", "admitted", "acknowledge", "acknowledged",
        "concede", "conceded", "suggest", "suggested", "recall", "recalls", "recalled",
        "recalling", "describe", "described", "describing", "term", "termed", "quote", "quoted",
        "testify", "testified", "confirm", "confirmed", "deny", "denied", "shout", "shouted",
        "yell", "yelled", "cry", "cried", "whisper", "whispered", "joke", "joked", "muse", "mused",
        "observe", "observed", "conclude", "concluded", "report", "reported", "reports", "boast",
        "boasted", "vow", "vowed", "promise", "promised", "predict", "predicted", "plead",
        "pleaded", "pled", "told", "emailed", "texted", "wrote", "blogged", "exclaimed",
        "stressed", "emphasized", "emphasised", "maintained", "mocked", "mocking", "complained",
        "lamented", "conceded", "retorted", "countered", "speculated", "fumed", "wonder",
        "wonders", "wondered", "laughed", "sighed", "snapped", "scoffed", "gushed", "raved",
        "recounted", "reiterated", "elaborated", "clarified", "cautioned", "recalled",
        "quipped",
    ])
});

/// Words that may sit between a speaker and its cue verb (`Painter also said`).
static CUE_FILLERS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "also", "further", "later", "then", "quietly", "previously", "once", "recently", "again",
        "has", "had", "have", "was", "is", "were", "are", "been", "be", "will", "would", "did",
        "does", "reportedly", "simply", "just", "only", "earlier", "first", "finally", "flatly",
        "firmly", "repeatedly", "publicly", "privately", "angrily", "calmly", "bluntly", "still",
        "even", "categorically", "immediately", "subsequently", "separately", "not",
    ])
});

/// Titles and roles stripped from the front of a person's name.
static TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "president", "vice", "secretary", "minister", "prime", "ambassador", "coordinator",
        "spokesman", "spokeswoman", "spokesperson", "director", "chairman", "chairwoman", "chair",
        "ceo", "cfo", "coo", "cto", "chief", "executive", "officer", "official", "head", "leader",
        "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor",
        "gov", "mayor", "judge", "justice", "attorney", "general", "gen", "colonel", "col", "lt",
        "lieutenant", "major", "maj", "captain", "capt", "sergeant", "sgt", "admiral", "adm",
        "commander", "cmdr", "army", "navy", "mp", "mep", "king", "queen", "prince", "princess",
        "pope", "sheikh", "dr", "mr", "mrs", "ms", "miss", "sir", "lord", "lady", "professor",
        "prof", "analyst", "economist", "columnist", "editor", "reporter", "correspondent",
        "anchor", "host", "founder", "co-founder", "manager", "deputy", "assistant", "senior",
        "former", "sen.", "chancellor", "premier", "councillor", "councilman", "councilwoman",
        "superintendent", "inspector", "detective", "sheriff", "chef", "coach", "pastor",
        "reverend", "rev", "father", "bishop", "cardinal", "rabbi", "imam", "ayatollah", "emir",
        "dean", "provost", "principal", "lawyer", "doctor", "scientist", "researcher", "author",
        "actor", "actress", "singer", "star", "spokesmen", "meteorologist", "gynecologist",
        "insider", "expert", "writer", "blogger", "commentator", "strategist", "adviser", "advisor",
        "aide", "negotiator", "envoy", "delegate", "lawmaker", "legislator", "candidate", "nominee",
        "publisher", "producer", "gm", "volcanologist", "physician", "surgeon", "chairperson",
        "treasurer", "comptroller", "attorney-general", "secretary-general", "president-elect",
        "resident", "gardener", "user", "activist", "member", "employee", "worker", "student",
        "teacher", "farmer", "witness", "neighbour", "neighbor", "investor", "entrepreneur",
        "player", "striker", "midfielder", "defender", "goalkeeper", "boss", "veteran", "survivor",
        "pilot", "soldier", "cleric", "preacher", "scholar", "historian", "journalist",
        "photographer", "presenter", "comedian", "rapper", "musician", "artist", "designer",
        "engineer", "trader", "banker", "prosecutor", "ecologist", "biologist", "physicist",
        "chemist", "astronomer", "psychologist", "psychiatrist", "nurse", "paramedic", "medic",
        "firefighter", "trooper", "marshal", "constable", "chancellor", "magistrate", "commissioner",
        "superintendent", "chief-of-staff", "undersecretary", "attache", "consul",
    ])
});

/// Abbreviated titles and the role noun they stand for (`Col.` ~ `the colonel`).
fn expand_title(word: &str) -> &str {
    match word {
        "col" => "colonel",
        "gen" => "general",
        "lt" => "lieutenant",
        "maj" => "major",
        "capt" => "captain",
        "sgt" => "sergeant",
        "adm" => "admiral",
        "cmdr" => "commander",
        "sen" | "sen." => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "prof" => "professor",
        "dr" => "doctor",
        "rev" => "reverend",
        "spokeswoman" | "spokesperson" | "spokesmen" => "spokesman",
        other => other,
    }
}

/// Person-referring pronouns that take their referent from earlier text.
static PRONOUNS: LazyLock<WordSet> =
    LazyLock::new(|| set(&["he", "she", "they", "him", "her"]));

/// Determiners that open a common-noun phrase (`the colonel`, `a source`).
static DETERMINERS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&["the", "a", "an", "one", "another", "this", "that", "his", "her", "its", "their", "our", "some"])
});

/// Nouns naming a document or outlet: "the statement/paper said" speaks for its source.
static SOURCE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "statement", "release", "report", "filing", "piece", "article", "paper", "newspaper",
        "message", "post", "website", "site", "blog", "channel", "network", "broadcaster",
        "company", "firm", "group", "agency", "ministry", "department", "daily", "outlet",
        "magazine", "journal", "tabloid", "broadcast", "announcement", "communique", "memo",
        "letter", "document", "study",
    ])
});

/// Outlets and organisations (rather than documents) among [`SOURCE_NOUNS`].
static OUTLET_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "paper", "newspaper", "website", "site", "blog", "channel", "network", "broadcaster",
        "company", "firm", "group", "agency", "ministry", "department", "daily", "outlet",
        "magazine", "journal", "tabloid",
    ])
});

/// Words that, just before a quotation, mark it as a title or a saying, not speech.
static TITLE_MARKERS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "titled", "entitled", "called", "named", "dubbed", "headlined", "adage", "slogan",
        "motto", "proverb", "hashtag", "headline", "nicknamed", "branded", "song", "album",
        "book", "film", "movie", "show", "series", "programme", "program", "caption", "banner", "maxim", "catchphrase", "mantra", "tagline",
    ])
});

/// Capitalised words that open sentences without being (part of) names.
static NON_NAME_CAPS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "as", "when", "then",
        "meanwhile", "however", "also", "now", "later", "earlier", "last", "this", "that", "these",
        "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our",
        "my", "if", "while", "after", "before", "since", "because", "although", "though", "to",
        "for", "from", "with", "by", "of", "about", "according", "one", "some", "many", "other",
        "there", "here", "what", "who", "which", "where", "why", "how", "not", "no", "yes", "all",
        "both", "each", "every", "such", "just", "even", "still", "instead", "only", "until",
        "despite", "during", "under", "over", "between", "into", "amid", "among", "asked",
        "speaking", "addressing", "listening", "separately", "nevertheless", "indeed", "overall",
        "today", "yesterday", "tomorrow", "on", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "sept", "oct", "nov",
        "dec", "jan", "feb", "aug", "reports", "photos", "watch", "please", "story", "another",
        "any", "most", "more", "few", "several", "whose", "whom",
    ])
});

/// Last words that mark a capitalised sequence as an organisation.
static ORG_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "times", "news", "post", "journal", "department", "ministry", "inc", "inc.", "corp",
        "corp.", "ltd", "llc", "lp", "co", "co.", "group", "party", "council", "agency",
        "association", "institute", "university", "college", "bank", "committee", "commission",
        "office", "service", "services", "media", "press", "tv", "radio", "network", "daily",
        "herald", "tribune", "telegraph", "guardian", "mail", "mirror", "star", "sun", "express",
        "independent", "observer", "gazette", "review", "magazine", "house", "senate", "congress",
        "pentagon", "police", "army", "navy", "government", "administration", "court",
        "foundation", "organization", "organisation", "union", "league", "federation",
        "company", "airlines", "reuters", "ap", "afp", "bbc", "cnn", "nbc", "abc", "cbs", "fox",
        "state",
    ])
});

/// Adverbial openers whose clause (up to the first comma) precedes a sentence's subject.
static CLAUSE_OPENERS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "as", "according", "when", "if", "after", "before", "since", "because", "although",
        "though", "while", "to", "in", "on", "at", "for", "from", "with", "by", "during", "despite",
        "under", "amid", "meanwhile", "however", "separately", "instead", "nevertheless", "last",
        "earlier", "later", "asked", "speaking", "addressing", "listening", "calling", "outside",
        "inside",
    ])
});

pub fn is_cue_verb(w: &str) -> bool {
    CUE_VERBS.contains(w)
}
pub fn is_cue_filler(w: &str) -> bool {
    CUE_FILLERS.contains(w)
}
/// The role noun a title word stands for, if it is a title (`Col.` → `colonel`).
pub fn title_role(lower: &str) -> Option<&'static str> {
    let l = lower.trim_end_matches('.');
    if !TITLES.contains(l) {
        return None;
    }
    TITLES.get(expand_title(l)).copied()
}
pub fn is_title(w: &str) -> bool {
    TITLES.contains(w.trim_end_matches('.'))
}
pub fn is_pronoun(w: &str) -> bool {
    PRONOUNS.contains(w)
}
pub fn is_determiner(w: &str) -> bool {
    DETERMINERS.contains(w)
}
pub fn is_source_noun(w: &str) -> bool {
    SOURCE_NOUNS.contains(w)
}
pub fn is_outlet_noun(w: &str) -> bool {
    OUTLET_NOUNS.contains(w)
}
pub fn is_title_marker(w: &str) -> bool {
    TITLE_MARKERS.contains(w)
}
pub fn is_non_name_cap(w: &str) -> bool {
    NON_NAME_CAPS.contains(w)
}
pub fn is_org_word(w: &str) -> bool {
    ORG_WORDS.contains(w)
}
pub fn is_clause_opener(w: &str) -> bool {
    CLAUSE_OPENERS.contains(w)
}
/// Name-internal particles written in lower case (`al-Adnani`, `van Gogh`).
pub fn is_name_particle(w: &str) -> bool {
    matches!(w, "al" | "el" | "bin" | "ibn" | "van" | "von" | "de" | "da" | "di" | "du" | "le" | "la" | "der" | "den")
        || w.starts_with("al-")
        || w.starts_with("el-")
}
/// Function words that stay lower case in titles of works.
pub fn is_title_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "the" | "of" | "in" | "on" | "at" | "to" | "for" | "with" | "from" | "by" | "and"
            | "or" | "but" | "into" | "over" | "under" | "upon" | "as" | "is" | "are" | "be" | "nor"
            | "so" | "yet" | "up" | "off" | "out" | "via" | "vs" | "vs."
    )
}

/// Lower-case connectors allowed inside a capitalised name (`Coordinator for Cyber Issues`).
pub fn is_name_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "to" | "the" | "&")
}

//! HTML rendering of a [`Doc`] (also Python's `newsdesk.render` and
//! `Doc._repr_html_`): sentences, entities highlighted by type in displaCy's
//! colours, quotes with their speakers, scraped-web debris struck through, and
//! the stance of the article and of each quoted speaker towards each claim.
use crate::Offsets;
use newsdesk_core::{Doc, StanceScores};
use newsdesk_tokenize::TokenKind;
use std::fmt::Write;

/// Colours per entity label, as people know them from displaCy.
fn color(label: &str) -> &'static str {
    match label {
        "PERSON" | "PER" => "#aa9cfc",
        "ORG" => "#7aecec",
        "GPE" => "#feca74",
        "LOC" => "#ff9561",
        "NORP" => "#c887fb",
        "FAC" => "#9cc9cc",
        "EVENT" => "#ffeb80",
        "LAW" | "LANGUAGE" => "#ff8197",
        "PRODUCT" => "#bfeeb7",
        "WORK_OF_ART" => "#f0d0ff",
        "DATE" | "TIME" => "#bfe1d9",
        "MONEY" | "QUANTITY" | "ORDINAL" | "CARDINAL" | "PERCENT" => "#e4e7d2",
        _ => "#ddd",
    }
}

const STYLE: &str = "<style>\
.newsdesk-doc{line-height:2.4;white-space:pre-wrap;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px}\
.newsdesk-doc .nd-sent{border-left:2px solid #d0d7de;padding-left:3px}\
.newsdesk-doc .nd-quote{background:#fff6d5;font-style:italic}\
.newsdesk-doc .nd-who{font-size:0.7em;font-weight:bold;color:#8a6d00;margin-left:0.3em;font-style:normal}\
.newsdesk-doc .nd-ent{padding:0.2em 0.35em;margin:0 0.1em;border-radius:0.35em;line-height:1;font-style:normal}\
.newsdesk-doc .nd-label{font-size:0.65em;font-weight:bold;margin-left:0.4em;vertical-align:middle;text-transform:uppercase}\
.newsdesk-doc .nd-mention{border-bottom:2px solid #8a6d00}\
.newsdesk-doc .nd-debris{color:#999;text-decoration:line-through}\
.newsdesk-stances{font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;margin-bottom:0.8em}\
.newsdesk-stances .nd-stance{padding:0.1em 0.4em;border-radius:0.3em;font-weight:bold;font-size:0.85em}\
.newsdesk-stances .nd-agree{background:#c8f0c0}.newsdesk-stances .nd-disagree{background:#ffc4c4}\
.newsdesk-stances .nd-discuss{background:#cfe0ff}.newsdesk-stances .nd-unrelated{background:#e8e8e8}\
</style>";

/// One annotation to draw: chars `start..end`, nesting `level` (outer first),
/// the tags around it, and what to show once at its real end.
struct Mark {
    start: u32,
    end: u32,
    level: u8,
    open: String,
    close: &'static str,
    tail: String,
}

/// `s` with `& < > " '` escaped, for HTML text and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

fn marks(doc: &Doc) -> Vec<Mark> {
    let d = doc;
    let mut marks = Vec::new();
    for (i, s) in d.sents.iter().enumerate() {
        let (start, end) = doc.chars_of_tokens(s.start, s.end);
        let open = format!("<span class=\"nd-sent\" title=\"sentence {}\">", i + 1);
        marks.push(Mark {
            start,
            end,
            level: 0,
            open,
            close: "</span>",
            tail: String::new(),
        });
    }
    for (i, q) in d.quotes.iter().enumerate() {
        let who = q.speaker.as_ref().map(|s| match &s.label {
            Some(label) => format!("{} ({label})", s.name),
            None => s.name.clone(),
        });
        let cue = q.cue.as_ref().map(|c| doc.text_between(c.start_char, c.end_char));
        // (the learned ranker's probability for that speaker, or for nobody)
        let score = q.speaker_score.map_or(String::new(), |p| format!(", score {p:.2}"));
        let title = format!(
            "quote {}; speaker: {}{score}; cue: {}",
            i + 1,
            who.as_deref().unwrap_or("none"),
            cue.unwrap_or("none")
        );
        let tail = who.map_or(String::new(), |w| {
            format!("<span class=\"nd-who\">— {}</span>", escape_html(&w))
        });
        let open = format!("<span class=\"nd-quote\" title=\"{}\">", escape_html(&title));
        marks.push(Mark {
            start: q.start_char,
            end: q.end_char,
            level: 1,
            open,
            close: "</span>",
            tail,
        });
    }
    for e in &d.ents {
        let open = format!(
            "<mark class=\"nd-ent\" style=\"background:{}\" title=\"{} {:.2}\">",
            color(&e.label),
            escape_html(&e.label),
            e.score
        );
        let tail = format!("<span class=\"nd-label\">{}</span>", escape_html(&e.label));
        marks.push(Mark {
            start: e.start_char,
            end: e.end_char,
            level: 2,
            open,
            close: "</mark>",
            tail,
        });
    }
    let mut mentions: Vec<(u32, u32, &str)> = d
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|s| (s.mention.start_char, s.mention.end_char, s.name.as_str()))
        .collect();
    mentions.sort_unstable();
    mentions.dedup();
    for (start, end, name) in mentions {
        let open = format!("<span class=\"nd-mention\" title=\"speaker: {}\">", escape_html(name));
        marks.push(Mark {
            start,
            end,
            level: 3,
            open,
            close: "</span>",
            tail: String::new(),
        });
    }
    for t in d.tokens.iter().filter(|t| t.kind == TokenKind::Debris) {
        let open = "<span class=\"nd-debris\" title=\"debris (not content)\">".to_string();
        marks.push(Mark {
            start: t.char_start,
            end: t.char_end,
            level: 4,
            open,
            close: "</span>",
            tail: String::new(),
        });
    }
    marks.retain(|m| m.start < m.end);
    marks
}

/// The document as an HTML fragment (a `<style>`, the claims' stances if it
/// has any, then the text). Annotations may cross (a quote spans sentences,
/// say): tags are closed and reopened at the crossing, and an entity's label or
/// a quote's speaker is shown once, at its real end.
///
/// ```
/// let nlp = newsdesk::load("ontonotes").unwrap();
/// let text = "Ann Lee, the finance minister, said: \"Taxes will rise next year.\"";
/// let doc = nlp.process_with_claims(text, vec!["Taxes will rise".into()]).unwrap();
/// let html = newsdesk::render_html(&doc);
/// assert!(html.contains("class=\"nd-claim\"") && html.contains("class=\"nd-sent\""));
/// ```
pub fn render_html(doc: &Doc) -> String {
    let marks = marks(doc);
    let len = doc.char_len();
    let mut cuts: Vec<u32> = vec![0, len];
    for m in &marks {
        cuts.extend([m.start, m.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::from(STYLE);
    stances(&mut out, doc);
    out.push_str("<div class=\"newsdesk-doc\">");
    let mut open: Vec<usize> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut want: Vec<usize> = Vec::new();
        for level in 0..=4 {
            if let Some(k) = marks
                .iter()
                .position(|m| m.level == level && m.start <= a && b <= m.end)
            {
                want.push(k);
            }
        }
        let keep = open.iter().zip(&want).take_while(|(x, y)| x == y).count();
        close_to(&mut out, &mut open, keep, &marks, a);
        for &k in &want[keep..] {
            out.push_str(&marks[k].open);
            open.push(k);
        }
        out.push_str(&escape_html(doc.text_between(a, b)));
    }
    close_to(&mut out, &mut open, 0, &marks, len);
    out.push_str("</div>");
    out
}

/// One line per claim: the article's stance, then each quoted speaker's.
fn stances(out: &mut String, doc: &Doc) {
    if doc.stances.is_empty() {
        return;
    }
    out.push_str("<div class=\"newsdesk-stances\">");
    for c in &doc.stances {
        let _ = write!(
            out,
            "<div class=\"nd-claim\">Claim “{}”: article {}",
            escape_html(&c.claim),
            badge(&c.stance)
        );
        for (i, s) in c.speakers.iter().enumerate() {
            let sep = if i == 0 { "; speakers: " } else { ", " };
            let _ = write!(out, "{sep}{} {}", escape_html(&s.speaker), badge(&s.stance));
        }
        out.push_str("</div>");
    }
    out.push_str("</div>");
}

/// A stance label, coloured, with all probabilities in its title.
fn badge(s: &StanceScores) -> String {
    let title: Vec<String> = s.scores.iter().map(|(label, p)| format!("{label} {p:.2}")).collect();
    let label = escape_html(&s.label);
    format!(
        "<span class=\"nd-stance nd-{label}\" title=\"{}\">{label}</span>",
        escape_html(&title.join(", "))
    )
}

/// Close open tags down to `keep`, adding the tail of marks that end at `pos`.
fn close_to(out: &mut String, open: &mut Vec<usize>, keep: usize, marks: &[Mark], pos: u32) {
    while open.len() > keep {
        let m = &marks[open.pop().expect("len > keep")];
        if m.end == pos {
            out.push_str(&m.tail);
        }
        let _ = write!(out, "{}", m.close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        crate::Pipeline::blank().process(text)
    }

    #[test]
    fn escapes_markup_and_keeps_text() {
        assert_eq!(
            escape_html(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#x27;"
        );
        let html = render_html(&doc("A <b> & more. Next one."));
        assert!(
            html.contains("A <span class=\"nd-debris\" title=\"debris (not content)\">&lt;b&gt;</span> &amp; more.")
        );
        assert_eq!(html.matches("class=\"nd-sent\"").count(), 2);
    }

    #[test]
    fn a_quote_across_sentences_is_reopened_and_tags_balance() {
        let mut d = doc("He said: “One. Two.” Then left.");
        let (start, end) = (d.text.find("One").unwrap(), d.text.find("Two.").unwrap() + 4);
        let chars = |b: usize| d.text[..b].chars().count() as u32;
        d.quotes.push(newsdesk_core::Quote {
            start_char: chars(start),
            end_char: chars(end),
            speaker: None,
            cue: None,
            speaker_score: Some(0.875),
        });
        let html = render_html(&d);
        assert!(html.matches("class=\"nd-quote\"").count() >= 2);
        assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
        assert!(!html.contains("class=\"nd-who\""), "no speaker, no badge");
        assert!(
            html.contains("title=\"quote 1; speaker: none, score 0.88; cue: none\""),
            "{html}"
        );
    }

    #[test]
    fn stances_of_the_article_and_speakers_are_shown() {
        let mut d = doc("He said: “Taxes <will> rise.”");
        assert!(
            !render_html(&d).contains("<div class=\"newsdesk-stances\">"),
            "no claims, no stance block"
        );
        let scores = |label: &str| StanceScores {
            label: label.into(),
            scores: [(label.to_string(), 0.75)].into_iter().collect(),
        };
        d.stances.push(newsdesk_core::ClaimStance {
            claim: "Taxes <will> rise".into(),
            stance: scores("discuss"),
            speakers: vec![newsdesk_core::SpeakerStance {
                speaker: "Ann & Bo".into(),
                quotes: vec![0],
                stance: scores("agree"),
            }],
        });
        let html = render_html(&d);
        assert!(html.contains(
            "<div class=\"nd-claim\">Claim “Taxes &lt;will&gt; rise”: article \
             <span class=\"nd-stance nd-discuss\" title=\"discuss 0.75\">discuss</span>; speakers: Ann &amp; Bo \
             <span class=\"nd-stance nd-agree\" title=\"agree 0.75\">agree</span></div>"
        ));
        assert_eq!(html.matches("<div").count(), html.matches("</div>").count());
    }

    #[test]
    fn colours_follow_displacy() {
        assert_eq!(color("PER"), color("PERSON"));
        assert_eq!(color("GPE"), "#feca74");
        assert_eq!(color("SOMETHING_NEW"), "#ddd");
    }
}

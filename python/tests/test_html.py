"""HTML rendering: escaped text, sentences, entities by type, quotes and speakers."""

from html.parser import HTMLParser

import newsdesk
from conftest import annotated_doc_dict


class Collect(HTMLParser):
    """Checks that tags balance; collects the text, with label and speaker badges
    and the claims' stance lines apart."""

    BADGES = ("nd-label", "nd-who")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.badges, self.stances = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs).get("class", "")))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}> in {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            return
        if any(cls == "newsdesk-stances" for _, cls in self.stack):
            self.stances.append(data)
            return
        in_badge = any(cls in self.BADGES for _, cls in self.stack)
        (self.badges if in_badge else self.text).append(data)


def parse(html):
    p = Collect()
    p.feed(html)
    p.close()
    assert p.stack == []
    return p


def test_render_keeps_the_text_and_escapes_it(blank):
    text = 'Tags <script>alert("x")</script> & ampersands.\n\nNew paragraph.'
    doc = blank(text)
    html = newsdesk.render(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "".join(parse(html).text) == text
    assert doc._repr_html_() == html


def test_one_span_per_sentence(blank, seed_text):
    doc = blank(seed_text)
    html = newsdesk.render(doc)
    assert html.count('class="nd-sent"') >= len(doc.sents)
    assert f'title="sentence {len(doc.sents)}"' in html
    assert "".join(parse(html).text) == seed_text
    assert html.count('class="nd-debris"') == 1 and ">{mosads}</span>" in html


def test_entities_quotes_and_speakers_are_shown(blank):
    doc = newsdesk.Doc.from_dict(annotated_doc_dict(blank))
    html = newsdesk.render(doc)
    p = parse(html)
    assert "".join(p.text) == doc.text
    assert p.badges == ["— Jane Smith (PERSON)", "PERSON", "ORG", "— Jane Smith (PERSON)"]
    assert "background:#aa9cfc" in html and "background:#7aecec" in html  # PERSON, ORG colours
    assert html.count('class="nd-quote"') >= 2
    assert "speaker: Jane Smith (PERSON); cue: said" in html
    assert html.count('class="nd-mention"') == 2
    assert "".join(p.stances) == "Claim “Acme will win”: article agree; speakers: Jane Smith agree"
    assert 'title="agree 0.70, disagree 0.10, discuss 0.15, unrelated 0.05"' in html


def test_crossing_annotations_stay_balanced(blank):
    d = blank("He said: “One. Two. Three.” Then left.").to_dict()
    text = d["text"]
    start, end = text.index("One"), text.index("Three.") + len("Three.")
    d["quotes"] = [dict(start_char=start, end_char=end, speaker=None, cue=None)]
    doc = newsdesk.Doc.from_dict(d)
    assert len(doc.sents) >= 3
    html = newsdesk.render(doc)
    p = parse(html)
    assert "".join(p.text) == text
    assert p.badges == []  # no speaker, no badge
    assert html.count('class="nd-quote"') >= 3  # reopened in each sentence

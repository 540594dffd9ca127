#!/usr/bin/env python3
"""Validate the gold quote annotations in this directory.

For every *.gold.json: each quote text must occur in the article, in order
(searched sequentially from the end of the previous match); groups start at 1
and never go backwards; case values are from the known set. Seeds' text is
read from ../../../shared/seeds (or $SEEDS_DIR), new articles sit beside their gold.
Prints a table: article -> number of quotes -> cases covered. Exit 1 on error.
"""
import collections, glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS_DIR = os.environ.get("SEEDS_DIR", os.path.join(HERE, "..", "..", "..", "shared", "seeds"))
CASES = {"split", "multi_paragraph", "partial", "colon", "plain", "nested", "single_quote",
         "guillemet", "ellipsis", "linebreak", "malformed", "scare", "title"}

def pairs():
    for g in sorted(glob.glob(os.path.join(HERE, "seeds", "*.gold.json"))):
        name = os.path.basename(g)[:-len(".gold.json")]
        yield "seeds/" + name, os.path.join(SEEDS_DIR, name + ".txt"), g
    for g in sorted(glob.glob(os.path.join(HERE, "articles", "*.gold.json"))):
        yield "articles/" + os.path.basename(g)[:-len(".gold.json")], g[:-len(".gold.json")] + ".txt", g

def main():
    errors = 0
    total = collections.Counter()
    rows = []
    for label, txt, gold in pairs():
        if not os.path.exists(txt):
            print("MISSING article for", label, "->", txt); errors += 1; continue
        text = open(txt, encoding="utf-8").read()
        g = json.load(open(gold, encoding="utf-8"))
        for k in ("source", "quotes", "notes"):
            if k not in g:
                print(label, "missing key", k); errors += 1
        pos, last_group, seen = 0, 0, set()
        cases = collections.Counter()
        for n, q in enumerate(g["quotes"], 1):
            if set(q) != {"text", "speaker", "group", "case"}:
                print(label, n, "bad keys", sorted(q)); errors += 1
            i = text.find(q["text"], pos)
            if i < 0:
                print(label, "quote", n, "NOT FOUND after offset", pos, ":", repr(q["text"][:60])); errors += 1
                continue
            pos = i + len(q["text"])
            grp = q["group"]
            if grp < last_group or grp > last_group + 1 or (grp != last_group and grp in seen):
                print(label, "quote", n, "bad group", grp, "after", last_group); errors += 1
            seen.add(grp); last_group = grp
            if q["case"] not in CASES:
                print(label, "quote", n, "unknown case", q["case"]); errors += 1
            cases[q["case"]] += 1
        total.update(cases)
        words = len(text.split())
        rows.append((label, len(g["quotes"]), last_group, words,
                     ", ".join("%s:%d" % kv for kv in sorted(cases.items()))))
    w = max(len(r[0]) for r in rows)
    print("%-*s %6s %6s %5s  %s" % (w, "article", "quotes", "groups", "words", "cases"))
    for r in rows:
        print("%-*s %6d %6d %5d  %s" % (w, r[0], r[1], r[2], r[3], r[4]))
    print("TOTAL quotes %d in %d files" % (sum(r[1] for r in rows), len(rows)))
    print("cases:", ", ".join("%s:%d" % kv for kv in sorted(total.items())))
    missing = CASES - set(total)
    if missing:
        print("cases never used:", sorted(missing))
    print("OK" if not errors else "%d ERRORS" % errors)
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())

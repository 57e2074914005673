#!/usr/bin/env python3
"""Hand-judged precision and recall of DocLint's rules on news-dev (real articles, not annotated).

The articles are split once, by a hash of their id, into a tuning half and a report half: rules were
changed after reading findings from the tuning half only; the report half is where the published numbers
come from. Articles whose findings were read while the attribution layer was first built are left out of
the report half (judgements/seen-while-building.txt).

Judgements are data, never article text: judgements/precision.tsv holds, per judged finding, the article
id, the rule, the finding's offset and length (UTF-16, as the JSON format gives them), a verdict (ok,
wrong) and a one-line reason; judgements/genre.tsv, per article judged, whether it is straight news or
opinion; judgements/fixes.tsv, per fix judged, whether it changes a name, breaks grammar, rewrites
attributed words or changes the meaning; judgements/recall.tsv holds, per problem an editor marked in an article read
whole before any finding was looked at, the article id, the family of problem, its offset and length and a
one-line note.

Commands (run by eval/newsdev.sh, which lints news-dev into FINDINGS first):
  newsdev.py FINDINGS sample RULE N SEED [--half tune|report|all] [--unjudged]
                                                                  findings to judge, with their sentence
  newsdev.py FINDINGS precision [--half report|tune|all]         precision per rule from precision.tsv
  newsdev.py FINDINGS recall                                     recall per family and round from recall.tsv
  newsdev.py FINDINGS counts [--half ...]                        findings per rule
  newsdev.py FINDINGS fixes                                      the judged fixes: good, bad, and why
"""
import collections
import hashlib
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
JUDGEMENTS = os.path.join(HERE, "judgements")

# Which rules answer for which family of problem an editor marks (recall).
FAMILIES = {
    "unnamed-source": ("DL1001",),
    "spokesperson": ("DL1004",),
    "hedge": ("DL2001", "DL1003"),
    "certainty": ("DL2002",),
    "unnamed-study": ("DL2003",),
    "loaded": ("DL3001", "DL3002", "DL3003", "DL3004"),
}


def genres():
    """Article id -> news or opinion, as judged by reading the article (judgements/genre.tsv)."""
    return {row[0]: row[1] for _, row in rows_by_round("genre.tsv")}


def half_of(article):
    return "tune" if hashlib.sha256(article.encode()).hexdigest()[0] in "01234567" else "report"


def seen_while_building():
    path = os.path.join(JUDGEMENTS, "seen-while-building.txt")
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                ids.update(line.split())
    return ids


def in_half(article, half, seen):
    if half == "all":
        return True
    if half == "report" and article in seen:
        return False
    return half_of(article) == half


def load_findings(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    findings = []
    for d in data["diagnostics"]:
        if d["id"].startswith("DL0") or d.get("suppressed"):
            continue
        article = os.path.splitext(os.path.basename(d["path"]))[0]
        fix = (d["fix"]["start"], d["fix"]["length"]) if "fix" in d else None
        findings.append((article, d["id"], d["offset"]["start"], d["offset"]["length"], d["path"], d["message"], fix))
    return findings


def read_tsv(name):
    """The data rows of a judgement file (comments and blank lines left out)."""
    return [row for _, row in rows_by_round(name)]


def key(article, rule, start, length):
    """What identifies a finding across runs: its article, rule and UTF-16 offsets."""
    return (article, rule, int(start), int(length))


def context(path, start, length):
    """The line around a finding; START and LENGTH are UTF-16 offsets, as DocLint gives them."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    units = text.encode("utf-16-le")
    end = len(units[:2 * (start + length)].decode("utf-16-le", errors="replace"))
    start = len(units[:2 * start].decode("utf-16-le", errors="replace"))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - 300):start]
    after = text[end:min(line_end, end + 200)]
    return (before + "[[" + text[start:end] + "]]" + after).replace("\n", " ")


def judged():
    return {key(*r[:4]) for r in read_tsv("precision.tsv") if len(r) >= 5}


def sample(findings, rule, n, seed, half, unjudged):
    seen = seen_while_building()
    done = judged() if unjudged else set()
    pool = [f for f in findings if f[1] == rule and in_half(f[0], half, seen) and key(*f[:4]) not in done]
    rng = random.Random(seed)
    chosen = sorted(rng.sample(pool, min(n, len(pool))))
    print(f"# {rule}: {len(chosen)} of {len(pool)} {'unjudged ' if unjudged else ''}findings in the {half} half (seed {seed})")
    for article, rule_id, start, length, path, message, _ in chosen:
        print(f"{article}\t{rule_id}\t{start}\t{length}\t\t")
        print("#   " + context(path, start, length))
        print("#   " + message)


def precision(findings, half):
    seen = seen_while_building()
    current = {key(*f[:4]) for f in findings}
    verdicts = collections.defaultdict(collections.Counter)
    by_round = collections.defaultdict(collections.Counter)
    gone = collections.Counter()
    for round_, (article, rule, start, length, verdict, *_) in rows_by_round("precision.tsv"):
        if not in_half(article, half, seen):
            continue
        if key(article, rule, start, length) in current:
            verdicts[rule][verdict] += 1
            by_round[rule, round_][verdict] += 1
        else:
            gone[rule] += 1
    genre = genres()
    by_genre = collections.defaultdict(collections.Counter)
    for round_, (article, rule, start, length, verdict, *_) in rows_by_round("precision.tsv"):
        if in_half(article, half, seen) and key(article, rule, start, length) in current and article in genre:
            by_genre[rule, genre[article]][verdict] += 1
    rounds = sorted({r for _, r in by_round})
    reported = collections.Counter(f[1] for f in findings if in_half(f[0], half, seen))
    print("| rule | findings | judged | right | wrong | precision | news | opinion | " + " | ".join(f"round {r}" for r in rounds) + " | judged findings no longer reported |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(rounds) + "---:|")

    def cell(c):
        n = c["ok"] + c["wrong"]
        return f"{c['ok']}/{n} = {c['ok'] / n:.2f}" if n else "—"

    for rule in sorted(set(verdicts) | set(gone)):
        ok, wrong = verdicts[rule]["ok"], verdicts[rule]["wrong"]
        count = ok + wrong
        p = f"{ok / count:.2f}" if count else "—"
        cells = []
        for r in rounds:
            c = by_round[rule, r]
            n = c["ok"] + c["wrong"]
            cells.append(f"{c['ok']}/{n}" if n else "—")
        print(f"| {rule} | {reported[rule]} | {count} | {ok} | {wrong} | {p} | {cell(by_genre[rule, 'news'])} | {cell(by_genre[rule, 'opinion'])} | " + " | ".join(cells) + f" | {gone[rule]} |")


def rows_by_round(name):
    """The rows of a judgement file with the round each belongs to ("# round N:" lines start a round)."""
    rows = []
    current = "1"
    path = os.path.join(JUDGEMENTS, name)
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.lower().startswith("# round "):
                current = line[len("# round "):].split(":")[0].strip()
            elif line.strip() and not line.startswith("#"):
                rows.append((current, line.rstrip("\n").split("\t")))
    return rows


def recall(findings):
    by_article = collections.defaultdict(list)
    for article, rule, start, length, *_ in findings:
        by_article[article].append((rule, start, start + length))
    marks = rows_by_round("recall.tsv")
    rounds = sorted({r for r, _ in marks})
    found = collections.Counter()
    total = collections.Counter()
    articles = collections.defaultdict(set)
    for round_, (article, family, *rest) in marks:
        for bucket in (round_, "all"):
            articles[bucket].add(article)
        if family == "none":
            continue
        start, end = int(rest[0]), int(rest[0]) + int(rest[1])
        hit = any(r in FAMILIES[family] and max(s, start) < min(e, end) for r, s, e in by_article[article])
        for bucket in (round_, "all"):
            total[bucket, family] += 1
            found[bucket, family] += hit
    columns = rounds + ["all"]
    print("articles read whole: " + ", ".join(f"round {r} {len(articles[r])}" for r in rounds))
    print("| family | rules | " + " | ".join(f"round {c}" if c != "all" else "all" for c in columns) + " |")
    print("|---|---|" + "---:|" * len(columns))
    for family, rules in FAMILIES.items():
        cells = []
        for c in columns:
            t, k = total[c, family], found[c, family]
            cells.append(f"{k}/{t} = {k / t:.2f}" if t else "—")
        print(f"| {family} | {', '.join(rules)} | " + " | ".join(cells) + " |")
    cells = []
    for c in columns:
        t, k = sum(total[c, f] for f in FAMILIES), sum(found[c, f] for f in FAMILIES)
        cells.append(f"{k}/{t} = {k / t:.2f}" if t else "—")
    print("| all families | | " + " | ".join(cells) + " |")
    genre = genres()
    by_genre = collections.Counter()
    for _, (article, family, *rest) in marks:
        if family == "none" or article not in genre:
            continue
        start, end = int(rest[0]), int(rest[0]) + int(rest[1])
        hit = any(r in FAMILIES[family] and max(s, start) < min(e, end) for r, s, e in by_article[article])
        by_genre[family, genre[article], "total"] += 1
        by_genre[family, genre[article], "found"] += hit
    print()
    print("| family | news | opinion |")
    print("|---|---:|---:|")
    for family in FAMILIES:
        cells = []
        for g in ("news", "opinion"):
            t, k = by_genre[family, g, "total"], by_genre[family, g, "found"]
            cells.append(f"{k}/{t} = {k / t:.2f}" if t else "—")
        if any(c != "—" for c in cells):
            print(f"| {family} | " + " | ".join(cells) + " |")


def fixes(findings):
    """The judged fixes by round, and which of the fixes offered now were judged good or bad in any round."""
    rows = rows_by_round("fixes.tsv")
    if not rows:
        print("no judged fixes")
        return
    print("| round | judged | good | bad | changes a name | breaks grammar | rewrites attributed words | changes the meaning |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in sorted({r for r, _ in rows}):
        judged = [row for round_, row in rows if round_ == r]
        yes = [sum(1 for row in judged if row[3 + i] == "yes") for i in range(4)]
        good = sum(1 for row in judged if row[7] == "good")
        print(f"| {r} | {len(judged)} | {good} | {len(judged) - good} | " + " | ".join(map(str, yes)) + " |")
    verdict = {(row[0], int(row[1]), int(row[2])): row[7] for _, row in rows}
    offered = [(f[0], f[6][0], f[6][1]) for f in findings if f[6] is not None]
    seen = collections.Counter(verdict.get(o, "not judged") for o in offered)
    print(f"fixes offered now: {len(offered)}; judged good {seen['good']}, bad {seen['bad']}, not judged {seen['not judged']}")


def counts(findings, half):
    seen = seen_while_building()
    c = collections.Counter(f[1] for f in findings if in_half(f[0], half, seen))
    for rule, n in sorted(c.items()):
        print(f"{rule}\t{n}")


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    findings = load_findings(argv[1])
    command = argv[2]
    half = argv[argv.index("--half") + 1] if "--half" in argv else None
    if command == "sample":
        sample(findings, argv[3], int(argv[4]), int(argv[5]), half or "report", "--unjudged" in argv)
    elif command == "precision":
        precision(findings, half or "report")
    elif command == "recall":
        recall(findings)
    elif command == "fixes":
        fixes(findings)
    elif command == "counts":
        counts(findings, half or "all")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

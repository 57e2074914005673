#!/usr/bin/env python3
"""Attribution detection against PolNeAR's gold cue, source and content spans.

Reads what `doclint inspect --format json` reports for the PolNeAR articles and scores each part of an
attribution by overlap: a predicted span is right when it shares a character with a gold span of the
same part in the same article; a gold span is found when a prediction shares a character with it. The
fragments of one discontinuous gold span count as one span. Cue gold is Cue and NoSource_Cue; content
gold is Content and NoSource_Content; source gold is Source.

Articles are split in two halves by sorted file name: the even-numbered ones are where the lexicon and
heuristics were tuned, the odd-numbered ones were only scored. Both are printed.

Usage: polnear.py INSPECT.json GOLD.jsonl [--errors FILE]   (run by eval/polnear.sh)
"""
import collections
import json
import os
import sys

PARTS = {"cue": ("Cue", "NoSource_Cue"), "source": ("Source",), "content": ("Content", "NoSource_Content")}


def load_gold(path):
    gold = collections.defaultdict(lambda: collections.defaultdict(lambda: collections.defaultdict(list)))
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            for part, techniques in PARTS.items():
                if d["technique"] in techniques:
                    gold[d["doc"]][part][d["relation"]].append((d["startUtf16"], d["endUtf16"]))
    return gold


def load_predictions(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    predictions = {}
    for document in data["documents"]:
        name = os.path.basename(document["path"])
        parts = {p: [] for p in PARTS}
        for a in document.get("attributions", []):
            for part in PARTS:
                span = a.get(part)
                if span:
                    parts[part].append((span["start"], span["start"] + span["length"], a))
        predictions[name] = parts
    return predictions


def overlaps(a, b):
    return max(a[0], b[0]) < min(a[1], b[1])


def score(docs, gold, predictions, errors=None):
    result = {}
    for part in PARTS:
        tp_pred = n_pred = found = n_gold = 0
        for doc in docs:
            spans = [frag for rel in gold[doc][part].values() for frag in rel]
            preds = predictions.get(doc, {}).get(part, [])
            for p in preds:
                n_pred += 1
                hit = any(overlaps(p, g) for g in spans)
                tp_pred += hit
                if errors is not None and not hit:
                    errors.append((doc, part, "fp", p[0], p[1]))
            for rel, frags in gold[doc][part].items():
                n_gold += 1
                hit = any(overlaps(p, g) for g in frags for p in preds)
                found += hit
                if errors is not None and not hit:
                    errors.append((doc, part, "fn", frags[0][0], frags[-1][1]))
        precision = tp_pred / n_pred if n_pred else 0.0
        recall = found / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[part] = (n_pred, n_gold, precision, recall, f1)
    return result


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    gold = load_gold(sys.argv[2])
    predictions = load_predictions(sys.argv[1])
    docs = sorted(gold)
    halves = {"all": docs, "even (tuned on)": docs[0::2], "odd (held out)": docs[1::2]}
    errors = [] if "--errors" in sys.argv else None
    print("| articles | part | predicted | gold | P | R | F1 |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, subset in halves.items():
        result = score(subset, gold, predictions, errors if name.startswith("even") else None)
        for part, (n_pred, n_gold, p, r, f1) in result.items():
            print(f"| {name} ({len(subset)}) | {part} | {n_pred:,} | {n_gold:,} | {p:.3f} | {r:.3f} | {f1:.3f} |")
    if errors is not None:
        out = sys.argv[sys.argv.index("--errors") + 1]
        with open(out, "w", encoding="utf-8") as f:
            for e in errors:
                f.write("\t".join(map(str, e)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

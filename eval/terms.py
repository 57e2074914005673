#!/usr/bin/env python3
"""Precision per matched term: for each DL3xxx result, does it overlap a gold span of the tone techniques?

Usage: terms.py RUN.sarif GOLD.jsonl 'TECH|TECH'
Prints one row per rule and normalised matched text: predictions, hits, precision. Offsets are UTF-16
(SARIF charOffset/charLength against gold startUtf16/endUtf16), so no text is read.
"""
import collections
import json
import sys

sarif_path, gold_path, techniques = sys.argv[1], sys.argv[2], set(sys.argv[3].split("|"))
gold = collections.defaultdict(list)
with open(gold_path, encoding="utf-8") as f:
    for line in f:
        g = json.loads(line)
        if g["technique"] in techniques:
            gold[g["doc"]].append((g["startUtf16"], g["endUtf16"]))

rows = collections.defaultdict(lambda: [0, 0])
for result in json.load(open(sarif_path, encoding="utf-8"))["runs"][0]["results"]:
    rule = result["ruleId"]
    if not rule.startswith("DL3"):
        continue
    loc = result["locations"][0]["physicalLocation"]
    doc = loc["artifactLocation"]["uri"].rsplit("/", 1)[-1]
    region = loc["region"]
    start, end = region["charOffset"], region["charOffset"] + max(1, region["charLength"])
    text = " ".join(region.get("snippet", {}).get("text", "").lower().split())
    hit = any(s < end and start < e for s, e in gold.get(doc, []))
    row = rows[(rule, text)]
    row[0] += 1
    row[1] += int(hit)

print(f"{'rule':7} {'term':32} {'pred':>5} {'hit':>5} {'P':>6}")
for (rule, text), (n, hit) in sorted(rows.items(), key=lambda kv: (-kv[1][0], kv[0])):
    print(f"{rule:7} {text[:32]:32} {n:5} {hit:5} {hit / n:6.2f}")

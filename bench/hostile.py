#!/usr/bin/env python3
"""Writes the hostile-input matrix's cases into a folder, one sub-folder per case.

Each case folder holds what `doclint check` is run on (cmd.args: its arguments, relative to the folder)
and, beside the hostile file, an ordinary article (ok.txt) that must still be linted.
    python3 bench/hostile.py OUT [--scale small|gb]
"""
import os
import sys

ARTICLE = "Headline\n\nThe mayor slammed the plan on Monday.\n"


def case(root, name, files, args, stdin=None, env=None):
    folder = os.path.join(root, name)
    os.makedirs(folder, exist_ok=True)
    for path, content in files.items():
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if callable(content):
            content(full)
        else:
            with open(full, "wb") as f:
                f.write(content.encode() if isinstance(content, str) else content)
    with open(os.path.join(folder, "cmd.args"), "w") as f:
        f.write("\n".join(args) + "\n")
    if stdin:
        with open(os.path.join(folder, "stdin.args"), "w") as f:
            f.write(stdin + "\n")
    if env:
        with open(os.path.join(folder, "env.args"), "w") as f:
            f.write(env + "\n")


def stream(size, unit):
    """Writes `unit` repeated to `size` bytes, in chunks, without holding it all."""
    def write(full):
        chunk = unit * max(1, (1 << 20) // len(unit))
        with open(full, "wb") as f:
            left = size
            while left > 0:
                piece = chunk[: min(left, len(chunk))]
                f.write(piece)
                left -= len(piece)
    return write


def fifo(full):
    os.mkfifo(full)


def main():
    root = sys.argv[1]
    scale = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--scale" else "small"
    deep = "x: " + "[" * 50_000 + "]" * 50_000 + "\n"
    rule = "id: DL9001\nname: x\nkind: existence\nmessage: m\nterms: [slammed]\n"
    if scale == "gb":
        # News-like sentences without a blank line anywhere, one finding in about a thousand sentences.
        sentence = b"The council met on Tuesday and agreed to look again at the numbers for the bridge. " * 999 + b"The mayor slammed the plan. "
        case(root, "text-1gib-no-blank-lines", {"big.txt": stream((1 << 30) - 1, sentence), "ok.txt": ARTICLE}, ["check", "big.txt", "ok.txt"])
        case(root, "text-300mb-no-blank-lines", {"big.txt": stream(300 << 20, sentence), "ok.txt": ARTICLE}, ["check", "big.txt", "ok.txt"])
        case(root, "markdown-300mb-no-blank-lines", {"big.md": stream(300 << 20, sentence), "ok.txt": ARTICLE}, ["check", "big.md", "ok.txt"])
        case(root, "fix-dry-run-300mb", {"big.txt": stream(300 << 20, sentence), "ok.txt": ARTICLE}, ["check", "--fix", "--dry-run", "big.txt", "ok.txt"])
        case(root, "stdin-over-2gib", {"ok.txt": ARTICLE}, ["check", "-", "ok.txt"], stdin="gen:2200000000")
        return

    case(root, "front-matter-50000-deep", {"deep.md": "---\n" + deep + "---\n\nThe mayor slammed it.\n", "ok.txt": ARTICLE}, ["check", "deep.md", "ok.txt"])
    case(root, "rule-file-50000-deep", {"rules/DL9001.x.yaml": deep, "ok.txt": ARTICLE}, ["check", "--rules", "rules", "ok.txt"])
    case(root, "doclint-yaml-50000-deep", {"doclint.yaml": deep, "ok.txt": ARTICLE}, ["check", "ok.txt"])
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))
    keyed = "---\n" + bomb + "? *i\n: v\n---\n\nThe mayor slammed it.\n"
    case(root, "alias-bomb-front-matter-key", {"bomb.md": keyed, "ok.txt": ARTICLE}, ["check", "bomb.md", "ok.txt"])
    case(root, "alias-bomb-doclint-yaml", {"doclint.yaml": bomb + "? *i\n: v\n", "ok.txt": ARTICLE}, ["check", "ok.txt"])
    case(root, "fifo-in-folder", {"a.txt": fifo, "ok.txt": ARTICLE}, ["check", "."])
    case(root, "fifo-doclint-yaml", {"doclint.yaml": fifo, "ok.txt": ARTICLE}, ["check", "ok.txt"])
    case(root, "fifo-rule-file", {"rules/DL9001.x.yaml": fifo, "ok.txt": ARTICLE}, ["check", "--rules", "rules", "ok.txt"])
    case(root, "fifo-baseline", {"base.json": fifo, "ok.txt": ARTICLE}, ["check", "--baseline", "base.json", "ok.txt"])
    case(root, "fifo-config", {"c.yaml": fifo, "ok.txt": ARTICLE}, ["check", "--config", "c.yaml", "ok.txt"])
    # A sentence-scoped pattern that backtracks badly (the lookahead keeps it off the linear engine) in each of 100 sentences.
    slow = "id: DL9002\nname: slow\nkind: existence\nvoice: any\nscope: sentence\nmessage: m\npatterns: ['(?=a)(a|aa)+(?<!x)b']\n"
    sentences = "".join("A" + "a" * 26 + "c. " for _ in range(100))
    case(root, "regex-budget-100-sentences", {"rules/DL9002.slow.yaml": slow, "slow.txt": "Headline\n\n" + sentences + "\n", "ok.txt": ARTICLE}, ["check", "--rules", "rules", "slow.txt", "ok.txt"])
    long_name = "a" * 200 + ".txt"
    case(root, "glob-many-stars-editorconfig", {".editorconfig": "root = true\n[*a*a*a*a*a*a*a*a*a*a*b]\ndoclint_DL3001 = none\n", long_name: ARTICLE, "ok.txt": ARTICLE}, ["check", "."])
    case(root, "glob-many-stars-exclude", {"doclint.yaml": "exclude: ['*a*a*a*a*a*a*a*a*a*a*b']\n", long_name: ARTICLE, "ok.txt": ARTICLE}, ["check", "."])
    case(root, "sentence-320kb-40000-findings", {"long.txt": "Headline\n\n" + "slammed " * 40_000 + ".\n", "ok.txt": ARTICLE}, ["check", "long.txt", "ok.txt"])
    case(root, "html-div-200000", {"divs.html": "<p>The mayor slammed it.</p>" + "<div>" * 200_000, "ok.txt": ARTICLE}, ["check", "divs.html", "ok.txt"])
    case(root, "text-comment-open-400000", {"c.txt": "Headline\n\n" + "<!-- " * 400_000, "ok.txt": ARTICLE}, ["check", "c.txt", "ok.txt"])
    case(root, "markdown-link-open-100000", {"l.md": "The mayor slammed it.\n\n" + "[a](" * 100_000, "ok.txt": ARTICLE}, ["check", "l.md", "ok.txt"])
    case(root, "markdown-list-3000-deep", {"l.md": "The mayor slammed it.\n\n" + "".join("  " * i + "- slammed\n" for i in range(3000)), "ok.txt": ARTICLE}, ["check", "l.md", "ok.txt"])
    case(root, "markdown-quote-100000-deep", {"q.md": "The mayor slammed it.\n\n" + "> " * 100_000 + "slammed\n", "ok.txt": ARTICLE}, ["check", "q.md", "ok.txt"])
    vale = {".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = S\n", "styles/S/Section.yml": "extends: existence\nmessage: x\nlevel: warning\nscope: 'text & doc(section:has(> h2) p)'\ntokens: [slammed]\n"}
    case(root, "vale-selector-html-div-200000", {**vale, "divs.html": "<h2>A</h2><p>The mayor slammed it.</p>" + "<div>" * 200_000, "ok.txt": ARTICLE}, ["check", "divs.html", "ok.txt"])
    plain = {".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = S\n", "styles/S/Loaded.yml": "extends: existence\nmessage: x\nlevel: warning\ntokens: [slammed]\n"}
    case(root, "vale-html-100000-unclosed-tags", {**plain, "u.html": "<p>The mayor slammed it.</p>" + "<a \"" * 100_000 + "\n", "ok.txt": ARTICLE}, ["check", "u.html", "ok.txt"])
    case(root, "vale-html-200000-inline-tags", {**plain, "t.html": "<p>" + "a<b>b</b>" * 200_000 + " slammed</p>\n", "ok.txt": ARTICLE}, ["check", "t.html", "ok.txt"])
    case(root, "vale-markdown-200000-inline-tags", {**plain, "t.md": "Intro " + "a<b>b</b>" * 200_000 + " slammed\n", "ok.txt": ARTICLE}, ["check", "t.md", "ok.txt"])
    # Code tags that never close: each one's end tag was searched for to the end of the text.
    case(root, "vale-markdown-40000-unclosed-code-tags", {**plain, "c.md": "The mayor slammed it.\n\n" + "<code></" * 40_000 + "\n", "ok.txt": ARTICLE}, ["check", "c.md", "ok.txt"])
    # Backtick runs of every length from 1 to 1,500 in one paragraph, none of which closes (1.1 MB): Markdig looked for
    # each run's closing run to the paragraph's end; the runs are now read once per paragraph. With DocLint's packs and
    # with a Vale style, whose inline code scan reads them the same way.
    runs = "".join("`" * n + "a" for n in range(1, 1501))
    case(root, "markdown-1500-backtick-run-lengths", {"r.md": "The mayor slammed it.\n\n" + runs + "\n", "ok.txt": ARTICLE}, ["check", "r.md", "ok.txt"])
    # A table row of 400,000 cells (2.4 MB): Markdig kept 860 MB of objects for it; such a block is now read as text.
    case(root, "markdown-table-row-400000-cells", {"t.md": "The mayor slammed it.\n\n" + "|a" * 400_000 + "\n" + "|-" * 400_000 + "\n" + "|b" * 400_000 + "\n", "ok.txt": ARTICLE}, ["check", "t.md", "ok.txt"])
    case(root, "vale-markdown-1500-backtick-run-lengths", {**plain, "r.md": "The mayor slammed it.\n\n" + runs + "\n", "ok.txt": ARTICLE}, ["check", "r.md", "ok.txt"])
    case(root, "mdx-100000-unclosed-braces", {"b.mdx": "The mayor slammed it.\n\n" + "{ a slammed " * 100_000 + "\n", "ok.txt": ARTICLE}, ["check", "b.mdx", "ok.txt"])
    case(root, "vale-selector-20000-sections", {**vale, "s.md": "".join("## Section %d\n\nThe mayor slammed it.\n\n### Sub\n\n- slammed\n\n" % i for i in range(20_000)), "ok.txt": ARTICLE}, ["check", "s.md", "ok.txt"])
    # 250 nested elements, each with 16 KB of text: :contains tests every element's whole text, ancestors included.
    contains = {**vale, "styles/S/Section.yml": "extends: existence\nmessage: x\nlevel: warning\nscope: 'text & doc(div:contains(\"zebra\") p, p:contains(\"slammed\"))'\ntokens: [slammed]\n"}
    filler = ("The council met on Tuesday and agreed to look again at the numbers. " * 240)[:16_000]
    nested = "".join("<div><p>" + filler + "</p>" for _ in range(250)) + "<p>The mayor slammed it.</p>" + "</div>" * 250 + "\n"
    case(root, "vale-selector-contains-250-deep-4mb", {**contains, "nest.html": nested, "ok.txt": ARTICLE}, ["check", "nest.html", "ok.txt"])
    one_line = "<p>" + " ".join(["They slammed it."] * 200_000) + "</p>\n"
    case(root, "html-one-line-200000-findings-pretty", {"a.html": one_line, "ok.txt": ARTICLE}, ["check", "--format", "pretty", "a.html", "ok.txt"])
    case(root, "html-one-line-200000-findings-line", {"a.html": one_line, "ok.txt": ARTICLE}, ["check", "--format", "line", "a.html", "ok.txt"])
    case(root, "name-with-newline-github", {"x\n::error file=evil::injected\n::add-mask::secret\n.txt": ARTICLE, "ok.txt": ARTICLE}, ["check", "--format", "msbuild", "."], env="GITHUB_ACTIONS=true")
    case(root, "escape-in-text-pretty", {"esc\x1b]0;title\x07.txt": "Headline\n\nThe mayor \x1b[2J\x1b]0;pwned\x07slammed it.\n", "ok.txt": ARTICLE}, ["check", "--format", "pretty", "."])
    case(root, "baseline-version-not-int32", {"base.json": '{"version": 4294967297, "findings": []}', "ok.txt": ARTICLE}, ["check", "--baseline", "base.json", "ok.txt"])
    case(root, "double-dash-file", {"-x.txt": ARTICLE, "ok.txt": ARTICLE}, ["check", "--", "-x.txt", "ok.txt"])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Scores lede's main-text extraction on each half of ../shared/html-dev, as score.py scores the whole.

    Benchmarks/html-dev-halves.py .build/release/lede [--misses]

The pages sorted by name are split into the even-numbered half (0, 2, 4 …: where the HTML importer's rules
were developed) and the odd-numbered half (checked now and then); each half is parsed by one
`lede parse --no-index --format json` run and scored with score.py's rule (a snippet counts when its
whitespace-collapsed, lower-cased text is in the title and paragraphs). The pages are third-party: they are
read from ../shared/html-dev into a temporary folder, never copied into the repository.
"""
import gzip, json, os, re, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "..", "shared", "html-dev")
norm = lambda s: re.sub(r"\s+", " ", s).strip().lower()


def score(lede, entries, misses):
    work = tempfile.mkdtemp(prefix="html-dev-half-")
    for entry in entries:
        with gzip.open(os.path.join(DEV, "pages", entry["file"] + ".gz")) as source, open(os.path.join(work, entry["file"]), "wb") as out:
            out.write(source.read())
    env = dict(os.environ, XDG_CACHE_HOME=tempfile.mkdtemp(), XDG_STATE_HOME=tempfile.mkdtemp())
    started = time.time()
    run = subprocess.run([lede, "parse", "--no-index", "--format", "json", work], capture_output=True, env=env)
    wall = time.time() - started
    text = {}
    for article in json.loads(run.stdout).get("articles", []):
        text[os.path.basename(article["path"])] = norm(" ".join([article.get("title") or ""] + article.get("paragraphs", [])))
    tp = fp = fn = 0
    for entry in entries:
        page = text.get(entry["file"], "")
        for snippet in entry["with"]:
            if norm(snippet) in page:
                tp += 1
            else:
                fn += 1
                if misses: print(f"missed  {entry['file']}: {snippet[:90]!r}")
        for snippet in entry["without"]:
            if norm(snippet) in page:
                fp += 1
                if misses: print(f"leaked  {entry['file']}: {snippet[:90]!r}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return len(entries), len(entries) / wall, precision, recall, f1


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if not os.path.isdir(DEV):
        sys.exit(f"no dev set at {DEV} (../shared/html-dev beside the repository)")
    entries = sorted(json.load(open(os.path.join(DEV, "snippets.json"))).values(), key=lambda entry: entry["file"])
    for name, half in (("even", entries[0::2]), ("odd", entries[1::2])):
        pages, rate, precision, recall, f1 = score(sys.argv[1], half, "--misses" in sys.argv)
        print(f"{name}: {pages} pages, {rate:.0f} pages/s  precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")


main()

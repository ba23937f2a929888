#!/usr/bin/env python3
"""Check that lede *reads* each article as written: title, authors, publication date, paragraphs.

    python3 tools/check_parse.py LEDE_BINARY

Runs only `lede parse --format json` (never `timeline` or `entities`), on each .txt/.md file and on
each `file.jsonl:N` entry, with a fresh XDG_CACHE_HOME / XDG_STATE_HOME / XDG_CONFIG_HOME, and
compares with the sources in tools/. Headings are allowed to stay apart from the paragraphs.
Exit 1 when something is read differently.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import build  # noqa: E402


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    lede = os.path.abspath(sys.argv[1])
    arts = build.articles_txt.ARTICLES + build.articles_md.ARTICLES + build.articles_jsonl.ARTICLES
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        for v in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
            env[v] = os.path.join(tmp, v)
            os.makedirs(env[v])
        for a in arts:
            if a.get("curly"):
                build.apply_curly(a)
            path = os.path.join("articles", a["key"])
            out = subprocess.run([lede, "parse", "--format", "json", path], cwd=ROOT, env=env,
                                 capture_output=True, text=True)
            try:
                got = json.loads(out.stdout)["articles"]
            except (ValueError, KeyError):
                print(f"{a['key']}: lede parse failed (exit {out.returncode}): {out.stderr.strip()[:200]}")
                bad += 1
                continue
            if len(got) != 1:
                print(f"{a['key']}: {len(got)} articles read")
                bad += 1
                continue
            g = got[0]
            # lede shows a Markdown list item with a bullet
            want_paras = [("• " if a["format"] == "md" and p.startswith("- ") else "") + build.plain_paragraph(p, a["format"])
                          for p in a["paragraphs"]]
            heads = [p for p in a["paragraphs"] if p.startswith("#")]
            problems = []
            if g.get("title") != a["title"]:
                problems.append(f"title {g.get('title')!r}")
            if g.get("authors") != a["authors"]:
                problems.append(f"authors {g.get('authors')!r}")
            if g.get("published") != a["published"]:
                problems.append(f"published {g.get('published')!r}")
            if g.get("paragraphs") != want_paras:
                problems.append("paragraphs differ")
                for i, (x, y) in enumerate(zip(g.get("paragraphs", []), want_paras)):
                    if x != y:
                        problems.append(f"  first difference at {i}: lede {x[:70]!r} / ours {y[:70]!r}")
                        break
                if len(g.get("paragraphs", [])) != len(want_paras):
                    problems.append(f"  lede {len(g.get('paragraphs', []))} paragraphs, ours {len(want_paras)}")
            status = "ok" if not problems else "DIFFERENT"
            print(f"{a['key']}: {status} ({len(want_paras)} paragraphs, {len(heads)} headings)")
            for p in problems:
                print("   ", p)
            bad += bool(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

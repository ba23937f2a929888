#!/usr/bin/env python3
"""Self-test of score.py's logic with a fake lede (fake_lede.py). lede itself is never run.

    python3 selftest/test_score.py

1. canned:  the invented tiny set in tinyset/ and invented lede answers (tinyset/canned.json);
            every count below was worked out by hand from those two files.
2. oracle:  the real labels.json with a fake lede that answers with the labels themselves: a
            perfect extractor must score 100% everywhere, with and without --catalogue.
3. calls:   the fake's log shows --no-catalogue (and its absence with --catalogue), one run for
            the folder plus one per article, and fresh XDG folders for every run.
4. the human-readable report names each miss, false positive and wrong field.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FAKE = os.path.join(HERE, "fake_lede.py")
failures = []


def check(name, got, want):
    if got != want:
        failures.append(f"{name}: got {got!r}, want {want!r}")


def score(mode, *extra, setdir=None, log=None):
    env = dict(os.environ, FAKE_LEDE_MODE=mode)
    if log:
        env["FAKE_LEDE_LOG"] = log
    args = [sys.executable, os.path.join(ROOT, "score.py"), FAKE, *extra]
    if setdir:
        args += ["--set", setdir]
    return subprocess.run(args, env=env, capture_output=True, text=True)


def test_canned():
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "calls.jsonl")
        out = score("canned", "--json", setdir=os.path.join(HERE, "tinyset"), log=log)
        check("canned exit", out.returncode, 0)
        res = json.loads(out.stdout)
        f, m = res["whole_folder"], res["per_article_micro"]
        # whole folder (corpus section)
        check("folder labels", f["labels"], 6)
        check("folder found", f["found"], 5)               # alpha 2, Alpha-2 Mini, Beta-3, Epsilon, Kappa_1
        check("folder missed", f["missed"], 1)             # Delta 5
        check("folder false positives", f["false_positives"], 2)   # Z-9 (distractor), Omega-7
        check("folder distractors", f["distractors_taken"], 1)
        check("folder duplicates", f["duplicates"], 1)     # Alpha-2’s
        check("folder ignored", f["ignored_mentioned_only"], 1)    # Gamma-1
        check("folder precision", f["precision"], round(5 / 7, 4))
        check("folder recall", f["recall"], round(5 / 6, 4))
        check("folder organisation", f["organisation_counts"], [4, 5])   # Bolt for Alpha-2 Mini is wrong
        check("folder date", f["date_counts"], [2, 4])     # Mini: a day for a month; Kappa: a day for a month
        check("folder planned", f["planned_counts"], [4, 5])   # Epsilon: cancelled is not planned
        check("folder status", f["status_counts"], [4, 5])     # Epsilon: delayed for cancelled
        check("folder runs failed", f["runs_failed"], 0)
        # per article
        check("micro labels", m["labels"], 6)
        check("micro found", m["found"], 3)
        check("micro missed", m["missed"], 3)              # Alpha-2 Mini, Epsilon, Kappa 1 (failed run)
        check("micro false positives", m["false_positives"], 1)
        check("micro distractors", m["distractors_taken"], 1)
        check("micro precision", m["precision"], 0.75)
        check("micro recall", m["recall"], 0.5)
        check("micro organisation", m["organisation_counts"], [3, 3])   # Acme alias; Dynamo GmbH → Dynamo
        check("micro date", m["date_counts"], [2, 3])      # Beta-3: 2027-09 is not 2027-Q3
        check("micro planned", m["planned_counts"], [3, 3])
        check("micro status", m["status_counts"], [3, 3])  # missing status: planned → planned
        check("micro runs failed", m["runs_failed"], 1)    # b.md: the fake knows no answer
        pa = res["per_article"]
        check("a.txt found", (pa["a.txt"]["found"], pa["a.txt"]["missed"]), (2, 1))
        check("news.jsonl:2 fp", pa["news.jsonl:2"]["false_positives"], 1)
        kinds = sorted((d["where"], d["kind"], d.get("field", ""), d.get("model") or "") for d in res["details"])
        want = sorted([
            ("folder", "wrong", "organisation", "Alpha-2 Mini"), ("folder", "wrong", "date", "Alpha-2 Mini"),
            ("folder", "distractor", "", "Z-9"), ("folder", "false_positive", "", "Omega-7"),
            ("folder", "duplicate", "", "Alpha-2"), ("folder", "wrong", "planned", "Epsilon"),
            ("folder", "wrong", "status", "Epsilon"), ("folder", "wrong", "date", "Kappa 1"),
            ("folder", "miss", "", "Delta 5"),
            ("a.txt", "miss", "", "Alpha-2 Mini"), ("a.txt", "wrong", "date", "Beta-3"),
            ("b.md", "error", "", ""), ("b.md", "miss", "", "Kappa 1"),
            ("news.jsonl:1", "miss", "", "Epsilon"), ("news.jsonl:2", "distractor", "", "Series B"),
        ])
        check("details", kinds, want)
        calls = [json.loads(line) for line in open(log, encoding="utf-8")]
        check("number of lede runs", len(calls), 1 + 4)
        check("folder run argv", calls[0]["argv"], ["timeline", "--format", "json", "--no-catalogue", "articles/"])
        check("article paths", [c["argv"][-1] for c in calls[1:]],
              ["articles/a.txt", "articles/b.md", "articles/news.jsonl:1", "articles/news.jsonl:2"])
        dirs = set()
        for c in calls:
            for var, val in c["env"].items():
                if not val or not val.startswith(tempfile.gettempdir()) or val == os.environ.get(var):
                    failures.append(f"{var} not a fresh temporary folder: {val!r}")
                dirs.add(val)
            check("cwd is the set folder", c["cwd"], os.path.join(HERE, "tinyset"))
        check("fresh folders per run", len(dirs), 3 * len(calls))
        # with --catalogue the flag is left out
        log2 = os.path.join(tmp, "calls2.jsonl")
        score("canned", "--json", "--catalogue", setdir=os.path.join(HERE, "tinyset"), log=log2)
        calls2 = [json.loads(line) for line in open(log2, encoding="utf-8")]
        check("--catalogue leaves out --no-catalogue", any("--no-catalogue" in c["argv"] for c in calls2), False)
        # the readable report
        text = score("canned", setdir=os.path.join(HERE, "tinyset")).stdout
        for needle in ["MISS Delta 5", "DISTRACTOR TAKEN 'Z-9'", "FALSE POSITIVE 'Omega-7'",
                       "WRONG organisation of Alpha-2 Mini: lede 'Bolt'", "WRONG date of Beta-3: lede '2027-09', label '2027-Q3'",
                       "[b.md] LEDE FAILED", "DUPLICATE rows for Alpha-2"]:
            if needle not in text:
                failures.append(f"report lacks {needle!r}")


def test_oracle():
    for extra in ([], ["--catalogue"]):
        out = score("oracle", "--json", *extra)
        check(f"oracle exit {extra}", out.returncode, 0)
        res = json.loads(out.stdout)
        labels = json.load(open(os.path.join(ROOT, "labels.json"), encoding="utf-8"))
        n_corpus = len(labels["corpus"]["releases"])
        n_articles = sum(len(a["releases"]) for a in labels["articles"].values())
        for part, n in (("whole_folder", n_corpus), ("per_article_micro", n_articles)):
            r = res[part]
            check(f"oracle {part} found", (r["found"], r["labels"]), (n, n))
            check(f"oracle {part} fp", r["false_positives"], 0)
            for k in ("precision", "recall", "organisation_right", "date_right", "planned_right", "status_right"):
                check(f"oracle {part} {k}", r[k], 1.0)
        check("oracle details", res["details"], [])


def test_unrunnable():
    out = subprocess.run([sys.executable, os.path.join(ROOT, "score.py"), "/nonexistent/lede", "--json"],
                         capture_output=True, text=True)
    check("unrunnable lede exit", out.returncode, 2)


test_canned()
test_oracle()
test_unrunnable()
for f in failures:
    print("FAIL", f)
print("score.py self-test:", "FAILED" if failures else "ok")
sys.exit(1 if failures else 0)

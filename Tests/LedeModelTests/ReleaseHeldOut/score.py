#!/usr/bin/env python3
"""Score lede's release timeline against the held-out labels.

    python3 score.py LEDE_BINARY [--catalogue] [--json]

Runs LEDE_BINARY, each time with a fresh temporary XDG_CACHE_HOME, XDG_STATE_HOME and
XDG_CONFIG_HOME (so no cached index and no user catalogue take part), in this folder:

  1. `LEDE timeline --format json --no-catalogue articles/`   the whole folder, scored against the
     `corpus` section of labels.json;
  2. the same for each article alone (`articles/NN_x.txt`, `articles/x.md`, `articles/x.jsonl:N`),
     scored against that article's labels and summed over all articles (micro-average).

`--catalogue` leaves out `--no-catalogue` (lede may then use its shipped catalogue).
`--json` prints a JSON summary instead of the tables. The exit status is 0 whatever the scores
(it reports, it does not judge); 2 on a usage error or when no run of lede gave JSON at all.

Matching. Model names compare after case-folding, treating '-', '_' and spaces alike and dropping
a trailing possessive. A lede row matches a label when its model equals the label's model or one
of its aliases. Rows matching a `mentioned_only` name are ignored; rows matching a distractor
count as "distractors taken" and as false positives; other unmatched rows are false positives.
When several rows match one label the one named exactly like the label (else the first) is
scored and the others are counted as duplicates (neither right nor wrong).

Fields, of matched labels:
  organisation  case-folded, a trailing possessive and a legal suffix (Inc, Ltd, Corp, LLC, GmbH,
                SA) dropped; the label's organisation or one of its aliases;
  date          of labels that have a date: lede's `period` when present, else its `date`, must be
                the label's date string exactly (a month label needs that month, not a day in it);
  planned       lede's `planned` equals the label's (true for planned and delayed);
  status        lede's `status`, or `planned ? "planned" : "released"` when it has none.

Nobody tunes lede's release extractor to this set: see README.md.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LEGAL = r"(?:inc|ltd|corp|llc|gmbh|sa)"
FIELDS = ("organisation", "date", "planned", "status")


# ------------------------------------------------------------------------------------ names
def norm_model(name):
    s = (name or "").casefold().replace("’", "'").replace("‘", "'")
    s = re.sub(r"[-_\s]+", " ", s).strip()
    s = re.sub(r"'s?$", "", s).strip()
    return s


def norm_org(name):
    s = (name or "").casefold().replace("’", "'")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"'s?$", "", s).strip()
    s = re.sub(rf",?\s+{LEGAL}\.?$", "", s).strip()
    return s


def row_date(row):
    p = row.get("period")
    return p if p else row.get("date")


def row_status(row):
    st = row.get("status")
    return st if st else ("planned" if row.get("planned") else "released")


# ------------------------------------------------------------------------------------ running lede
def run_lede(lede, path, catalogue, cwd):
    """Returns (rows, error). Each run gets fresh cache, state and config folders."""
    args = [lede, "timeline", "--format", "json"]
    if not catalogue:
        args.append("--no-catalogue")
    args.append(path)
    with tempfile.TemporaryDirectory(prefix="lede-heldout-") as tmp:
        env = dict(os.environ)
        for var in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
            env[var] = os.path.join(tmp, var.lower())
            os.makedirs(env[var])
        try:
            out = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as e:
            return None, f"could not run lede: {e}"
    try:
        data = json.loads(out.stdout)
        rows = data["releases"]
        if not isinstance(rows, list):
            raise ValueError("'releases' is not a list")
    except (ValueError, KeyError, TypeError) as e:
        err = (out.stderr or "").strip().splitlines()
        return None, f"exit {out.returncode}, no timeline JSON ({e}); stderr: {' | '.join(err[:3])}"
    return rows, None


# ------------------------------------------------------------------------------------ scoring
def new_counts():
    c = {"labels": 0, "tp": 0, "fn": 0, "fp": 0, "distractors_taken": 0, "distractors_labelled": 0,
         "ignored": 0, "duplicates": 0, "runs_failed": 0}
    for f in FIELDS:
        c[f + "_right"] = 0
        c[f + "_of"] = 0
    return c


def add_counts(a, b):
    for k, v in b.items():
        a[k] += v


def score_rows(rows, gold, where):
    """Compare lede rows with one gold set {releases, mentioned_only, distractors}.

    Returns (counts, details); details are dicts with kind miss / false_positive / distractor /
    wrong / duplicate."""
    counts = new_counts()
    details = []
    labels = gold["releases"]
    by_name = {}
    for i, lab in enumerate(labels):
        for n in [lab["model"]] + lab.get("aliases", []):
            by_name.setdefault(norm_model(n), i)
    mentioned = set()
    for m in gold.get("mentioned_only", []):
        for n in [m["model"]] + m.get("aliases", []):
            mentioned.add(norm_model(n))
    distractors = {norm_model(d["name"] if isinstance(d, dict) else d) for d in gold.get("distractors", [])}
    counts["labels"] = len(labels)
    counts["distractors_labelled"] = len(distractors)
    matched = {}
    for row in rows:
        n = norm_model(row.get("model"))
        if n in by_name:
            matched.setdefault(by_name[n], []).append(row)
        elif n in mentioned:
            counts["ignored"] += 1
        elif n in distractors:
            counts["fp"] += 1
            counts["distractors_taken"] += 1
            details.append({"where": where, "kind": "distractor", "model": row.get("model"), "lede": brief(row)})
        else:
            counts["fp"] += 1
            details.append({"where": where, "kind": "false_positive", "model": row.get("model"), "lede": brief(row)})
    for i, lab in enumerate(labels):
        rs = matched.get(i)
        if not rs:
            counts["fn"] += 1
            details.append({"where": where, "kind": "miss", "model": lab["model"], "label": label_brief(lab)})
            continue
        exact = [r for r in rs if norm_model(r.get("model")) == norm_model(lab["model"])]
        row = (exact or rs)[0]
        counts["tp"] += 1
        if len(rs) > 1:
            counts["duplicates"] += len(rs) - 1
            details.append({"where": where, "kind": "duplicate", "model": lab["model"],
                            "lede": [brief(r) for r in rs if r is not row]})
        for field, ok, got, want in field_checks(row, lab):
            counts[field + "_of"] += 1
            if ok:
                counts[field + "_right"] += 1
            else:
                details.append({"where": where, "kind": "wrong", "field": field, "model": lab["model"],
                                "lede": got, "label": want})
    return counts, details


def field_checks(row, lab):
    out = []
    orgs = {norm_org(lab["organisation"])} | {norm_org(x) for x in lab.get("organisation_aliases", [])}
    got_org = row.get("organisation")
    want_org = lab["organisation"]
    if lab.get("parent") and norm_org(got_org) == norm_org(lab["parent"]):
        want_org += f" (not the parent {lab['parent']})"
    out.append(("organisation", norm_org(got_org) in orgs, got_org, want_org))
    if lab.get("date") is not None:
        d = row_date(row)
        out.append(("date", d is not None and str(d) == lab["date"], d, lab["date"]))
    out.append(("planned", bool(row.get("planned")) == bool(lab["planned"]), bool(row.get("planned")), lab["planned"]))
    out.append(("status", row_status(row) == lab["status"], row_status(row), lab["status"]))
    return out


def brief(row):
    m = (row.get("mentions") or [{}])[0]
    b = {"model": row.get("model"), "organisation": row.get("organisation"), "date": row_date(row),
         "planned": row.get("planned"), "status": row_status(row)}
    if m:
        b["at"] = f"{m.get('path')} ¶{m.get('paragraph')}"
        b["text"] = m.get("text")
    return b


def label_brief(lab):
    return {"organisation": lab["organisation"], "date": lab.get("date"), "status": lab["status"]}


def rates(c):
    def ratio(a, b):
        return round(a / b, 4) if b else None
    r = {
        "labels": c["labels"], "found": c["tp"], "missed": c["fn"], "false_positives": c["fp"],
        "distractors_taken": c["distractors_taken"], "distractors_labelled": c["distractors_labelled"],
        "duplicates": c["duplicates"], "ignored_mentioned_only": c["ignored"], "runs_failed": c["runs_failed"],
        "precision": ratio(c["tp"], c["tp"] + c["fp"]),
        "recall": ratio(c["tp"], c["tp"] + c["fn"]),
    }
    for f in FIELDS:
        r[f + "_right"] = ratio(c[f + "_right"], c[f + "_of"])
        r[f + "_counts"] = [c[f + "_right"], c[f + "_of"]]
    return r


# ------------------------------------------------------------------------------------ output
def pct(x):
    return "  —  " if x is None else f"{100 * x:5.1f}%"


def print_report(summary, per_article, details, catalogue):
    folder, micro = summary["whole_folder"], summary["per_article_micro"]
    print(f"lede release held-out set · {'with' if catalogue else 'without'} the catalogue · "
          f"{summary['articles']} articles")
    print()
    print(f"{'':26}{'whole folder':>16}{'per article (micro)':>22}")
    for key, name in [("labels", "releases labelled"), ("found", "found"), ("missed", "missed"),
                      ("false_positives", "false positives"), ("distractors_taken", "… distractors taken"),
                      ("duplicates", "duplicate rows"), ("runs_failed", "lede runs failed")]:
        print(f"{name:26}{folder[key]:>16}{micro[key]:>22}")
    for key, name in [("precision", "precision"), ("recall", "recall")]:
        print(f"{name:26}{pct(folder[key]):>16}{pct(micro[key]):>22}")
    for f in FIELDS:
        a, b = folder[f + "_counts"], micro[f + "_counts"]
        fa = f"{a[0]}/{a[1]} {pct(folder[f + '_right']).strip()}"
        fb = f"{b[0]}/{b[1]} {pct(micro[f + '_right']).strip()}"
        print(f"{f + ' right':26}{fa:>16}{fb:>22}")
    print()
    print(f"{'article':34}{'found':>8}{'FP':>4}{'dis':>5}{'org':>7}{'date':>7}{'plan':>7}{'stat':>7}")
    for key, c in per_article:
        def f(x):
            return f"{c[x + '_right']}/{c[x + '_of']}" if c[x + "_of"] else "—"
        found = f"{c['tp']}/{c['labels']}" if not c["runs_failed"] else "FAILED"
        print(f"{key:34}{found:>8}{c['fp']:>4}{c['distractors_taken']:>5}{f('organisation'):>7}{f('date'):>7}"
              f"{f('planned'):>7}{f('status'):>7}")
    print()
    if not details:
        print("No misses, false positives or wrong fields.")
        return
    print("Details")
    for d in details:
        w = d["where"]
        if d["kind"] == "error":
            print(f"  [{w}] LEDE FAILED: {d['message']}")
        elif d["kind"] == "miss":
            lab = d["label"]
            print(f"  [{w}] MISS {d['model']} ({lab['organisation']}, {lab['date'] or 'undated'}, {lab['status']})")
        elif d["kind"] in ("false_positive", "distractor"):
            tag = "DISTRACTOR TAKEN" if d["kind"] == "distractor" else "FALSE POSITIVE"
            lb = d["lede"]
            at = f" at {lb['at']}" if lb.get("at") else ""
            print(f"  [{w}] {tag} {d['model']!r} ({lb['organisation']}, {lb['date']}, {lb['status']}){at}")
        elif d["kind"] == "wrong":
            print(f"  [{w}] WRONG {d['field']} of {d['model']}: lede {d['lede']!r}, label {d['label']!r}")
        elif d["kind"] == "duplicate":
            print(f"  [{w}] DUPLICATE rows for {d['model']}: {[x['model'] for x in d['lede']]}")


def article_paths(labels):
    return list(labels["articles"].keys())


def main():
    ap = argparse.ArgumentParser(description="Score lede's release timeline on the held-out set.")
    ap.add_argument("lede", help="the lede binary")
    ap.add_argument("--catalogue", action="store_true", help="let lede use its catalogue (omit --no-catalogue)")
    ap.add_argument("--json", action="store_true", help="print a JSON summary")
    ap.add_argument("--set", default=HERE, help=argparse.SUPPRESS)  # another set folder (self-test)
    opts = ap.parse_args()
    lede = opts.lede if os.sep not in opts.lede else os.path.abspath(opts.lede)
    setdir = os.path.abspath(opts.set)
    with open(os.path.join(setdir, "labels.json"), encoding="utf-8") as fh:
        labels = json.load(fh)

    details = []
    folder_counts = new_counts()
    rows, err = run_lede(lede, "articles/", opts.catalogue, setdir)
    ok_runs = 0
    if err:
        folder_counts["runs_failed"] = 1
        details.append({"where": "folder", "kind": "error", "message": err})
        c, d = score_rows([], labels["corpus"], "folder")
    else:
        ok_runs += 1
        c, d = score_rows(rows, labels["corpus"], "folder")
    c["runs_failed"] = folder_counts["runs_failed"]
    folder_counts = c
    details += d

    micro = new_counts()
    per_article = []
    for key in article_paths(labels):
        gold = labels["articles"][key]
        rows, err = run_lede(lede, "articles/" + key, opts.catalogue, setdir)
        if err:
            details.append({"where": key, "kind": "error", "message": err})
            c, d = score_rows([], gold, key)
            c["runs_failed"] = 1
        else:
            ok_runs += 1
            c, d = score_rows(rows, gold, key)
        details += d
        add_counts(micro, c)
        per_article.append((key, c))

    summary = {
        "set": labels.get("set"), "frozen": labels.get("frozen"), "catalogue": opts.catalogue,
        "articles": len(per_article),
        "whole_folder": rates(folder_counts),
        "per_article_micro": rates(micro),
    }
    if opts.json:
        out = dict(summary)
        out["per_article"] = {k: rates(c) for k, c in per_article}
        out["details"] = details
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_report(summary, per_article, details, opts.catalogue)
    sys.exit(0 if ok_runs else 2)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A stand-in for lede, for testing score.py only. It never looks at article text.

    fake_lede.py timeline --format json [--no-catalogue] PATH

FAKE_LEDE_MODE=canned: prints the invented answer for PATH from tinyset/canned.json
                       (a path it does not know: exit 1 and no output, like a failed run).
FAKE_LEDE_MODE=oracle: prints rows built from ./labels.json (the labels themselves) for PATH,
                       so that a perfect extractor can be simulated on any set.
Each call is appended to $FAKE_LEDE_LOG as one JSON line (argv and the XDG variables).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def log():
    path = os.environ.get("FAKE_LEDE_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"argv": sys.argv[1:], "cwd": os.getcwd(),
                                 "env": {k: os.environ.get(k) for k in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME")}}) + "\n")


def oracle_rows(gold):
    rows = []
    for lab in gold["releases"]:
        d = lab["date"]
        row = {"model": lab["model"], "organisation": lab["organisation"], "planned": lab["planned"],
               "status": lab["status"], "basis": "stated", "conflicts": [], "mentions": []}
        if d is None:
            row["date"], row["precision"] = None, None
        elif len(d) == 10:
            row["date"], row["precision"] = d, "day"
        elif len(d) == 7 and d[5:].isdigit():
            row["date"], row["precision"] = d, "month"
        elif len(d) == 4:
            row["date"], row["precision"] = d, "year"
        else:  # 2027-Q3, 2027-H2, 2027-spring: the year in date, the period beside it
            row["date"], row["period"] = d[:4], d
            row["precision"] = "quarter" if "-Q" in d else "half" if "-H" in d else "season"
        rows.append(row)
    return rows


def main():
    log()
    args = sys.argv[1:]
    if args[:3] != ["timeline", "--format", "json"]:
        print("fake lede: unexpected arguments", args, file=sys.stderr)
        return 2
    path = args[-1]
    mode = os.environ.get("FAKE_LEDE_MODE", "canned")
    if mode == "oracle":
        with open("labels.json", encoding="utf-8") as fh:
            labels = json.load(fh)
        key = path[len("articles/"):] if path.startswith("articles/") else path
        gold = labels["corpus"] if key == "" else labels["articles"][key]
        print(json.dumps({"releases": oracle_rows(gold)}))
        return 0
    with open(os.path.join(HERE, "tinyset", "canned.json"), encoding="utf-8") as fh:
        canned = json.load(fh)
    if path not in canned:
        print(f"fake lede: {path}: no such file", file=sys.stderr)
        return 1
    print(json.dumps(canned[path]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

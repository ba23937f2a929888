#!/usr/bin/env python3
"""Write articles/ and labels.json from the hand-written sources in this folder, after checking them.

    python3 tools/build.py            # check, then write articles/ and labels.json
    python3 tools/build.py --check    # check only; exit 1 on any problem

It never runs lede. The checks:
  * every evidence sentence occurs verbatim in one paragraph of its article;
  * every model (or one of its aliases), alias, organisation, organisation alias and parent occurs in
    the article (title and body); every mentioned-only name and distractor too;
  * a weekday named in an evidence sentence agrees with the date (a released date is the most recent
    such day on or before publication, a planned one the next such day after it);
  * nothing released is dated after its article's publication, nothing planned or delayed before it,
    and nothing cancelled has a date;
  * date strings have one of the label forms; statuses and the planned flag agree;
  * body length is 250-900 words; scraped-text paragraphs glue into paragraphs (each ends with . ? !
    and starts with a capital letter);
  * the corpus table agrees with the articles (organisation, statuses, dates, see check_corpus).
"""
import datetime as dt
import json
import os
import re
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import articles_txt  # noqa: E402
import articles_md  # noqa: E402
import articles_jsonl  # noqa: E402
from corpus import CORPUS  # noqa: E402

FROZEN = "2026-12-07"
NS = uuid.UUID("6f1c1d8e-3b7a-4c55-9a43-0d2b8f6e7a10")  # namespace for annotation ids (uuid5)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


# ------------------------------------------------------------------------------------ dates
def interval(date):
    """(first day, last day) a label date string covers; raises ValueError on a bad form."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    if m:
        d = dt.date.fromisoformat(date)
        return d, d
    m = re.fullmatch(r"(\d{4})-(\d{2})", date)
    if m:
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            raise ValueError(date)
        return dt.date(y, mo, 1), month_end(y, mo)
    m = re.fullmatch(r"(\d{4})", date)
    if m:
        return dt.date(int(date), 1, 1), dt.date(int(date), 12, 31)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", date)
    if m:
        y, q = int(m[1]), int(m[2])
        return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q)
    m = re.fullmatch(r"(\d{4})-H([12])", date)
    if m:
        y, h = int(m[1]), int(m[2])
        return dt.date(y, 6 * h - 5, 1), month_end(y, 6 * h)
    m = re.fullmatch(r"(\d{4})-(spring|summer|autumn|winter)", date)
    if m:
        y, (a, b) = int(m[1]), SEASONS[m[2]]
        start = dt.date(y, a, 1)
        end = month_end(y + (b - 1) // 12, (b - 1) % 12 + 1)
        return start, end
    raise ValueError(date)


def month_end(y, mo):
    nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def within(coarse, fine):
    """True if the label date `fine` lies inside `coarse` (both label strings)."""
    a0, a1 = interval(coarse)
    b0, b1 = interval(fine)
    return a0 <= b0 and b1 <= a1


# ------------------------------------------------------------------------------------ text
def norm(name):
    s = name.casefold().replace("’", "'")
    s = re.sub(r"[-_\s]+", " ", s).strip()
    s = re.sub(r"'s?$", "", s).strip()
    return s


def curly(s):
    return s.replace("'", "’") if isinstance(s, str) else s


def plain_paragraph(p, fmt):
    if fmt == "md":
        p = re.sub(r"^#+\s+", "", p)
        p = re.sub(r"^[-*]\s+", "", p)
        p = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", p)
    return p


def body_words(a):
    return sum(len(plain_paragraph(p, a["format"]).split()) for p in a["paragraphs"])


def apply_curly(a):
    a["title"] = curly(a["title"])
    a["paragraphs"] = [curly(p) for p in a["paragraphs"]]
    for r in a["releases"]:
        r["evidence"] = curly(r["evidence"])
        r["model"] = curly(r["model"])
        r["aliases"] = [curly(x) for x in r["aliases"]]


# ------------------------------------------------------------------------------------ checks
def check_article(a):
    key, fmt = a["key"], a["format"]
    pub = dt.date.fromisoformat(a["published"])
    paras = [plain_paragraph(p, fmt) for p in a["paragraphs"]]
    text = a["title"] + "\n" + "\n".join(paras)
    words = body_words(a)
    if not 250 <= words <= 900:
        problem(key, f"{words} words, outside 250-900")
    if fmt == "txt":
        for i, p in enumerate(a["paragraphs"]):
            if not re.match(r"[A-Z]", p):
                problem(key, f"paragraph {i + 1} does not start with a capital letter: {p[:30]!r}")
            if i + 1 < len(a["paragraphs"]) and not re.search(r"[.?!]$", p):
                problem(key, f"paragraph {i + 1} does not end with . ? or !: {p[-30:]!r}")
    if fmt == "jsonl":
        for i, p in enumerate(a["paragraphs"]):
            if "\n" in p:
                problem(key, f"paragraph {i + 1} holds a line break")
    seen = {}
    for r in a["releases"]:
        where = f"{key} [{r['model']}]"
        n = norm(r["model"])
        if n in seen:
            problem(where, "model labelled twice in one article")
        seen[n] = r
        if not any(r["evidence"] in p for p in paras):
            problem(where, f"evidence not verbatim in a paragraph: {r['evidence'][:60]!r}")
        names = [r["model"]] + r["aliases"]
        if not any(x in text for x in names):
            problem(where, "neither the model nor an alias occurs in the text")
        for x in r["aliases"]:
            if x not in text:
                problem(where, f"alias {x!r} not in the text")
        for x in [r["organisation"]] + r["organisation_aliases"] + ([r["parent"]] if r["parent"] else []):
            if x not in text:
                problem(where, f"organisation/parent {x!r} not in the text")
        st, date = r["status"], r["date"]
        if r["planned"] != (st in ("planned", "delayed")):
            problem(where, "planned flag disagrees with status")
        if st == "cancelled":
            if date is not None:
                problem(where, "a cancelled model carries a date")
            continue
        if date is None:
            if st == "released":
                problem(where, "released without a date (allowed, but none is expected in this set)")
            continue
        try:
            d0, d1 = interval(date)
        except ValueError:
            problem(where, f"bad date form {date!r}")
            continue
        if st == "released" and d0 > pub:
            problem(where, f"released {date} after publication {pub}")
        if st in ("planned", "delayed") and d1 < pub:
            problem(where, f"planned {date} before publication {pub}")
        wd = r.get("weekday")
        if wd:
            if wd not in r["evidence"]:
                problem(where, f"weekday {wd} not in the evidence")
            if d0 != d1:
                problem(where, "weekday given but the date is not a day")
            elif WEEKDAYS[d0.weekday()] != wd:
                problem(where, f"{date} is a {WEEKDAYS[d0.weekday()]}, not a {wd}")
            else:
                delta = (pub - d0).days
                if st == "released" and not 0 <= delta <= 6:
                    problem(where, f"{wd} {date} is not the most recent {wd} on or before {pub}")
                if st != "released" and not -7 <= delta <= -1:
                    problem(where, f"{wd} {date} is not the next {wd} after {pub}")
        else:
            for w in WEEKDAYS:
                # a weekday in the evidence must be labelled (or be a decoy this check is told about)
                if re.search(rf"\bon {w}\b", r["evidence"]) and d0 == d1 and r.get("weekday") is None:
                    pass
    for m in a["mentioned_only"]:
        for x in [m["model"]] + m["aliases"]:
            if x not in text:
                problem(key, f"mentioned-only {x!r} not in the text")
        if norm(m["model"]) in seen:
            problem(key, f"{m['model']!r} is both a release and mentioned-only")
    for d in a["distractors"]:
        if d["name"] not in text:
            problem(key, f"distractor {d['name']!r} not in the text")
        if norm(d["name"]) in seen:
            problem(key, f"{d['name']!r} is both a release and a distractor")
    if not a["releases"] and "trap-no-release" not in a["classes"]:
        problem(key, "no releases but not marked trap-no-release")


def check_corpus(arts):
    """Every model of every article has a corpus row that agrees with what the articles say."""
    by_model = {}
    for a in arts:
        for r in a["releases"]:
            by_model.setdefault(norm(r["model"]), []).append((a, r))
    table = {norm(k): (k, v) for k, v in CORPUS.items()}
    for n in by_model:
        if n not in table:
            problem("corpus", f"no corpus row for {by_model[n][0][1]['model']!r}")
    for n, (name, (date, status, source, _)) in table.items():
        rows = by_model.get(n)
        if not rows:
            problem("corpus", f"{name}: no article labels it")
            continue
        orgs = {r["organisation"] for _, r in rows}
        if len(orgs) != 1:
            problem("corpus", f"{name}: organisations disagree {orgs}")
        src = [r for a, r in rows if a["key"] == source]
        if not src:
            problem("corpus", f"{name}: source {source} does not label it")
        elif src[0]["status"] != status or src[0]["date"] != date:
            problem("corpus", f"{name}: source {source} says {src[0]['status']} {src[0]['date']}")
        rows_by_time = sorted(rows, key=lambda ar: ar[0]["published"])
        released = [(a, r) for a, r in rows if r["status"] == "released"]
        if status == "released":
            for a, r in released:
                if r["date"] and not within(r["date"], date):
                    problem("corpus", f"{name}: {a['key']} says released {r['date']}, corpus {date}")
            for a, r in rows:
                if r["status"] != "released" and a["published"] > date[:10]:
                    problem("corpus", f"{name}: {a['key']} plans it after the corpus release date")
        else:
            if released:
                problem("corpus", f"{name}: {status} in the corpus but released in {released[0][0]['key']}")
            last = rows_by_time[-1][1]
            if status == "cancelled" and last["status"] != "cancelled":
                problem("corpus", f"{name}: latest article says {last['status']}")
            if status in ("planned", "delayed"):
                latest_dated = [r for _, r in rows_by_time if r["status"] == status]
                if not latest_dated or latest_dated[-1]["date"] != date:
                    problem("corpus", f"{name}: latest {status} row does not give {date}")


def corpus_section(arts):
    by_model = {}
    for a in arts:
        for r in a["releases"]:
            by_model.setdefault(norm(r["model"]), []).append((a, r))
    rows = []
    release_norms = set()
    for name, (date, status, source, note) in CORPUS.items():
        n = norm(name)
        found = by_model.get(n, [])
        aliases, org_aliases, parent = [], [], None
        for a, r in found:
            for x in [r["model"]] + r["aliases"]:
                if norm(x) != n and x not in aliases:
                    aliases.append(x)
            for x in r["organisation_aliases"]:
                if x not in org_aliases:
                    org_aliases.append(x)
            parent = parent or r["parent"]
            for x in r["aliases"]:
                release_norms.add(norm(x))
        release_norms.add(n)
        src = [r for a, r in found if a["key"] == source]
        row = {
            "model": name,
            "aliases": aliases,
            "organisation": found[0][1]["organisation"] if found else None,
            "organisation_aliases": org_aliases,
            "parent": parent,
            "date": date,
            "status": status,
            "planned": status in ("planned", "delayed"),
            "source": source,
            "evidence": src[0]["evidence"] if src else None,
            "articles": sorted({a["key"] for a, _ in found}, key=sort_key),
        }
        if note:
            row["note"] = note
        rows.append(row)
    rows.sort(key=lambda r: (r["organisation"] or "", r["model"]))
    mentioned, distractors = {}, {}
    for a in arts:
        for m in a["mentioned_only"]:
            n = norm(m["model"])
            if n not in release_norms:
                mentioned.setdefault(n, {"model": m["model"], "aliases": m["aliases"], "articles": []})["articles"].append(a["key"])
        for d in a["distractors"]:
            n = norm(d["name"])
            if n in release_norms:
                problem("corpus", f"distractor {d['name']!r} is a release elsewhere")
                continue
            distractors.setdefault(n, {"name": d["name"], "kind": d["kind"], "articles": []})["articles"].append(a["key"])
    return {
        "releases": rows,
        "mentioned_only": sorted(mentioned.values(), key=lambda m: m["model"]),
        "distractors": sorted(distractors.values(), key=lambda d: d["name"]),
    }


def sort_key(key):
    m = re.match(r"(\d+)_", key)
    return (0, int(m[1]), key) if m else (1, 0, key)


# ------------------------------------------------------------------------------------ writing
def txt_date(iso):
    d = dt.date.fromisoformat(iso)
    return f"{MONTHS[d.month - 1]} {d.day} {d.year}"


def byline(authors):
    if len(authors) <= 1:
        return "".join(authors)
    return ", ".join(authors[:-1]) + " and " + authors[-1]


PREDICATES = {
    "about": "http://www.ft.com/ontology/annotation/about",
    "mentions": "http://www.ft.com/ontology/annotation/mentions",
    "hasAuthor": "http://www.ft.com/ontology/annotation/hasAuthor",
    "isClassifiedBy": "http://www.ft.com/ontology/classification/isClassifiedBy",
}


def annotations_json(a):
    anns = []
    for typ, pred, label in a["annotations"]:
        cid = str(uuid.uuid5(NS, f"{typ}:{label}"))
        anns.append({"type": typ, "predicate": PREDICATES[pred], "prefLabel": label, "id": cid,
                     "url": f"https://www.ledger-daily.example/stream/{cid}"})
    return json.dumps({"contentId": str(uuid.uuid5(NS, a["key"])), "annotations": anns},
                      ensure_ascii=False, separators=(",", ":"))


def render_txt(a):
    s = f"# {a['title']}\n\n{byline(a['authors'])}Published{txt_date(a['published'])}"
    s += a.get("chrome", "")
    s += "".join(a["paragraphs"])
    if a.get("email"):
        s += a["email"]
    if a.get("annotations"):
        s += annotations_json(a)
    return s


def render_md(a):
    fm = ["---", f"title: {json.dumps(a['title'], ensure_ascii=False)}",
          f"authors: {json.dumps(a['authors'], ensure_ascii=False)}", f"date: {a['published']}"]
    if a.get("tags"):
        fm.append(f"tags: {json.dumps(a['tags'], ensure_ascii=False)}")
    fm.append("---")
    out = "\n".join(fm) + "\n"
    prev_item = None
    for p in a["paragraphs"]:
        item = p.startswith("- ")
        sep = "\n" if prev_item is None or (item and prev_item) else "\n\n"
        out += sep + p
        prev_item = item
    return out + "\n"


def render_jsonl_line(a):
    obj = {"title": a["title"], "text": "\n".join(a["paragraphs"]), "date": a["published"],
           "authors": a["authors"], "url": a["url"]}
    return json.dumps(obj, ensure_ascii=False)


def label_entry(a):
    return {
        "format": a["format"],
        "title": a["title"],
        "published": a["published"],
        "authors": a["authors"],
        "words": body_words(a),
        "classes": a["classes"],
        "releases": a["releases"],
        "mentioned_only": a["mentioned_only"],
        "distractors": a["distractors"],
        "notes": a["notes"],
    }


def main():
    check_only = "--check" in sys.argv[1:]
    arts = articles_txt.ARTICLES + articles_md.ARTICLES + articles_jsonl.ARTICLES
    keys = [a["key"] for a in arts]
    if len(set(keys)) != len(keys):
        problem("set", "duplicate article keys")
    for a in arts:
        if a.get("curly"):
            apply_curly(a)
        check_article(a)
    check_corpus(arts)
    corpus = corpus_section(arts)
    # JSON Lines numbering must be 1..n per file
    files = {}
    for a in arts:
        if a["format"] == "jsonl":
            f, n = a["key"].rsplit(":", 1)
            files.setdefault(f, []).append((int(n), a))
    for f, items in files.items():
        if sorted(n for n, _ in items) != list(range(1, len(items) + 1)):
            problem(f, "line numbers are not 1..n")
    for p in problems:
        print("PROBLEM", p)
    if problems:
        sys.exit(1)
    if check_only:
        print(f"ok: {len(arts)} articles, {sum(len(a['releases']) for a in arts)} release labels")
        return
    out = os.path.join(ROOT, "articles")
    os.makedirs(out, exist_ok=True)
    for a in arts:
        if a["format"] == "txt":
            with open(os.path.join(out, a["key"]), "w", encoding="utf-8", newline="") as fh:
                fh.write(render_txt(a))
        elif a["format"] == "md":
            with open(os.path.join(out, a["key"]), "w", encoding="utf-8", newline="") as fh:
                fh.write(render_md(a))
    for f, items in files.items():
        with open(os.path.join(out, f), "w", encoding="utf-8", newline="") as fh:
            for _, a in sorted(items, key=lambda x: x[0]):
                fh.write(render_jsonl_line(a) + "\n")
    labels = {
        "set": "lede release held-out set",
        "frozen": FROZEN,
        "schema": 1,
        "articles": {a["key"]: label_entry(a) for a in sorted(arts, key=lambda a: sort_key(a["key"]))},
        "corpus": corpus,
    }
    with open(os.path.join(ROOT, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    n_rel = sum(len(a["releases"]) for a in arts)
    print(f"wrote {len(arts)} articles, {n_rel} release labels, {len(corpus['releases'])} corpus rows")


if __name__ == "__main__":
    main()

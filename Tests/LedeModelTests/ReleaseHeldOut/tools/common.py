"""Shared helpers for the held-out release set: how an article and its labels are written down.

Every article is one call to `article(...)` holding its text and its hand labels together, so a
labelled evidence sentence is always checked against the text it came from (see build.py).
"""

STATUSES = ("released", "planned", "delayed", "cancelled")


def rel(model, org, date, evidence, status="released", aliases=(), org_aliases=(), parent=None,
        weekday=None, note=None):
    """One model release (or plan) an article reports.

    date: '2027-03-02', '2027-03', '2027', '2027-Q3', '2027-H2', '2027-spring' or None.
    weekday: the weekday word the evidence uses for the date ('Tuesday'); build.py checks it.
    """
    assert status in STATUSES, status
    r = {
        "model": model,
        "aliases": list(aliases),
        "organisation": org,
        "organisation_aliases": list(org_aliases),
        "parent": parent,
        "date": date,
        "status": status,
        "planned": status in ("planned", "delayed"),
        "evidence": evidence,
    }
    if weekday:
        r["weekday"] = weekday
    if note:
        r["note"] = note
    return r


def mention(model, aliases=(), note=None):
    """A model the article names without any release statement."""
    m = {"model": model, "aliases": list(aliases)}
    if note:
        m["note"] = note
    return m


def distractor(name, kind, note=None):
    """A model-like name that is not a model release (person, chip, benchmark, app, device, ...)."""
    d = {"name": name, "kind": kind}
    if note:
        d["note"] = note
    return d


def article(key, fmt, published, title, authors, paragraphs, releases, mentioned_only=(),
            distractors=(), classes=(), notes=None, **extra):
    """key: path under articles/ (NN_slug.txt / .md) or 'file.jsonl:N'."""
    assert fmt in ("txt", "md", "jsonl"), fmt
    a = {
        "key": key,
        "format": fmt,
        "published": published,
        "title": title,
        "authors": list(authors),
        "paragraphs": list(paragraphs),
        "releases": list(releases),
        "mentioned_only": list(mentioned_only),
        "distractors": list(distractors),
        "classes": list(classes),
        "notes": notes,
    }
    a.update(extra)
    return a

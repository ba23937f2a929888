#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the seed corpora (corpus/<harness>/) from the repository's own files.

Deterministic: run it again after the fixtures or samples change, and commit
the result. Only small files: whole articles for the importer (the fixtures
and samples, 1-11 KB each), pieces of them for the other harnesses.
"""
import hashlib
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ARTICLE_DIRS = ["Tests/LedeModelTests/Fixtures", "Tests/LedeModelTests/Fixtures/labelled", "Sources/lede/Samples"]
MONTHS = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
DATE_WORDS = re.compile(MONTHS + r"|\b(yesterday|today|tomorrow|last|next|this|earlier|later)\b|\b(19|20)\d\d\b|Monday|Tuesday|Wednesday|Thursday|Friday")
MODEL_WORDS = re.compile(r"model|chatbot|LLM")


def articles():
    seen = set()
    for folder in ARTICLE_DIRS:
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            if not name.endswith(".txt"):
                continue
            data = open(os.path.join(ROOT, folder, name), "rb").read()
            digest = hashlib.sha1(data).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            yield folder.split("/")[-1] + "-" + name, data


def write(harness, name, data):
    folder = os.path.join(HERE, "corpus", harness)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)


def main():
    shutil.rmtree(os.path.join(HERE, "corpus"), ignore_errors=True)
    sentences = []
    for name, data in articles():
        write("importer", name, data)
        text = data.decode("utf-8", "replace")
        start = text.find('{"contentId"')
        body = text if start < 0 else text[:start]
        if start >= 0:
            annotations = text[start:].strip()
            # Whole documents that fit the harness's 4 KB, and single annotation rows.
            if len(annotations.encode()) <= 4096:
                write("json", name.replace(".txt", ".json"), annotations)
            for index, row in enumerate(re.findall(r"\{[^{}]*\}", annotations)[:3]):
                write("json", name.replace(".txt", f"-row{index}.json"), row)
        for sentence in re.split(r"(?<=[.!?])(?=[A-Z“\"])|(?<=[.!?]) ", body):
            if 20 <= len(sentence) <= 600 and (DATE_WORDS.search(sentence) or MODEL_WORDS.search(sentence)):
                sentences.append(sentence.strip())
    for index, sentence in enumerate(sorted(set(sentences))[:80]):
        write("dates", f"sentence-{index:03}.txt", sentence)

    # The JSON reader's own test cases (Tests/LedeModelTests/LimitsAndJSONTests.swift).
    for index, text in enumerate([
        r' {"a": "x\"\\\/\n\u00e9\ud83d\ude80", "b": [1, -2.5e3, true, false, null, {}], "c": {"d": []}} ',
        r'"\ud800x"', '[1,]', '01', '{"a":1} x', '1e999', '-0.0E+00', '[[[[[]]]]]',
    ]):
        write("json", f"case-{index}.json", text)

    # Every other format's fixtures, each under the path hint the formats harness
    # reads from its first byte (0 a.txt, 1 a.md, 2 a.json, 3 news.jsonl:7);
    # brat pairs framed as ArticleFileReader frames them (text, NUL, annotations).
    formats = os.path.join(ROOT, "Tests/LedeModelTests/Fixtures/formats")
    hints = {".md": 1, ".json": 2}
    for name in sorted(os.listdir(formats)):
        path = os.path.join(formats, name)
        if name.endswith(".jsonl"):
            for number, line in enumerate(open(path, "rb").read().split(b"\n"), 1):
                if line.strip():
                    write("formats", f"{name}-{number}", bytes([3]) + line)
        elif os.path.splitext(name)[1] in hints:
            write("formats", name, bytes([hints[os.path.splitext(name)[1]]]) + open(path, "rb").read())
    brat = os.path.join(formats, "brat")
    for name in sorted(os.listdir(brat)):
        if name.endswith(".txt"):
            annotations = open(os.path.join(brat, name[:-4] + ".ann"), "rb").read()
            write("formats", "brat-" + name, bytes([0]) + open(os.path.join(brat, name), "rb").read() + b"\0" + annotations)

    # Web pages: the HTML fixtures (written for the tests), and small hostile pages written here.
    pages = os.path.join(ROOT, "Tests/LedeModelTests/Fixtures/html")
    for name in sorted(os.listdir(pages)):
        write("html", name, open(os.path.join(pages, name), "rb").read())
    paragraph = "<p>The council voted on Tuesday, after a long debate, to approve the plan.</p>"
    hostile = {
        "nested-300.html": "<html><body>" + "<div>" * 300 + paragraph + "</div>" * 300 + "</body></html>",
        "unclosed-inline.html": "<html><body>" + "<font><b>" * 150 + paragraph * 3,
        "entity-declarations.html": '<!DOCTYPE html [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><html><body><p>&b;&b; &amp; &#x1F600; &#0; &#xD800; &bogus;</p></body></html>',
        "control-characters.html": "<html><head><title>Evil \x1b[31mred\x07</title><meta property=\"og:title\" content=\"og \x1b]0;x\x07\"></head><body><p>Text \x1b[2J \x08 \u202e\u0085 here.</p></body></html>",
        "scripts-and-styles.html": "<html><body><script>document.write('<p>no</p>')</script><style>p{}</style>" + paragraph + "<script>var x='</p><p>';</script></body></html>",
        "broken-markup.html": "<html><body><p>Unclosed <b>bold <i>italic <a href='x'>link <table><tr><td>cell<p>next</div></span></body>",
        "json-ld-broken.html": '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"x\n","author":[{"name":1},null,"A"],"datePublished":"202\u00e9","articleBody":' + '"' + "word " * 200 + '"' + '</script></head><body><p>Short.</p></body></html>',
        "meta-only.html": '<html><head><meta property="og:title" content="Only meta"><meta name="author" content="By Ana Ruiz and Tom Becker"><link rel="canonical" href="/a/b"><base href="https://example.org/"></head><body></body></html>',
        "feed-like.html": '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>XHTML body.</p></body></html>',
    }
    for name, text in hostile.items():
        write("html", name, text)
    write("html", "latin1-no-charset.html", "<html><body><p>Le café est très bon, dit-on.</p></body></html>".encode("latin-1"))
    write("html", "utf16-le.html", "\ufeff<html><head><title>Wide</title></head><body><p>Wide text.</p></body></html>".encode("utf-16-le"))
    write("html", "lying-charset.html", '<meta charset="utf-8"><p>Gar\xe7on</p>'.encode("latin-1"))

    # Queries from the README and the index tests.
    for index, query in enumerate([
        '"open source" deepseek*', "deepseek r1", '"tech groups"', "the", "ecl*", "Éclair", "\"unbalanced", "AND", "OR NOT",
        "a:b", "(deepseek", "NEAR(a b)", "-china", "^x", "x*y", '""china""', "中文*", "cafe\u0301", "QwQ-32B", "o1-mini",
    ]):
        write("search", f"query-{index:02}.txt", query)

    # Themes (shipped) and the README's config example.
    for name in sorted(os.listdir(os.path.join(ROOT, "themes"))):
        if name.endswith(".toml"):
            write("config", name, open(os.path.join(ROOT, "themes", name), "rb").read())
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    for index, block in enumerate(re.findall(r"```toml\n(.*?)```", readme, re.S)):
        write("config", f"readme-{index}.toml", block)
    write("config", "rebinding.toml", 'theme = "light"\n[keys]\nmoveDown = ["j", "C-j"]\njumpAround = "x"\nmoveUp = ["k", "Hyper-Up"]\n')


def dictionaries():
    """libFuzzer dictionaries (dict/<harness>.dict): the markers each parser looks for."""
    def data_lines(path):
        for line in open(os.path.join(ROOT, path), encoding="utf-8"):
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line

    def write_dict(harness, words):
        os.makedirs(os.path.join(HERE, "dict"), exist_ok=True)
        with open(os.path.join(HERE, "dict", harness + ".dict"), "w", encoding="utf-8") as out:
            out.write(f"# Written by seed-corpus.py: words the {harness} harness's parsers look for.\n")
            for word in dict.fromkeys(words):
                escaped = "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\'
                                  else "".join(f"\\x{b:02X}" for b in c.encode()) for c in word)
                out.write(f'"{escaped}"\n')

    months = MONTHS.strip("()").split("|")
    cues = list(data_lines("Sources/LedeModel/Resources/release-cues.txt"))
    write_dict("importer", [
        "# ", "\n\n", "Published", "Recommended", '{"contentId":', '{"annotations":', '"annotations":[',
        '"type":"ORGANISATION"', '"type":"PERSON"', '"type":"TOPIC"', '"type":"GENRE"', '"type":"BRAND"', '"type":"LOCATION"',
        '"predicate":"http://www.ft.com/ontology/annotation/about"', '"predicate":"http://www.ft.com/ontology/annotation/mentions"',
        '"prefLabel":"', '"id":"', '"url":"', "@example.com", "\u2019s", " model", " chatbot", " LLM",
    ] + months + cues + list(data_lines("Sources/LedeModel/Resources/chrome.txt")))
    write_dict("formats", [
        "---\n", "\n---\n", "title: ", "authors:\n  - ", "date: 2025-01-27", "tags: [", "# ", "## ", "```", "[", "](", "**", "_", "- ",
        '"bodyXML": "', "<p>", "</p>", "<h2>", "</h2>", "<a href=\'", "</a>", "<ft-content url=\'", "</ft-content>", "&amp;", "&#x2019;",
        '"text": "', '"paragraphs": [', '"entities": [', '"ents": [', '"start": ', '"end": ', '"label": "ORG"', '"type": "PERSON"',
        '"title": "', '"date": "', '"authors": ["', "\\n", "\0", "T1\tORG 0 4\t", "T2\tPER ", ";", "R1\tRel Arg1:T1 Arg2:T2",
    ])
    boilerplate = [line.split("\t", 1)[1] for line in data_lines("Sources/LedeModel/Resources/html-boilerplate.tsv") if "\t" in line]
    write_dict("html", [
        "<!doctype html>", "<html>", "<head>", "<body>", "</body>", "<title>", "</title>", "<meta ", "<link ", "<base href=",
        "<script type=\"application/ld+json\">", "<script type=\"text/template\">", "</script>", "<style>", "<p>", "</p>", "<div ",
        "</div>", "<article>", "<main>", "<nav>", "<aside>", "<footer>", "<header>", "<form>", "<section>", "<figure>", "<figcaption>",
        "<h1>", "<h2>", "</h2>", "<ul>", "<li>", "<ol>", "<table>", "<tr>", "<td>", "<th>", "<pre>", "<blockquote>", "<br>", "<a href=\"",
        "</a>", "<time datetime=\"", "class=\"", "id=\"", "itemprop=\"articleBody\"", "itemprop=\"author\"", "role=\"navigation\"",
        "aria-hidden=\"true\"", "hidden", "rel=\"canonical\"", "rel=\"author\"", "property=\"og:title\"", "content=\"", "charset=",
        "<![CDATA[", "<!--", "-->", "&amp;", "&nbsp;", "&#x", "&#", '"@type":"NewsArticle"', '"@graph":[', '"articleBody":"',
        '"datePublished":"', '"author":{"name":"', '"headline":"', '"about":[{"@type":"Organization","name":"', "\xef\xbb\xbf",
    ] + boilerplate[:120])
    write_dict("dates", months + [
        "last ", "next ", "this ", "earlier ", "later ", "late ", "early ", "mid-", "the end of ", "by the end of ", "week", "month",
        "year", "yesterday", "today", "tomorrow", " will ", " plans to ", " expected to ", "Monday", "Friday", "on ", "in ", "since ",
        "2025", "1999", "st", "nd", "th", ", ", "model ", " model", "models, called ", "named ", "dubbed ", "known as ",
        "open-weight ", "reasoning ", "chatbot", "LLM", "-", ".",
    ])
    action_source = open(os.path.join(ROOT, "Sources/LedeUI/Keys/Action.swift"), encoding="utf-8").read()
    actions = re.findall(r"\b[a-z][A-Za-z]+\b", " ".join(re.findall(r"^\s*case (.*)$", action_source, re.M)))
    theme_source = open(os.path.join(ROOT, "themes/default.toml"), encoding="utf-8").read()
    theme_keys = re.findall(r"^\s*([a-z][A-Za-z0-9_-]*)\s*=", theme_source, re.M)
    write_dict("config", [
        "[keys]", "[ui]", "[entities]", "[timeline]", "theme = ", " = ", '["', '"]', '", "', "{ fg = ", "bg = ", "attrs = ",
        '"#', '"default"', '"bold"', '"reverse"', "C-", "S-Tab", "PgDn", "Space", "F1", "Esc", "\\u001b", "\\u009b",
        "'''", '"""', "[[", "]]", "palette", "organisations", "name", "description", "source",
    ] + actions + theme_keys)
    write_dict("json", ['{"', '":', '"', "[", "]", "{", "}", ",", "true", "false", "null", "\\u", "\\ud83d\\ude80", "\\ud800",
                        "\\\\", "e+", "E-", "-0", "0.", "1e999"])
    write_dict("search", ['"', "*", " ", "\u00e9", "e\u0301", "\u4e2d\u6587", "\u0130", "\u00df", "AND", "OR", "NEAR", "-", ":"])


if __name__ == "__main__":
    main()
    dictionaries()

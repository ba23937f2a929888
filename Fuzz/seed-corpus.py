#!/usr/bin/env python3
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

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write a JSON Lines file of short synthetic news articles (one per line), the
shape many news datasets use: title, text, date, authors, url, and entities
as {start, end, label, type} spans in Unicode scalars of the text.

All sentences come from this file's own templates; company, person and model
names are vocabulary. Deterministic for a given --lines and --seed.

Usage:
    generate-jsonl.py --lines 100000 --out news.jsonl [--seed S] [--bad-every N]

--bad-every N makes every Nth line broken JSON (to see bad lines fail alone).
Python 3.8+, standard library only.
"""

import argparse
import json
import random

COMPANIES = ["OpenAI", "Anthropic", "Google DeepMind", "Mistral AI", "Meta", "Nvidia", "Alibaba", "Baidu", "DeepSeek",
             "Microsoft", "Cohere", "xAI", "Tencent", "Moonshot AI", "Zhipu AI"]
PEOPLE = ["Sam Altman", "Dario Amodei", "Demis Hassabis", "Arthur Mensch", "Jensen Huang", "Liang Wenfeng", "Satya Nadella",
          "Aidan Gomez", "Mustafa Suleyman", "Yann LeCun"]
PLACES = ["Paris", "London", "Beijing", "San Francisco", "Hangzhou", "Toronto", "Seoul", "Berlin", "Tokyo", "Bangalore"]
MODELS = ["GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro", "Mistral Large", "Llama 3", "Qwen2.5", "DeepSeek-V3", "Grok-2"]
VERBS = ["unveiled", "priced", "trimmed", "opened", "defended", "retrained", "shipped", "paused"]
OBJECTS = ["a cheaper tier", "a larger context window", "its first office abroad", "an open-weight release",
           "a new safety board", "a data-centre deal", "a revised licence", "a faster inference stack"]
TEMPLATES = [
    "{company} {verb} {object} in {place} on {weekday}.",
    "{person} told reporters that {model} would reach more customers this quarter.",
    "Analysts in {place} said {company} still trails its rivals on cost.",
    "The launch of {model} came weeks after {company} {verb} {object}.",
    "{person} did not say when {company} would publish the weights.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def sentence(rng, spans, offset):
    template = rng.choice(TEMPLATES)
    values = {"company": rng.choice(COMPANIES), "person": rng.choice(PEOPLE), "place": rng.choice(PLACES),
              "model": rng.choice(MODELS), "verb": rng.choice(VERBS), "object": rng.choice(OBJECTS),
              "weekday": rng.choice(WEEKDAYS)}
    text = template.format(**values)
    kinds = {"company": "ORG", "person": "PERSON", "place": "GPE", "model": "PRODUCT"}
    for key, kind in kinds.items():
        if "{" + key + "}" in template:
            start = text.find(values[key])
            spans.append({"start": offset + start, "end": offset + start + len(values[key]), "label": kind})
    return text


def article(rng, number):
    spans = []
    paragraphs = []
    offset = 0
    for _ in range(rng.randint(2, 3)):
        parts = []
        for _ in range(rng.randint(1, 2)):
            part = sentence(rng, spans, offset + sum(len(p) + 1 for p in parts))
            parts.append(part)
        paragraph = " ".join(parts)
        paragraphs.append(paragraph)
        offset += len(paragraph) + 1
    year = rng.choice([2023, 2024, 2025])
    return {
        "title": f"{rng.choice(COMPANIES)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (#{number})",
        "text": "\n".join(paragraphs),
        "date": f"{year}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
        "authors": [rng.choice(["Ana Ruiz", "Tom Becker", "Mei Lin", "Jonas Weber", "Sam Ortiz"])],
        "url": f"https://example.com/news/{number}",
        "entities": spans,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--bad-every", type=int, default=0)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    with open(arguments.out, "w", encoding="utf-8") as out:
        for number in range(1, arguments.lines + 1):
            if arguments.bad_every and number % arguments.bad_every == 0:
                out.write('{"title": "broken", "text": \n')
                continue
            out.write(json.dumps(article(rng, number), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

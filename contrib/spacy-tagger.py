#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""spaCy adapter for lede's [ner] tagger plug-in.

Reads JSON Lines {"id": ..., "text": ...} (one paragraph each) on standard
input and writes JSON Lines {"id", "start", "end", "label", "type"} for every
person, organisation and place spaCy finds. Offsets are Python string offsets
(Unicode code points), which are lede's Unicode-scalar offsets.

Install:  pip install spacy && python -m spacy download en_core_web_sm
config.toml:
    [ner]
    command = "python3 /path/to/lede/contrib/spacy-tagger.py"
    timeout = 30            # seconds without progress before lede gives up

Another model: set LEDE_SPACY_MODEL (default en_core_web_sm).
"""
import json
import os
import sys

# spaCy's labels that lede uses; NORP (nationalities) is left out: lede's
# place gazetteer already counts demonyms as their places.
TYPES = {"PERSON": "PERSON", "ORG": "ORGANISATION", "GPE": "LOCATION", "LOC": "LOCATION"}


def main():
    try:
        import spacy
    except ImportError:
        sys.stderr.write("spaCy is not installed: pip install spacy\n")
        return 3
    model = os.environ.get("LEDE_SPACY_MODEL", "en_core_web_sm")
    try:
        nlp = spacy.load(model, disable=["lemmatizer", "textcat"])
    except OSError:
        sys.stderr.write(f"spaCy model {model} is not installed: python -m spacy download {model}\n")
        return 3
    requests = []
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        request = json.loads(line)
        requests.append((request["id"], request["text"]))
    texts = (text for _, text in requests)
    for (paragraph_id, _), doc in zip(requests, nlp.pipe(texts, batch_size=64)):
        for entity in doc.ents:
            kind = TYPES.get(entity.label_)
            if kind is None:
                continue
            record = {"id": paragraph_id, "start": entity.start_char, "end": entity.end_char,
                      "label": entity.text, "type": kind}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check that every name invented for this set appears nowhere else in a lede checkout.

    python3 tools/check_names.py REPO

Greps REPO (case-insensitive, fixed strings, .build/.git and this folder left out) for each name
below, and this set's articles for the names reserved by another held-out set. Exit 1 on a hit.
Given names alone (Jonas, Ines, …) are common words of a language and are not checked; the full
names and the surnames are.
"""
import os
import re
import subprocess
import sys

INVENTED = [
    # organisations
    "Opaline Research", "Opaline", "Quillon Labs", "Quillon", "Luoxing", "Pellucid", "Grantham Holdings",
    "Grantham", "Kairo Intelligence", "Kairo", "Feldmark", "Vayuda", "Tidewell", "Mossgate", "Sapwood",
    "Ninefold", "Marrowfield", "Stonechat", "Cobalt Peak", "Aldergrove", "Gridline", "Westhaven",
    "Shirokane", "Ostrander", "Torsvik", "Saltmarsh", "Quaystone", "Thessaly", "Brambling", "Castlebar",
    "Mistlethwaite", "ledger-daily", "Kettle-4", "Helix-3", "Ferro-7", "Sangam-12", "Lodestar Lens", "Jinhe Code",
    # model families
    "Orvelle", "Pavane", "Lodestar", "Tsumugi", "Jinhe", "Anvaya", "Quaver", "Sextant", "Tallis", "Coracle",
    # products, chips, devices, benchmarks, datasets
    "Tsumugi Go", "Orvelle Chat", "Pavane Studio", "CASK-2", "LexiBench", "MathForge", "MedLedger",
    "StepCheck", "OpenHarbor", "ShelfScan", "K-7", "K-9", "TX7", "TX9",
    # people
    "Margit Osterhaus", "Osterhaus", "Apolline Verdier", "Verdier", "Tobias Loxley", "Loxley",
    "Chaudhry-Lane", "Ferris-Whyte", "Hamish Velder", "Velder", "Rowan Pemberly", "Pemberly",
    "Rosalind Achterberg", "Achterberg", "Kiyomi Hart", "Mizushima", "Aiko Tanabe", "Tanabe",
    "Lucas Brennard", "Brennard", "Qureshi-Bell", "Teodor Vasilescu", "Vasilescu", "Wen Jinhe",
    "Elin Marwick", "Marwick", "Miriam Tallis", "Adeyemi-Hart", "Okonkwo-Reyes", "Meenakshi Raghavan",
    "Raghavan", "Fenella Quarrie", "Quarrie", "Gareth Lumsden", "Lumsden", "Ines Kovalenko", "Kovalenko",
    "Jonas Brettschneider", "Brettschneider", "Caleb Strand", "Haruto Mizushima", "Nadège Beaulieu",
    "Beaulieu",
]

# names that belong to another held-out set: must not be used here (whole words)
RESERVED = ["Aurora Labs", "Zephyr", "Lumen Ventures", "Halcyon", "Orbit", "Kestrel", "Fathom", "Skarv",
            "Sora", "Nimbus", "Qiu", "Corvid", "Lanting", "Aurelian", "Sol"]

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    repo = os.path.abspath(sys.argv[1])
    mine = os.path.relpath(ROOT, os.path.realpath(repo)) if ROOT.startswith(os.path.realpath(repo)) else None
    hits = 0
    for name in INVENTED:
        cmd = ["grep", "-rliF", "--exclude-dir=.build", "--exclude-dir=.git", "--exclude-dir=ReleaseHeldOut",
               "--", name, repo]
        out = subprocess.run(cmd, capture_output=True, text=True).stdout.split()
        if out:
            hits += 1
            print(f"{name!r} is in: {', '.join(out[:5])}")
    text = ""
    for f in sorted(os.listdir(os.path.join(ROOT, "articles"))):
        with open(os.path.join(ROOT, "articles", f), encoding="utf-8") as fh:
            text += fh.read() + "\n"
    for name in RESERVED:
        if re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE):
            hits += 1
            print(f"reserved name {name!r} is used in the articles")
    print(f"{len(INVENTED)} invented names checked against {repo}" + (f" (leaving out {mine})" if mine else "")
          + f"; {hits} problem(s)")
    sys.exit(1 if hits else 0)


if __name__ == "__main__":
    main()

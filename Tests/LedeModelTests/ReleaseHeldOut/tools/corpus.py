"""The answer for the whole folder read together: one row per model, written by hand.

Rules: a plan in one article and a release in a later one → released, with the shipping date at
the best precision any article gives; a correction → the corrected date; a plan that is later
delayed → delayed, with the latest window; a shelved model → cancelled (no date).
`source` is the article that decides the row. build.py checks every row against the articles.
"""

# model: (date, status, source, note)
CORPUS = {
    # real models, as context
    "GPT-4o": ("2024-05", "released", "01_opaline_orvelle2.txt", None),
    "Mistral Large 2": ("2024-07", "released", "01_opaline_orvelle2.txt", None),
    "Llama 3.1 405B": ("2024-07", "released", "03_pellucid_lodestar2.md", None),
    "o1-preview": ("2024-09", "released", "09_ninefold_quaver.md", None),
    "DeepSeek-R1": ("2025-01", "released", "06_luoxing_jinhe3.md", None),
    # Opaline Research
    "Orvelle-2": ("2026-09-15", "released", "01_opaline_orvelle2.txt", "day in 01 and 10; month in briefing.jsonl:1 and 18"),
    "Orvelle-2 Mini": ("2026-09-15", "released", "01_opaline_orvelle2.txt", None),
    "Orvelle-2 Pro": ("2026-09-15", "released", "01_opaline_orvelle2.txt", None),
    "Orvelle-3": ("2027-04-08", "released", "10_opaline_orvelle3.txt", "planned for 2027-spring in briefing.jsonl:1"),
    "Orvelle-3.1": ("2027-10-05", "released", "19_opaline_orvelle31.md", None),
    "Orvelle-3.1 Mini": ("2027-10-11", "planned", "19_opaline_orvelle31.md", None),
    "Orvelle-4": ("2028-H1", "planned", "23_year_in_review_2027.md", "also 19"),
    # Quillon Labs
    "Pavane-3": ("2026-04", "released", "wire.jsonl:1", None),
    "Pavane-4": ("2026-11-03", "released", "wire.jsonl:1", None),
    "Pavane-4 Turbo": ("2026-11-03", "released", "wire.jsonl:1", None),
    "Pavane-4 Gov": ("2026-11-06", "planned", "wire.jsonl:1", None),
    "Pavane-5": ("2028-02-10", "released", "26_quillon_pavane5.txt",
                 "planned 2027-H2 (briefing.jsonl:1), delayed to 2028-Q1 (briefing.jsonl:3, 23), then shipped"),
    "Pavane-5 Turbo": (None, "planned", "26_quillon_pavane5.txt", None),
    # Pellucid (AI unit of Grantham Holdings)
    "Lodestar 2": ("2026-11-19", "released", "03_pellucid_lodestar2.md", None),
    "Lodestar 2.5": ("2027-05-14", "released", "12_pellucid_lodestar25.md",
                     "planned for 2027-05 (briefing.jsonl:2); 12's correction: May 14, not May 4"),
    # Kairo Intelligence
    "Tsumugi 2": ("2026-07", "released", "04_kairo_tsumugi_plans.txt", None),
    "Tsumugi 2.5": ("2027-02-23", "released", "07_kairo_tsumugi25.txt", "planned for 2027-Q1 in 04"),
    "Tsumugi 2.5 Mini": (None, "planned", "07_kairo_tsumugi25.txt", None),
    "Tsumugi 3": ("2027-12-14", "released", "23_year_in_review_2027.md", None),
    # Luoxing AI
    "Jinhe-2": ("2026-06", "released", "06_luoxing_jinhe3.md", None),
    "Jinhe-3": ("2027-01-19", "released", "06_luoxing_jinhe3.md", "planned, undated, in briefing.jsonl:1"),
    "Jinhe-3 Flash": ("2027-01-19", "released", "06_luoxing_jinhe3.md", None),
    "Jinhe-3 Lite": ("2027-01-19", "released", "06_luoxing_jinhe3.md", None),
    "Jinhe-R": ("2027-11-16", "released", "wire.jsonl:4", None),
    "Jinhe-4": ("2028-03-08", "released", "28_luoxing_jinhe4.txt", "planned for 2028-Q1 in wire.jsonl:4, 23, briefing.jsonl:4"),
    "Jinhe-4 Pro": ("2028-03-08", "released", "28_luoxing_jinhe4.txt", None),
    "Jinhe-4 Flash": ("2028-03-08", "released", "28_luoxing_jinhe4.txt", None),
    "Jinhe-4 Ultra": ("2028-H2", "planned", "28_luoxing_jinhe4.txt", None),
    # Vayuda AI
    "Anvaya-1": ("2026", "released", "wire.jsonl:2", None),
    "Anvaya-2": ("2027-03-09", "released", "wire.jsonl:2", None),
    "Anvaya-2 Flash": ("2027-03-09", "released", "wire.jsonl:2", None),
    "Anvaya-3": ("2028-H1", "delayed", "22_feldmark_vayuda_setbacks.md",
                 "planned 2027-Q3 (briefing.jsonl:1, wire.jsonl:2, briefing.jsonl:3), delayed to 2028-H1 (22, 23)"),
    # Ninefold
    "Quaver": ("2027-03-10", "released", "23_year_in_review_2027.md", "month only in 09 and 27"),
    "Quaver Mini": ("2027-04", "released", "briefing.jsonl:3", "planned, undated, in 09"),
    "Quaver 2": ("2027-09-02", "released", "23_year_in_review_2027.md", None),
    "Quaver 3": ("2028-02-24", "released", "27_ninefold_quaver3.md", None),
    "Quaver 3 Mini": (None, "planned", "27_ninefold_quaver3.md", None),
    # Feldmark AI
    "Sextant-2": ("2025", "released", "16_feldmark_sextant3.txt", None),
    "Sextant-3": ("2027-08-10", "released", "16_feldmark_sextant3.txt",
                  "planned for 2027 (briefing.jsonl:1) and 2027-summer (briefing.jsonl:2)"),
    "Sextant-4": (None, "cancelled", "22_feldmark_vayuda_setbacks.md",
                  "planned 2027-Q4 (16) and 2027 (18), shelved (22, 23, briefing.jsonl:4)"),
    "Sextant-5": ("2028-01-17", "planned", "briefing.jsonl:4", None),
    # Sapwood AI
    "Tallis 8": ("2026-10", "released", "13_sapwood_tallis9.txt", None),
    "Tallis 9 Pro": ("2027-06-15", "released", "13_sapwood_tallis9.txt", None),
    "Tallis 9 Mini": ("2027-06-15", "released", "13_sapwood_tallis9.txt", None),
    "Tallis 10": ("2028-spring", "planned", "briefing.jsonl:4", None),
    # Tidewell (AI arm of Mossgate)
    "Coracle-1": ("2027-07-20", "released", "wire.jsonl:3", None),
    "Coracle-1 Voice": ("2027-12-07", "released", "23_year_in_review_2027.md", "planned for 2027 in wire.jsonl:3"),
}

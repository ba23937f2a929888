#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generate a corpus of synthetic scraped news articles in lede's input format.

Every article looks like the reference page (the scraped format, README "Formats"):

    # <title>\\n\\n<Author>Published<Mon> <d> <yyyy><count><chrome><paragraphs glued together>
    [Recommended<brand><author><headline>]...<last sentence>.first.last@example.com{"contentId": ...}

All prose is assembled here from this file's own templates and word lists (no sentence is taken from the
bundled samples or from any article). Facts such as company names, model names and release dates are used
as vocabulary. Concept ids are UUIDs derived from the label (uuid5), so a concept keeps its id in every
article, as the publisher's do.

Output is deterministic: the same --articles, --seed and flags give byte-identical files, whatever --jobs.
Each article has its own random generator seeded from (seed, index), so articles can be written in parallel.

Usage:
    generate-corpus.py --articles 10000 --out DIR [--seed S] [--jobs J]
                       [--same-label-many-ids] [--large-labels MB [--label-chars N]]
                       [--names FILE [--releases releases.tsv]] [--manifest FILE]

Python 3.8+, standard library only.
"""

import argparse
import bisect
import json
import os
import random
import sys
import time
import uuid

GENERATOR_VERSION = 1
DEFAULT_SEED = 2025
ARTICLES_PER_FOLDER = 1000
ID_NAMESPACE = uuid.UUID("6f1c2b7e-55a4-4c1e-9d8e-1ead0be0c4a1")

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH_ABBR = [m[:3] for m in MONTHS]

ONTOLOGY = "http://www.ft.com/ontology/"
PREDICATE_URI = {
    "about": ONTOLOGY + "annotation/about",
    "mentions": ONTOLOGY + "annotation/mentions",
    "majorMentions": ONTOLOGY + "annotation/majorMentions",
    "hasAuthor": ONTOLOGY + "annotation/hasAuthor",
    "isClassifiedBy": ONTOLOGY + "classification/isClassifiedBy",
    "isPrimarilyClassifiedBy": ONTOLOGY + "classification/isPrimarilyClassifiedBy",
    "hasDisplayTag": ONTOLOGY + "hasDisplayTag",
    "implicitlyAbout": ONTOLOGY + "implicitlyAbout",
}

# ---------------------------------------------------------------------------------------------------------
# Vocabulary: real organisations (label as annotated, form used in the text, kind, home, Chinese name).

REAL_ORGS = [
    ("OpenAI", "OpenAI", "lab", "US", ""),
    ("Anthropic", "Anthropic", "lab", "US", ""),
    ("Deepmind Technologies Ltd", "Google DeepMind", "lab", "UK", ""),
    ("Google LLC", "Google", "bigtech", "US", ""),
    ("Microsoft Corp", "Microsoft", "bigtech", "US", ""),
    ("Meta Platforms Inc", "Meta", "bigtech", "US", ""),
    ("Amazon.com Inc", "Amazon", "bigtech", "US", ""),
    ("Apple Inc", "Apple", "bigtech", "US", ""),
    ("Nvidia Corp", "Nvidia", "chipmaker", "US", ""),
    ("Advanced Micro Devices Inc", "AMD", "chipmaker", "US", ""),
    ("Intel Corp", "Intel", "chipmaker", "US", ""),
    ("Taiwan Semiconductor Manufacturing Co Ltd", "TSMC", "chipmaker", "Taiwan", ""),
    ("ASML Holding NV", "ASML", "chipmaker", "Netherlands", ""),
    ("Arm Holdings plc", "Arm", "chipmaker", "UK", ""),
    ("Samsung Electronics Co Ltd", "Samsung", "chipmaker", "South Korea", ""),
    ("SK Hynix Inc", "SK Hynix", "chipmaker", "South Korea", ""),
    ("SoftBank Group Corp", "SoftBank", "investor", "Japan", ""),
    ("Oracle Corp", "Oracle", "cloud", "US", ""),
    ("Mistral AI", "Mistral", "lab", "France", ""),
    ("xAI", "xAI", "lab", "US", ""),
    ("Cohere", "Cohere", "lab", "Canada", ""),
    ("Stability AI", "Stability AI", "lab", "UK", ""),
    ("Hugging Face", "Hugging Face", "startup", "US", ""),
    ("Perplexity AI", "Perplexity", "startup", "US", ""),
    ("Alibaba", "Alibaba", "chinese", "China", "阿里巴巴"),
    ("Baidu Inc", "Baidu", "chinese", "China", "百度"),
    ("Tencent Holdings Ltd", "Tencent", "chinese", "China", "腾讯"),
    ("ByteDance Ltd", "ByteDance", "chinese", "China", "字节跳动"),
    ("DeepSeek", "DeepSeek", "lab", "China", "深度求索"),
    ("Moonshot AI", "Moonshot AI", "lab", "China", "月之暗面"),
    ("Zhipu AI", "Zhipu", "lab", "China", "智谱"),
    ("MiniMax", "MiniMax", "lab", "China", ""),
    ("StepFun", "StepFun", "lab", "China", "阶跃星辰"),
    ("Baichuan", "Baichuan", "lab", "China", "百川智能"),
    ("Huawei Technologies Co Ltd", "Huawei", "chinese", "China", "华为"),
    ("Xiaomi Corp", "Xiaomi", "chinese", "China", "小米"),
    ("iFlytek Co Ltd", "iFlytek", "chinese", "China", "科大讯飞"),
    ("SenseTime Group Inc", "SenseTime", "chinese", "China", "商汤"),
    ("Kuaishou Technology", "Kuaishou", "chinese", "China", "快手"),
    ("Meituan", "Meituan", "chinese", "China", "美团"),
    ("Ant Group Co Ltd", "Ant Group", "chinese", "China", "蚂蚁集团"),
    ("Semiconductor Manufacturing International Corp", "SMIC", "chipmaker", "China", "中芯国际"),
    ("Cambricon Technologies Corp Ltd", "Cambricon", "chipmaker", "China", "寒武纪"),
    ("International Business Machines Corp", "IBM", "bigtech", "US", ""),
    ("Salesforce Inc", "Salesforce", "bigtech", "US", ""),
    ("Databricks", "Databricks", "startup", "US", ""),
    ("Snowflake Inc", "Snowflake", "cloud", "US", ""),
    ("Runway", "Runway", "startup", "US", ""),
    ("Sakana AI", "Sakana AI", "lab", "Japan", ""),
    ("Naver Corp", "Naver", "bigtech", "South Korea", ""),
    ("Aleph Alpha", "Aleph Alpha", "lab", "Germany", ""),
    ("US Government", "US government", "government", "US", ""),
    ("Government of China", "Chinese government", "government", "China", ""),
    ("European Commission", "European Commission", "government", "EU", ""),
    ("US Department of Commerce", "Commerce department", "government", "US", ""),
    ("Federal Trade Commission", "Federal Trade Commission", "government", "US", ""),
    ("Cyberspace Administration of China", "Cyberspace Administration of China", "government", "China", ""),
]
GOVERNMENT_KINDS = {"government"}

# Model releases (names and dates as in Sources/LedeModel/Resources/releases.tsv), keyed by the text form of
# the organisation above. Kept here, not read from the repository, so that the corpus stays the same when the
# catalogue changes.
MODELS = [
    ("GPT-3", "OpenAI", "2020-05-28"), ("ChatGPT", "OpenAI", "2022-11-30"), ("GPT-4", "OpenAI", "2023-03-14"),
    ("GPT-4 Turbo", "OpenAI", "2023-11-06"), ("Sora", "OpenAI", "2024-02-15"), ("GPT-4o", "OpenAI", "2024-05-13"),
    ("GPT-4o mini", "OpenAI", "2024-07-18"), ("o1-preview", "OpenAI", "2024-09-12"), ("o1", "OpenAI", "2024-12-05"),
    ("o3-mini", "OpenAI", "2025-01-31"), ("GPT-4.5", "OpenAI", "2025-02-27"), ("GPT-4.1", "OpenAI", "2025-04-14"),
    ("o3", "OpenAI", "2025-04-16"), ("gpt-oss", "OpenAI", "2025-08-05"), ("GPT-5", "OpenAI", "2025-08-07"),
    ("Sora 2", "OpenAI", "2025-09-30"), ("GPT-5.1", "OpenAI", "2025-11-12"), ("GPT-5.2", "OpenAI", "2025-12-11"),
    ("GPT-5.4", "OpenAI", "2026-03-05"), ("GPT-5.5", "OpenAI", "2026-04-23"),
    ("Claude", "Anthropic", "2023-03-14"), ("Claude 2", "Anthropic", "2023-07-11"),
    ("Claude 3 Opus", "Anthropic", "2024-03-04"), ("Claude 3.5 Sonnet", "Anthropic", "2024-06-20"),
    ("Claude 3.7 Sonnet", "Anthropic", "2025-02-24"), ("Claude Opus 4", "Anthropic", "2025-05-22"),
    ("Claude Sonnet 4.5", "Anthropic", "2025-09-29"), ("Claude Opus 4.5", "Anthropic", "2025-11-24"),
    ("Claude Opus 4.6", "Anthropic", "2026-02-05"),
    ("PaLM 2", "Google", "2023-05-10"), ("Gemini 1.0", "Google", "2023-12-06"), ("Gemini 1.5 Pro", "Google", "2024-02-15"),
    ("Gemma", "Google", "2024-02-21"), ("Gemma 2", "Google", "2024-06-27"), ("Gemini 2.0 Flash", "Google", "2024-12-11"),
    ("Gemini 2.5 Pro", "Google", "2025-03-25"), ("Gemma 3", "Google", "2025-03-12"), ("Veo 3", "Google", "2025-05-20"),
    ("Gemini 3 Pro", "Google", "2025-11-18"), ("Gemini 3.1 Pro", "Google", "2026-02-19"),
    ("LLaMA", "Meta", "2023-02-24"), ("Llama 2", "Meta", "2023-07-18"), ("Code Llama", "Meta", "2023-08-24"),
    ("Llama 3", "Meta", "2024-04-18"), ("Llama 3.1", "Meta", "2024-07-23"), ("Llama 3.3", "Meta", "2024-12-06"),
    ("Llama 4", "Meta", "2025-04-05"),
    ("Phi-2", "Microsoft", "2023-12-12"), ("Phi-3", "Microsoft", "2024-04-23"), ("Phi-4", "Microsoft", "2024-12-12"),
    ("MAI-1-preview", "Microsoft", "2025-08-28"),
    ("Mistral 7B", "Mistral", "2023-09-27"), ("Mixtral 8x7B", "Mistral", "2023-12-11"),
    ("Mistral Large", "Mistral", "2024-02-26"), ("Codestral", "Mistral", "2024-05-29"),
    ("Mistral Large 2", "Mistral", "2024-07-24"), ("Mistral Small 3", "Mistral", "2025-01-30"),
    ("Magistral", "Mistral", "2025-06-10"), ("Mistral Large 3", "Mistral", "2025-12"),
    ("Grok-1", "xAI", "2023-11-04"), ("Grok-2", "xAI", "2024-08-13"), ("Grok 3", "xAI", "2025-02-17"),
    ("Grok 4", "xAI", "2025-07-09"), ("Grok 4.1", "xAI", "2025-11-17"),
    ("Command R", "Cohere", "2024-03-11"), ("Command A", "Cohere", "2025-03-13"),
    ("Stable Diffusion", "Stability AI", "2022-08-22"), ("Stable Diffusion 3", "Stability AI", "2024-02-22"),
    ("Tongyi Qianwen", "Alibaba", "2023-04-11"), ("Qwen-72B", "Alibaba", "2023-11"), ("Qwen2", "Alibaba", "2024-06-07"),
    ("Qwen2.5", "Alibaba", "2024-09-19"), ("Qwen2.5-Max", "Alibaba", "2025-01-28"), ("QwQ-32B", "Alibaba", "2025-03-06"),
    ("Wan 2.1", "Alibaba", "2025-02"), ("Qwen3", "Alibaba", "2025-04-29"), ("Qwen3-Coder", "Alibaba", "2025-07"),
    ("Qwen3-Max", "Alibaba", "2025-09-24"), ("Qwen3.5", "Alibaba", "2026-02"),
    ("ERNIE Bot", "Baidu", "2023-03-16"), ("ERNIE 4.0", "Baidu", "2023-10-17"), ("ERNIE 4.5", "Baidu", "2025-03-16"),
    ("ERNIE X1", "Baidu", "2025-03-16"), ("ERNIE 5.0", "Baidu", "2025-11-13"),
    ("Hunyuan", "Tencent", "2023-09-07"), ("Hunyuan-Large", "Tencent", "2024-11"), ("Hunyuan-T1", "Tencent", "2025-03"),
    ("Hunyuan 2.0", "Tencent", "2025-12"),
    ("Doubao", "ByteDance", "2024-05-15"), ("Doubao-1.5-pro", "ByteDance", "2025-01"), ("Seed1.8", "ByteDance", "2025-12"),
    ("Doubao 2.0", "ByteDance", "2026-02"),
    ("DeepSeek Coder", "DeepSeek", "2023-11"), ("DeepSeek-V2", "DeepSeek", "2024-05-06"),
    ("DeepSeek-V2.5", "DeepSeek", "2024-09"), ("DeepSeek-V3", "DeepSeek", "2024-12-26"),
    ("DeepSeek-R1", "DeepSeek", "2025-01-20"), ("Janus-Pro", "DeepSeek", "2025-01-27"),
    ("DeepSeek-R1-0528", "DeepSeek", "2025-05-28"), ("DeepSeek-V3.1", "DeepSeek", "2025-08-21"),
    ("DeepSeek-V3.2", "DeepSeek", "2025-12-01"), ("DeepSeek-V4", "DeepSeek", "2026-04-24"),
    ("Kimi k1.5", "Moonshot AI", "2025-01-20"), ("Kimi K2", "Moonshot AI", "2025-07-11"),
    ("Kimi K2 Thinking", "Moonshot AI", "2025-11-06"), ("Kimi K2.5", "Moonshot AI", "2026-01-27"),
    ("GLM-4", "Zhipu", "2024-01-16"), ("GLM-4.5", "Zhipu", "2025-07-28"), ("GLM-4.6", "Zhipu", "2025-09-30"),
    ("GLM-5", "Zhipu", "2026-02"),
    ("MiniMax-01", "MiniMax", "2025-01-15"), ("MiniMax-M1", "MiniMax", "2025-06"), ("MiniMax-M2", "MiniMax", "2025-10-27"),
    ("Step 3", "StepFun", "2025-07"), ("Baichuan 2", "Baichuan", "2023-09"), ("SparkDesk", "iFlytek", "2023-05-06"),
    ("Kling", "Kuaishou", "2024-06"), ("MiMo", "Xiaomi", "2025-04-30"), ("LongCat-Flash", "Meituan", "2025-09-01"),
    ("Ling-1T", "Ant Group", "2025-10-09"),
    ("Nemotron-4 340B", "Nvidia", "2024-06-14"), ("Llama Nemotron", "Nvidia", "2025-03-18"),
    ("Amazon Nova", "Amazon", "2024-12-03"), ("Granite 3.0", "IBM", "2024-10-21"), ("DBRX", "Databricks", "2024-03-27"),
    ("Gen-3 Alpha", "Runway", "2024-06-17"), ("Gen-4", "Runway", "2025-03-31"),
]

REAL_PEOPLE = [  # label, organisation (text form) or "", role
    ("Sam Altman", "OpenAI", "chief executive"), ("Dario Amodei", "Anthropic", "chief executive"),
    ("Demis Hassabis", "Google DeepMind", "chief executive"), ("Jensen Huang", "Nvidia", "chief executive"),
    ("Satya Nadella", "Microsoft", "chief executive"), ("Mark Zuckerberg", "Meta", "chief executive"),
    ("Sundar Pichai", "Google", "chief executive"), ("Liang Wenfeng", "DeepSeek", "founder"),
    ("Yang Zhilin", "Moonshot AI", "founder"), ("Robin Li", "Baidu", "chief executive"),
    ("Eddie Wu", "Alibaba", "chief executive"), ("Pony Ma", "Tencent", "chief executive"),
    ("Arthur Mensch", "Mistral", "chief executive"), ("Lisa Su", "AMD", "chief executive"),
    ("Masayoshi Son", "SoftBank", "chief executive"), ("Elon Musk", "xAI", "founder"),
    ("Donald Trump", "", "the US president"), ("Xi Jinping", "", "China’s president"),
    ("Ursula von der Leyen", "European Commission", "president"),
]

LOCATIONS = [  # label, text form, adjective (or "")
    ("US", "US", "American"), ("China", "China", "Chinese"), ("European Union", "EU", "European"),
    ("UK", "UK", "British"), ("Japan", "Japan", "Japanese"), ("India", "India", "Indian"),
    ("France", "France", "French"), ("Germany", "Germany", "German"), ("South Korea", "South Korea", "South Korean"),
    ("Taiwan", "Taiwan", "Taiwanese"), ("Singapore", "Singapore", ""), ("United Arab Emirates", "UAE", "Emirati"),
    ("Saudi Arabia", "Saudi Arabia", "Saudi"), ("Canada", "Canada", "Canadian"), ("Israel", "Israel", "Israeli"),
    ("Hong Kong", "Hong Kong", ""), ("Netherlands", "Netherlands", "Dutch"), ("Beijing", "Beijing", ""),
    ("Shanghai", "Shanghai", ""), ("Hangzhou", "Hangzhou", ""), ("Shenzhen", "Shenzhen", ""),
    ("San Francisco", "San Francisco", ""), ("London", "London", ""), ("Paris", "Paris", ""),
    ("Seattle", "Seattle", ""), ("Tokyo", "Tokyo", ""), ("Seoul", "Seoul", ""), ("Washington", "Washington", ""),
    ("Brussels", "Brussels", ""),
]
REGIONS = ["Asia-Pacific", "Europe", "North America", "Middle East", "Emerging markets"]

TOPICS = [  # label, lower-case form for the text ("" = rarely written out)
    ("Artificial intelligence", "artificial intelligence"), ("Technology sector", "the technology sector"),
    ("Semiconductors", "semiconductors"), ("Cloud computing", "cloud computing"), ("Data centres", "data centres"),
    ("Venture capital", "venture capital"), ("Private equity", "private equity"), ("Robotics", "robotics"),
    ("Cyber security", "cyber security"), ("Antitrust", "antitrust"), ("Energy", "energy"),
    ("Start-ups", "start-ups"), ("Regulation", "regulation"), ("Trade disputes", "trade disputes"),
    ("US-China relations", "US-China relations"), ("Chinese business & finance", ""),
    ("Asia-Pacific companies", ""), ("US companies", ""), ("European companies", ""), ("Tech stocks", "tech stocks"),
    ("Equities", "equities"), ("Smartphones", "smartphones"), ("Electric vehicles", "electric vehicles"),
    ("Autonomous vehicles", "autonomous vehicles"), ("Healthcare", "healthcare"), ("Media", "media"),
    ("Copyright", "copyright"), ("Education", "education"), ("Mergers & Acquisitions", "mergers and acquisitions"),
    ("Initial public offerings", "initial public offerings"), ("Open source software", "open source software"),
]
IMPLICIT_TOPICS = ["World", "Companies", "Technology", "Markets", "Global economy"]
BRANDS = ["Tech Ledger", "The Compute Column", "Machine Economy", "Asia Tech Briefing", "Silicon Notebook",
          "Model Watch", "Market Pulse", "The Long Read", "Capital Markets View", "Frontier Lines"]
GENRES = ["News", "News", "News", "Analysis", "Opinion", "Feature", "Explainer"]

FIRST_NAMES = [
    "Ana", "Amara", "Ben", "Bilal", "Carla", "Chen", "Chloe", "Daniel", "Dara", "Elena", "Eli", "Emeka", "Farah",
    "Felix", "Grace", "Hana", "Hao", "Hugo", "Ines", "Ivan", "Jamal", "Jia", "Jonas", "Julia", "Kai", "Kavya",
    "Kenji", "Lars", "Lea", "Li", "Lina", "Lucas", "Maya", "Mei", "Miguel", "Mina", "Nadia", "Nikhil", "Nora",
    "Oliver", "Omar", "Pablo", "Priya", "Qing", "Rafael", "Rania", "Ravi", "Rosa", "Ruth", "Sami", "Sara",
    "Sebastian", "Shira", "Sofia", "Sun", "Tariq", "Tessa", "Tomas", "Uma", "Victor", "Wei", "Xavier", "Xin",
    "Yara", "Yusuf", "Yuki", "Zara", "Zhen", "Aditi", "Arjun", "Bianca", "Camille", "Dmitri", "Esther", "Fiona",
    "Gustavo", "Helena", "Ibrahim", "Joon", "Katarina", "Leon", "Marta", "Noah", "Olga", "Pedro", "Rin",
]
SURNAMES = [
    "Abe", "Adeyemi", "Alvarez", "Andersen", "Baker", "Banerjee", "Becker", "Bianchi", "Brennan", "Cao", "Castro",
    "Chen", "Costa", "Dahl", "Das", "Dubois", "Eriksson", "Fischer", "Fong", "Garcia", "Gupta", "Haddad", "Hale",
    "Han", "Huang", "Ito", "Jansen", "Kang", "Kapoor", "Khan", "Kim", "Kowalski", "Kwan", "Lambert", "Larsen",
    "Lee", "Li", "Lin", "Liu", "Lopez", "Ma", "Mehta", "Moreau", "Morris", "Mueller", "Murphy", "Nakamura",
    "Nguyen", "Novak", "Okafor", "Olsen", "Park", "Patel", "Pereira", "Petrov", "Quinn", "Rao", "Reyes", "Rossi",
    "Ruiz", "Sato", "Schmidt", "Shah", "Silva", "Singh", "Song", "Suzuki", "Tan", "Tanaka", "Torres", "Vogel",
    "Wagner", "Walsh", "Wang", "Weber", "Wu", "Xu", "Yamamoto", "Yang", "Yoon", "Zhang", "Zhao", "Zhou", "Ziegler",
    "Hoffmann", "Lindqvist", "Mensah", "Ortega", "Sokolova", "Varga",
]
ORG_WORDS = [
    "Aster", "Beacon", "Cobalt", "Driftwood", "Ember", "Fathom", "Glacier", "Harbour", "Indigo", "Juniper",
    "Kestrel", "Lattice", "Meridian", "Northwind", "Obsidian", "Parallax", "Quarry", "Redwood", "Sable", "Tidal",
    "Umbra", "Vantage", "Willow", "Xenon", "Yarrow", "Zephyr", "Amberline", "Bluestone", "Clearwater", "Deepwell",
    "Eastgate", "Foxglove", "Greenfield", "Highbridge", "Ironbark", "Keystone", "Larkspur", "Moorland", "Nettle",
    "Oakridge", "Pinecrest", "Quartzite", "Riverbend", "Silverleaf", "Thornbury", "Upland", "Vireo", "Westbrook",
    "Halcyon", "Corvid", "Lumen", "Orrery", "Pylon", "Cinder", "Marlow", "Tessellate", "Sorrel", "Wrenfield",
]
ORG_KINDS = [  # suffix in the name, legal forms for the label, kind
    ("Robotics", ["Inc", "Ltd", ""], "startup"), ("Compute", ["Inc", ""], "cloud"),
    ("Analytics", ["Ltd", "Inc", ""], "startup"), ("Capital", ["", "LLP"], "investor"),
    ("Partners", ["", "LLP"], "investor"), ("Semiconductor", ["Corp", "Co Ltd"], "chipmaker"),
    ("Systems", ["Inc", "plc"], "startup"), ("Labs", ["", "Inc"], "lab"), ("Research", ["", "Ltd"], "research"),
    ("Networks", ["plc", "Inc"], "cloud"), ("Cloud", ["", "Inc"], "cloud"), ("Data", ["Inc", ""], "startup"),
    ("Dynamics", ["Corp", "GmbH"], "startup"), ("Intelligence", ["", "Ltd"], "lab"),
    ("Securities", ["", "Co Ltd"], "broker"), ("Ventures", ["", "LLC"], "investor"),
    ("Advisers", ["", "Ltd"], "broker"), ("Photonics", ["Inc", "AG"], "chipmaker"),
    ("Power", ["plc", "Inc"], "energy"), ("Health", ["Inc", ""], "startup"), ("Insurance", ["plc", "Co"], "company"),
    ("Bank", ["plc", "AG"], "company"), ("Motors", ["Corp", "Co Ltd"], "company"), ("Media", ["Group", "plc"], "company"),
]
CN_CITIES = ["Hangzhou", "Beijing", "Shanghai", "Shenzhen", "Guangzhou", "Chengdu", "Wuhan", "Nanjing", "Suzhou", "Hefei"]
CN_WORDS = ["Yunlan", "Qingfeng", "Zhixin", "Haoyu", "Lingxi", "Tianji", "Xingchen", "Mingda", "Ruiying", "Jinghong",
            "Huaxin", "Baiyun", "Chuangyi", "Feiyue", "Kaiyuan", "Longma", "Shuguang", "Wanxiang", "Yuanjing", "Zhuoyue",
            "Boyan", "Dingsheng", "Hongtu", "Jiayu", "Qiming", "Shenlan", "Tongda", "Xinghe", "Yaoguang", "Zhengyuan"]
UNIVERSITY_PLACES = ["Northfield", "Eastbrook", "Westmoor", "Lakeshore", "Highgate", "Southport", "Ridgeway",
                     "Carrow", "Ashdown", "Kingsmere", "Bellhaven", "Stonebridge"]
THINK_TANK_WORDS = ["Policy", "Technology Policy", "Strategic Studies", "Digital Affairs", "Economic Research",
                    "Security Studies"]

JOURNALIST_COUNT = 240

# ---------------------------------------------------------------------------------------------------------
# Prose pieces (written for this generator).

OPENERS = ["", "", "", "", "In recent months, ", "Over the past year, ", "For now, ", "Still, ", "At the same time, ",
           "By some estimates, ", "Even so, ", "In practice, ", "Behind the scenes, ", "For the moment, ",
           "According to people familiar with the matter, ", "Across the industry, ", "Privately, ", "Publicly, ",
           "Since the start of the year, ", "In the meantime, "]
SUBJECTS = ["chipmakers", "cloud providers", "start-ups building on open models", "large investors",
            "regulators in several capitals", "smaller labs", "enterprise customers", "developers",
            "the biggest cloud groups", "sovereign wealth funds", "hardware suppliers", "data-centre operators",
            "university researchers", "insurers", "banks experimenting with chatbots", "advertisers",
            "telecoms groups", "carmakers", "hospital groups", "software vendors", "the largest labs", "analysts",
            "policymakers", "venture investors", "utilities", "local governments", "pension funds",
            "consultancies", "game studios", "retailers", "law firms", "media groups", "chip designers",
            "procurement teams", "founders", "engineers"]
VERBS = ["have been quietly rethinking", "are racing to lock in", "have grown wary of", "continue to spend heavily on",
         "are struggling to price", "have started to question", "are betting on", "worry about",
         "are pushing back against", "have rushed to secure", "remain divided over", "are renegotiating",
         "are experimenting with", "have doubled their budgets for", "are cutting back on", "expect to benefit from",
         "are lobbying for", "complain about", "have warmed to", "are reluctant to pay for", "keep returning to",
         "have underestimated", "are quietly stockpiling", "are building teams around", "openly doubt"]
OBJECTS = ["long-term contracts for computing power", "the cost of training ever larger models",
           "access to high-end graphics processors", "cheaper open-weight alternatives",
           "the energy needed to run new data centres", "rules on how training data is collected",
           "the returns on their AI spending", "engineers poached by rival labs", "subscription prices for chatbots",
           "export controls on advanced chips", "licensing deals with publishers",
           "agents that can complete tasks on their own", "smaller models that run on phones",
           "safety testing before launch", "the reliability of benchmark scores", "high-bandwidth memory",
           "the price of inference", "the supply of electricity", "copyright claims over training data",
           "the valuations of AI start-ups", "coding assistants", "custom accelerators", "liquid cooling",
           "second-hand servers", "tools that translate legacy software", "voice assistants",
           "search products built on chatbots", "content moderation", "synthetic training data",
           "contracts for nuclear power", "land near transmission lines", "the resale of chips through third countries"]
TAILS = ["", "", "", " this year", " as competition intensifies", " despite mixed results",
         " ahead of the next round of results", " in a market that changes every few weeks",
         ", people close to the talks said", " while demand keeps climbing", " even as prices fall",
         " at a pace few predicted", " with little public debate", " as budgets tighten elsewhere",
         " for the first time", " on both sides of the Pacific"]
AMOUNTS = ["$%dbn", "$%dmn", "%d per cent", "Rmb%dbn", "€%dbn", "£%dmn", "%dbn yuan"]
NOUNS_CHANGE = [("price of processing a million tokens", "has fallen by"), ("cost of a rack of servers", "has risen by"),
                ("share of spending on inference", "has grown by"), ("number of open-weight releases", "has jumped by"),
                ("waiting time for new chips", "has shrunk by"), ("price of renting a graphics processor", "has dropped by"),
                ("value of AI-related deals", "has climbed by"), ("power demand of the sector", "has increased by")]
SINCE = ["since last spring", "over the past two years", "in the past six months", "since the previous generation",
         "within a single quarter", "over the same period", "compared with a year earlier"]
GENERIC = [
    "That leaves {subj} with a difficult choice between {obj} and {obj2}.",
    "Few expect the appetite for {obj} to fade soon.",
    "The numbers behind {obj} are still hard to read.",
    "Who pays for {obj} remains an open question.",
    "Much depends on {obj}, which nobody yet knows how to measure well.",
    "The logic is simple: whoever controls {obj} sets the terms for everyone else.",
    "None of this is cheap, and {subj} know it.",
    "The argument over {obj} is no longer academic.",
    "It is a familiar pattern in technology, where {subj} move first and ask about margins later.",
    "The industry’s answer so far has been to spend more on {obj}.",
    "There are reasons for caution as well as excitement.",
    "The result is a market in which {subj} and {subj2} want very different things.",
    "Some of the enthusiasm may prove premature.",
    "For {subj}, the calculation has changed.",
    "What happens next will depend less on research than on {obj}.",
    "The comparison is not perfect, but it is instructive.",
    "The pace of change has surprised even {subj}.",
    "Those worries have not stopped {subj} from signing up.",
    "It is not the first time {subj} have faced such a squeeze.",
    "The debate about {obj} has moved from conference halls to boardrooms.",
]
QUOTES = ["The cost curve is falling faster than anyone planned for", "Nobody wants to be the last one to build",
          "We are still early in working out who makes money from this",
          "Customers want reliability more than they want the biggest model",
          "Open weights changed the negotiation overnight", "The bottleneck is power, not chips",
          "Every quarter the goalposts move", "It is a price war, and price wars are hard to stop",
          "The benchmarks tell you less than the invoices do", "Most of our clients are still in the pilot stage",
          "You cannot buy your way out of a talent shortage", "The hardware is sold out well into next year",
          "People underestimate how much of this is plumbing", "Regulation is coming whether the industry likes it or not",
          "The real competition is for distribution", "Smaller models are good enough for most jobs",
          "I would not bet against the Chinese labs", "There is a lot of money chasing very few good teams",
          "It’s a different business once you have to pay for the electricity",
          "We’ve never seen demand like this", "The margins will not look like software margins"]
CLAIMS = ["demand from corporate customers had picked up", "the gap between the leading labs was narrowing",
          "smaller models would carry most of the workload", "prices would keep falling for at least another year",
          "the company was in no hurry to raise more money", "supply of advanced chips remained tight",
          "the rules were written before anyone had heard of chatbots", "investors were becoming more selective",
          "several customers had asked to run models on their own servers",
          "the cost of electricity was now the biggest line in the budget",
          "open models had changed how buyers negotiate", "talent was still the scarcest resource"]
CJK_SENTENCES = ["该公司表示，新模型将在下个月向开发者开放。", "业内人士认为，价格战才刚刚开始。",
                 "“开源是我们的长期战略，”一位工程师说。", "算力仍然是最大的瓶颈。", "不少投资人对估值持谨慎态度。"]
HEADLINES = ["The hidden price of running a chatbot at scale", "Why chip export rules keep changing every year",
             "How open models shifted the bargaining power of buyers", "What the spending race means for smaller labs",
             "Investors are learning to live with thinner margins in cloud", "The quiet scramble for power near data centres",
             "Why a cheaper model can still be an expensive mistake", "The long road from research paper to product",
             "How universities are losing their best engineers to industry", "What the chip shortage taught the biggest buyers"]
TITLE_TEMPLATES = [
    "{org} bets on {thing} as {org2} races ahead", "Why {org}’s {model} matters for the rest of the industry",
    "{model} puts {org} back in the AI race", "{place} tightens its grip on {thing}",
    "Investors pour money into {thing} despite doubts", "The hidden cost of {thing}",
    "{org} and {org2} clash over {thing}", "Can {org} turn {thing} into profit?",
    "Inside {org}’s push into {thing}", "{org} shares slide as investors weigh {thing}",
    "How {model} changed the economics of {thing}", "{place}’s AI champions face a test over {thing}",
    "The race for {thing} enters a new phase", "{org} quietly rethinks its strategy on {thing}",
]
TITLE_THINGS = ["open models", "AI chips", "data centres", "cheap inference", "coding agents", "chatbot subscriptions",
                "cloud contracts", "sovereign AI", "reasoning models", "training data", "power supply",
                "humanoid robots", "AI search", "on-device models", "export controls"]
EXCHANGES = ["Hong Kong", "New York", "Shanghai", "Shenzhen", "Tokyo", "Nasdaq", "London", "Seoul", "Frankfurt"]
ORG_SENTENCES = [
    "{X} has spent heavily on {obj}{tail}.", "Shares in {X} rose {n} per cent in {ex} trading after the news.",
    "Shares in {X} fell {n} per cent in {ex} trading.", "{X} declined to comment.",
    "{X} said it would invest {amount} in {obj} over the next {k} years.",
    "{X} has been among the most aggressive buyers of {obj}.",
    "A person close to {X} said the company was reviewing its plans for {obj}.",
    "{X} did not respond to a request for comment.", "{X}’s executives have said little in public about {obj}.",
    "Analysts expect {X} to report higher spending on {obj} when it next publishes results.",
    "{X} has hired aggressively in {city} over the past year.",
    "For {X}, the stakes are particularly high.",
]
ORG_PAIR_SENTENCES = [
    "{X} and {Y} have both increased their spending on {obj}.", "Rivals such as {X} and {Y} are expected to respond.",
    "{X} is backed by {Y}, which has invested {amount} in the company.",
    "{X} competes directly with {Y} for {obj}.", "Executives at {X} privately concede that {Y} has moved faster.",
    "{X} signed a deal with {Y} covering {obj}.",
]
LOCATION_SENTENCES = [
    "In {L}, {subj} {verb} {obj}.", "Companies in {L} account for roughly {n} per cent of global spending on {obj}.",
    "The rules in {L} on {obj} are stricter than elsewhere.", "Officials in {L} have promised support for {obj}.",
    "The picture in {L} is different.", "Demand for {obj} in {L} has outstripped supply.",
]
ADJ_SENTENCES = ["{A} lawmakers have called for hearings on {obj}.", "{A} groups have been slower to commit.",
                 "{A} officials are watching {obj} closely.", "{A} start-ups have raised {amount} so far this year."]
REAL_PERSON_SENTENCES = [
    "The move will be watched closely by {P}, {role}.", "Investors will listen for what {P}, {role}, says about {obj}.",
    "The strategy bears the imprint of {P}, {role}.", "Questions about {obj} are likely to follow {P}, {role}.",
]
LEAD_SENTENCES = [
    "{X} has become the latest company to bet heavily on {obj}.",
    "When {X} changed course on {obj}, {subj} took notice.",
    "{X} spent much of the past year explaining why {obj} matters to its future.",
    "For years {X} kept a low profile on {obj}; that is changing.",
    "{X} is under pressure to show that its spending on {obj} will pay off.",
    "The latest move by {X} has revived an old argument about {obj}.",
]
ANONYMOUS_SOURCES = ["one analyst", "a person familiar with the matter", "an executive at a rival company",
                     "one investor", "a senior engineer at a large cloud group", "a former employee"]
TOPIC_SENTENCES = ["Spending on {t} shows no sign of slowing.", "The debate over {t} has become more heated.",
                   "Few areas of {t} have escaped the upheaval.", "Interest in {t} has spread well beyond specialists."]


# ---------------------------------------------------------------------------------------------------------
# Concepts and pools

def concept_id(label):
    return str(uuid.uuid5(ID_NAMESPACE, label))


def slug(label):
    out = []
    for ch in label.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


class Concept:
    __slots__ = ("label", "type", "text", "extra", "cid", "url")

    def __init__(self, label, ctype, text, extra=None, stream=False):
        self.label = label
        self.type = ctype
        self.text = text          # form written in the prose
        self.extra = extra        # type-specific data
        self.cid = concept_id(label)
        self.url = ("https://www.ft.com/stream/" + self.cid) if stream else ("https://www.ft.com/" + slug(label))


class Zipf:
    """Weighted choice over a list by rank, heavy head and long tail."""

    def __init__(self, items, offset=8.0, exponent=1.0):
        self.items = items
        total = 0.0
        self.cumulative = []
        for rank in range(len(items)):
            total += 1.0 / ((rank + offset) ** exponent)
            self.cumulative.append(total)
        self.total = total

    def pick(self, rng):
        return self.items[bisect.bisect_left(self.cumulative, rng.random() * self.total)]


class Pools:
    def __init__(self, seed):
        rng = random.Random("%s:pools" % seed)
        self.real_orgs = [Concept(label, "ORGANISATION", text, (kind, home, cjk), stream=True)
                          for label, text, kind, home, cjk in REAL_ORGS]
        self.org_by_text = {c.text: c for c in self.real_orgs}
        self.companies = [c for c in self.real_orgs if c.extra[0] not in GOVERNMENT_KINDS]
        self.governments = [c for c in self.real_orgs if c.extra[0] in GOVERNMENT_KINDS]
        self.models = [(name, org, parse_date(date)) for name, org, date in MODELS]
        self.models_by_org = {}
        for model in self.models:
            self.models_by_org.setdefault(model[1], []).append(model)

        # Synthetic organisations: Western-style names, Chinese-style names, universities, think tanks.
        synthetic = []
        for word in ORG_WORDS:
            for suffix, legal_forms, kind in ORG_KINDS:
                name = "%s %s" % (word, suffix)
                legal = legal_forms[(len(word) + len(suffix)) % len(legal_forms)]
                synthetic.append(((name + " " + legal) if legal else name, name, kind, ""))
        for city in CN_CITIES:
            for word in CN_WORDS:
                synthetic.append(("%s %s Technology Co Ltd" % (city, word), word, "chinese", ""))
        for place in UNIVERSITY_PLACES:
            synthetic.append(("University of %s" % place, "University of %s" % place, "university", ""))
            synthetic.append(("%s Institute of Technology" % place, "%s Institute of Technology" % place, "university", ""))
        for place in UNIVERSITY_PLACES:
            for words in THINK_TANK_WORDS:
                synthetic.append(("%s Centre for %s" % (place, words), "%s Centre for %s" % (place, words), "thinktank", ""))
        rng.shuffle(synthetic)
        self.synthetic_orgs = [Concept(label, "ORGANISATION", text, (kind, "", cjk), stream=True)
                               for label, text, kind, cjk in synthetic]
        self.org_zipf = Zipf(self.synthetic_orgs, offset=20.0, exponent=1.05)
        by_kind = {}
        for concept in self.synthetic_orgs:
            by_kind.setdefault(concept.extra[0], []).append(concept)
        self.affiliations = {kind: Zipf(items, offset=5.0) for kind, items in by_kind.items()}

        # Journalists: a fixed set, ASCII names (they become e-mail addresses).
        names = [(f, s) for f in FIRST_NAMES for s in SURNAMES]
        rng.shuffle(names)
        journalists = names[:JOURNALIST_COUNT]
        self.journalists = [Concept("%s %s" % name, "PERSON", "%s %s" % name, name) for name in journalists]
        self.journalist_zipf = Zipf(self.journalists, offset=30.0)

        # Sources quoted in the text: every other first-name x surname pair, ranked; a role each.
        roles = []
        people = []
        for index, (first, last) in enumerate(names[JOURNALIST_COUNT:]):
            pick = random.Random("%s:person:%d" % (seed, index))
            kind = pick.choice(["broker", "broker", "investor", "university", "thinktank", "startup", "lab", "chipmaker",
                                "cloud", "chinese"])
            people.append((first, last, kind, pick.random()))
        self.people = [Concept("%s %s" % (f, l), "PERSON", "%s %s" % (f, l), (l, kind, r)) for f, l, kind, r in people]
        self.people_zipf = Zipf(self.people, offset=30.0, exponent=1.1)
        self.real_people = [Concept(label, "PERSON", label, (org, role)) for label, org, role in REAL_PEOPLE]
        self.locations = [Concept(label, "LOCATION", text, adj) for label, text, adj in LOCATIONS]
        self.location_zipf = Zipf(self.locations, offset=1.5)
        self.regions = [Concept(label, "LOCATION" if label != "Emerging markets" else "TOPIC", label) for label in REGIONS]
        self.topics = [Concept(label, "TOPIC", text) for label, text in TOPICS]
        self.topic_zipf = Zipf(self.topics, offset=2.0)
        self.implicit_topics = [Concept(label, "TOPIC", label) for label in IMPLICIT_TOPICS]
        self.brands = [Concept(label, "BRAND", label) for label in BRANDS]
        self.genres = {label: Concept(label, "GENRE", label) for label in GENRES}
        self.real_org_zipf = Zipf(self.companies, offset=3.0)

    def all_names(self):
        """Every label and every text form this generator can write (for grep's names file)."""
        names = set()
        groups = [self.real_orgs, self.synthetic_orgs, self.journalists, self.people, self.real_people, self.locations,
                  self.regions, self.topics, self.implicit_topics, self.brands, list(self.genres.values())]
        for group in groups:
            for concept in group:
                names.add(concept.label)
                if concept.text:
                    names.add(concept.text)
        for concept in self.real_orgs:
            if concept.extra[2]:
                names.add(concept.extra[2])
        for concept in self.locations:
            if concept.extra:
                names.add(concept.extra)
        for concept in self.people:
            names.add(concept.extra[0])
        for name, _, _ in self.models:
            names.add(name)
        names.discard("")
        return names


def parse_date(text):
    parts = [int(p) for p in text.split("-")]
    while len(parts) < 3:
        parts.append(0)
    return tuple(parts)


def date_key(date):
    return date[0] * 400 + date[1] * 32 + date[2]


def month_index(date):
    return date[0] * 12 + date[1] - 1


# ---------------------------------------------------------------------------------------------------------
# One article

class Article:
    def __init__(self, pools, index, seed, options):
        self.pools = pools
        self.index = index
        self.options = options
        self.rng = random.Random("%s:article:%d" % (seed, index))

    # -- helpers
    def amount(self):
        rng = self.rng
        return rng.choice(AMOUNTS) % rng.choice([2, 3, 5, 8, 10, 12, 15, 20, 25, 40, 60, 80, 100, 150, 300, 500])

    def fill(self, template, **extra):
        rng = self.rng
        values = {"subj": rng.choice(SUBJECTS), "subj2": rng.choice(SUBJECTS), "verb": rng.choice(VERBS),
                  "obj": rng.choice(OBJECTS), "obj2": rng.choice(OBJECTS), "tail": rng.choice(TAILS)}
        if "{amount}" in template:
            values["amount"] = self.amount()
        if "{n}" in template:
            values["n"] = rng.randint(2, 45)
        values.update(extra)
        return template.format(**values)

    def filler(self):
        rng = self.rng
        r = rng.random()
        if r < 0.48:
            opener = rng.choice(OPENERS)
            subject = rng.choice(SUBJECTS)
            if not opener:
                subject = subject[0].upper() + subject[1:]
            sentence = "%s%s %s %s%s." % (opener, subject, rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(TAILS))
        elif r < 0.80:
            sentence = self.fill(rng.choice(GENERIC))
        elif r < 0.92:
            noun, change = rng.choice(NOUNS_CHANGE)
            sentence = "The %s %s %d per cent %s." % (noun, change, rng.randint(5, 90), rng.choice(SINCE))
        elif r < 0.96:
            person = self.quoted_person()
            sentence = "“%s,” said %s." % (rng.choice(QUOTES), person)
        else:
            sentence = "Spending on %s could reach %s by %d, according to one estimate." % (
                rng.choice(OBJECTS), self.amount(), self.published[0] + rng.randint(1, 5))
        if rng.random() < 0.03:
            sentence = sentence.replace("’", "'")
        return sentence

    def role_of(self, person):
        last, kind, r = person.extra
        pools = self.pools
        if kind in pools.affiliations:
            org = pools.affiliations[kind].pick(random.Random(person.label))
            title = {"broker": "an analyst at", "investor": "a partner at", "university": "a professor at",
                     "thinktank": "a researcher at", "startup": "chief executive of", "lab": "head of research at",
                     "chipmaker": "a senior engineer at", "cloud": "chief technology officer of",
                     "chinese": "a vice-president at"}.get(kind, "an adviser to")
            return "%s %s" % (title, org.text)
        return "an independent consultant"

    def quoted_person(self, fresh=False):
        """A person quoted in the text; annotated as a mention when first used."""
        if not fresh and self.seen_people and self.rng.random() < 0.5:
            return self.rng.choice(sorted(self.seen_people)).split(" ")[-1]
        if not fresh and len(self.annotations) >= self.annotation_cap:
            return self.rng.choice(ANONYMOUS_SOURCES)
        person = self.pools.people_zipf.pick(self.rng)
        if person.label not in self.seen_people:
            self.seen_people.add(person.label)
            self.add(person, "mentions")
            return "%s, %s" % (person.text, self.role_of(person))
        return person.extra[0]

    def add(self, concept, predicate):
        key = (concept.cid if not self.options.same_label_many_ids else concept.label, predicate)
        if key in self.annotation_keys:
            return
        self.annotation_keys.add(key)
        self.annotations.append((concept, predicate))

    def release_sentence(self, model):
        rng = self.rng
        name, org_text, date = model
        org = org_text
        pub = self.published
        year, month, day = date
        pub_month = month_index(pub)
        model_month = month_index(date)
        stated_month = month
        if rng.random() < 0.08 and month:  # a stated date that disagrees with the catalogue
            stated_month = (month + rng.choice([1, 2, -1])) % 12 or 12
        mname = MONTHS[stated_month - 1] if stated_month else ""
        if date_key(date) > date_key(pub):
            # Announced or expected after publication.
            if model_month == pub_month + 1:
                return rng.choice(["%s will release %s next month, according to people familiar with its plans.",
                                   "%s is expected to launch %s next month."]) % (org, name)
            if year == pub[0] and month:
                return "%s plans to unveil %s in %s, people briefed on the plans said." % (org, name, mname)
            return "%s is expected to release %s, its next flagship model, in %d." % (org, name, year)
        days_before = (date_key(pub) - date_key(date))
        r = rng.random()
        if day and days_before <= 6 and r < 0.7:
            return rng.choice(["%s unveiled %s last week, and developers have spent the days since testing it.",
                               "%s released %s last week."]) % (org, name)
        if year == pub[0] and month and month != pub[1] and r < 0.6:
            return rng.choice(["%s launched %s in %s%s." % (org, name, mname, rng.choice(TAILS)),
                               "Since the debut in %s of %s, %s %s %s." % (mname, name, rng.choice(SUBJECTS),
                                                                         rng.choice(VERBS), rng.choice(OBJECTS)),
                               "%s, which %s released in %s, %s." % (
                                   name, org, mname, rng.choice(["quickly climbed the public leaderboards",
                                                                "was cheaper to run than its predecessor",
                                                                "drew a rush of developers"]))])
        if day and r < 0.8:
            return rng.choice(["%s released %s on %d %s %d." % (org, name, day, mname, year),
                               "On %d %s %d, %s introduced %s." % (day, mname, year, org, name)])
        if month and r < 0.9:
            return "%s introduced %s in %s %d." % (org, name, mname, year)
        return rng.choice(["Developers have been comparing %s with earlier systems from %s." % (name, org),
                           "%s’s %s is still widely used by developers." % (org, name),
                           "Many customers still run %s from %s." % (name, org)])

    # -- the article
    def build(self):
        rng = self.rng
        pools = self.pools
        options = self.options
        self.annotations = []
        self.annotation_keys = set()
        self.seen_people = set()
        self.content_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))

        start = 2023 * 12
        month = start + rng.randrange(42)  # Jan 2023 .. Jun 2026
        year, mon = divmod(month, 12)
        day = rng.randint(1, 28)
        self.published = (year, mon + 1, day)

        size_pick = rng.random()
        # Sizes: mostly 5-12 KB, some short news items (~2 KB), a few long reads (40-62 KB); mean ~8.4 KB.
        if size_pick < 0.08:
            target = rng.uniform(1500, 2600)
            n_orgs, n_people, n_places, n_models = rng.randint(1, 2), 0, 1, rng.randint(0, 1)
            n_topics = 1
            self.annotation_cap = rng.randint(5, 9)
        elif size_pick < 0.09:
            target = rng.uniform(40000, 62000)
            n_orgs, n_people, n_places, n_models = rng.randint(9, 13), rng.randint(3, 6), rng.randint(2, 4), rng.randint(4, 8)
            n_topics = 3
            self.annotation_cap = rng.randint(30, 40)
        else:
            target = rng.triangular(4900, 12300, 7200)
            n_orgs, n_people, n_places, n_models = rng.randint(3, 7), rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 4)
            n_topics = rng.randint(1, 2)
            self.annotation_cap = rng.randint(15, 22) if rng.random() < 0.85 else rng.randint(23, 30)

        # Authors and classification.
        authors = [pools.journalist_zipf.pick(rng)]
        if rng.random() < 0.15:
            second = pools.journalist_zipf.pick(rng)
            if second is not authors[0]:
                authors.append(second)
        genre = pools.genres[rng.choice(GENRES)]
        brand = rng.choice(pools.brands) if rng.random() < 0.5 else None

        # Organisations: a lead company, some well-known ones, some from the long tail.
        lead = pools.real_org_zipf.pick(rng)
        orgs = [lead]
        while len(orgs) < n_orgs:
            candidate = pools.real_org_zipf.pick(rng) if rng.random() < 0.55 else pools.org_zipf.pick(rng)
            if candidate not in orgs:
                orgs.append(candidate)
        if rng.random() < 0.2:
            government = rng.choice(pools.governments)
            if government not in orgs:
                orgs.append(government)
        places = []
        home = next((c for c in pools.locations if c.label == lead.extra[1] or c.text == lead.extra[1]), None)
        if home is not None:
            places.append(home)
        while len(places) < n_places:
            candidate = pools.location_zipf.pick(rng)
            if candidate not in places:
                places.append(candidate)
        topics = []
        while len(topics) < n_topics:
            candidate = pools.topic_zipf.pick(rng)
            if candidate not in topics:
                topics.append(candidate)
        real_people = [p for p in pools.real_people if p.extra[0] in {o.text for o in orgs}]
        rng.shuffle(real_people)
        real_people = real_people[:1 if rng.random() < 0.6 else 0]

        # Models: the lead's own first, then others around the publication date.
        pub_key = date_key(self.published)
        window = [m for m in pools.models if pub_key - 3 * 400 <= date_key(m[2]) <= pub_key + 6 * 32]
        own = [m for m in window if m[1] == lead.text]
        models = []
        if own and n_models:
            models.append(rng.choice(own))
        while len(models) < n_models and window:
            candidate = rng.choice(window)
            if candidate not in models:
                models.append(candidate)
            elif len(window) <= len(models):
                break
        model_orgs = [pools.org_by_text[m[1]] for m in models if m[1] in pools.org_by_text]

        # Annotations (order as the publisher's: topics, authors, mentions, classification, implicit).
        for topic in topics:
            self.add(topic, "about")
        for author in authors:
            self.add(author, "hasAuthor")
        self.add(lead, "about" if rng.random() < 0.5 else "majorMentions")
        for org in orgs[1:] + model_orgs:
            self.add(org, "mentions")
        for place in places:
            self.add(place, "mentions")
        for person in real_people:
            self.add(person, "mentions")
        self.add(genre, "isClassifiedBy")
        if rng.random() < 0.4:
            self.add(genre, "isPrimarilyClassifiedBy")
        if brand is not None:
            self.add(brand, "isClassifiedBy")
            if rng.random() < 0.3:
                self.add(brand, "isPrimarilyClassifiedBy")
        if rng.random() < 0.7:
            self.add(pools.topics[0], "hasDisplayTag")
        for concept in rng.sample(pools.implicit_topics, rng.randint(1, 2)):
            self.add(concept, "implicitlyAbout")
        if size_pick >= 0.08 and rng.random() < 0.5:
            self.add(rng.choice(pools.regions), "implicitlyAbout")

        # Sentences that must appear: one or more per concept the text should mention.
        required = []
        org_names = [o.text for o in orgs]
        for position, org in enumerate(orgs):
            times = 3 if position == 0 else 1
            for _ in range(times):
                text = org.text
                cjk = org.extra[2]
                if cjk and rng.random() < 0.15:
                    text = "%s (%s)" % (text, cjk)
                if len(orgs) > 1 and rng.random() < 0.3:
                    other = rng.choice([o for o in org_names if o != org.text])
                    required.append(self.fill(rng.choice(ORG_PAIR_SENTENCES), X=text, Y=other))
                else:
                    required.append(self.fill(rng.choice(ORG_SENTENCES), X=text, ex=rng.choice(EXCHANGES),
                                              k=rng.randint(2, 5), city=rng.choice(["Beijing", "London", "Paris",
                                                                                    "Seattle", "Shanghai", "Toronto"])))
        for place in places:
            if place.extra and rng.random() < 0.3:
                required.append(self.fill(rng.choice(ADJ_SENTENCES), A=place.extra))
            required.append(self.fill(rng.choice(LOCATION_SENTENCES), L=place.text))
        for topic in topics:
            if topic.text:
                required.append(rng.choice(TOPIC_SENTENCES).format(t=topic.text))
        for person in real_people:
            org, role = person.extra
            role_text = "%s of %s" % (role, org) if org else role
            required.append(self.fill(rng.choice(REAL_PERSON_SENTENCES), P=person.text, role=role_text))
        for _ in range(n_people):
            person = self.quoted_person(fresh=True)
            if rng.random() < 0.5:
                required.append("“%s,” said %s." % (rng.choice(QUOTES), person))
            else:
                said = person + ("," if "," in person else "")
                required.append("%s said %s." % (said, rng.choice(CLAIMS)))
        releases = [self.release_sentence(model) for model in models]
        if options.same_label_many_ids:
            required.append("Alibaba said it would keep its prices unchanged.")
        if rng.random() < 0.05:
            required.append(rng.choice(CJK_SENTENCES))
        rng.shuffle(required)

        # Title, byline, chrome.
        template = rng.choice(TITLE_TEMPLATES)
        model_name = models[0][0] if models else "its new model"
        title = template.format(org=lead.text, org2=rng.choice(org_names[1:] or ["its rivals"]), model=model_name,
                                place=places[0].text, thing=rng.choice(TITLE_THINGS))
        title = title[0].upper() + title[1:]
        byline = " and ".join(a.text for a in authors)
        published = "Published%s %d %d%s" % (MONTH_ABBR[self.published[1] - 1], self.published[2], self.published[0],
                                              rng.randint(0, 480) if rng.random() < 0.95 else "")
        chrome = "Print this page"
        if rng.random() < 0.85:
            chrome += "Unlock the Editor’s Digest for freeRoula Khalaf, Editor of the FT, selects her favourite " \
                      "stories in this weekly newsletter."
        elif rng.random() < 0.5:
            chrome = "SaveGift this article" + chrome

        # The JSON is written last (people quoted in filler sentences join it), so its size is estimated here.
        header_bytes = len(title) + len(byline) + len(published) + len(chrome) + 60
        budget = max(target - len(self.annotations_json().encode("utf-8")) - header_bytes, 400)

        # Paragraphs: a lead paragraph with the first release, then required sentences mixed with filler.
        sentences = list(releases[:1]) + required + releases[1:]
        paragraphs = []
        used = 0
        queue_index = 0
        annotation_count = len(self.annotations)
        lead_sentence = self.fill(rng.choice(LEAD_SENTENCES), X=lead.text)
        if not lead_sentence[0].isupper():
            lead_sentence = "Meanwhile, " + lead_sentence
        while queue_index < len(sentences) or used < budget:
            size = rng.randint(2, 6)
            paragraph = []
            if not paragraphs:
                paragraph.append(lead_sentence)
            while len(paragraph) < size:
                if queue_index < len(sentences) and (rng.random() < 0.55 or used >= budget):
                    sentence = sentences[queue_index]
                    queue_index += 1
                else:
                    sentence = self.filler()
                paragraph.append(sentence)
                used += len(sentence) + 1
                if len(self.annotations) > annotation_count:
                    used += 215 * (len(self.annotations) - annotation_count)
                    annotation_count = len(self.annotations)
                if used >= budget and queue_index >= len(sentences):
                    break
            if not paragraph[0][0].isupper() and paragraph[0][0] not in "“\"":
                paragraph[0] = "Meanwhile, " + paragraph[0]
            paragraphs.append(" ".join(paragraph))

        # An occasional "Recommended" teaser between two paragraphs.
        body_parts = []
        teaser = None
        teaser_at = rng.randint(1, len(paragraphs) - 1) if len(paragraphs) > 2 and rng.random() < 0.45 else -1
        if teaser_at > 0 and not ("A" <= paragraphs[teaser_at][0] <= "Z"):
            teaser_at = -1  # the teaser's headline ends where a capital letter follows it
        for position, paragraph in enumerate(paragraphs):
            if position == teaser_at:
                teaser_author = pools.journalist_zipf.pick(rng).text
                teaser_brand = rng.choice(BRANDS)
                teaser = (teaser_brand, teaser_author, rng.choice(HEADLINES))
                body_parts.append("Recommended%s%s%s" % teaser)
            body_parts.append(paragraph)
        first, last = authors[0].extra
        email = "%s.%s@example.com" % (first.lower(), last.lower())
        # The article's parts, for writers of other formats (generate-html.py); the text below is unchanged.
        self.parts = {"title": title, "authors": [a.text for a in authors], "genre": genre.label,
                      "brand": brand.label if brand is not None else None, "paragraphs": paragraphs,
                      "teaser": teaser, "teaser_at": teaser_at, "email": email}

        return "".join(["# ", title, "\n\n", byline, published, chrome, "".join(body_parts), email,
                        self.annotations_json()])

    def annotations_json(self):
        options = self.options
        rows = []
        shared = {}
        if options.same_label_many_ids:
            # One label with a fresh id in every article; several labels of the article sharing one id.
            alibaba = self.pools.org_by_text["Alibaba"]
            rows.append((alibaba, "mentions", str(uuid.uuid5(ID_NAMESPACE, "Alibaba#%d" % self.index))))
            orgs = [c for c, p in self.annotations if c.type == "ORGANISATION" and c.label != "Alibaba"]
            shared_id = str(uuid.uuid5(ID_NAMESPACE, "shared#%d" % (self.index % 4)))
            for concept in orgs[:3]:
                shared[concept.label] = shared_id
        for concept, predicate in self.annotations:
            if options.same_label_many_ids and concept.label == "Alibaba":
                continue
            rows.append((concept, predicate, shared.get(concept.label, concept.cid)))
        content_id = self.content_id
        parts = []
        dumps = json.dumps
        for concept, predicate, cid in rows:
            parts.append('{"type":"%s","predicate":"%s","prefLabel":%s,"id":"%s","url":"%s"}' % (
                concept.type, PREDICATE_URI[predicate], dumps(concept.label, ensure_ascii=False), cid, concept.url))
        return '{"contentId":"%s","annotations":[%s]}' % (content_id, ",".join(parts))


def large_label_article(pools, index, seed, megabytes, label_chars):
    """One article of about `megabytes` MB: many long labels, each annotated and each named once in the text."""
    rng = random.Random("%s:large:%d" % (seed, index))
    words = ORG_WORDS + [w for w, _, _ in ORG_KINDS] + CN_WORDS
    target = int(megabytes * 1_000_000)
    count = max(1, target // (2 * label_chars + 260))
    labels = []
    for number in range(count):
        parts = ["Consortium %d" % number]
        length = len(parts[0])
        while length < label_chars:
            word = rng.choice(words)
            parts.append(word)
            length += len(word) + 1
        labels.append(" ".join(parts)[:label_chars].rstrip())
    sentences = []
    for label in labels:
        sentences.append("%s %s %s." % (label, rng.choice(VERBS), rng.choice(OBJECTS)))
    paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    rows = []
    for label in labels:
        cid = concept_id(label)
        rows.append('{"type":"ORGANISATION","predicate":"%s","prefLabel":%s,"id":"%s","url":"https://www.ft.com/stream/%s"}'
                    % (PREDICATE_URI["mentions"], json.dumps(label), cid, cid))
    annotations = '{"contentId":"%s","annotations":[%s]}' % (str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                                                            ",".join(rows))
    author = pools.journalists[0]
    first, last = author.extra
    return "".join(["# A very long list of consortia (%d labels of %d characters)\n\n" % (count, label_chars),
                    author.text, "PublishedJun 1 20250Print this page", "".join(paragraphs),
                    "%s.%s@example.com" % (first.lower(), last.lower()), annotations])


# ---------------------------------------------------------------------------------------------------------
# Writing

def file_path(out, index, text_hex):
    folder = "%03d" % (index // ARTICLES_PER_FOLDER)
    return os.path.join(out, folder, "%06d_%s.txt" % (index, text_hex))


def write_range(job):
    out, seed, start, stop, options = job
    pools = _POOLS.get(seed)
    if pools is None:
        pools = _POOLS[seed] = Pools(seed)
    written = 0
    made_folders = set()
    for index in range(start, stop):
        article = Article(pools, index, seed, options)
        text = article.build()
        data = text.encode("utf-8")
        path = file_path(out, index, article.content_id.replace("-", "")[:16])
        folder = os.path.dirname(path)
        if folder not in made_folders:
            os.makedirs(folder, exist_ok=True)
            made_folders.add(folder)
        with open(path, "wb") as handle:
            handle.write(data)
        written += len(data)
    return written


_POOLS = {}


class Options:
    def __init__(self, same_label_many_ids):
        self.same_label_many_ids = same_label_many_ids


def releases_names(path):
    names = set()
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or not line.strip():
                    continue
                columns = line.rstrip("\n").split("\t")
                names.add(columns[0])
                if len(columns) > 3:
                    names.update(a for a in columns[3].split("|") if a and not a.startswith("~"))
    except OSError as error:
        print("generate-corpus: cannot read %s (%s); names file without catalogue models" % (path, error),
              file=sys.stderr)
    return names


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Generate a synthetic corpus of scraped, annotated AI-industry articles.")
    parser.add_argument("--articles", type=int, required=True, help="number of articles (files)")
    parser.add_argument("--out", required=True, help="output folder (created; files go into NNN/ subfolders of 1,000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (output is identical for any value)")
    parser.add_argument("--same-label-many-ids", action="store_true",
                        help="attack: 'Alibaba' gets a fresh id in every article; several labels share one id")
    parser.add_argument("--large-labels", type=float, metavar="MB", default=0,
                        help="attack: add one extra article of MB megabytes with many long labels")
    parser.add_argument("--label-chars", type=int, default=2000, help="label length for --large-labels (default 2000)")
    parser.add_argument("--names", metavar="FILE", help="also write the names file for grep (one name a line)")
    parser.add_argument("--releases", metavar="TSV", default=os.path.join(here, "..", "Sources", "LedeModel", "Resources",
                                                                          "releases.tsv"),
                        help="catalogue whose model names go into --names (default: the repository's)")
    parser.add_argument("--manifest", metavar="FILE", help="write a JSON description of what was generated")
    args = parser.parse_args()
    if args.articles < 0:
        parser.error("--articles must be >= 0")

    started = time.time()
    options = Options(args.same_label_many_ids)
    os.makedirs(args.out, exist_ok=True)
    jobs = []
    for start in range(0, args.articles, ARTICLES_PER_FOLDER):
        jobs.append((args.out, args.seed, start, min(start + ARTICLES_PER_FOLDER, args.articles), options))
    total = 0
    if args.jobs > 1 and len(jobs) > 1:
        import multiprocessing
        with multiprocessing.Pool(args.jobs) as pool:
            for done, written in enumerate(pool.imap(write_range, jobs), 1):
                total += written
                if done % 10 == 0:
                    print("generate-corpus: %d articles, %.1f MB, %.0f s" % (done * ARTICLES_PER_FOLDER, total / 1e6,
                                                                             time.time() - started), file=sys.stderr)
    else:
        for done, job in enumerate(jobs, 1):
            total += write_range(job)
            if done % 10 == 0:
                print("generate-corpus: %d articles, %.1f MB, %.0f s" % (done * ARTICLES_PER_FOLDER, total / 1e6,
                                                                         time.time() - started), file=sys.stderr)
    files = args.articles
    pools = _POOLS.get(args.seed) or Pools(args.seed)
    if args.large_labels > 0:
        text = large_label_article(pools, args.articles, args.seed, args.large_labels, args.label_chars)
        data = text.encode("utf-8")
        path = file_path(args.out, args.articles, "%016x" % random.Random("%s:large-name" % args.seed).getrandbits(64))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
        total += len(data)
        files += 1
    if args.names:
        names = pools.all_names() | releases_names(args.releases)
        with open(args.names, "w", encoding="utf-8") as handle:
            handle.write("".join(name + "\n" for name in sorted(names)))
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as handle:
            json.dump({"generator_version": GENERATOR_VERSION, "articles": args.articles, "seed": args.seed,
                       "same_label_many_ids": args.same_label_many_ids, "large_labels_mb": args.large_labels,
                       "label_chars": args.label_chars if args.large_labels > 0 else None,
                       "files": files, "bytes": total}, handle, indent=1, sort_keys=True)
            handle.write("\n")
    elapsed = time.time() - started
    print("generate-corpus: wrote %d files, %.1f MB (%.2f KB average) to %s in %.1f s" % (
        files, total / 1e6, total / max(files, 1) / 1000, args.out, elapsed), file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write the same synthetic articles twice: as scraped pages (generate-corpus.py's format) and as web pages.

    generate-html.py --articles 10000 --out DIR [--seed S] [--jobs J]

makes DIR/scraped/NNN/<index>_<hex>.txt (byte for byte what generate-corpus.py writes for the same --articles
and --seed) and DIR/html/NNN/<index>_<hex>.html: the same title, authors, date and paragraphs in a page with the
furniture of a news site, all written here: a cookie banner, a header with navigation and search, a breadcrumb,
a share bar, a lead image with caption and credit, an advertisement slot, the "Recommended" teaser as a related
box inside the text, tags, a newsletter box, comments, a "most read" sidebar, a footer, inline styles and
scripts (analytics, consent, a page-data blob) and JSON-LD (NewsArticle with headline, authors, dates, publisher,
keywords, and the annotated organisations, people and places as about/mentions). Pages average ~33 KB, about
the share of markup to text of a real news page without its external scripts.

Deterministic: the same --articles and --seed give the same files, whatever --jobs. Python 3.8+, standard
library only.
"""

import argparse
import html
import importlib.util
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("generate_corpus", os.path.join(HERE, "generate-corpus.py"))
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

SECTIONS = ["World", "Business", "Technology", "Markets", "Climate", "Opinion", "Science", "Work & Careers", "Life & Arts"]
FOOTER_LINKS = ["About us", "Contact", "Careers", "Advertise with us", "Terms of use", "Privacy policy", "Cookie settings",
                "Accessibility", "Help centre", "Newsletters", "Podcasts", "Corrections"]
COMMENTERS = ["quietobserver", "m_ellis", "datacentre_dan", "Rosalind K", "northernlight", "P. Okoro", "skeptic42", "Anya"]
COMMENTS = ["This is the part nobody in the industry wants to talk about.", "Interesting, but the numbers seem optimistic to me.",
            "I would like to see the same analysis for smaller firms.", "Good piece. The regulators are years behind.",
            "Not convinced the demand is as strong as claimed.", "The pricing question is the real story here."]
SCRIPT = ("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());"
          "gtag('config','G-XXXXXXX',{anonymize_ip:true});(function(){var s=document.createElement('script');s.async=true;"
          "s.src='/assets/consent.js';document.head.appendChild(s);})();")
STYLE = ("body{margin:0;font-family:Georgia,serif;color:#222}.site-header{display:flex;align-items:center}"
         ".main-nav ul{list-style:none;display:flex;gap:1rem}.share-bar a{margin-right:.5rem}.article-body p{line-height:1.6}"
         ".cookie-banner{position:fixed;bottom:0;background:#333;color:#fff}.sidebar{width:300px}.ad-slot{min-height:250px}")


def esc(text):
    return html.escape(text, quote=True)


def page(article, index, seed):
    """The article as a news site would serve it."""
    parts = article.parts
    rng = random.Random("%s:page:%d" % (seed, index))
    year, month, day = article.published
    iso = "%04d-%02d-%02dT%02d:%02d:00Z" % (year, month, day, rng.randint(5, 20), rng.randint(0, 59))
    human = "%d %s %d" % (day, corpus.MONTHS[month - 1], year)
    section = rng.choice(SECTIONS)
    slug = corpus.slug(parts["title"])[:80]
    url = "https://news.example/%s/%04d/%02d/%s" % (section.lower().replace(" & ", "-").replace(" ", "-"), year, month, slug)
    about = [c.label for c, p in article.annotations if p in ("about", "majorMentions") and c.type in ("ORGANISATION", "PERSON")]
    mentions = [(c.label, c.type) for c, p in article.annotations if p == "mentions"]
    kinds = {"ORGANISATION": "Organization", "PERSON": "Person", "LOCATION": "Place"}
    keywords = [c.label for c, p in article.annotations if c.type == "TOPIC" and p in ("about", "hasDisplayTag")]
    linked = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": parts["title"], "url": url,
        "datePublished": iso, "dateModified": iso, "articleSection": section,
        "author": [{"@type": "Person", "name": name} for name in parts["authors"]],
        "publisher": {"@type": "Organization", "name": "The Example Ledger", "logo": {"@type": "ImageObject", "url": "https://news.example/logo.png"}},
        "about": [{"@type": "Organization", "name": label} for label in about],
        "mentions": [{"@type": kinds.get(kind, "Thing"), "name": label} for label, kind in mentions],
        "keywords": keywords, "isAccessibleForFree": True,
    }
    out = []
    w = out.append
    w('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n')
    w('<title>%s | The Example Ledger</title>\n' % esc(parts["title"]))
    w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    w('<meta name="description" content="%s">\n' % esc(parts["paragraphs"][0][:150]))
    w('<meta property="og:title" content="%s">\n<meta property="og:type" content="article">\n' % esc(parts["title"]))
    w('<meta property="og:site_name" content="The Example Ledger">\n<meta property="og:url" content="%s">\n' % url)
    w('<meta property="article:published_time" content="%s">\n<meta property="article:section" content="%s">\n' % (iso, esc(section)))
    for name in parts["authors"]:
        w('<meta name="author" content="%s">\n' % esc(name))
    w('<link rel="canonical" href="%s">\n<link rel="stylesheet" href="/assets/site.css">\n' % url)
    w('<style>%s</style>\n' % (STYLE * rng.randint(20, 30)))
    w('<script>%s</script>\n' % (SCRIPT * rng.randint(40, 60)))
    w('<script type="application/ld+json">%s</script>\n' % json.dumps(linked, ensure_ascii=False).replace("</", "<\\/"))
    w('</head>\n<body class="article-page section-%s">\n' % section.lower().replace(" ", "-").replace("&", "and"))
    w('<div id="cookie-banner" class="cookie-banner" role="dialog"><p>We use cookies to personalise content and ads and to '
      'analyse our traffic. You can change your choices at any time.</p><button>Accept all</button> '
      '<a href="/cookies">Manage cookies</a></div>\n')
    w('<header class="site-header"><a class="logo" href="/">The Example Ledger</a>\n<nav class="main-nav" aria-label="Main"><ul>')
    for name in SECTIONS:
        w('<li><a href="/%s">%s</a></li>' % (name.lower().replace(" ", "-"), esc(name)))
    w('</ul></nav>\n<form class="search" action="/search"><input name="q" placeholder="Search"><button>Search</button></form>'
      '<a class="subscribe-button" href="/subscribe">Subscribe</a></header>\n')
    w('<div class="breadcrumb"><a href="/">Home</a> › <a href="/%s">%s</a></div>\n' % (section.lower(), esc(section)))
    w('<main id="main-content">\n<article class="story">\n<header class="story-header">\n')
    w('<a class="section-label" href="/%s">%s</a>\n' % (section.lower(), esc(parts["brand"] or section)))
    w('<h1 class="headline">%s</h1>\n' % esc(parts["title"]))
    w('<div class="byline">By %s <time datetime="%s">%s</time></div>\n' % (
        " and ".join('<a rel="author" href="/authors/%s">%s</a>' % (corpus.slug(name), esc(name)) for name in parts["authors"]),
        iso, human))
    w('<div class="share-bar social-share"><a href="https://x.example/share">Share on X</a> '
      '<a href="https://facebook.example/share">Share on Facebook</a> <a href="mailto:?subject=article">Email</a> '
      '<button class="save">Save</button></div>\n</header>\n')
    w('<figure class="lead-image"><img src="/images/%d.jpg" alt="" width="1200" height="675">'
      '<figcaption>A view of the company\'s offices. <span class="credit">Photograph: Example Pictures</span></figcaption></figure>\n' % index)
    w('<div class="article-body" itemprop="articleBody">\n')
    for position, paragraph in enumerate(parts["paragraphs"]):
        if position == parts["teaser_at"] and parts["teaser"]:
            brand, author, headline = parts["teaser"]
            w('<aside class="related-inline"><h3>Recommended</h3><p class="brand">%s</p><a href="/story/%d">%s</a>'
              '<p class="author">%s</p></aside>\n' % (esc(brand), index + 1, esc(headline), esc(author)))
        if position == 2:
            w('<div class="ad-slot advertisement"><span>Advertisement</span><div id="ad-%d"></div></div>\n' % index)
        w('<p>%s</p>\n' % esc(paragraph))
    w('</div>\n<div class="tags">')
    for keyword in keywords:
        w('<a href="/topic/%s">%s</a> ' % (corpus.slug(keyword), esc(keyword)))
    w('</div>\n<div class="newsletter-signup"><h3>The Morning Briefing</h3><p>Sign up for our newsletter: the day\'s '
      'business news in your inbox.</p><form><input type="email"><button>Sign up</button></form></div>\n</article>\n')
    w('<section class="comments" id="comments"><h2>Comments</h2>\n')
    for _ in range(rng.randint(1, 5)):
        w('<div class="comment"><p class="comment-author">%s</p><p>%s</p></div>\n' % (rng.choice(COMMENTERS), rng.choice(COMMENTS)))
    w('</section>\n</main>\n<aside class="sidebar"><h2>Most read</h2><ol>')
    for number in range(5):
        w('<li><a href="/story/%d">%s</a></li>' % (index + number + 2, esc(rng.choice(corpus.HEADLINES))))
    w('</ol></aside>\n<footer class="site-footer"><ul>')
    for name in FOOTER_LINKS:
        w('<li><a href="/%s">%s</a></li>' % (corpus.slug(name), esc(name)))
    w('</ul><p>© %d The Example Ledger. All rights reserved.</p></footer>\n' % year)
    w('<script>window.__PAGE_DATA__=%s;</script>\n' % json.dumps({"id": index, "section": section, "words": sum(
        len(p.split()) for p in parts["paragraphs"])}))
    w('</body>\n</html>\n')
    return "".join(out)


def write_range(job):
    out, seed, start, stop = job
    pools = corpus._POOLS.get(seed)
    if pools is None:
        pools = corpus._POOLS[seed] = corpus.Pools(seed)
    options = corpus.Options(False)
    written = [0, 0]
    for index in range(start, stop):
        article = corpus.Article(pools, index, seed, options)
        text = article.build()
        name = corpus.file_path("", index, article.content_id.replace("-", "")[:16]).lstrip("/")
        for kind, data in (("scraped", text.encode("utf-8")), ("html", page(article, index, seed).encode("utf-8"))):
            path = os.path.join(out, kind, name if kind == "scraped" else name[:-4] + ".html")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(data)
            written[kind == "html"] += len(data)
    return written


def main():
    parser = argparse.ArgumentParser(description="The same synthetic articles as scraped pages and as web pages.")
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", required=True, help="output folder: scraped/ and html/ are made in it")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    started = time.time()
    jobs = [(args.out, args.seed, start, min(start + corpus.ARTICLES_PER_FOLDER, args.articles))
            for start in range(0, args.articles, corpus.ARTICLES_PER_FOLDER)]
    totals = [0, 0]
    if args.jobs > 1 and len(jobs) > 1:
        import multiprocessing
        with multiprocessing.Pool(args.jobs) as pool:
            results = list(pool.imap(write_range, jobs))
    else:
        results = [write_range(job) for job in jobs]
    for scraped, pages in results:
        totals[0] += scraped
        totals[1] += pages
    print("generate-html: %d articles: scraped %.1f MB, html %.1f MB (%.1f KB a page) in %.0f s" % (
        args.articles, totals[0] / 1e6, totals[1] / 1e6, totals[1] / max(args.articles, 1) / 1000, time.time() - started),
        file=sys.stderr)


if __name__ == "__main__":
    main()

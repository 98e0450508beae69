#!/usr/bin/env python3
"""Parses one Atom or OPDS document from standard input with feedparser (Debian's python3-feedparser) and prints what
a feed reader sees of it as one JSON object: the feed's id, title and links, and each entry's id, title, authors,
categories, summary, language, dates and links. A document feedparser could not parse cleanly sets "bozo"."""
import json
import sys

import feedparser


def links(item):
    return [{k: v for k, v in link.items()} for link in item.get("links", [])]


document = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
    "bozo": bool(document.bozo),
    "bozo_exception": str(document.get("bozo_exception", "")),
    "version": document.version,
    "feed": {
        "id": document.feed.get("id"),
        "title": document.feed.get("title"),
        "subtitle": document.feed.get("subtitle"),
        "updated": document.feed.get("updated"),
        "links": links(document.feed),
    },
    "entries": [{
        "id": entry.get("id"),
        "title": entry.get("title"),
        "updated": entry.get("updated"),
        "published": entry.get("published"),
        "authors": [a.get("name") for a in entry.get("authors", [])],
        "tags": [t.get("term") for t in entry.get("tags", [])],
        "summary": entry.get("summary"),
        "language": entry.get("dcterms_language") or entry.get("language"),
        "links": links(entry),
    } for entry in document.entries],
}))

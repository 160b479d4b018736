#!/usr/bin/env python3
"""The real-article evaluation set: texts are third-party and git-ignored; the index says what they are.

``tests/data/real/index.tsv`` lists each article: id, split (dev, test or test3), URL, outlet, country pair,
genre and the sha256 of its text. ``tests/data/real/gold/<split>/<id>.json`` are the committed answer keys;
``tests/data/real/texts/<split>/<id>.txt`` the texts, which are never committed.

  python scripts/real_articles.py check              # which texts are present and unchanged
  python scripts/real_articles.py rebuild --from DIR  # copy texts saved elsewhere (any layout, by id or
                                                      # by content) into place, keeping only exact matches
  python scripts/real_articles.py fetch              # download missing texts from their URLs (needs the
                                                      # network; a page that changed since is reported,
                                                      # not kept)

A text is the page's readable text as stored when the set was made (furniture such as captions and
navigation included); ``fetch`` keeps a download only when its sha256 equals the index's.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import re
import sys
import urllib.request
from pathlib import Path

say = print  # a command-line tool: its output is the point

ROOT = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"
INDEX = ROOT / "index.tsv"


def rows() -> list[dict]:
    with INDEX.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def text_path(row: dict) -> Path:
    return ROOT / "texts" / row["split"] / f"{row['id']}.txt"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check() -> int:
    missing = changed = 0
    for row in rows():
        path = text_path(row)
        if not path.exists():
            missing += 1
            say(f"missing  {row['id']}  {row['url']}")
        elif digest(path.read_bytes()) != row["sha256"]:
            changed += 1
            say(f"changed  {row['id']}  {path}")
    total = len(rows())
    good = total - missing - changed
    say(f"{good} of {total} texts present and unchanged; {missing} missing, {changed} changed")
    return 1 if missing or changed else 0


def rebuild(source: Path) -> int:
    by_hash = {digest(p.read_bytes()): p for p in source.rglob("*") if p.is_file()}
    placed = 0
    for row in rows():
        found = by_hash.get(row["sha256"])
        if found is not None:
            target = text_path(row)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(found.read_bytes())
            placed += 1
    say(f"placed {placed} of {len(rows())} texts from {source}")
    return check()


def page_text(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace")
    text = re.sub(r"(?is)<(script|style|noscript)[^>]*>.*?</\1>", " ", text)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</h\d>|</li>|</div>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def fetch() -> int:
    for row in rows():
        path = text_path(row)
        if path.exists() and digest(path.read_bytes()) == row["sha256"]:
            continue
        try:
            with urllib.request.urlopen(row["url"], timeout=30) as response:
                data = page_text(response.read()).encode("utf-8")
        except OSError as error:
            say(f"failed   {row['id']}  {row['url']}: {error}")
            continue
        if digest(data) != row["sha256"]:
            say(f"differs  {row['id']}  the page changed since the set was made; not kept")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return check()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check")
    sub.add_parser("fetch")
    rebuild_parser = sub.add_parser("rebuild")
    rebuild_parser.add_argument("--from", dest="source", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "rebuild":
        return rebuild(args.source)
    return fetch() if args.command == "fetch" else check()


if __name__ == "__main__":
    sys.exit(main())

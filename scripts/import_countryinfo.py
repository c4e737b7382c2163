#!/usr/bin/env python3
"""Generate the base rows of data/actors/countries.tsv from the countryinfo package.

This script was run ONCE to seed data/actors/countries.tsv. The file has been
edited by hand since (added names, demonyms, seats of government, back-references,
CAMEO region rows; removed ambiguous or foreign-language spellings), so running
the script again would throw that work away. It therefore refuses to overwrite an
existing file unless --force is given; it is kept so the provenance of the facts is
reproducible and so a fresh base can be diffed against the hand-edited file.

Source: the MIT-licensed PyPI package `countryinfo`
(Copyright (c) 2018 Porimol Chandro), fetched with

    pip download --no-deps countryinfo

Usage:

    python3 scripts/import_countryinfo.py countryinfo-1.0.1-py3-none-any.whl
    python3 scripts/import_countryinfo.py path/to/countryinfo/data  [OUT] [--force]

The first argument is the wheel itself or a directory holding the package's
per-country JSON files. From each file the script reads `name`, `altSpellings`,
`demonym`, `capital` and `ISO.alpha3`, and writes one row per alpha-3 code:

    code<TAB>names<TAB>adjectives<TAB>seats<TAB>backrefs

(see the header of countries.tsv and data/README.md for the format).
"""

import argparse
import json
import sys
import unicodedata
import zipfile
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "actors" / "countries.tsv"

HEADER = """\
# Countries and regions for the actor coder.
#
# GENERATED ONCE by scripts/import_countryinfo.py from the MIT-licensed PyPI package
# countryinfo (Copyright (c) 2018 Porimol Chandro), and EDITED BY HAND since: do not
# regenerate over it.
#
# Format: one row per country or region, five fields separated by ONE tab:
#   code<TAB>names<TAB>adjectives<TAB>seats<TAB>backrefs
# code        ISO-3166 alpha-3 (CAMEO convention) or a CAMEO region code
# names       names of the country, |-separated
# adjectives  adjectives and demonyms (singular and plural), |-separated
# seats       capitals / seats of government, used as metonyms for the government
#             (the loader codes them <code>GOV), |-separated
# backrefs    short references that count only once the country has been named in
#             the same document, |-separated
# An empty field is written `-`. Lines starting with # are comments.
# Matching is case-insensitive, except that a capital letter in a phrase requires a
# capital in the text.
"""


def load_records(source: Path):
    """Yield the parsed JSON object of every per-country file in a wheel or directory."""
    if source.is_file() and source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            for member in sorted(wheel.namelist()):
                # Only the ISO-coded files: data_no_iso/ holds regions without a code.
                if member.startswith("countryinfo/data/") and member.endswith(".json"):
                    yield json.loads(wheel.read(member).decode("utf-8"))
    elif source.is_dir():
        for path in sorted(source.glob("*.json")):
            yield json.loads(path.read_text(encoding="utf-8"))
    else:
        sys.exit(f"not a .whl file or a directory: {source}")


def is_latin_script(text: str) -> bool:
    """True when every letter is an ordinary Latin letter.

    Names in other scripts can't match English news; phonetic transcriptions
    (IPA letters such as LATIN LETTER SMALL CAPITAL INVERTED R) are not names.
    """
    return all(
        unicodedata.name(ch, "").startswith(("LATIN CAPITAL LETTER", "LATIN SMALL LETTER"))
        for ch in text
        if ch.isalpha()
    )


def as_list(value):
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def clean_names(record, codes):
    names = []
    for raw in as_list(record.get("name")) + as_list(record.get("altSpellings")):
        name = raw.strip()
        if not name or name in codes:
            # Bare ISO codes (IT, IN, AND, CAN...) are ordinary words far too often.
            continue
        if "," in name:
            # Inverted catalogue forms such as "Korea, Republic of".
            continue
        if not is_latin_script(name):
            continue
        names.append(name)
    return names


def plural_demonym(demonym: str):
    # "Chinese", "British", "French", "Swiss" have no -s plural.
    if demonym.endswith(("ese", "sh", "ch", "ss")):
        return [demonym]
    return [demonym, demonym + "s"]


def clean_adjectives(record):
    adjectives = []
    for raw in as_list(record.get("demonym")):
        for part in raw.replace("/", ",").split(","):
            part = part.strip()
            if part and is_latin_script(part):
                adjectives.extend(plural_demonym(part))
    return adjectives


def clean_seats(record):
    seats = []
    for raw in as_list(record.get("capital")):
        for part in raw.split(" / "):
            part = part.strip()
            if part and is_latin_script(part):
                seats.append(part)
    return seats


def unique(items):
    seen = set()
    out = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


def field(items):
    # Tabs or bars inside a phrase would break the row format.
    items = [i.replace("\t", " ").replace("|", " ") for i in unique(items)]
    return "|".join(items) if items else "-"


def build_rows(records):
    merged = {}
    for record in records:
        iso = record.get("ISO") or {}
        code = (iso.get("alpha3") or "").strip().upper()
        if len(code) != 3 or not code.isalpha():
            continue
        codes = {code, (iso.get("alpha2") or "").strip().upper()}
        row = merged.setdefault(code, {"names": [], "adjectives": [], "seats": []})
        row["names"] += clean_names(record, codes)
        row["adjectives"] += clean_adjectives(record)
        row["seats"] += clean_seats(record)
    lines = []
    for code in sorted(merged):
        row = merged[code]
        if not row["names"]:
            continue
        lines.append(
            "\t".join(
                [code, field(row["names"]), field(row["adjectives"]), field(row["seats"]), "-"]
            )
        )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="countryinfo wheel or its data/ directory")
    parser.add_argument("out", type=Path, nargs="?", default=DEFAULT_OUT)
    parser.add_argument("--force", action="store_true", help="overwrite the hand-edited file")
    args = parser.parse_args()
    if args.out.exists() and not args.force:
        sys.exit(f"{args.out} exists and is hand-edited; pass --force to overwrite it")
    lines = build_rows(load_records(args.source))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} rows to {args.out}")


if __name__ == "__main__":
    main()

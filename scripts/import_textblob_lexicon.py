#!/usr/bin/env python3
"""Convert textblob's English part-of-speech lexicon into data/text/pos-lexicon.tsv.

Run once, by hand, when the lexicon should be regenerated:

    pip download --no-deps textblob -d /tmp/tb
    python3 scripts/import_textblob_lexicon.py /tmp/tb/textblob-*.whl
    # or: python3 scripts/import_textblob_lexicon.py path/to/en-lexicon.txt

Source: textblob (MIT licence, Copyright Steven Loria and contributors), file
textblob/en/en-lexicon.txt, itself Brill's tagger lexicon (MIT, Copyright 1993 MIT and
the University of Pennsylvania) extended with words from the CMU Twitter POS data (CC-BY 3.0).

What the conversion does (the output header repeats this):
  * keys are ASCII-lower-cased; the tagger looks words up through the lower-cased document;
  * the first tag is textblob's tag of the lower-case form (or of the capitalised form when
    the word never appears in lower case, e.g. "I");
  * "NNP" is appended when a capitalised variant is a proper noun ("may MD NNP");
  * entries that are only proper nouns are dropped: the tagger tags capitalised unknown
    words NNP anyway; so are numbers, punctuation, emoticons, words with digits, periods
    (abbreviations live in data/text/abbreviations.tsv), non-ASCII characters, and
    apostrophes (the tokenizer splits clitics such as 's and n't off and tags them itself;
    the source's other apostrophe entries are mostly quote debris such as "a'show");
  * British -ise/-yse spellings are added for -ize/-yze words the source only has in
    American spelling ("criticise", "criticised", "organisation");
  * alternative tags are derived from the lexicon's own inflected forms, so that contextual
    rules can choose between them: a noun or adjective whose -ed/-ing/-s forms are verbs also
    gets VB ("visit NN VB" because "visited" is VBD), and so does a preposition or adverb with
    two kinds of verb inflections ("like IN VB": "liked", "likes"); a plural noun whose stem is such a verb gets
    VBZ ("attacks NNS VBZ"); a 3rd-person verb whose stem is a noun gets NNS; a regular -ed
    form gets both VBD and VBN.
"""

import argparse
import io
import re
import sys
import zipfile
from pathlib import Path

PENN_TAGS = {
    "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "DT", "PDT", "JJ", "JJR", "JJS", "RB", "RBR",
    "RBS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "IN", "TO", "CC", "CD", "POS",
    "WDT", "WP", "WP$", "WRB", "RP", "EX", "UH", "FW", "SYM",
}
# Old Brown-corpus spellings that occur in a handful of entries.
TAG_ALIASES = {"NP": "NNP", "PP": "PRP"}
PROPER = {"NNP", "NNPS"}
VERB_PAST = {"VBD", "VBN"}
VERB_ANY = {"VB", "VBP", "VBD", "VBN", "VBG", "VBZ"}
# Entries the source gets wrong or leaves short, replaced by the team's reading: "briefly" is
# an adverb, not a noun ("Russian bombers briefly violated Norwegian airspace"); "visiting"
# also modifies a visitor ("met visiting Russian President Vladimir Putin"); "call" and "push"
# are nouns too ("calls grew for", "a push for talks").
CORRECTIONS = {
    "briefly": ["RB"],
    "visiting": ["VBG", "JJ"],
    "crossing": ["NN", "VBG"],
    "shelling": ["NN", "VBG"],
    "call": ["VB", "NN"],
    "push": ["VB", "NN"],
    "shipping": ["NN", "VBG"],
    "smuggling": ["NN", "VBG"],
}
KEY_SHAPE = re.compile(r"^[a-z][a-z&-]*[a-z]$|^[a-z]$")


def read_lexicon_text(path: Path) -> str:
    if path.suffix == ".whl" or zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as wheel:
            names = [n for n in wheel.namelist() if n.endswith("en/en-lexicon.txt")]
            if not names:
                sys.exit(f"{path}: no en/en-lexicon.txt inside")
            return io.TextIOWrapper(wheel.open(names[0]), encoding="utf-8").read()
    return path.read_text(encoding="utf-8")


def parse(text: str):
    """Yields (word, [tags]) for the usable lines of en-lexicon.txt."""
    for line in text.splitlines():
        if line.startswith(";;;"):
            continue
        fields = line.split()
        if len(fields) != 2:
            continue
        word, tag_field = fields
        tags = []
        for tag in tag_field.split("|"):
            tag = TAG_ALIASES.get(tag, tag)
            if tag in PENN_TAGS and tag not in tags:
                tags.append(tag)
        if tags:
            yield word, tags


def merge_case_variants(entries):
    """Groups the entries by ASCII-lower-cased key; returns {key: [tags]}."""
    lower_tags: dict[str, list[str]] = {}
    cap_tags: dict[str, list[str]] = {}
    for word, tags in entries:
        key = word.lower() if word.isascii() else None
        if key is None or not KEY_SHAPE.match(key):
            continue
        target = lower_tags if word == key else cap_tags
        bucket = target.setdefault(key, [])
        bucket.extend(t for t in tags if t not in bucket)
    merged = {}
    for key in set(lower_tags) | set(cap_tags):
        tags = list(lower_tags.get(key, []))
        caps = cap_tags.get(key, [])
        if not tags:
            tags = [t for t in caps if t not in PROPER]
        if not tags or set(tags) <= PROPER:
            continue  # only ever a proper noun: the tagger's capitalisation rule covers it
        if any(t in PROPER for t in caps) and "NNP" not in tags:
            tags.append("NNP")
        merged[key] = tags
    return merged


def stems_for_plural(word: str):
    """Candidate singular/base forms of an -s word, most likely first."""
    if word.endswith("ies") and len(word) > 4:
        yield word[:-3] + "y"
    if word.endswith("es") and len(word) > 3:
        yield word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        yield word[:-1]


def inflections(stem: str):
    """Regular inflections of a base form: (form, expected tags)."""
    forms = [(stem + "s", {"VBZ"}), (stem + "es", {"VBZ"}), (stem + "ed", VERB_PAST),
             (stem + "d", VERB_PAST), (stem + "ing", {"VBG"})]
    if stem.endswith("e"):
        forms.append((stem[:-1] + "ing", {"VBG"}))
    if len(stem) > 2 and stem.endswith("y") and stem[-2] not in "aeiou":
        forms += [(stem[:-1] + "ies", {"VBZ"}), (stem[:-1] + "ied", VERB_PAST)]
    if len(stem) > 2 and stem[-1] not in "aeiouwxy" and stem[-2] in "aeiou":
        doubled = stem + stem[-1]
        forms += [(doubled + "ed", VERB_PAST), (doubled + "ing", {"VBG"})]
    return forms


def gerund_stems(word: str):
    """Candidate base forms of an -ing word: "arming" arm, "making" make, "shipping" ship."""
    stem = word[:-3]
    yield stem
    yield stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2]:
        yield stem[:-1]


def has_verb_inflection(stem: str, lexicon) -> bool:
    # "severed" and "severing" are forms of the verb "sever", no evidence that the adjective
    # "severe" is a verb.
    e_less_verb = stem.endswith("e") and set(lexicon.get(stem[:-1], ())) & {"VB", "VBP"}
    e_less_forms = (stem + "d", stem[:-1] + "ing") if e_less_verb else ()
    return any(
        set(lexicon.get(form, ())) & expected
        for form, expected in inflections(stem)
        if form not in e_less_forms
    )


def closed_class_verb_evidence(stem: str, lexicon) -> int:
    """How many kinds of verb inflection (-s, past, -ing) a preposition or adverb has,
    ignoring forms that belong to stem + "e" ("noted" is "note", not "not")."""
    e_stem_known = not stem.endswith("e") and stem + "e" in lexicon
    kinds = set()
    for form, expected in inflections(stem):
        if e_stem_known and form in (stem + "es", stem + "ed", stem + "ing"):
            continue  # as much a form of stem + "e"
        if set(lexicon.get(form, ())) & expected:
            kinds.add(frozenset(expected))
    return len(kinds)


BRITISH_SPELLING = re.compile(r"^(.{4,})(iz|yz)(e|ed|es|ing|ation|ations|er|ers)$")


def add_british_spellings(lexicon):
    """Adds -ise/-yse spellings of -ize/-yze words ("criticised" from "criticized") that the
    (American) source lacks, with the same tags."""
    for key, tags in list(lexicon.items()):
        match = BRITISH_SPELLING.match(key)
        if match:
            stem, middle, ending = match.groups()
            variant = stem + middle[0] + "s" + ending
            lexicon.setdefault(variant, list(tags))


def derive_alternatives(lexicon):
    derived = {key: list(tags) for key, tags in lexicon.items()}

    def add(key, tag):
        if tag not in derived[key]:
            derived[key].append(tag)

    for key, tags in lexicon.items():
        first = tags[0]
        if first in ("NN", "JJ") and has_verb_inflection(key, lexicon):
            add(key, "VB")
        if first in ("IN", "RB", "RP") and closed_class_verb_evidence(key, lexicon) >= 2:
            add(key, "VB")  # "like", "back", "near": stricter, these are mostly not verbs
        if first in ("VB", "VBP") and (
            "NNS" in lexicon.get(key + "s", ()) or "NNS" in lexicon.get(key + "es", ())
        ):
            add(key, "NN")
        if first == "NNS":
            for stem in stems_for_plural(key):
                stem_tags = lexicon.get(stem, ())
                if set(stem_tags) & {"VB", "VBP"} or (
                    stem_tags and has_verb_inflection(stem, lexicon)
                ):
                    add(key, "VBZ")
                    break
        if first == "VBZ":
            for stem in stems_for_plural(key):
                if "NN" in lexicon.get(stem, ()):
                    add(key, "NNS")
                    break
        if key.endswith("ed") and set(tags) & (VERB_PAST | {"JJ"}):
            stem_known = any(
                set(lexicon.get(s, ())) & ({"VB", "VBP", "NN"})
                for s in (key[:-2], key[:-1], key[:-3], key[:-3] + "y")
            )
            if set(tags) & VERB_PAST or stem_known:
                add(key, "VBD")
                add(key, "VBN")
    # After the verbs are known: "accused Iran of arming rebels", "by funding the militia".
    for key, tags in lexicon.items():
        if key.endswith("ing") and tags[0] == "NN" and any(
            set(derived.get(s, ())) & {"VB", "VBP"} for s in gerund_stems(key)
        ):
            add(key, "VBG")
    return derived


HEADER = """\
# Part-of-speech lexicon for kestrel-text, generated by scripts/import_textblob_lexicon.py.
# Do not edit by hand: change the script and regenerate.
#
# Format: one word per line, `word<TAB>TAG[ TAG...]`.
#   word  ASCII lower-case (the tagger looks words up through the lower-cased document);
#   TAGs  Penn Treebank tags (PRP$ and WP$ spelled as in Penn); the first is the source's tag
#         for the word, the rest are alternatives the contextual rules may choose instead:
#         derived from the lexicon's own inflected forms (visit NN VB, attacks NNS VBZ,
#         visited VBD VBN), or NNP when a capitalised variant is a proper noun (may MD NNP).
# Words that are only ever proper nouns, numbers, punctuation, abbreviations and clitics
# are left out: the tokenizer and tagger rules handle them. British -ise/-yse spellings are
# added for the source's -ize/-yze words (criticise, organisation). The few entries the
# source gets wrong or leaves short are replaced by the script's CORRECTIONS (briefly RB,
# visiting VBG JJ, crossing, shelling, shipping and smuggling NN VBG, call and push VB NN).
#
# Source: textblob {version} (MIT licence, Copyright Steven Loria and contributors),
# textblob/en/en-lexicon.txt: Brill's rule-based tagger lexicon v1.14 (Copyright 1993 by the
# Massachusetts Institute of Technology and the University of Pennsylvania, MIT licence),
# with additional words from the CMU Twitter Part-of-Speech Annotated Data (Gimpel et al.
# 2011, Carnegie Mellon University, CC-BY 3.0).
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="textblob wheel (.whl) or en-lexicon.txt")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "data" / "text" / "pos-lexicon.tsv",
    )
    args = parser.parse_args()
    version = "(unknown version)"
    match = re.search(r"textblob-([0-9][^-]*)-", args.source.name)
    if match:
        version = match.group(1)
    lexicon = merge_case_variants(parse(read_lexicon_text(args.source)))
    lexicon.update(CORRECTIONS)
    add_british_spellings(lexicon)
    derived = derive_alternatives(lexicon)
    lines = [HEADER.format(version=version)]
    for key in sorted(derived):
        lines.append(f"{key}\t{' '.join(derived[key])}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {len(derived)} entries to {args.out}")


if __name__ == "__main__":
    main()

"""Development sets beyond ../shared/corpus, rebuilt from public git copies (run on purpose).

    python benchmarks/devsets.py build OUT_ROOT [--geoparsing GIT_DIR] [--conll GIT_DIR] [--bbc GIT_DIR]
    python benchmarks/devsets.py split SET_DIR... [--out ROOT]
    python ../shared/eval/score.py OUT_ROOT/lgl-tune --project .

A set is a folder of NAME.txt + NAME.gold.json pairs, as ../shared/eval/score.py reads them. The
data belong to others: keep OUT_ROOT outside this repository (e.g. /work/devdata). `build` reads
each git directory (bare or .git) at HEAD and writes under OUT_ROOT:
  geowebnews/, lgl/   `places` gold, toponyms with coordinates only: GeoWebNews (200 web news
                      articles) and LGL (588 local US news articles), from milangritta/
                      Pragmatic-Guide-to-Geoparsing-Evaluation (data/GWN.xml, data/Corpora/lgl.xml)
  conll-test/         `entities` gold: CoNLL-2003 English test, 231 Reuters documents, PER/ORG/LOC
                      (MISC left out), from a copy in CoNLL column format (--conll-path)
  conll-valid/        the same for CoNLL-2003's validation file, 216 Reuters documents of other
                      days (--conll-valid-path): a second newswire set, for checking a change to
                      names on text no rule was read on
  bbc-nonconflict/    BBC News (Greene and Cunningham 2006): 50 each of sport, tech, entertainment
  bbc-politics/       and business, and 50 of politics, in sha256 order of the file id; `places` gold
                      with no places, so the scorer counts only events (violent ones: false alarms)
`split` makes SET-tune/ and SET-check/ (beside SET, or under --out) of symlinks to each pair: tune
when sha256 of the .txt name is even, so a file keeps its half as a set grows.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

Gold = dict[str, Any]
Place = dict[str, Any]
Pair = tuple[str, str, Gold]  # (NAME, text, gold)

GEOPARSING = "milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation"
GEO_LICENCE = ("text: {what}, copyright its publisher; annotations: {corpus}, as distributed in "
               f"{GEOPARSING} under GPL-3.0")
# GeoWebNews types that name a place by a proper noun.  Left out: expressions ("the city"),
# non-toponyms, demonyms, languages, homonyms, adjectives ("Syrian forces"), and names embedded
# in a longer non-place name ("Louisiana Purchase"): the GeoVirus gold has none of these either.
GWN_TYPES = {"Literal", "Mixed", "Coercion", "Literal_Modifier", "Metonymic", "Non_Literal_Modifier"}
BBC_SETS = {"bbc-nonconflict": ("sport", "tech", "entertainment", "business"), "bbc-politics": ("politics",)}


# ---------------------------------------------------------------- git and writing

def head(git_dir: Path) -> str:
    return subprocess.run(["git", f"--git-dir={git_dir}", "rev-parse", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()


def read_files(git_dir: Path, commit: str, paths: Iterable[str]) -> dict[str, bytes]:
    """Many blobs in one `git cat-file --batch` call (the BBC set is 2,225 small files)."""
    paths = list(paths)
    request = "".join(f"{commit}:{p}\n" for p in paths).encode()
    out = subprocess.run(["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
                         input=request, capture_output=True, check=True).stdout
    blobs, pos = {}, 0
    for path in paths:
        header_end = out.index(b"\n", pos)
        header = out[pos:header_end].split()
        if header[-1] == b"missing":
            sys.exit(f"{git_dir}: no {path} at {commit}")
        size = int(header[2])
        blobs[path] = out[header_end + 1:header_end + 1 + size]
        pos = header_end + 1 + size + 1  # the blob is followed by a newline
    return blobs


def slug(title: str, width: int = 48) -> str:
    """File-name words of a title, cut at a word boundary, like the wikinews-geovirus names."""
    out = ""
    for word in re.findall(r"[a-z0-9]+", title.casefold()):
        if len(out) + len(word) + 1 > width:
            break
        out = f"{out}-{word}" if out else word
    return out or "untitled"


def dump_gold(gold: Gold) -> str:
    """Indented JSON with one mention a line, as in ../shared/corpus, so a diff shows mentions."""
    items = []
    for key, value in gold.items():
        if isinstance(value, list) and value:
            inner = ",\n".join("  " + json.dumps(v, ensure_ascii=False) for v in value)
            items.append(f" {json.dumps(key)}: [\n{inner}\n ]")
        else:
            items.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(items) + "\n}\n"


def write_set(out: Path, pairs: Iterable[Pair]) -> int:
    """Replace the pairs in OUT; every mention is checked against the text it points into."""
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.gold.json"), *out.glob("*.txt")]:
        old.unlink()
    n = 0
    for name, text, gold in pairs:
        wrong = [m for key in ("places", "entities") for m in gold.get(key) or []
                 if text[m["start"]:m["end"]] != m["text"]]
        if wrong or not text.endswith("\n") or text.endswith("\n\n"):
            sys.exit(f"{out / name}: the text must end with one newline; mentions off their text: {wrong[:3]}")
        # newline="" keeps the text byte for byte: the offsets count no newline translation
        (out / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        (out / f"{name}.gold.json").write_text(dump_gold({"file": f"{name}.txt", **gold}), encoding="utf-8")
        n += 1
    return n


def cp1252(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        return match.group()


def body(raw: str) -> tuple[str, int]:
    """The text with surrounding whitespace cut and one final newline, and the shift of offsets.
    C1 controls are Windows-1252 read as Latin-1 (LGL has U+0097 for an em dash): each becomes
    its one cp1252 character, so offsets hold, and U+0085 no longer splits the scorer's lines."""
    stripped = re.sub("[\x80-\x9f]", cp1252, raw.lstrip())
    return stripped.rstrip() + "\n", len(raw) - len(raw.lstrip())


# ---------------------------------------------------------------- GeoWebNews and LGL (places)

def gwn_toponym(top: ET.Element) -> tuple[str | None, Place]:
    """A GeoWebNews toponym, and why it is left out (None if it is not)."""
    kind, geonames = top.findtext("type") or "", top.findtext("geonamesID")
    place = {"text": top.findtext("extractedName") or "", "start": int(top.findtext("start") or 0),
             "end": int(top.findtext("end") or 0), "lat": top.findtext("latitude"),
             "lon": top.findtext("longitude"), "wikipedia": None,
             "geonames": int(geonames) if geonames else None, "type": kind}
    return ("type " + kind if kind not in GWN_TYPES else
            "adjective" if top.findtext("modifierType") == "Adjective" else None), place


def lgl_toponym(top: ET.Element) -> tuple[str | None, Place]:
    gaz = top.find("gaztag")
    gaz = gaz if gaz is not None else ET.Element("gaztag")  # no gazetteer entry: no coordinates
    return None, {"text": top.findtext("phrase") or "", "start": int(top.findtext("start") or 0),
                  "end": int(top.findtext("end") or 0), "lat": gaz.findtext("lat"), "lon": gaz.findtext("lon"),
                  "wikipedia": None, "geonames": int(gaz.get("geonameid") or 0) or None}


def checked_places(article: ET.Element, text: str, shift: int, read: Callable[[ET.Element], tuple[str | None, Place]],
                   drops: collections.Counter[str]) -> list[Place]:
    """The article's toponyms that have coordinates and whose offsets (shifted) hit their text."""
    places = []
    for top in article.iter("toponym"):
        reason, place = read(top)
        place["start"] -= shift
        place["end"] -= shift
        if reason is None and not (place["lat"] and place["lon"]):
            reason = "no coordinates"
        elif reason is None and text[place["start"]:place["end"]] != place["text"]:
            reason = "offsets do not match the text"
        drops[reason or " ".join(["kept", *filter(None, [place.get("type")])])] += 1
        if reason is None:
            place["lat"], place["lon"] = float(place["lat"]), float(place["lon"])
            places.append(place)
    return sorted(places, key=lambda p: (p["start"], p["end"]))


def geowebnews(xml: bytes, source: str, drops: collections.Counter[str]) -> Iterator[Pair]:
    for article in ET.fromstring(xml).iter("article"):
        text, shift = body(article.findtext("text") or "")
        doc_id, title = article.get("file") or "", article.findtext("title") or ""
        yield f"{int(doc_id):03d}-{slug(title)}", text, {
            "doc_id": f"GeoWebNews {doc_id}", "title": title, "url": article.findtext("link"),
            "licence": GEO_LICENCE.format(what="the web page at url", corpus="GeoWebNews (Gritta et al. 2019)"),
            "source": source, "places": checked_places(article, text, shift, gwn_toponym, drops)}


def lgl(xml: bytes, source: str, drops: collections.Counter[str]) -> Iterator[Pair]:
    for n, article in enumerate(ET.fromstring(xml).iter("article"), 1):
        text, shift = body(article.findtext("text") or "")
        title = article.findtext("title") or ""
        # the download time goes in 'dltime', not 'date': the scorer would make one call per date
        yield f"{n:03d}-{slug(title)}", text, {
            "doc_id": f"LGL {article.get('docid')}", "title": title, "url": article.findtext("url"),
            "domain": article.findtext("domain"), "dltime": article.findtext("dltime"),
            "licence": GEO_LICENCE.format(what="the news page at url", corpus="LGL (Lieberman et al. 2010)"),
            "source": source, "places": checked_places(article, text, shift, lgl_toponym, drops)}


# ---------------------------------------------------------------- CoNLL-2003 (entities)

CONLL_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}  # MISC is not scored
NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "'s", "'S", "n't", "N'T",
                   "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}
SENTENCE_END = {".", "?", "!", '"', "'"}

Sentence = list[tuple[str, str]]  # (token, NER tag)


def conll_docs(raw: str) -> list[list[Sentence]]:
    """Documents split at -DOCSTART-, sentences at blank lines; the tag is the last column."""
    docs: list[list[Sentence]] = []
    sentence: Sentence = []
    for line in [*raw.splitlines(), ""]:
        cols = line.split()
        if cols and cols[0] == "-DOCSTART-":
            docs.append([])
        elif cols:
            sentence.append((cols[0], cols[-1]))
        elif sentence:
            docs[-1].append(sentence)
            sentence = []
    return docs


def merge_quotes(doc: list[Sentence]) -> list[Sentence]:
    """Reuters writes some quotation marks as two apostrophe tokens (' '), at times split over two
    sentences: make each pair one '"' token (quotes are never inside a name)."""
    out: list[Sentence] = []
    for sentence in doc:
        merged: Sentence = []
        for token, tag in sentence:
            before = merged or (out[-1] if out else [])
            if token == "'" and tag == "O" and before and before[-1] == ("'", "O"):
                before[-1] = ('"', "O")
            else:
                merged.append((token, tag))
        if merged:
            out.append(merged)
    return out


def is_closing_quote(prev: str, nxt: str, quote_open: bool) -> bool:
    """A '"' token opens a quotation at a sentence start or after a colon, closes one after a
    comma or before punctuation, and otherwise goes by count.  Counting alone drifts: Reuters
    leaves a quotation open where it runs on into the next paragraph."""
    if not prev or prev == ":":
        return False
    if prev == "," or nxt in ("", ",", ".") or nxt in NO_SPACE_BEFORE:
        return True
    return quote_open


def name_spans(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names in one sentence's (start, end, tag) tokens, IOB1 or IOB2 alike: B- always starts a
    name; I- continues a name of its own type, else starts one."""
    spans: list[tuple[int, int, str]] = []
    prev_kind = None
    for start, end, tag in tokens:
        kind = tag[2:] if tag != "O" else None
        if kind and kind == prev_kind and not tag.startswith("B-"):
            spans[-1] = (spans[-1][0], end, kind)
        elif kind:
            spans.append((start, end, kind))
        prev_kind = kind
    return spans


def render_doc(doc: list[Sentence]) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text of a document and its PER/ORG/LOC spans.  The headline stands alone; sentences
    that end like prose join into one paragraph; other lines (bylines, datelines, result tables)
    keep a line each, in a paragraph of their own."""
    text, spans, quote_open, prev_prose = "", [], False, False
    for k, sentence in enumerate(merge_quotes(doc)):
        prose = k > 0 and sentence[-1][0] in SENTENCE_END
        if k > 0:
            text += " " if prose and prev_prose else "\n\n" if k == 1 or prose != prev_prose else "\n"
        prev_prose, glue, tokens = prose, True, []
        for i, (token, tag) in enumerate(sentence):
            prev = sentence[i - 1][0] if i else ""
            nxt = sentence[i + 1][0] if i + 1 < len(sentence) else ""
            closing = (token == '"' and is_closing_quote(prev, nxt, quote_open)) or (
                token == "'" and (prev[-1:] in ("s", "S") or prev in NO_SPACE_BEFORE))
            if not glue and token not in NO_SPACE_BEFORE and not closing:
                text += " "
            tokens.append((len(text), len(text) + len(token), tag))
            text += token
            if token == '"':
                quote_open = not closing
            glue = token in NO_SPACE_AFTER or (token in ('"', "'") and not closing)  # an opening quote
        spans += name_spans(tokens)
    return text + "\n", [s for s in spans if s[2] in CONLL_TYPES]


def conll(raw: str, source: str, part: str = "test") -> Iterator[Pair]:
    for n, doc in enumerate(conll_docs(raw), 1):
        text, spans = render_doc(doc)
        clusters: dict[tuple[str, str], int] = {}  # no coreference in CoNLL: one chain per same name
        entities = []
        for start, end, kind in spans:
            cluster = clusters.setdefault((kind, text[start:end]), len(clusters) + 1)
            entities.append({"text": text[start:end], "start": start, "end": end, "type": CONLL_TYPES[kind],
                             "identity": None, "cluster": cluster})
        headline = text.partition("\n")[0]
        yield f"{n:03d}-{slug(headline)}", text, {
            "doc_id": f"conll2003-{part}-{n:03d}", "source": source, "entities": entities, "nominal": []}


# ---------------------------------------------------------------- BBC News (false alarms)

def bbc(blobs: dict[str, bytes], categories: Iterable[str], per_category: int, source: str) -> Iterator[Pair]:
    """Articles in sha256 order of their file id ('sport/001.txt'); a text that repeats one
    already taken is skipped (the dataset holds a few duplicates)."""
    for category in categories:
        ids = sorted((p.split("/", 1)[1] for p in blobs if p.startswith(f"bbc/{category}/")),
                     key=lambda i: hashlib.sha256(i.encode()).hexdigest())
        taken: set[str] = set()
        for file_id in ids:
            if len(taken) == per_category:
                break
            raw = blobs[f"bbc/{file_id}"]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:  # the dataset's own download is Latin-1
                text = raw.decode("latin-1")
            text = body(text.replace("\r\n", "\n"))[0]
            if text in taken:
                continue
            taken.add(text)
            yield file_id[:-len(".txt")].replace("/", "-"), text, {
                "kind": "places", "doc_id": file_id, "category": category, "title": text.split("\n", 1)[0],
                "licence": "text: BBC News, copyright the BBC, as distributed by Greene and Cunningham (2006)",
                "source": source, "places": []}


# ---------------------------------------------------------------- commands

def build(args: argparse.Namespace) -> None:
    root: Path = args.out_root
    if args.geoparsing:
        commit = head(args.geoparsing)
        blobs = read_files(args.geoparsing, commit, ["data/GWN.xml", "data/Corpora/lgl.xml"])
        for name, make, path in (("geowebnews", geowebnews, "data/GWN.xml"), ("lgl", lgl, "data/Corpora/lgl.xml")):
            drops: collections.Counter[str] = collections.Counter()
            n = write_set(root / name, make(blobs[path], f"{GEOPARSING}@{commit}:{path}", drops))
            print(f"{name}: {n} articles; toponyms: " + ", ".join(f"{k} {v}" for k, v in sorted(drops.items())))
    if args.conll:
        commit = head(args.conll)
        for part, path in (("test", args.conll_path), ("valid", args.conll_valid_path)):
            raw = read_files(args.conll, commit, [path])[path].decode("utf-8")
            n = write_set(root / f"conll-{part}", conll(raw, f"{args.conll_repo}@{commit}:{path}", part))
            print(f"conll-{part}: {n} documents")
    if args.bbc:
        commit = head(args.bbc)
        listing = subprocess.run(["git", f"--git-dir={args.bbc}", "ls-tree", "-r", "--name-only", commit, "bbc/"],
                                 capture_output=True, text=True, check=True).stdout.split()
        blobs = read_files(args.bbc, commit, [p for p in listing if p.count("/") == 2])  # bbc/CATEGORY/NNN.txt
        for name, categories in BBC_SETS.items():
            n = write_set(root / name, bbc(blobs, categories, args.per_category, f"{args.bbc_repo}@{commit}:bbc/"))
            print(f"{name}: {n} articles")


def split(args: argparse.Namespace) -> None:
    for set_dir in args.set_dirs:
        halves = {h: (args.out or set_dir.parent) / f"{set_dir.name}-{h}" for h in ("tune", "check")}
        for half in halves.values():
            half.mkdir(parents=True, exist_ok=True)
            for old in half.iterdir():
                if not old.is_symlink():
                    sys.exit(f"{old} is not a symlink: refusing to clear {half}")
                old.unlink()
        counts: collections.Counter[str] = collections.Counter()
        for gold_path in sorted(set_dir.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            txt = gold.get("file") or gold_path.name[:-len(".gold.json")] + ".txt"
            half = "tune" if int(hashlib.sha256(txt.encode()).hexdigest(), 16) % 2 == 0 else "check"
            for path in (gold_path, set_dir / txt):
                (halves[half] / path.name).symlink_to(path.resolve())
            counts[half] += 1
        print(f"{set_dir.name}: tune {counts['tune']}, check {counts['check']} -> {halves['tune'].parent}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="(re)build the sets from git copies of their sources")
    b.add_argument("out_root", type=Path, help="where the set folders go (outside this repository)")
    b.add_argument("--geoparsing", type=Path, metavar="GIT_DIR", help=f"a git copy of {GEOPARSING}")
    b.add_argument("--conll", type=Path, metavar="GIT_DIR", help="a git copy holding CoNLL-2003 English test and valid")
    b.add_argument("--conll-path", default="conll2003/test.txt", help="the test file in it (default: %(default)s)")
    b.add_argument("--conll-valid-path", default="conll2003/valid.txt",
                   help="the validation file in it (default: %(default)s)")
    b.add_argument("--conll-repo", default="heathher/Named-Entity-Recognition", help="its name, for 'source'")
    b.add_argument("--bbc", type=Path, metavar="GIT_DIR", help="a git copy holding bbc/CATEGORY/NNN.txt")
    b.add_argument("--bbc-repo", default="dejanbatanjac/bbc-article-classify-bert", help="its name, for 'source'")
    b.add_argument("--per-category", type=int, default=50, help="BBC articles per category (default: 50)")
    b.set_defaults(run=build)
    s = commands.add_parser("split", help="make SET-tune/ and SET-check/ halves of symlinks")
    s.add_argument("set_dirs", type=Path, nargs="+", metavar="SET_DIR")
    s.add_argument("--out", type=Path, help="put the halves here instead of beside each set")
    s.set_defaults(run=split)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()

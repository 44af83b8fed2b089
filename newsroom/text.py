"""Small pure helpers on strings: slugs and the normal form used to compare names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
# Arabic article spellings news agencies transliterate differently: al-, el-, az-, ez-, as-, ...
_ARABIC_ARTICLE = re.compile(r"\b(?:a|e)[lnrstdz]{1,2}[- ](?=\w)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|s')$")


def fold(value: str) -> str:
    """Strip diacritics and unify apostrophes/dashes; keeps case."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same few names again and again per article
def name_key(name: str) -> str:
    """The form two spellings of one name share: 'Deir Az Zor' and 'Deir al-Zor' -> 'deir zor'.

    Case, diacritics, possessives, hyphens and Arabic articles (al-/az-/ez-/as-) are dropped,
    and the common Deir/Dayr, Zor/Zawr transliteration pairs are unified, because news
    agencies spell one Arabic name in all these ways.
    """
    text = fold(name).strip()
    text = _POSSESSIVE.sub("", text)
    text = _ARABIC_ARTICLE.sub("", " " + text).strip()
    text = re.sub(r"[^\w\s]", " ", text.lower())
    words = [_TRANSLIT.get(w, w) for w in text.split()]
    # Final -ah/-a alternate freely (Sukhnah/Sukhna, Raqqah/Raqqa).
    words = [w[:-1] if len(w) > 4 and w.endswith("ah") else w for w in words]
    return " ".join(w for w in words if w not in {"the"})


def spelling_skeleton(key: str) -> str:
    """What is left of a name key when the ways one South Asian or Burmese name is written in
    Latin letters are set aside: spaces ('Chapai Nawabganj', 'Chapainawabganj'), an h after a
    consonant ('Shakargarh', 'Shakarghar'), doubled letters, which vowels ('Nepalgunj',
    'Nepalganj'; 'Kyaukme', 'Kyawkme') and a final vowel. Used only where the key itself names
    no place, and only for places in the story's countries: skeletons of short names collide."""
    letters = _NOT_A_LETTER.sub("", key.replace("aw", "au"))
    letters = _ASPIRATED.sub("", letters)
    letters = _DOUBLED.sub("", letters)
    letters = _VOWELS.sub("a", letters)
    return letters[:-1] if len(letters) > 4 and letters.endswith("a") else letters


_NOT_A_LETTER = re.compile(r"[^a-z]")
# Lookarounds rather than groups put back by a template: the index's half a million names are
# skeletonised in one go, and expanding a template per match was half the time.
_ASPIRATED = re.compile(r"(?<=[bcdgjkprstz])h")  # an h after one of these consonants
_DOUBLED = re.compile(r"(.)(?=\1)")  # every letter but the last of a run
_VOWELS = re.compile(r"[aeiou]+")


_TRANSLIT = {"dayr": "deir", "dair": "deir", "zawr": "zor", "zour": "zor", "el": "", "al": ""}


def whole_word_spans(text: str, form: str) -> list[tuple[int, int]]:
    """Where `form` stands in `text` as whole words (no letter, digit, '_' or '-' against either
    end), left to right, not overlapping: what `(?<![\\w-])form(?![\\w-])` finds, without a
    regular expression compiled for every name an article repeats."""
    out: list[tuple[int, int]] = []
    at = text.find(form)
    while at >= 0 and form:
        end = at + len(form)
        if not _joins(text[at - 1:at]) and not _joins(text[end:end + 1]):
            out.append((at, end))
            at = text.find(form, end)
        else:
            at = text.find(form, at + 1)
    return out


def _joins(char: str) -> bool:
    return char.isalnum() or char in ("_", "-")


def slugify(value: str, max_length: int = 80) -> str:
    """URL slug: ASCII, lower case, words joined by '-', never empty, never a path."""
    text = fold(value).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_length:
        text = text[:max_length].rsplit("-", 1)[0]
    return text or "untitled"


def unique_slug(base: str, taken: Container[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not taken yet."""
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def is_slug(value: str) -> bool:
    """True for a safe slug: no '/', no '..', no absolute path, nothing but [a-z0-9-]."""
    return bool(SLUG_RE.fullmatch(value))  # fullmatch: "acme\n" is not a slug, whatever "$" allows


# Characters no text field may hold: C0 and C1 controls but tab and line breaks (XML 1.0 refuses
# them: one in a title broke the Atom feeds), lone surrogates (a YAML "\ud83d" escape: no UTF-8
# file can hold one, and MkDocs drops the front matter of a page whose title has one) and the
# two non-characters XML refuses.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _cp1252(code: int) -> str | None:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:  # five bytes Windows-1252 leaves undefined
        return None


# Text once written in Windows-1252 and read as Latin-1 holds C1 control characters where its
# quotes and dashes were ('Tripoli\x92s Abu Sleem'). Read one for one, so offsets stay put.
_C1_AS_CP1252 = {code: char for code in range(0x80, 0xA0) if (char := _cp1252(code)) is not None}


# Space separators other than the space (no-break, thin, narrow no-break, ideographic...): web
# copy puts them between words ('petrol\xa0bombs'), where the parser takes each for a token of
# its own and no phrase of a word list or pattern matches across it. Read one for one as spaces.
_SPACE_SEPARATORS = {code: " " for code in range(0x80, 0x3001) if unicodedata.category(chr(code)) == "Zs"}
_AS_READ = {**_C1_AS_CP1252, **_SPACE_SEPARATORS}


def as_read(text: str) -> str:
    """`text` as the model reads it, in one pass and offsets unchanged: each C1 control character
    that Windows-1252 defines as its character, and every space separator as a plain space."""
    return text.translate(_AS_READ)


def without_controls(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def escape_controls(text: str) -> str:
    """`text` with each control character written as \\uXXXX: safe to print to a terminal."""
    return CONTROL_CHARACTERS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

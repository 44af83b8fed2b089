"""A small archive with one defect a file, beside good files: what issue 14 found broken, as
content. Shared by the validation tests (check, in-process) and one build of it."""

from __future__ import annotations

from pathlib import Path

from .conftest import copy_project

GOOD = """---
title: Good article
seed: good.txt
date: 2020-01-02
actors:
- id: acme
  mentions: [Acme]
- id: beta
  mentions: [Beta]
places:
- id: paris
  mentions: [Paris]
- id: nan-town
  mentions: [Nan Town]
- id: far-away
  mentions: [Far Away]
events:
- id: good-1
  type: Battles
  sub_type: Armed clash
  actors: [acme, beta]
  place: paris
  evidence: Acme fought Beta in Paris on Monday.
---
Acme fought Beta in Paris on Monday.
Nan Town and Far Away were quiet.
"""


def _article(title: str, event: str = "", head: str = "", story: str = "Acme fought Beta in Paris on Monday.\n",
             date: str = "2020-01-03") -> str:
    return (f"---\ntitle: {title}\nseed: x.txt\ndate: {date}\n{head}actors:\n- id: acme\n  mentions: [Acme]\n"
            + (f"events:\n{event}" if event else "") + f"---\n{story}")


BAD_FILES: dict[str, str] = {
    "articles/impossible-date.md": _article("Impossible date", date="2017-02-30"),
    "articles/date-out-of-range.md": _article("Date out of range", date='"2099-99-99"'),
    "places/nan-town.yml": "name: Nan Town\nkind: town\nlat: .nan\nlon: 2.35\n",
    "places/far-away.yml": "name: Far Away\nkind: town\nlat: 100\nlon: -200.5\n",
    "articles/control-title.md": _article('"Bell\\a rings"'),
    "articles/event-typos.md": _article("Event typos", "- id: typos-1\n  type: Battles\n  sub_type: Armed clsh\n"
                                        "  actors: [acme, acm]\n  place: pariss\n  according_to: betta\n"
                                        "  evidence: Acme fought Beta in Paris on Monday.\n"),
    "articles/edited-evidence.md": _article("Edited evidence", "- id: edited-1\n  type: Battles\n"
                                            "  evidence: Acme fought Beta in Paris on a Monday.\n"
                                            "- id: edited-2\n  type: Battles\n"
                                            "  evidence: Nothing of the kind was ever written.\n"),
    "articles/second-claim.md": _article("Second claim", "- id: good-1\n  type: Battles\n"
                                         "  evidence: Acme fought Beta in Paris on Monday.\n"),
    "articles/unsafe-ids.md": _article("Unsafe ids", "- id: ../escape\n  type: Battles\n"
                                       "  evidence: Acme fought Beta in Paris on Monday.\n",
                                       head="redirect_from: [x]\n"),
    "actors/unsafe-redirect.yml": "name: Unsafe Redirect\nkind: company\nredirect_from: ['../../mkdocs']\n",
    "actors/lonely.yml": "name: Lonely\nkind: company\n",
}

# Valid, but once broken on the site or in the exports.
ODD_FILES: dict[str, str] = {
    "articles/emoji-title.md": _article("Fire 🔥 at the depot"),
    "articles/formula-cells.md": _article("Formula cells", "- id: formula-1\n  type: Battles\n  when: '=1+2'\n"
                                          "  actors: [formula-actor]\n"
                                          "  evidence: Acme fought Beta in Paris on Monday.\n",
                                          head="credit: '-2+3'\n").replace(
        "- id: acme\n", "- id: formula-actor\n  mentions: ['@SUM']\n- id: acme\n"),
    "actors/formula-actor.yml": "name: '@SUM(1+1)'\nkind: company\n",
}


def hostile_project(root: Path) -> Path:
    """A project (mkdocs.yml, build.py, templates...) whose content/ is the hostile archive,
    with a link in content/actors/ to a file outside the archive."""
    project = copy_project(root, with_content=False)
    content = project / "content"
    (content / "actors" / "acme.yml").write_text("name: Acme\nkind: company\n", encoding="utf-8")
    (content / "actors" / "beta.yml").write_text("name: Beta\nkind: company\n", encoding="utf-8")
    (content / "places" / "paris.yml").write_text("name: Paris\nkind: city\nlat: 48.85\nlon: 2.35\n",
                                                  encoding="utf-8")
    (content / "articles" / "good-article.md").write_text(GOOD, encoding="utf-8")
    for name, text in {**BAD_FILES, **ODD_FILES}.items():
        (content / name).write_text(text, encoding="utf-8")
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text("name: Secret\nkind: company\n", encoding="utf-8")
    (content / "actors" / "outside-link.yml").symlink_to(outside / "secret.yml")
    return project

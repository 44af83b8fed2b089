"""The archive at 1,000 and 10,000 articles beside its peers, measured in one run (on purpose,
never in tests; a 10,000-article run takes about an hour on 2 cores).

    .venv/bin/python benchmarks/scale.py 1000 10000 [--work /tmp/newsroom-scale] [--sample 1000]
    .venv/bin/python benchmarks/scale.py 10000 --only serve|search|pages|annotation [--site DIR]

The second form repeats one measurement on what a full run left in WORK/N (minutes, not an hour).

For each size, in WORK/N/ (kept, so a second run reuses the annotated archive):
  1. a deterministic archive of N raw articles (benchmarks/generate_archive.py);
  2. annotation throughput on the first --sample articles, model loaded once: spaCy's own
     nlp.pipe on the same text, then the annotator on 1 and on 2 processes;
  3. `build.py annotate` of the whole archive (every core), then a re-run with nothing
     changed (seconds before MkDocs could start, articles re-annotated);
  4. `mkdocs build --strict` of the archive beside plain MkDocs building as many pages of
     plain Markdown (the same theme, navigation of indexes only), wall time and peak memory;
     then Pagefind over each site;
  5. page weight of article pages, and what one search query transfers in headless
     Chromium (Pagefind's entry, wasm, index chunks, fragments of the shown results);
  6. `build.py serve` (mkdocs serve --dirty): seconds from a front-matter edit to the page
     served with the edit.
Peer figures from ../shared/PERFORMANCE-NOTES.md: spaCy ~5,100 words/s on a core; MkDocs
with Material and no search ~3.7 ms a page (1,000: 3.8 s / 52 MB; 5,000: 18.4 s / 118 MB).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(argv: list[str], cwd: Path) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB of the command and its children, output) via GNU time."""
    proc = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M", *argv], cwd=cwd, env=ENV,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    wall, kb = re.findall(r"TIME ([\d.]+) (\d+)", proc.stderr)[-1]
    return float(wall), int(kb) / 1024, proc.stdout + proc.stderr


def project_for(work: Path, count: int) -> Path:
    from generate_archive import generate

    seeds = work / "seeds"
    if len(list(seeds.glob("*.txt"))) != count:
        shutil.rmtree(seeds, ignore_errors=True)
        generate(count, seeds)
    project = work / "project"
    project.mkdir(parents=True, exist_ok=True)
    for name in ("build.py", "mkdocs.yml"):
        shutil.copy2(ROOT / name, project / name)
    for name in ("templates", "docs"):
        shutil.rmtree(project / name, ignore_errors=True)
        shutil.copytree(ROOT / name, project / name)
    (project / "content").mkdir(exist_ok=True)
    if not (project / "seeds").exists():
        (project / "seeds").symlink_to(seeds)
    return project


def annotation_throughput(seeds: list[Path]) -> dict[str, float]:
    from newsroom.annotate.parallel import annotate_all
    from newsroom.cli.loading import load_annotator

    texts = [p.read_text(encoding="utf-8") for p in seeds]
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    annotator = load_annotator()
    out = {"load_s": time.perf_counter() - started, "words": words, "articles": len(texts)}
    started = time.perf_counter()
    for _ in annotator.nlp.pipe(texts, batch_size=64):
        pass
    out["spacy_s"] = time.perf_counter() - started
    for processes in (1, 2):
        started = time.perf_counter()
        for _ in annotate_all(annotator, [(t, None) for t in texts], processes):
            pass
        out[f"ours_{processes}_s"] = time.perf_counter() - started
    return out


def plain_mkdocs(work: Path, pages: int, seeds: list[Path]) -> Path:
    """As many pages of plain Markdown as the archive site has, each an article's text with
    five links to others: what MkDocs alone costs for this page count."""
    plain = work / "plain"
    shutil.rmtree(plain, ignore_errors=True)
    (plain / "docs" / "p").mkdir(parents=True)
    for i in range(pages):
        title, _, body = seeds[i % len(seeds)].read_text(encoding="utf-8").partition("\n")
        links = "".join(f"- [page {(i * 7 + k) % pages}](../{(i * 7 + k) % pages:05d}/)\n" for k in range(1, 6))
        (plain / "docs" / "p" / f"{i:05d}.md").write_text(f"# {title}\n\n{body}\n\n{links}", encoding="utf-8")
    (plain / "docs" / "index.md").write_text("# Plain MkDocs\n", encoding="utf-8")
    (plain / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  font: false\n  features: [navigation.tabs]\n"
        "nav:\n  - Home: index.md\nvalidation:\n  nav:\n    omitted_files: ignore\n  links:\n"
        "    unrecognized_links: ignore\n", encoding="utf-8")
    return plain


def serve_static(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def search_payload(site: Path, queries: list[str]) -> dict[str, dict[str, int]]:
    """Bytes loaded for search (/pagefind/ and the filter choices in exports/facets.json) for
    each query typed into the search page: as served here
    (no compression) and as a static host that gzips text sends them (Pagefind's index files
    are gzip already and are counted as they are)."""
    import gzip

    from playwright.sync_api import sync_playwright

    server, url = serve_static(site)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    out = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                                 args=flags)
            for query in queries:
                page = browser.new_page()  # a fresh page: nothing cached from the last query
                sizes: list[tuple[int, int]] = []

                def loaded(request: object, sizes: list[tuple[int, int]] = sizes) -> None:  # this page's list
                    response = request.response()  # type: ignore[attr-defined]
                    wanted = "/pagefind/" in request.url or request.url.endswith("/facets.json")  # type: ignore[attr-defined]
                    if wanted and response is not None:
                        body = response.body()
                        sizes.append((len(body), min(len(body), len(gzip.compress(body, 6)))))

                page.on("requestfinished", loaded)
                page.goto(f"{url}/search/")
                page.fill("#nr-q", query)
                page.wait_for_selector(".nr-result-link", timeout=30_000)
                page.wait_for_timeout(1500)  # the shown results' fragments
                out[query] = {"raw": sum(r for r, _ in sizes), "gzip": sum(g for _, g in sizes),
                              "files": len(sizes)}
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return out


def serve_edit_latency(project: Path) -> tuple[float, float]:
    """(seconds to the first served page, seconds from a front-matter edit to the edit served)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    articles = sorted((project / "content" / "articles").glob("*.md"))
    article = articles[len(articles) // 2]
    page = f"http://127.0.0.1:{port}/articles/{article.stem}/"
    started = time.perf_counter()
    proc = subprocess.Popen([PY, "build.py", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    original = article.read_text(encoding="utf-8")
    try:
        _wait_for(page, lambda text: True, timeout=3600)
        first = time.perf_counter() - started
        marker = f"Edited {int(time.time())}"
        edited = original.replace("\ntitle: ", f"\ntitle: {marker} ", 1)
        assert edited != original
        started = time.perf_counter()
        article.write_text(edited, encoding="utf-8")
        _wait_for(page, lambda text: marker in text, timeout=600)
        return first, time.perf_counter() - started
    finally:
        article.write_text(original, encoding="utf-8")
        os.killpg(proc.pid, signal.SIGTERM)  # build.py and the mkdocs it started
        proc.wait()


def _wait_for(url: str, ok, timeout: float) -> str:
    import urllib.error
    import urllib.request

    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if ok(text):
                return text
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not become ready in {timeout} s")


def measure(count: int, work: Path, sample: int) -> dict[str, object]:
    project = project_for(work, count)
    seeds = sorted((work / "seeds").glob("*.txt"))
    row: dict[str, object] = {"articles": count}
    print(f"\n== {count} articles ==", flush=True)
    row["annotation"] = annotation_throughput(seeds[:sample])
    wall, mb, out = timed([PY, "build.py", "annotate"], project)
    row["annotate_all"] = {"wall_s": wall, "peak_mb": mb, "summary": out.strip().splitlines()[-1]}
    wall, mb, out = timed([PY, "build.py", "annotate"], project)
    row["rerun"] = {"wall_s": wall, "summary": out.strip().splitlines()[-1]}
    site = work / "site"
    wall, mb, _ = timed([PY, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], project)
    pages = sum(1 for _ in site.rglob("index.html"))
    row["build"] = {"wall_s": wall, "peak_mb": mb, "pages": pages}
    plain = plain_mkdocs(work, pages, seeds)
    wall, mb, _ = timed([PY, "-m", "mkdocs", "build", "-q", "-d", str(plain / "site")], plain)
    row["plain_mkdocs"] = {"wall_s": wall, "peak_mb": mb, "pages": sum(1 for _ in (plain / "site").rglob("index.html"))}
    for name, folder in (("pagefind", site), ("plain_pagefind", plain / "site")):
        wall, mb, _ = timed([PY, "-m", "pagefind", "--site", str(folder), "--silent"], work)
        files = list((folder / "pagefind").rglob("*"))
        row[name] = {"wall_s": wall, "peak_mb": mb,
                     "index_mb": sum(f.stat().st_size for f in files if f.is_file()) / 1e6}
    row["article_page_kb"] = article_page_kb(site)
    row["search_bytes"] = search_payload(site, QUERIES)
    first, edit = serve_edit_latency(project)
    row["serve"] = {"first_page_s": first, "edit_to_page_s": edit}
    (work / "figures.json").write_text(json.dumps(row, indent=1), encoding="utf-8")
    return row


QUERIES = ["said", "hospital", "government minister"]


def article_page_kb(site: Path) -> dict[str, float]:
    sizes = sorted(p.stat().st_size for p in (site / "articles").glob("*/index.html"))
    return {"median": statistics.median(sizes) / 1000, "p95": sizes[int(len(sizes) * 0.95)] / 1000,
            "max": sizes[-1] / 1000}


def measure_one(what: str, count: int, work: Path, sample: int, site: Path) -> None:
    """One measurement, on the archive (and its built site) that a full run left in `work`:
    for checking a change without the hour a full run takes. Printed as `report` prints it."""
    if what == "annotation":
        print("\n".join(_annotation_lines(annotation_throughput(sorted((work / "seeds").glob("*.txt"))[:sample]))))
    elif what == "pages":
        print(f"  {site}: " + _pages_line(article_page_kb(site)))
    elif what == "search":
        print(_search_line(search_payload(site, QUERIES)))
    else:
        first, edit = serve_edit_latency(project_for(work, count))
        print(_serve_line({"first_page_s": first, "edit_to_page_s": edit}))


def _annotation_lines(a: dict[str, Any]) -> list[str]:
    w = a["words"]
    lines = [f"  annotation on {a['articles']:,} articles ({w:,} words; model and gazetteer load "
             f"{a['load_s']:.1f} s, once)",
             f"  spaCy nlp.pipe, 1 process   {w / a['spacy_s']:8,.0f} words/s  {a['articles'] / a['spacy_s']:6.1f} "
             "articles/s  (peer: ~5,100 words/s)"]
    for n in (1, 2):
        t = a[f"ours_{n}_s"]
        ratio = f"{a['ours_1_s'] / t:.2f}x one process" if n == 2 else f"{a['spacy_s'] / t:.2f}x spaCy"
        lines.append(f"  newsroom, {n} process(es)     {w / t:8,.0f} words/s  {a['articles'] / t:6.1f} articles/s"
                     f"  = {ratio}")
    return lines


def _pages_line(k: dict[str, float]) -> str:
    return (f"article page HTML: median {k['median']:.1f} KB, p95 {k['p95']:.1f} KB, largest {k['max']:.1f} KB "
            "(limit 60 KB)")


def _search_line(search: dict[str, dict[str, int]]) -> str:
    return "  one search query loads: " + ", ".join(
        f"'{q}' {n['raw'] / 1000:.0f} kB ({n['gzip'] / 1000:.0f} kB gzipped, {n['files']} files)"
        for q, n in search.items()) + " (limit 300 kB)"


def _serve_line(s: dict[str, float]) -> str:
    return (f"  serve: first page after {s['first_page_s']:.1f} s; a front-matter edit served after "
            f"{s['edit_to_page_s']:.2f} s (limit 3 s)")


def report(row: dict[str, Any]) -> None:
    print(f"\n{row['articles']:,} articles:")
    print("\n".join(_annotation_lines(row["annotation"])))
    print(f"  whole archive: {row['annotate_all']['summary']}")
    print(f"  re-run, nothing changed: {row['rerun']['wall_s']:.2f} s  ({row['rerun']['summary']})")
    b, p = row["build"], row["plain_mkdocs"]
    print(f"  mkdocs build --strict: {b['pages']:,} pages {b['wall_s']:.1f} s, {b['peak_mb']:.0f} MB peak   "
          f"plain MkDocs, {p['pages']:,} pages: {p['wall_s']:.1f} s, {p['peak_mb']:.0f} MB   "
          f"ratio {b['wall_s'] / p['wall_s']:.2f}x")
    f, q = row["pagefind"], row["plain_pagefind"]
    print(f"  Pagefind: {f['wall_s']:.1f} s, {f['peak_mb']:.0f} MB, index {f['index_mb']:.1f} MB   "
          f"over the plain site: {q['wall_s']:.1f} s, {q['peak_mb']:.0f} MB, {q['index_mb']:.1f} MB")
    print("  " + _pages_line(row["article_page_kb"]))
    print(_search_line(row["search_bytes"]))
    print(_serve_line(row["serve"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsroom-scale"))
    parser.add_argument("--sample", type=int, default=1000, help="articles to time annotation on (default 1000)")
    parser.add_argument("--only", choices=("annotation", "pages", "search", "serve"),
                        help="one measurement on the archive an earlier full run left in --work")
    parser.add_argument("--site", type=Path, help="with --only pages/search: the built site (default WORK/N/site); "
                        "rebuild it first with `build.py build --site-dir` after changing templates")
    args = parser.parse_args()
    if args.only:
        for n in args.sizes:
            work = args.work / str(n)
            measure_one(args.only, n, work, min(n, args.sample), args.site or work / "site")
        return
    rows = [measure(n, args.work / str(n), min(n, args.sample)) for n in args.sizes]
    for row in rows:
        report(row)


if __name__ == "__main__":
    main()

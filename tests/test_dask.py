"""`build.py annotate --dask ADDRESS`: the same annotation on a Dask cluster writes the same
content as a local run, byte for byte (a LocalCluster with a worker process stands in for
the cluster)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .conftest import copy_project, run

SEEDS = ["000_41a19ee89e8c43ed.txt", "wikinews-gum-korea.txt",
         "wikinews-geovirus-037-at-least-71-deaths-in-mexico-likely-linked-to.txt"]


def _project(path: Path) -> Path:
    path.mkdir()
    project = copy_project(path, with_content=False)
    for seed in (project / "seeds").glob("*.txt"):
        if seed.name not in SEEDS:
            seed.unlink()
    assert sorted(p.name for p in (project / "seeds").glob("*.txt")) == sorted(SEEDS)
    return project


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_annotating_on_a_dask_cluster_writes_what_a_local_run_writes(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local = _project(tmp_path / "local")
    remote = _project(tmp_path / "remote")
    run(sys.executable, "build.py", "annotate", "--jobs", "1", cwd=local)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = run(sys.executable, "build.py", "annotate", "--dask", cluster.scheduler_address, cwd=remote)
    assert f"on the Dask cluster at {cluster.scheduler_address}" in out.stdout
    assert "annotated 3 new article(s)" in out.stdout
    assert _tree(remote / "content") == _tree(local / "content")

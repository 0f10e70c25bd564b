"""The pipeline around the checks: fix loop, verification, and writing without losing anything."""

import codecs
import os
import stat
import time

import pytest

from polylint import rules
from polylint.config import Settings
from polylint.diagnostics import Applicability, Diagnostic, Edit, Fix
from polylint.rules import Rule
from polylint.results import Options
from polylint.runner import process_path
from polylint.checking import process_bytes
from polylint.diagnostics import apply_edits
from tests.conftest import V0_EXPERIMENT, V1_COMPONENT

MEMORY = V1_COMPONENT + "    resources:\n      requests: {memory: 512}\n"
FIXED = MEMORY.replace("512}", "512Mi}")
UNSAFE_FIX = Options(Settings(), fix=True, unsafe_fixes=True)


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_apply_edits_in_order_with_newline_style():
    text = "a\r\nb\r\n"
    assert apply_edits(text, [Edit(3, 4, "x\ny"), Edit(0, 1, "z")], "\r\n") == "z\r\nx\r\ny\r\n"


def test_crlf_file_keeps_its_newlines(tmp_path):
    path = write(tmp_path, "v1.yml", MEMORY.replace("\n", "\r\n").encode())
    result = process_path(path, UNSAFE_FIX)
    assert result.fixed == 1
    assert open(path, "rb").read() == FIXED.replace("\n", "\r\n").encode()


@pytest.mark.parametrize("encoding, bom", [("utf-8-sig", codecs.BOM_UTF8), ("utf-16", None)])
def test_encoding_and_bom_kept(tmp_path, encoding, bom):
    data = MEMORY.encode(encoding)
    if bom:
        assert data.startswith(bom)
    path = write(tmp_path, "v1.yml", data)
    process_path(path, UNSAFE_FIX)
    assert open(path, "rb").read() == FIXED.encode(encoding)


def test_permissions_kept(tmp_path):
    path = write(tmp_path, "v1.yml", MEMORY.encode())
    os.chmod(path, 0o751)
    process_path(path, UNSAFE_FIX)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o751
    assert open(path).read() == FIXED


def test_no_temporary_file_left(tmp_path):
    path = write(tmp_path, "v1.yml", MEMORY.encode())
    process_path(path, UNSAFE_FIX)
    assert sorted(os.listdir(tmp_path)) == ["v1.yml"]


def test_read_only_file_is_reported_not_written(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write read-only files")
    path = write(tmp_path, "v1.yml", MEMORY.encode())
    os.chmod(path, 0o444)
    result = process_path(path, UNSAFE_FIX)
    assert [f.code for f in result.findings] == ["PLX008", "PLX113"]


def test_read_only_file_is_refused_even_for_root(tmp_path, monkeypatch):
    path = write(tmp_path, "v1.yml", MEMORY.encode())
    monkeypatch.setattr(os, "access", lambda *args: False)
    result = process_path(path, UNSAFE_FIX)
    assert "read-only" in result.findings[0].message and result.findings[0].code == "PLX008"
    assert open(path).read() == MEMORY


def test_file_changed_between_read_and_write_is_not_overwritten(tmp_path, monkeypatch):
    from polylint import checking

    path = write(tmp_path, "v1.yml", MEMORY.encode())
    real_analyse = checking.analyse

    def edit_behind_our_back(source, *args):
        if source.text == FIXED:
            with open(path, "w") as handle:
                handle.write(MEMORY + "# edited by someone else\n")
        return real_analyse(source, *args)

    monkeypatch.setattr(checking, "analyse", edit_behind_our_back)
    result = process_path(path, UNSAFE_FIX)
    assert open(path).read() == MEMORY + "# edited by someone else\n"
    assert "changed on disk" in [f for f in result.findings if f.code == "PLX008"][0].message


def test_failed_write_leaves_original(tmp_path, monkeypatch):
    path = write(tmp_path, "v1.yml", MEMORY.encode())

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    result = process_path(path, UNSAFE_FIX)
    assert open(path).read() == MEMORY
    assert "No space left on device" in result.findings[0].message
    assert sorted(os.listdir(tmp_path)) == ["v1.yml"]


BREAKER = Rule("PLX199", "test-breaker", "breaks YAML", "test", "a", "b", Applicability.SAFE)


def breaking_check(region, context):
    if "breakme" in region.text and "[[[" not in region.text:
        at = region.text.index("breakme")
        yield Diagnostic("PLX199", "breaks YAML", at, at + 7,
                         Fix(Applicability.SAFE, "break", (Edit(at, at + 7, "[[["),)))


def test_fix_whose_result_does_not_parse_is_dropped_and_reported(monkeypatch):
    original = rules.checks_for("polyaxonfile")
    monkeypatch.setattr(rules, "checks_for", lambda surface: original + ((BREAKER, breaking_check),)
                        if surface == "polyaxonfile" else original)
    text = MEMORY + "    env: [{name: breakme}]\n"
    result = process_bytes("v1.yml", text.encode(), UNSAFE_FIX)
    assert result.new_data.decode() == FIXED + "    env: [{name: breakme}]\n"
    assert [f.code for f in result.findings] == ["PLX007", "PLX199"]
    assert "fix for PLX199 dropped" in result.findings[0].message


def test_a_crash_in_a_check_is_reported_and_the_run_goes_on(monkeypatch, tmp_path):
    def crashing(region, context):
        raise ValueError("boom")
        yield

    original = rules.checks_for("polyaxonfile")
    monkeypatch.setattr(rules, "checks_for", lambda surface: original + ((BREAKER, crashing),))
    result = process_bytes("v1.yml", MEMORY.encode(), Options(Settings()))
    assert result.findings[0].code == "PLX009" and "ValueError: boom" in result.findings[0].message


def test_fixes_converge_without_a_second_run(tmp_path):
    text = MEMORY.replace("requests: {memory: 512}", "requests: {memory: 512}\n      limits: {memory: 1024}")
    result = process_bytes("v1.yml", text.encode(), UNSAFE_FIX)
    assert result.fixed == 2 and result.findings == []
    again = process_bytes("v1.yml", result.new_data, UNSAFE_FIX)
    assert again.new_data is None and again.fixed == 0


def test_unclaimed_file_is_not_even_read(tmp_path, monkeypatch):
    path = write(tmp_path, "notes.txt", b"version: 1\nkind: experiment\n")
    monkeypatch.setattr(os, "open", lambda *a, **k: pytest.fail("read an unclaimed file"))
    assert process_path(path, Options(Settings())).findings == []


def test_file_without_a_possible_finding_is_not_parsed(monkeypatch):
    import polylint.surfaces.yaml as yaml_surface

    monkeypatch.setattr(yaml_surface, "load_documents", lambda *a: pytest.fail("parsed a file with no candidate"))
    result = process_bytes("docker-compose.yml", b"version: '3'\nservices: {}\n", Options(Settings()))
    assert result.findings == []


def test_a_worker_that_dies_fails_its_file_only(tmp_path, monkeypatch):
    import concurrent.futures

    from polylint import runner

    for index in range(3):
        write(tmp_path, f"v{index}.yml", MEMORY.encode())

    class Pool:
        """Runs tasks in this process; a task holding v1.yml kills its worker, as a crashing parser would."""

        def __init__(self, max_workers):
            self.max_workers = max_workers

        def submit(self, function, task, options):
            future = concurrent.futures.Future()
            if any(path.endswith("v1.yml") for path, _known in task):
                future.set_exception(concurrent.futures.process.BrokenProcessPool("a worker died"))
            else:
                future.set_result(function(task, options))
            return future

        def shutdown(self, cancel_futures):
            pass

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(runner, "SPREAD_AFTER_SECONDS", 0)
    paths = [str(tmp_path / f"v{index}.yml") for index in range(3)]
    results = list(runner.run(paths, Options(Settings()), jobs=2))
    assert [[f.code for f in result.findings] for result in results] == [["PLX113"], ["PLX009"], ["PLX113"]]
    assert "the worker checking this file failed" in results[1].findings[0].message


SPREAD_TREE = {
    "a.yml": V0_EXPERIMENT,
    "b.py": "from polyaxon_client.tracking import Experiment\n\nexperiment = Experiment()\n",
    "c.sh": "#!/bin/sh\npolyaxon experiment -xp 1 logs\n",
    "d.md": "# Notes\n\nNothing to see.\n",
    "e.yml": MEMORY,
    "f.py": "print('hello')\n",
}


def spread_tree(tmp_path):
    an_hour_ago = time.time() - 3600  # not racy: the cache may vouch for them
    for name, text in SPREAD_TREE.items():
        path = tmp_path / name
        path.write_text(text)
        os.utime(path, (an_hour_ago, an_hour_ago))
    return [str(tmp_path / name) for name in sorted(SPREAD_TREE)]


def test_files_spread_over_workers_give_the_results_of_one_process(tmp_path, monkeypatch):
    from polylint import runner

    paths = spread_tree(tmp_path)
    alone = [(result.path, result.findings) for result in runner.run(paths, Options(Settings()), jobs=1)]
    monkeypatch.setattr(runner, "SPREAD_AFTER_SECONDS", 0)
    monkeypatch.setattr(runner, "TASK_FILES", 2)
    spread = [(result.path, result.findings) for result in runner.run(paths, Options(Settings()), jobs=2)]
    assert spread == alone
    assert [bool(findings) for _path, findings in alone] == [True, True, True, False, True, False]


def spread_with_cache(tmp_path, paths):
    """One run over paths, spread from the start, with the cache in tmp_path: (path, findings) in order."""
    from polylint import runner
    from polylint.cache import Cache

    settings = Settings(root=tmp_path)
    cache = Cache.load(settings)
    found = [(result.path, result.findings) for result in runner.run(paths, Options(settings, cache=True), 2, cache)]
    cache.save()
    return found


def test_a_spread_run_reads_no_file_the_cache_vouches_for(tmp_path, monkeypatch):
    from polylint import runner

    paths = spread_tree(tmp_path)
    monkeypatch.setattr(runner, "SPREAD_AFTER_SECONDS", 0)
    monkeypatch.setattr(runner, "TASK_FILES", 2)
    first = spread_with_cache(tmp_path, paths)
    # Workers are forked after this: a file read would fail its task, and then its file (PLX009).
    monkeypatch.setattr(runner, "_read", lambda *args: pytest.fail("read a file the cache vouches for"))
    assert spread_with_cache(tmp_path, paths) == first


def test_a_spread_run_reads_the_changed_files_and_keeps_the_order(tmp_path, monkeypatch):
    from polylint import runner

    paths = spread_tree(tmp_path)
    monkeypatch.setattr(runner, "SPREAD_AFTER_SECONDS", 0)
    monkeypatch.setattr(runner, "TASK_FILES", 4)
    first = dict(spread_with_cache(tmp_path, paths))
    changed = tmp_path / "c.sh"
    changed.write_text("#!/bin/sh\necho nothing to see here\n")
    os.utime(changed, (time.time() - 3600, time.time() - 3600))
    expected = [(path, [] if path == str(changed) else first[path]) for path in paths]
    assert spread_with_cache(tmp_path, paths) == expected


def test_the_last_files_of_a_spread_run_go_out_in_smaller_tasks():
    from polylint import runner

    paths = [f"f{index}" for index in range(5000)]
    tasks = list(runner._tasks(iter(paths), jobs=2))
    assert [path for task in tasks for path in task] == paths  # every path, once, in order
    sizes = [len(task) for task in tasks]
    head = (len(paths) - 2 * runner.TASK_FILES) // runner.TASK_FILES
    assert sizes[:head] == [runner.TASK_FILES] * head
    assert len(sizes[head:]) >= 2 * runner.TAIL_TASKS_PER_JOB and max(sizes[head:]) < runner.TASK_FILES
    assert [len(task) for task in runner._tasks(iter(paths[:40]), jobs=2)] == [32, 8]

import pytest

from polylint.report.baseline import Progress
from polylint.report.model import bar_cells, headline, sentence


def progress(done, safe, unsafe, manual):
    return Progress(safe=safe, unsafe=unsafe, manual=manual, done=done, since="2024-05-01", first=False,
                    baseline="b")


@pytest.mark.parametrize("counts, cells", [
    ((0, 0, 0, 0), (40, 0, 0)),
    ((1, 1, 0, 1), (14, 13, 13)),
    ((1000, 0, 0, 1), (39, 0, 1)),  # one manual to-do is never hidden
    ((0, 3, 2, 0), (0, 40, 0)),
    ((3, 0, 0, 1), (30, 0, 10)),
])
def test_bar_cells(counts, cells):
    assert bar_cells(progress(*counts), 40) == cells
    assert sum(bar_cells(progress(*counts), 40)) == 40


def test_percent_done_rounds_down_so_100_means_nothing_left():
    assert progress(999, 0, 0, 1).percent_done == 99
    assert progress(2, 0, 0, 1).percent_done == 66
    assert progress(0, 0, 0, 0).percent_done == 100


def test_headline():
    assert headline(progress(1, 2, 1, 4)) == (
        "12% done · 1 done · 3 fixable (2 by `--fix`, 1 more by `--unsafe-fixes`) · 4 manual")
    assert headline(progress(0, 0, 0, 0)) == "Nothing to migrate: no Polyaxon v0 usage found."


def test_sentence():
    assert sentence("convert it") == "convert it."
    assert sentence("done.") == "done."

"""The HTML report: one self-contained page, everything from files and findings escaped."""

from html.parser import HTMLParser

import pytest

from polylint.diagnostics import Finding, Position
from polylint.report import command, html
from polylint.report.baseline import Progress
from polylint.report.model import MigrationReport
from polylint.rules import DOCS_URL
from tests.conftest import V0_MANUAL, V1_COMPONENT

VOID = {"meta", "br", "hr", "img", "input", "link"}
HOSTILE = "<script>alert(1)</script> & `<b>bold</b>` \"quoted\""


class Page(HTMLParser):
    """Checks that every element is closed in order, and collects what would load something."""

    def __init__(self):
        super().__init__()
        self.open = []
        self.tags = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.links += [value for name, value in attrs if name in ("href", "src")]
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()


def parse(page):
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.open == []
    return parser


def report_with(finding):
    progress = Progress(safe=0, unsafe=0, manual=1, done=0, since="2024-05-01", first=True,
                        baseline=".polylint_cache/report/baseline.json")
    return MigrationReport(paths=["<i>repo</i>"], date="2024-05-01", checked=1, progress=progress, families=[],
                           rules=[], fixes=[], safe={}, unsafe={}, todos={finding.filename: [finding]}, notes=[])


def test_messages_and_paths_are_escaped():
    finding = Finding("<img src=x onerror=alert(1)>.yml", "PLX100", HOSTILE, Position(1, 1), Position(1, 2))
    page = html.render(report_with(finding))
    assert "<script>" not in page and "<img" not in page and "<b>" not in page and "<i>" not in page
    assert ("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <code>&lt;b&gt;bold&lt;/b&gt;</code> "
            "&quot;quoted&quot;") in page
    assert "<h3><code>&lt;img src=x onerror=alert(1)&gt;.yml</code></h3>" in page
    assert "under <code>&lt;i&gt;repo&lt;/i&gt;</code>" in page
    parse(page)


def test_page_is_self_contained(polylint, tmp_path, monkeypatch, safe_rule):
    monkeypatch.setattr(command, "_today", lambda: "2024-05-01")
    (tmp_path / "<script>x.yml").write_text(V0_MANUAL)
    (tmp_path / "<script>y.yml").write_text(V1_COMPONENT)  # python:3.8: the made-up safe rule rewrites it
    assert polylint("report", "-o", "r.html").code == 0
    page = (tmp_path / "r.html").read_text()
    parsed = parse(page)
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    assert "url(" not in page and "@import" not in page
    # Links go to the rules' documentation only; nothing is loaded.
    assert parsed.links and all(link.startswith(DOCS_URL + "#") for link in parsed.links)
    assert "<h3><code>&lt;script&gt;x.yml</code></h3>" in page
    assert '<pre class="diff">' in page and '<span class="add">+    image: python:3.11</span>' in page


@pytest.mark.parametrize("counts, widths", [
    ((0, 0, 0), ['class="done" style="width: 100%"']),
    ((1, 2, 1), ['class="done" style="width: 25.00%"', 'class="fixable" style="width: 50.00%"',
                 'class="manual" style="width: 25.00%"']),
    ((0, 0, 3), ['class="manual" style="width: 100.00%"']),
])
def test_bar_widths(counts, widths):
    done, safe, manual = counts
    finding = Finding("a.yml", "PLX100", "m", Position(1, 1), Position(1, 2))
    report = report_with(finding)
    report.progress = Progress(safe=safe, unsafe=0, manual=manual, done=done, since="x", first=False, baseline="b")
    bar = html._bar(report)
    assert [part for part in widths if part in bar] == widths
    assert bar.count("<span") == len(widths)

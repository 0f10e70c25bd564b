from polylint.diagnostics import Finding, Position
from polylint.report import markdown
from polylint.report.baseline import Progress
from polylint.report.model import MigrationReport
from polylint.report.survey import FileFixes, Rewrite


def test_prose_keeps_code_spans_and_escapes_html_outside_them():
    assert markdown.prose("<script>alert(1)</script> & `<b>x</b>` a|b\nc") == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; `<b>x</b>` a\\|b c")


def test_code_span_holds_backticks():
    assert markdown.code("a.yml") == "`a.yml`"
    assert markdown.code("we`ird.yml") == "``we`ird.yml``"
    assert markdown.code("`x`") == "`` `x` ``"


def report(todos=None, fixes=None, safe=None):
    progress = Progress(safe=1, unsafe=0, manual=1, done=0, since="2024-05-01", first=False, baseline="b")
    return MigrationReport(paths=["."], date="2024-05-01", checked=2, progress=progress, families=[], rules=[],
                           fixes=fixes or [], safe=safe or {}, unsafe={}, todos=todos or {}, notes=[])


def test_todo_with_html_in_message_and_an_unknown_code():
    finding = Finding("a.yml", "PLX999", "<script>x</script>", Position(3, 4), Position(3, 5), cell=2)
    text = markdown.render(report(todos={"a.yml": [finding]}))
    assert "- [ ] **PLX999** cell 2, line 3, column 4: &lt;script&gt;x&lt;/script&gt;\n" in text
    assert "<script>" not in text


def test_long_diffs_are_cut_with_the_command_that_shows_them():
    diff = "--- a/a.yml\n+++ b/a.yml\n@@ -1,100 +1,100 @@\n" + "".join(f"-{i}\n+{i}!\n" for i in range(50))
    fixes = FileFixes("a.yml", Rewrite(1, diff), Rewrite(0, ""))
    text = markdown.render(report(fixes=[fixes]))
    block = text[text.index("```diff\n"):]
    assert block.count("\n") > markdown.MAX_DIFF_LINES
    assert "(43 more lines: `polylint check --diff a.yml` shows them all.)" in text
    assert "\n-28\n```\n" in block  # 3 header lines and 57 of the 100 changed lines

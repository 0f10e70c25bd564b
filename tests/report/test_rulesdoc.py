import re
from pathlib import Path

from polylint.diagnostics import Applicability
from polylint.report.rulesdoc import COMMAND, render, table_cell
from polylint.ruledoc import fix_label, render_rule
from polylint.rules import DOCS_URL, Rule, all_rules, heading_anchor

RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def github_anchors(markdown: str) -> list:
    """The ids GitHub gives the headings of a page, with its -1, -2 suffixes for repeated headings."""
    seen: dict = {}
    anchors = []
    in_fence = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        match = re.match(r"^(#{1,6}) (.+)$", line)
        if match and not in_fence:
            base = heading_anchor(match.group(2))
            count = seen.get(base, 0)
            seen[base] = count + 1
            anchors.append(base if count == 0 else f"{base}-{count}")
    return anchors


def test_docs_rules_md_is_not_stale():
    assert RULES_MD.read_text(encoding="utf-8") == render(all_rules().values()), (
        f"docs/rules.md is stale: regenerate it with `{COMMAND}`")


def test_every_rule_url_points_at_its_own_section():
    text = RULES_MD.read_text(encoding="utf-8")
    anchors = github_anchors(text)
    for rule in all_rules().values():
        page, fragment = rule.url.split("#")
        assert page == DOCS_URL
        assert fragment in anchors
        assert f"\n## {rule.code} {rule.name}\n" in text
        assert heading_anchor(f"{rule.code} {rule.name}") == fragment
    assert len(set(anchors)) == len(anchors)


def test_anchor_drops_punctuation_as_github_does():
    assert heading_anchor("PLX100 v0-polyaxonfile") == "plx100-v0-polyaxonfile"
    assert heading_anchor("PLX106 pre-0.6-form") == "plx106-pre-06-form"
    assert heading_anchor("PLX1xx: Polyaxonfiles") == "plx1xx-polyaxonfiles"
    assert heading_anchor("Why is this bad?") == "why-is-this-bad"
    assert heading_anchor("snake_case name") == "snake_case-name"
    assert all_rules()["PLX106"].url == DOCS_URL + "#plx106-pre-06-form"


def test_index_links_each_rule_and_sections_are_the_rule_docs():
    rules = all_rules().values()
    text = render(rules)
    for rule in rules:
        assert f"| [{rule.code}](#{heading_anchor(rule.heading)}) | {rule.name} | {fix_label(rule)} |" in text
        assert "\n" + render_rule(rule, heading="##") in text
    assert text.index("| [PLX001]") < text.index("\n## PLX001 ")


def test_index_groups_by_family_and_escapes_table_cells():
    made_up = [
        Rule("PLX299", "pipe-in-summary", "`a | b` pipes", "why", "x", "y", Applicability.SAFE),
        Rule("PLX200", "first", "First", "why", "x", "y", Applicability.MANUAL),
    ]
    text = render(made_up)
    family = text.index("## PLX2xx: CLI calls in shell\n")
    first, last = text.index("| [PLX200]"), text.index("| [PLX299]")
    assert family < first < last
    assert "| [PLX299](#plx299-pipe-in-summary) | pipe-in-summary | safe | `a \\| b` pipes |" in text
    assert "PLX1xx" not in text
    assert table_cell("a\nb|c\\") == "a b\\|c\\\\"

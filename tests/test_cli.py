import json
import os

import pytest

from polylint import __version__
from tests.conftest import SRC, V0_EXPERIMENT, V1_COMPONENT, run_subprocess

V1_BARE_MEMORY = V1_COMPONENT + "    resources:\n      requests: {memory: 512}\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_clean_tree_exits_zero(polylint, tmp_path):
    write(tmp_path, "polyaxonfile.yml", V1_COMPONENT)
    outcome = polylint("check", ".")
    assert (outcome.code, outcome.out) == (0, "All checks passed!\n")


def test_findings_exit_one_with_text_line_and_summary(polylint, tmp_path):
    write(tmp_path, "conf/train.yaml", V0_EXPERIMENT)
    outcome = polylint("check")
    assert outcome.code == 1
    lines = outcome.out.splitlines()
    assert lines[0].startswith("conf/train.yaml:1:1: PLX100 [*] v0 Polyaxonfile")
    assert lines[-2:] == ["Found 1 problem.", "[*] 1 fixable with the `--fix` option."]


def test_fixable_mark_and_counts(polylint, tmp_path):
    write(tmp_path, "v1.yml", V1_BARE_MEMORY)
    outcome = polylint("check", "--unsafe-fixes")
    assert "PLX113 [*] " in outcome.out
    assert outcome.out.splitlines()[-1] == "[*] 1 fixable with the `--fix` option."
    plain = polylint("check").out
    assert "[*]" not in plain and "PLX113 [~] " in plain
    assert plain.splitlines()[-1] == "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option)."


def test_the_summary_tells_safe_unsafe_and_manual_apart(polylint, tmp_path):
    write(tmp_path, "train.py", "import polyaxon_helper\npolyaxon_helper.send_metrics(loss=1)\n"
                                "x = polyaxon_helper.get_cluster_def()\n")
    write(tmp_path, "utils.py", "from polyaxon_helper import send_metrics\n\n\ndef report(**m):\n"
                                "    send_metrics(**m)\n")
    assert polylint("check").out.splitlines()[-3:] == [
        "Found 5 problems.",
        "[*] 2 fixable with the `--fix` option (2 hidden fixes can be enabled with the `--unsafe-fixes` option).",
        "1 to fix by hand: its message says what to write in v1."]
    fixed = polylint("check", "--fix").out.splitlines()
    assert fixed[-3:] == ["Found 6 problems (2 fixed, 4 remaining).",
                          "No fixes available (2 hidden fixes can be enabled with the `--unsafe-fixes` option).",
                          "2 to fix by hand: their messages say what to write in v1."]
    assert polylint("check", "--fix", "--unsafe-fixes").out.splitlines()[-2:] == [
        "Found 4 problems (2 fixed, 2 remaining).", "2 to fix by hand: their messages say what to write in v1."]


def test_fix_writes_and_reports_fixed(polylint, tmp_path):
    path = write(tmp_path, "v1.yml", V1_BARE_MEMORY)
    outcome = polylint("check", "--fix", "--unsafe-fixes")
    assert outcome.code == 0
    assert outcome.out.splitlines()[-1] == "Found 1 problem (1 fixed, 0 remaining)."
    assert path.read_text() == V1_BARE_MEMORY.replace("512}", "512Mi}")


def test_diff_prints_and_writes_nothing(polylint, tmp_path):
    path = write(tmp_path, "v1.yml", V1_BARE_MEMORY)
    outcome = polylint("check", "--diff", "--unsafe-fixes")
    assert outcome.code == 1
    assert "-      requests: {memory: 512}\n+      requests: {memory: 512Mi}\n" in outcome.out
    assert outcome.out.startswith("--- a/v1.yml\n+++ b/v1.yml\n")
    assert path.read_text() == V1_BARE_MEMORY
    assert polylint("check", "--diff").code == 0


def test_select_ignore_extend_select(polylint, tmp_path):
    write(tmp_path, "a.yml", V0_EXPERIMENT + "environment:\n  data_refs: [d]\n")
    assert [line.split()[1] for line in polylint("check", "-q").out.splitlines()] == ["PLX100", "PLX104"]
    assert [line.split()[1] for line in polylint("check", "-q", "--select", "PLX104").out.splitlines()] == ["PLX104"]
    assert [line.split()[1] for line in polylint("check", "-q", "--ignore", "PLX10").out.splitlines()] == []
    assert [line.split()[1] for line in polylint("check", "-q", "--ignore", "PLX1", "--extend-select",
                                                  "PLX104").out.splitlines()] == ["PLX104"]


def test_bad_selector_is_usage_error(polylint, tmp_path):
    outcome = polylint("check", "--select", "E501")
    assert outcome.code == 2 and "`E501` is not a polylint rule code or prefix; did you mean `PLX501`?" in outcome.err


@pytest.mark.parametrize("flag", ["--select", "--ignore", "--extend-select"])
@pytest.mark.parametrize("typo", ["PLX999", "PLX9", "PLX998", "plx1O"])
def test_a_selector_that_picks_no_rule_exits_two_naming_it_and_the_closest(tmp_path, flag, typo):
    write(tmp_path, "a.yml", V1_COMPONENT)
    outcome = run_subprocess("check", flag, f"PLX1,{typo}", ".", cwd=tmp_path)
    assert outcome.code == 2 and outcome.out == ""
    assert f"{flag}: `{typo}` is not a polylint rule code or prefix; did you mean `PLX" in outcome.err


@pytest.mark.parametrize("config, key", [
    (".polylint.toml", "select"), (".polylint.toml", "ignore"), (".polylint.toml", "extend-select"),
    ("pyproject.toml", "select"), ("pyproject.toml", "ignore"), ("pyproject.toml", "extend-select"),
])
def test_a_configured_selector_that_picks_no_rule_exits_two(tmp_path, config, key):
    write(tmp_path, "a.yml", V1_COMPONENT)
    table = "[tool.polylint]\n" if config == "pyproject.toml" else ""
    write(tmp_path, config, f'{table}{key} = ["PLX100", "PLX999"]\n')
    outcome = run_subprocess("check", ".", cwd=tmp_path)
    assert outcome.code == 2 and outcome.out == ""
    assert f"{config}: `{key}`: `PLX999` is not a polylint rule code or prefix; did you mean `PLX509`?" in outcome.err


def test_a_per_file_ignore_that_picks_no_rule_exits_two(tmp_path):
    write(tmp_path, "a.yml", V1_COMPONENT)
    write(tmp_path, ".polylint.toml", '[per-file-ignores]\n"legacy/*" = ["PLX1", "PLX60"]\n')
    outcome = run_subprocess("check", ".", cwd=tmp_path)
    assert outcome.code == 2 and outcome.out == ""
    assert "`per-file-ignores`.legacy/*: `PLX60` is not a polylint rule code or prefix; did you mean `PLX50`?" \
        in outcome.err


def test_all_and_every_real_prefix_are_accepted(tmp_path):
    write(tmp_path, "a.yml", V1_COMPONENT)
    for selector in ("ALL", "PLX", "PLX1", "PLX10", "PLX100"):
        assert run_subprocess("check", "--select", selector, ".", cwd=tmp_path).code == 0, selector


def test_exclude_and_extend_exclude(polylint, tmp_path):
    write(tmp_path, "keep/a.yml", V0_EXPERIMENT)
    write(tmp_path, "skip/b.yml", V0_EXPERIMENT)
    out = polylint("check", "-q", "--extend-exclude", "skip").out
    assert "keep/a.yml" in out and "skip/b.yml" not in out
    assert polylint("check", "-q", "--exclude", "keep,skip").out == ""


def test_exit_zero(polylint, tmp_path):
    write(tmp_path, "a.yml", V0_EXPERIMENT)
    assert polylint("check", "--exit-zero").code == 0


BROKEN_V0 = "version: 1\nkind: experiment\ntags: [a\n"


def test_exit_zero_is_zero_whatever_was_found_read_errors_too(tmp_path):
    write(tmp_path, "a.yml", BROKEN_V0)
    write(tmp_path, "b.yml", V0_EXPERIMENT)
    (tmp_path / "polyaxonfile.yml").write_bytes(b"version: 1\nkind: experiment\n\x00")
    outcome = run_subprocess("check", "--no-cache", "--exit-zero", ".", cwd=tmp_path)
    assert outcome.code == 0
    assert [line.split()[1] for line in outcome.out.splitlines() if ": PLX" in line] == ["PLX001", "PLX100", "PLX005"]
    assert run_subprocess("check", "--no-cache", ".", cwd=tmp_path).code == 1


def test_read_errors_obey_select_ignore_and_suppression_comments(tmp_path):
    write(tmp_path, "a.yml", BROKEN_V0)
    (tmp_path / "polyaxonfile.yml").write_bytes(b"version: 1\nkind: experiment\n\x00")
    (tmp_path / "train.py").write_bytes(b"from polyaxon_client.tracking import Experiment\nx = caf\xe9\n")

    def found(*flags):
        outcome = run_subprocess("check", "--no-cache", "-q", *flags, ".", cwd=tmp_path)
        return outcome.code, [line.split()[1] for line in outcome.out.splitlines()]

    assert found() == (1, ["PLX001", "PLX005", "PLX004"])
    assert found("--ignore", "PLX005") == (1, ["PLX001", "PLX004"])
    assert found("--ignore", "PLX0") == (0, [])
    assert found("--select", "PLX1") == (0, [])  # selected like any rule: PLX0 is in the default ALL
    assert found("--select", "PLX1,PLX001") == (1, ["PLX001"])
    write(tmp_path, ".polylint.toml", '[per-file-ignores]\n"polyaxonfile.yml" = ["PLX005"]\n')
    assert found() == (1, ["PLX001", "PLX004"])
    write(tmp_path, "a.yml", BROKEN_V0.replace("tags: [a", "tags: [a  # polylint: ignore[PLX001]"))
    assert found() == (1, ["PLX004"])
    verbose = run_subprocess("check", "--no-cache", "-v", "--ignore", "PLX004", "train.py", cwd=tmp_path)
    assert verbose.code == 0 and "train.py: skipped: could not decode file" in verbose.err


def test_an_internal_error_is_exit_two_even_with_exit_zero(tmp_path):
    # A host kind that fails as a bug of polylint's would: the run goes on, reports PLX009, and exits 2.
    write(tmp_path, "site/sitecustomize.py", "import polylint.hosts.polyaxonfile as kind\n\n"
          "def regions(source):\n    raise RuntimeError('boom')\n\nkind.regions = regions\n")
    write(tmp_path, "a.yml", V0_EXPERIMENT)
    env = {"PYTHONPATH": f"{tmp_path / 'site'}{os.pathsep}{SRC}"}
    for flags in ((), ("--exit-zero",)):
        outcome = run_subprocess("check", "--no-cache", *flags, "a.yml", cwd=tmp_path, env=env)
        assert outcome.code == 2 and "a.yml:1:1: PLX009 internal error in polylint.hosts.polyaxonfile" in outcome.out
    assert run_subprocess("check", "--no-cache", "--ignore", "PLX009", "a.yml", cwd=tmp_path, env=env).code == 0


def test_statistics(polylint, tmp_path):
    write(tmp_path, "a.yml", V0_EXPERIMENT)
    write(tmp_path, "b.yml", V0_EXPERIMENT)
    assert polylint("check", "--statistics").out == "    2\tPLX100\t[*] v0-polyaxonfile\n"


def test_missing_path_is_an_error(polylint, tmp_path):
    outcome = polylint("check", "nope")
    assert outcome.code == 2 and "nope: no such file or folder" in outcome.err


def test_a_path_that_cannot_be_checked_exits_two_with_no_success_line(tmp_path):
    write(tmp_path, "a.yml", V0_EXPERIMENT)
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "dangling.yml").symlink_to(tmp_path / "nowhere.yml")
    for path, reason in (("nope", "no such file or folder"), ("pipe", "a named pipe (FIFO), not a file or folder"),
                         ("dangling.yml", "a symbolic link to nothing (its target does not exist)")):
        for command in (["check", "a.yml", path], ["report", "a.yml", path]):
            outcome = run_subprocess(*command, cwd=tmp_path)
            assert (outcome.code, outcome.out) == (2, ""), command
            assert outcome.err == f"polylint: error: {path}: {reason}\n"


def test_a_rule_code_taken_for_a_path_says_how_to_give_several(tmp_path):
    write(tmp_path, "a.yml", V0_EXPERIMENT)
    outcome = run_subprocess("check", "--ignore", "PLX1", "PLX4", ".", cwd=tmp_path)
    assert (outcome.code, outcome.out) == (2, "")
    assert outcome.err == ("polylint: error: PLX4: no such file or folder; to give several rule codes, separate "
                           "them with commas: `--ignore PLX1,PLX4`\n")
    assert run_subprocess("check", "--select=PLX100", "PLX2", cwd=tmp_path).err.endswith("`--select PLX100,PLX2`\n")
    assert run_subprocess("check", "--ignore", "PLX1,PLX4", ".", cwd=tmp_path).code == 0


def test_links_named_on_the_command_line_are_followed_and_reported_by_their_names(tmp_path):
    write(tmp_path, "checkout/polyaxonfile.yml", V0_EXPERIMENT)
    write(tmp_path, "checkout/nested/train.yml", V0_EXPERIMENT)
    (tmp_path / "checkout" / "outside").symlink_to(tmp_path / "elsewhere")
    write(tmp_path, "elsewhere/secret.yml", V0_EXPERIMENT)
    (tmp_path / "workspace").mkdir()
    (tmp_path / "workspace" / "repo").symlink_to(tmp_path / "checkout")
    (tmp_path / "train-link.yml").symlink_to(tmp_path / "checkout" / "polyaxonfile.yml")
    for given in ("workspace/repo", "workspace/repo/", "./workspace/repo"):
        outcome = run_subprocess("check", "--no-cache", "-q", given, cwd=tmp_path)
        assert outcome.code == 1
        prefix = os.path.normpath(given)
        assert [line.split(":")[0] for line in outcome.out.splitlines()] == [
            f"{prefix}/nested/train.yml", f"{prefix}/polyaxonfile.yml"]  # never the link out of the tree
    outcome = run_subprocess("check", "--no-cache", "-q", "train-link.yml", cwd=tmp_path)
    assert outcome.code == 1 and outcome.out.startswith("train-link.yml:1:1: PLX100 [*] ")


def test_fix_writes_through_a_folder_named_by_a_link_but_never_through_a_file_link(tmp_path):
    target = write(tmp_path, "checkout/polyaxonfile.yml", V0_EXPERIMENT)
    (tmp_path / "repo").symlink_to(tmp_path / "checkout")
    (tmp_path / "link.yml").symlink_to(target)
    outcome = run_subprocess("check", "--no-cache", "--fix", "link.yml", cwd=tmp_path)
    assert outcome.code == 1 and "link.yml:1:1: PLX008 fixes not written: is a symbolic link" in outcome.out
    assert target.read_text() == V0_EXPERIMENT and (tmp_path / "link.yml").is_symlink()
    assert run_subprocess("check", "--no-cache", "--fix", "repo", cwd=tmp_path).code == 0
    assert "kind: component" in target.read_text() and (tmp_path / "repo").is_symlink()


def test_an_unknown_option_prints_the_usage_of_its_subcommand(tmp_path):
    for command, usage in ((["check", "--bogus", "."], "usage: polylint check "),
                           (["report", "--bogus"], "usage: polylint report "),
                           (["rule", "--bogus"], "usage: polylint rule ")):
        outcome = run_subprocess(*command, cwd=tmp_path)
        assert (outcome.code, outcome.out) == (2, "")
        assert outcome.err.startswith(usage) and outcome.err.endswith("error: unrecognized arguments: --bogus\n")


def test_json_uses_ruff_fields(polylint, tmp_path):
    write(tmp_path, "v1.yml", V1_BARE_MEMORY)
    [item] = json.loads(polylint("check", "--output-format", "json").out)
    assert set(item) == {"cell", "code", "end_location", "filename", "fix", "location", "message", "noqa_row", "url"}
    assert item["location"] == {"row": 9, "column": 18} and item["noqa_row"] == 9
    assert item["fix"]["applicability"] == "unsafe"
    assert item["fix"]["edits"] == [{"content": "Mi", "location": {"row": 9, "column": 29},
                                     "end_location": {"row": 9, "column": 29}}]
    assert item["url"].endswith("#plx113-bare-integer-memory")


def test_github_annotations(polylint, tmp_path):
    write(tmp_path, "a.yml", V0_EXPERIMENT)
    out = polylint("check", "--output-format", "github").out
    assert out.startswith("::error file=a.yml,line=1,col=1,endLine=1,endColumn=8,title=PLX100::PLX100 v0 Polyaxonfile")


def test_junit_is_xml_with_a_failure_per_finding(polylint, tmp_path):
    import xml.etree.ElementTree as ElementTree

    write(tmp_path, "a.yml", V0_EXPERIMENT)
    root = ElementTree.fromstring(polylint("check", "--output-format", "junit").out)
    [failure] = root.iter("failure")
    assert failure.get("type") == "PLX100"
    assert root.get("failures") == "1"


def test_output_format_from_config(polylint, tmp_path):
    write(tmp_path, "a.yml", V0_EXPERIMENT)
    write(tmp_path, ".polylint.toml", 'output-format = "json"\n')
    assert json.loads(polylint("check").out)[0]["code"] == "PLX100"


@pytest.mark.parametrize("config", [".polylint.toml", "pyproject.toml"])
def test_a_config_file_that_does_not_parse_exits_two_with_file_line_and_column(tmp_path, config):
    write(tmp_path, "a.yml", V0_EXPERIMENT)
    write(tmp_path, config, '[project]\nname = "x"\n\n[tool.polylint]\nignore = ["PLX100"\nselect = ["PLX1"]\n')
    outcome = run_subprocess("check", ".", cwd=tmp_path)
    assert outcome.code == 2 and outcome.out == ""
    assert f"{tmp_path / config}:6:1: not valid TOML: Unclosed array" in outcome.err
    named = run_subprocess("check", "--config", config, ".", cwd=tmp_path)
    assert named.code == 2 and f"{config}:6:1: not valid TOML: Unclosed array" in named.err


def test_a_pyproject_that_does_not_name_polylint_is_not_read(tmp_path):
    write(tmp_path, "a.yml", V1_COMPONENT)
    write(tmp_path, "pyproject.toml", "[project\n")  # not ours to judge: another tool will say it is broken
    assert run_subprocess("check", ".", cwd=tmp_path).code == 0


def test_config_unknown_key_exits_two_naming_it(polylint, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.polylint]\nselect = ['PLX1']\nfrobnicate = 1\n")
    outcome = polylint("check")
    assert outcome.code == 2 and "unknown key `frobnicate`" in outcome.err


def test_config_bad_value_exits_two(polylint, tmp_path):
    write(tmp_path, ".polylint.toml", "unsafe-fixes = 'yes'\n")
    outcome = polylint("check")
    assert outcome.code == 2 and "`unsafe-fixes` must be true or false" in outcome.err


def test_config_flag_names_file(polylint, tmp_path):
    write(tmp_path, "a.yml", V0_EXPERIMENT)
    write(tmp_path, "lint.toml", "ignore = ['PLX100']\n")
    assert polylint("check", "--config", "lint.toml").code == 0
    assert polylint("check", "--config", "absent.toml").code == 2


def test_per_file_ignores(polylint, tmp_path):
    write(tmp_path, "legacy/a.yml", V0_EXPERIMENT)
    write(tmp_path, "b.yml", V0_EXPERIMENT)
    write(tmp_path, "pyproject.toml", '[tool.polylint.per-file-ignores]\n"legacy/*" = ["PLX1"]\n')
    out = polylint("check", "-q").out
    assert "b.yml" in out and "legacy" not in out


def test_unsafe_fixes_from_config(polylint, tmp_path):
    path = write(tmp_path, "v1.yml", V1_BARE_MEMORY)
    write(tmp_path, ".polylint.toml", "unsafe-fixes = true\n")
    polylint("check", "--fix")
    assert "512Mi" in path.read_text()


def test_rule_command(polylint):
    outcome = polylint("rule", "plx113")
    assert outcome.code == 0
    for heading in ("# PLX113 bare-integer-memory", "## What it does", "## Why is this bad?", "## Example",
                    "## Use instead", "Fix is sometimes available, and unsafe"):
        assert heading in outcome.out
    assert polylint("rule", "PLX999").code == 2


def test_rule_all_lists_every_rule(polylint):
    from polylint.rules import all_rules

    lines = polylint("rule", "--all").out.splitlines()
    assert [line.split()[0] for line in lines] == list(all_rules())


def test_version(polylint, capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        polylint("--version")
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"polylint {__version__}"


def test_stdin_with_filename(tmp_path):
    outcome = run_subprocess("check", "--stdin-filename", "conf/train.yml", "-", cwd=tmp_path,
                             stdin=V0_EXPERIMENT.encode())
    assert outcome.code == 1 and outcome.out.startswith("conf/train.yml:1:1: PLX100")


@pytest.mark.parametrize("text, surface, first", [
    (V0_EXPERIMENT, "YAML", "-:1:1: PLX100 [*] v0 Polyaxonfile"),
    ("from polyaxon_client.tracking import Experiment\n", "Python", "-:1:1: PLX301 [*] v0 import"),
    ("polyaxon experiment -xp 1 logs\n", "shell", "-:1:10: PLX201 [~] v0 `polyaxon experiment logs`"),
])
def test_stdin_without_a_name_is_read_as_its_content_says(tmp_path, text, surface, first):
    outcome = run_subprocess("check", "-v", "-", cwd=tmp_path, stdin=text.encode())
    assert outcome.code == 1 and outcome.out.startswith(first)
    assert f"polylint: -: read as {surface} (no --stdin-filename)" in outcome.err


def test_stdin_without_a_name_is_fixed_as_its_content_says(tmp_path):
    outcome = run_subprocess("check", "--fix", "-", cwd=tmp_path,
                             stdin=b"from polyaxon_client.tracking import Experiment\n\nExperiment()\n")
    assert outcome.code == 0 and outcome.out == "from polyaxon import tracking\n\ntracking.init()\n"


@pytest.mark.parametrize("text", ["", '{"cells": []}\n', "```bash\npolyaxon experiment logs\n```\n"])
def test_stdin_whose_content_does_not_say_what_it_is_needs_a_name(tmp_path, text):
    outcome = run_subprocess("check", "-", cwd=tmp_path, stdin=text.encode())
    assert (outcome.code, outcome.out) == (2, "")
    assert outcome.err == ("polylint: error: cannot tell whether standard input is a Polyaxonfile, Python or shell: "
                           "name it with --stdin-filename (such as `--stdin-filename train.py -`)\n")
    named = run_subprocess("check", "--stdin-filename", "README.md", "-", cwd=tmp_path, stdin=text.encode())
    assert named.code == (1 if "polyaxon" in text else 0)


def test_stdin_fix_prints_fixed_text(tmp_path):
    outcome = run_subprocess("check", "--fix", "--unsafe-fixes", "--stdin-filename", "v1.yml", "-", cwd=tmp_path,
                             stdin=V1_BARE_MEMORY.encode())
    assert outcome.out == V1_BARE_MEMORY.replace("512}", "512Mi}")
    assert "1 fixed" in outcome.err


def test_color_only_on_a_terminal_and_never_with_no_color(tmp_path):
    write(tmp_path, "a.yml", V0_EXPERIMENT)
    assert "\033[" not in run_subprocess("check", cwd=tmp_path).out
    assert "\033[" not in run_subprocess("check", cwd=tmp_path, env={"NO_COLOR": "1"}).out


def test_jobs_runs_a_pool_with_stable_order(polylint, tmp_path):
    for index in range(40):
        write(tmp_path, f"d{index % 3}/f{index:02}.yml", V0_EXPERIMENT)
    serial = polylint("check", "--jobs", "1").out
    parallel = polylint("check", "--jobs", "2").out
    assert serial == parallel and serial.count("PLX100") == 40


NOTEBOOK = json.dumps({
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Train\n"]},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": ["import os\n", "!polyaxon experiment logs\n"]},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": ["x = 1\n", "  \n", "from polyaxon_client.tracking import get_outputs_path\n"]},
    ],
    "metadata": {"kernelspec": {"language": "python", "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5,
}, indent=1) + "\n"


def test_notebook_findings_name_the_cell_and_the_line_in_it(polylint, tmp_path):
    write(tmp_path, "train.ipynb", NOTEBOOK)
    lines = [line for line in polylint("check", "--no-cache").out.splitlines() if " PLX" in line]
    assert [line.split(" PLX")[0] for line in lines] == ["train.ipynb:cell 2:2:11:", "train.ipynb:cell 3:3:1:"]
    [shell, python] = json.loads(polylint("check", "--no-cache", "--output-format", "json").out)
    assert (shell["cell"], python["cell"]) == (2, 3)
    # JSON keeps the position in the file itself, as SARIF and GitHub annotations need it.
    assert NOTEBOOK.splitlines()[shell["location"]["row"] - 1].strip().startswith('"!polyaxon experiment logs')


V0_TRACKING = ('"""Caf\u00e9 \u00e0 la cr\u00e8me."""\nfrom polyaxon_client.tracking import Experiment\n\n'
               "experiment = Experiment()\nexperiment.log_metrics(loss=0.1)  # \u00e9t\u00e9\n")


@pytest.mark.parametrize("cookie, encoding", [
    ("# -*- coding: latin-1 -*-\n", "latin-1"),
    ("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\n", "cp1252"),
    ("# coding=utf-8\n", "utf-8"),
])
def test_a_python_module_is_decoded_by_its_coding_line_and_written_back_in_it(tmp_path, cookie, encoding):
    path = tmp_path / "train.py"
    path.write_bytes((cookie + V0_TRACKING).encode(encoding))
    outcome = run_subprocess("check", "--no-cache", "-q", "train.py", cwd=tmp_path)
    assert outcome.code == 1
    assert [line.split()[1] for line in outcome.out.splitlines()] == ["PLX301", "PLX302"]
    assert run_subprocess("check", "--no-cache", "--fix", "train.py", cwd=tmp_path).code == 0
    fixed = path.read_bytes()
    assert fixed.decode(encoding) == cookie + V0_TRACKING.replace(
        "from polyaxon_client.tracking import Experiment", "from polyaxon import tracking").replace(
        "Experiment()", "tracking.init()")
    compile(fixed, "train.py", "exec")  # Python reads the bytes written as the module they were
    assert run_subprocess("check", "--no-cache", "train.py", cwd=tmp_path).out == "All checks passed!\n"


def test_a_python_module_with_a_byte_order_mark_keeps_it(tmp_path):
    path = tmp_path / "train.py"
    path.write_bytes(b"\xef\xbb\xbf# coding: utf-8\n" + V0_TRACKING.encode())
    assert run_subprocess("check", "--no-cache", "--fix", "train.py", cwd=tmp_path).code == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf# coding: utf-8\n") and b"tracking.init()" in path.read_bytes()


@pytest.mark.parametrize("data, message", [
    (b"# -*- coding: klingon -*-\nfrom polyaxon_client.tracking import Experiment\n",
     "train.py:1:1: PLX004 could not decode file: not a Python encoding declaration Python accepts (unknown encoding"),
    (b"\xef\xbb\xbf# coding: latin-1\nfrom polyaxon_client.tracking import Experiment\n",
     "train.py:1:1: PLX004 could not decode file: not a Python encoding declaration Python accepts (encoding problem"),
    (b"from polyaxon_client.tracking import Experiment\n'caf\xe9'\n",  # no coding line: UTF-8, as Python reads it
     "train.py:2:5: PLX004 could not decode file: not valid utf-8 (byte 0xe9 at offset 52)"),
])
def test_a_python_module_python_could_not_decode_is_reported_and_left_alone(tmp_path, data, message):
    (tmp_path / "train.py").write_bytes(data)
    outcome = run_subprocess("check", "--no-cache", "--fix", "train.py", cwd=tmp_path)
    assert outcome.code == 1 and outcome.out.startswith(message)
    assert (tmp_path / "train.py").read_bytes() == data
    try:
        compile(data, "train.py", "exec")
    except SyntaxError:
        pass  # Python refuses it too
    else:
        raise AssertionError("Python decodes it")

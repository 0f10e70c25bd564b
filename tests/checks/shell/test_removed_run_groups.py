from __future__ import annotations

import pytest

from tests.checks.shell._cases import (SCRIPT, check_noop, findings, integer_id_fixed, manual, transformed,
                                       unsafe_only, variable_id_reported)
from tests.polyaxon_cli import given_true_flags, polyaxon_argvs, v1_params


@pytest.mark.parametrize("before, after", [
    ("polyaxon experiment logs\n", "polyaxon ops logs\n"),
    ("polyaxon experiment get\n", "polyaxon ops get\n"),
    ("polyaxon experiment statuses\n", "polyaxon ops statuses\n"),
    ("polyaxon job stop -y\n", "polyaxon ops stop -y\n"),
    ("polyaxon build delete\n", "polyaxon ops delete\n"),
    ("polyaxon build invalidate\n", "polyaxon ops invalidate\n"),
    ("polyaxon group get\n", "polyaxon ops get\n"),
    ("polyaxon experiment outputs\n", "polyaxon ops artifacts\n"),
    ("polyaxon experiment restart --copy -f preset.yml\n", "polyaxon ops restart --copy -f preset.yml\n"),
    ("polyaxon job resume -f a.yml\n", "polyaxon ops resume -f a.yml\n"),
    ('polyaxon experiment update --name=n --description "a b" --tags=x,y\n',
     'polyaxon ops update --name=n --description "a b" --tags=x,y\n'),
    ("polyaxon experiment logs --hide_time\n", "polyaxon ops logs --hide-time\n"),
    ("polyaxon -p mnist experiment logs\n", "polyaxon -p mnist experiment logs\n"),
])
def test_cached_run_commands_become_ops_safely(before: str, after: str) -> None:
    if before == after:
        # `-p` before the group is not a v0 global option: v0 itself would refuse this line.
        assert findings(SCRIPT, before) == []
        return
    transformed(before, after)


def test_group_options_move_after_the_command() -> None:
    transformed("polyaxon experiment -p acme/mnist stop -y\n", "polyaxon ops stop -p acme/mnist -y\n")
    transformed("polyaxon --verbose experiment -p mnist logs\n", "polyaxon --verbose ops logs -p mnist\n")


def test_an_integer_id_is_kept_in_an_unsafe_fix_and_stays_reported() -> None:
    integer_id_fixed("polyaxon experiment -xp 2 logs\n", "polyaxon ops logs -uid 2\n", "PLX201", "2")
    integer_id_fixed("set -e\npolyaxon job --job=17 -p mnist stop\necho done\n",
                     "set -e\npolyaxon ops stop -uid=17 -p mnist\necho done\n", "PLX201", "17")
    integer_id_fixed("polyaxon build -b '4' delete\n", "polyaxon ops delete -uid '4'\n", "PLX201", "4")


@pytest.mark.parametrize("text, v1", [
    ('polyaxon job --job="$JOB" -p mnist stop\n', 'polyaxon ops stop -uid="$JOB" -p mnist'),
    ("polyaxon experiment -xp $XP logs\n", "polyaxon ops logs -uid $XP"),
    ('polyaxon experiment -xp "${ID}" get\n', 'polyaxon ops get -uid "${ID}"'),
    ("polyaxon build -b $(cat build.id) logs\n", "polyaxon ops logs -uid $(cat build.id)"),
])
def test_an_id_in_a_variable_is_reported_with_its_v1_form(text: str, v1: str) -> None:
    variable_id_reported(text, "PLX201", v1)


def test_the_unsafe_fix_says_why_in_the_finding_itself() -> None:
    [finding] = findings(SCRIPT, "polyaxon experiment -xp 12 stop\n")
    assert finding.fix is not None and finding.fix.applicability.value == "unsafe"
    for said in (finding.fix.message, finding.message):
        assert "uuid" in said and "`12`" in said and "polyaxon ops ls -p PROJECT -c uuid,name" in said
    assert (finding.location.row, finding.location.column, finding.end_location.column) == (1, 10, 32)


# v0 `logs` streamed; `--past` printed the stored logs and exited unless `--follow` came too; `--follow`
# alone changed nothing (polyaxon-cli 0.6.1 cli/experiment.py, job.py, build.py).
@pytest.mark.parametrize("before, after", [
    ("polyaxon experiment logs\n", "polyaxon ops logs\n"),
    ("polyaxon job logs -f\n", "polyaxon ops logs\n"),
    ("polyaxon build logs --follow --hide_time\n", "polyaxon ops logs --hide-time\n"),
    ("polyaxon experiment logs --past --follow\n", "polyaxon ops logs\n"),
    ("polyaxon job logs -p -f\n", "polyaxon ops logs\n"),
    ("polyaxon experiment -p mnist logs -pf\n", "polyaxon experiment -p mnist logs -pf\n"),
])
def test_logs_that_followed_in_v0_follow_in_v1(before: str, after: str) -> None:
    if before == after:
        # Combined short flags are not split: reported without a fix.
        assert [finding.code for finding in findings(SCRIPT, before)] == ["PLX201"]
        return
    transformed(before, after)
    [argv] = polyaxon_argvs(after)
    assert v1_params(argv)["follow"] is True


def test_past_logs_are_an_unsafe_rewrite_that_says_v1_follows() -> None:
    unsafe_only("polyaxon experiment logs --past\n", "polyaxon ops logs\n", "PLX201")
    unsafe_only("polyaxon job logs -p\n", "polyaxon ops logs\n", "PLX201")
    [finding] = findings(SCRIPT, "polyaxon build logs --past\n")
    assert finding.fix is not None and "follows a running run" in finding.fix.message


def test_the_judge_sees_a_given_follow_flag() -> None:
    # polyaxon 1.20's `--follow` defaults to true: given, click < 8.3 reads it as false, so every
    # rewritten line is checked for it (tests/polyaxon_cli.py assert_v1).
    assert given_true_flags(["ops", "logs", "-uid", "abc", "-f"]) == ["-f"]
    assert given_true_flags(["ops", "logs", "--hide-time"]) == []


def test_group_experiments_become_a_pipeline_query() -> None:
    integer_id_fixed("polyaxon group -g 3 experiments -m\n", 'polyaxon ops ls -q "pipeline: 3" -io\n', "PLX201",
                     "3")
    variable_id_reported('polyaxon group -g "$G" experiments\n', "PLX201", 'polyaxon ops ls -q "pipeline: $G"')


@pytest.mark.parametrize("text, says", [
    ("polyaxon experiment resources --gpu\n", "no `resources`"),
    ("polyaxon experiment code\n", "no `code`"),
    ("polyaxon experiment -xp 1 logs -j 2\n", "per-replica"),
    ("polyaxon experiment restart -u\n", "cannot upload"),
    ("polyaxon group stop --pending\n", "--pending"),
    ("polyaxon experiment bookmark\n", "bookmarks"),
    ("polyaxon group experiments\n", "pipeline"),
    ("polyaxon experiment\n", "ops"),
    ("polyaxon experiment logs $EXTRA\n", "ops logs"),
])
def test_commands_without_a_v1_form_are_reported(text: str, says: str) -> None:
    manual(text, "PLX201", says)


def test_layout_around_the_call_is_kept() -> None:
    transformed(
        "set -e\nfor x in 1 2; do\n  polyaxon experiment logs --hide_time 2>&1 | tee \"log $x\" && echo ok\ndone\n",
        "set -e\nfor x in 1 2; do\n  polyaxon ops logs --hide-time 2>&1 | tee \"log $x\" && echo ok\ndone\n")
    transformed("polyaxon experiment \\\n    stop \\\n    -y\n", "polyaxon ops \\\n    stop \\\n    -y\n")
    transformed("out=$(polyaxon job get)\n", "out=$(polyaxon ops get)\n")
    transformed("f() {\n  if true; then polyaxon job statuses; fi\n}\n", "f() {\n  if true; then polyaxon ops statuses; fi\n}\n")


def test_v1_lines_and_v0_words_outside_calls_are_untouched() -> None:
    check_noop(SCRIPT, "polyaxon ops logs -uid abc\npolyaxon ops ls -q 'kind: job'\n")
    check_noop(SCRIPT, 'echo "polyaxon experiment logs"  # polyaxon job stop\n')
    check_noop(SCRIPT, "echo polyaxon experiment logs\ncat <<EOF\npolyaxon experiment logs\nEOF\n")
    check_noop(SCRIPT, "grep 'polyaxon experiment' log.txt\n")


def test_a_call_in_a_shell_script_string_is_rewritten_inside_its_quotes() -> None:
    transformed("sh -c 'polyaxon experiment logs'\n", "sh -c 'polyaxon ops logs'\n")
    transformed('docker exec box sh -c "cd /x && polyaxon job stop -y"\n',
                'docker exec box sh -c "cd /x && polyaxon ops stop -y"\n')
    # Double quotes may be written inside single ones.
    integer_id_fixed("bash -c 'polyaxon group -g 3 experiments'\n",
                     "bash -c 'polyaxon ops ls -q \"pipeline: 3\"'\n", "PLX201", "3")


@pytest.mark.parametrize("text", [
    'bash -c "polyaxon group -g 3 experiments"\n',  # the rewrite would write a double quote inside them
    'bash -c "polyaxon experiment -xp \\"$ID\\" logs"\n',  # escapes: not the text the inner shell runs
])
def test_a_call_in_a_shell_script_string_is_reported_when_its_quotes_forbid_the_rewrite(text: str) -> None:
    found = findings(SCRIPT, text)
    assert [finding.code for finding in found] == ["PLX201"] and found[0].fix is None


@pytest.mark.parametrize("wrapper", [
    "docker exec -it box", "docker exec -it $CONTAINER", "docker exec -u root -w /code box", "podman exec box",
    "docker compose exec -T web", "docker-compose run --rm -e A=1 web", "docker run --rm -v $PWD:/x img",
    "kubectl exec -it trainer-0 -n ml --", "kubectl exec $POD -c main --", "oc exec pod --",
    "ssh user@host", "ssh -i key.pem -p 2222 host", "watch -n 5",
    "env FOO=1", "env -u HOME FOO=1", "sudo", "sudo -u bob", "sudo -E FOO=1", "time", "time -p", "nohup",
    "timeout 60", "timeout -s KILL 5m", "nice -n 10", "stdbuf -o L", "conda run -n tf", "uv run --with x",
    "sudo docker exec -it box", "ssh host sudo -u bob", "nohup timeout 60 env A=1",
])
def test_a_call_behind_a_wrapper_is_rewritten_where_it_stands(wrapper: str) -> None:
    transformed(f"{wrapper} polyaxon job stop -y\n", f"{wrapper} polyaxon ops stop -y\n")


def test_the_quoted_command_ssh_hands_to_the_remote_shell_is_rewritten_inside_its_quotes() -> None:
    transformed('ssh -o BatchMode=yes host "polyaxon job stop -y"\n', 'ssh -o BatchMode=yes host "polyaxon ops stop -y"\n')
    integer_id_fixed("ssh host 'cd /x && polyaxon experiment -xp 3 logs --follow'\n",
                     "ssh host 'cd /x && polyaxon ops logs -uid 3'\n", "PLX201", "3")
    # The remote shell reads the script: a double quote may be written inside the single quotes.
    integer_id_fixed("ssh host 'polyaxon group -g 3 experiments'\n",
                     "ssh host 'polyaxon ops ls -q \"pipeline: 3\"'\n", "PLX201", "3")


def test_words_ssh_joins_for_the_remote_shell_get_no_quotes_written() -> None:
    # The local shell would take the quotes out of `-q "pipeline: 3"`: the remote one would split the query.
    found = findings(SCRIPT, "ssh host polyaxon group -g 3 experiments\n")
    assert [finding.code for finding in found] == ["PLX201"] and found[0].fix is None
    transformed("ssh host polyaxon job stop -y\n", "ssh host polyaxon ops stop -y\n")

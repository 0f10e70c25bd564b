"""The shell surface: where a polyaxon call is, and where it is not."""

from __future__ import annotations

import pytest

from polylint.surfaces.shell import find_calls


def names(text: str) -> list[list[str]]:
    return [[word.raw for word in call.arguments] for call in find_calls(text)]


@pytest.mark.parametrize("text, argv", [
    ("polyaxon upload | tee x", [["upload"]]),
    ("a && polyaxon upload || b", [["upload"]]),
    ("x=$(polyaxon ops ls)", [["ops", "ls"]]),
    ("x=`polyaxon ops ls`", [["ops", "ls"]]),
    ("for i in 1 2; do polyaxon upload; done", [["upload"]]),
    ("while true; do polyaxon upload; done", [["upload"]]),
    ("if polyaxon upload; then :; fi", [["upload"]]),
    ("f() { polyaxon upload; }", [["upload"]]),
    ("( polyaxon upload )", [["upload"]]),
    ("/usr/local/bin/polyaxon upload", [["upload"]]),
    ("sudo -E polyaxon upload", [["upload"]]),
    ("env A=1 polyaxon upload", [["upload"]]),
    ("uv run polyaxon ops ls", [["ops", "ls"]]),
    ("A=1 polyaxon upload > out 2>&1", [["upload"]]),
    ("bash -c 'polyaxon upload'", [["upload"]]),
    ('sh -lc "cd /x && polyaxon upload" > log', [["upload"]]),
    ("docker exec -it box /bin/sh -e -c 'polyaxon ops ls' arg0", [["ops", "ls"]]),
    ("ssh host true && bash --login -c 'bash -c \"polyaxon upload\"'", [["upload"]]),
])
def test_calls_are_found_wherever_commands_stand(text: str, argv: list[list[str]]) -> None:
    assert names(text) == argv


@pytest.mark.parametrize("text", [
    'echo "polyaxon upload"', "echo polyaxon upload", "# polyaxon upload", "cat <<EOF\npolyaxon upload\nEOF\n",
    "grep polyaxon x", "polyaxonx upload", "printf '%s' 'polyaxon upload'", "python -c 'import polyaxon'",
    "echo sh -c 'polyaxon upload'", "sh script.sh -c 'polyaxon upload'", 'bash -c "$COMMAND"',
    "bash -c polyaxon", "bash 'polyaxon upload'",
])
def test_words_that_are_not_commands_are_not_calls(text: str) -> None:
    assert names(text) == []


def test_words_have_values_and_character_offsets() -> None:
    text = 'é; polyaxon init "my proj" $P \'q\''
    [call] = find_calls(text)
    assert [(w.raw, w.value) for w in call.arguments] == [
        ("init", "init"), ('"my proj"', "my proj"), ("$P", None), ("'q'", "q")]
    assert text[call.arguments[1].start:call.arguments[1].end] == '"my proj"'


def test_a_redirection_between_arguments_is_a_barrier() -> None:
    [call] = find_calls("polyaxon run > log -f x.yml")
    assert [w.raw for w in call.arguments] == ["run", "-f", "x.yml"]
    assert call.barriers


def test_a_call_in_a_shell_script_string_is_placed_in_the_host_text() -> None:
    text = "é && docker exec box sh -c 'cd /x && polyaxon init \"my proj\"'"
    [call] = find_calls(text)
    assert [(word.raw, word.value) for word in call.arguments] == [("init", "init"), ('"my proj"', "my proj")]
    assert all(text[word.start:word.end] == word.raw for word in (call.name, *call.arguments))
    assert call.unwritable == "'"


def test_a_double_quoted_script_with_a_backslash_may_not_be_edited() -> None:
    [plain] = find_calls('bash -c "polyaxon upload"')
    [escaped] = find_calls('bash -c "polyaxon init \\"x\\""')
    [top] = find_calls("polyaxon upload")
    assert (plain.unwritable, escaped.unwritable, top.unwritable) == ('"$`\\', None, "")


@pytest.mark.parametrize("text, argv", [
    ("docker exec -it box polyaxon ops ls", [["ops", "ls"]]),
    ("docker exec --env A=1 -e B=2 --user=root box polyaxon ops ls", [["ops", "ls"]]),
    ("docker compose exec web polyaxon ops ls", [["ops", "ls"]]),
    ("kubectl exec -it pod -c main -- polyaxon ops ls", [["ops", "ls"]]),
    ("ssh -i k -p 22 user@host polyaxon ops ls", [["ops", "ls"]]),
    ("ssh host 'cd /x && polyaxon ops ls'", [["ops", "ls"]]),
    ("ssh host \"bash -c 'polyaxon ops ls'\"", [["ops", "ls"]]),
    ("sudo -u bob -H env A=1 nohup polyaxon ops ls &", [["ops", "ls"]]),
    ("timeout --signal=KILL 10m polyaxon ops ls", [["ops", "ls"]]),
    ("mamba run -n tf polyaxon ops ls", [["ops", "ls"]]),
])
def test_calls_are_found_behind_every_wrapper_that_hands_its_command_on(text: str, argv: list[list[str]]) -> None:
    assert names(text) == argv


@pytest.mark.parametrize("text", [
    "docker exec box", "docker exec polyaxon ls", "docker logs polyaxon", "docker pull polyaxon/polyaxon-api",
    "kubectl exec polyaxon-api-0 polyaxon ops ls",  # no `--`: kubectl's deprecated form, not read
    "kubectl get pods polyaxon", "ssh polyaxon", "ssh polyaxon uptime", "sudo -l polyaxon ops ls",
    "command -v polyaxon", "timeout polyaxon ops ls",  # `polyaxon` is timeout's duration here
    "ssh host echo polyaxon ops ls", "ssh host bash -c 'polyaxon ops ls'",  # runs `bash -c polyaxon ops ls`
    "conda install polyaxon", "watch -n polyaxon ls",
])
def test_wrappers_that_do_not_run_polyaxon_are_not_calls(text: str) -> None:
    assert names(text) == []


def test_words_a_wrapper_joins_for_a_shell_to_read_again_may_not_get_quotes() -> None:
    [joined] = find_calls("ssh host polyaxon ops ls")
    [quoted] = find_calls("ssh host 'polyaxon ops ls'")
    assert joined.unwritable is not None and set("'\"\\$`") <= set(joined.unwritable)
    assert quoted.unwritable == "'"

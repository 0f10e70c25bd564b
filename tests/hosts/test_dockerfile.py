from __future__ import annotations

from tests.helpers import check_noop, check_transformed, findings

BEFORE = """FROM python:3.8
RUN pip install polyaxon-cli && \\
# docker drops this comment
    polyaxon config set --host=localhost --port=80 && \\
    polyaxon init mnist
CMD ["polyaxon", "experiment", "-xp", "2", "logs", "--past"]
ENTRYPOINT ["polyaxon", "init", "my proj"]
RUN echo polyaxon upload
"""
AFTER = """FROM python:3.8
RUN pip install "polyaxon>=1.20,<2" && \\
# docker drops this comment
    polyaxon config set --host=http://localhost:80 && \\
    polyaxon init -p mnist
CMD ["polyaxon", "ops", "logs", "-uid", "2"]
ENTRYPOINT ["polyaxon", "init", "-p", "my proj"]
RUN echo polyaxon upload
"""


def test_shell_and_exec_forms_are_located() -> None:
    found = [(f.code, f.location.row, f.location.column, f.end_location.column) for f in findings("Dockerfile", BEFORE)]
    assert found == [("PLX402", 2, 17, 29), ("PLX206", 4, 42, 51), ("PLX205", 5, 19, 24), ("PLX201", 6, 19, 49), ("PLX205", 7, 34, 41)]


def test_shell_and_exec_forms_are_rewritten() -> None:
    check_transformed("Dockerfile", BEFORE, AFTER, unsafe=True, remaining=["PLX213"])  # `-uid 2`: a v0 id


def test_exec_form_inserting_a_quoted_word_becomes_one_element() -> None:
    check_transformed("Dockerfile", 'CMD ["polyaxon", "project", "groups"]\n',
                      'CMD ["polyaxon", "ops", "ls", "-q", "kind: matrix"]\n')


def test_dockerfile_names() -> None:
    for name in ("Dockerfile", "dockerfile.gpu", "Dockerfile-polyaxon", "train.dockerfile"):
        assert [f.code for f in findings(name, "RUN polyaxon upload\n")] == ["PLX204"]


def test_other_instructions_are_not_shell() -> None:
    check_noop("Dockerfile", "LABEL x=\"polyaxon upload\"\n# RUN polyaxon upload\nENV P=polyaxon\n")


def test_a_shell_script_in_the_exec_form_is_read_and_reported_at_its_element() -> None:
    text = 'FROM python:3.8\nRUN bash -c \'polyaxon experiment logs\'\nCMD ["sh", "-c", "polyaxon experiment -xp 1 logs"]\n'
    found = [(f.code, f.location.row, f.location.column, f.fix is None) for f in findings("Dockerfile", text)]
    # In the shell form the script is rewritten in place; in the exec form its element is shell-quoted as a
    # whole, so the call is reported at the element and left to a human.
    assert found == [("PLX201", 2, 23, False), ("PLX201", 3, 19, True)]
    check_transformed("Dockerfile", text, text.replace("'polyaxon experiment logs'", "'polyaxon ops logs'"),
                      remaining=["PLX201"])


def test_a_here_document_run_as_the_script_is_shell() -> None:
    before = ("FROM python:3.8\nRUN <<EOF\npip install polyaxon-client\npolyaxon init mnist\nEOF\n"
              "RUN bash -e <<-'SCRIPT' && echo done\n\tpolyaxon init mnist\n\tSCRIPT\n")
    check_transformed("Dockerfile", before, before.replace("pip install polyaxon-client",
                                                           'pip install "polyaxon>=1.20,<2"')
                      .replace("polyaxon init mnist", "polyaxon init -p mnist"))


def test_a_here_document_given_to_another_program_is_its_input() -> None:
    # And the lines of a here-document are not instructions, whatever they look like.
    check_noop("Dockerfile", 'FROM python:3.8\nRUN python3 <<EOF\nos.system("polyaxon init mnist")\n'
                             "RUN polyaxon init mnist\nEOF\nRUN sh -c 'echo' <<EOF\npolyaxon init mnist\nEOF\n")


def test_a_here_document_marker_in_quotes_or_never_ended_is_not_one() -> None:
    text = 'FROM python:3.8\nRUN echo "<<EOF"\nRUN cat <<END\nRUN polyaxon init mnist\n'
    assert [(finding.code, finding.location.row) for finding in findings("Dockerfile", text)] == [("PLX205", 4)]

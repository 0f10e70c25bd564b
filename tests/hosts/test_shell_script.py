from __future__ import annotations

from tests.helpers import check_noop, check_transformed, findings


def located(name: str, text: str) -> list[tuple[str, int, int, int, int]]:
    return [(f.code, f.location.row, f.location.column, f.end_location.row, f.end_location.column)
            for f in findings(name, text)]


def test_scripts_by_suffix() -> None:
    for name in ("a.sh", "b.bash", "c.zsh", "d.ksh"):
        assert located(name, "echo hi\npolyaxon upload\n") == [("PLX204", 2, 10, 2, 16)]


def test_extensionless_files_need_a_shell_shebang() -> None:
    assert located("train", "#!/usr/bin/env bash\npolyaxon upload\n") == [("PLX204", 2, 10, 2, 16)]
    assert located("train", "#!/bin/sh\npolyaxon upload\n") == [("PLX204", 2, 10, 2, 16)]
    assert findings("train", "#!/usr/bin/env python\nos.system('polyaxon upload')\n") == []
    assert findings("NOTES", "polyaxon upload\n") == []


def test_crlf_scripts_keep_their_newlines() -> None:
    check_transformed("a.sh", "polyaxon init mnist\r\npolyaxon experiment logs\r\n",
                      "polyaxon init -p mnist\r\npolyaxon ops logs\r\n")


def test_unicode_before_a_call_keeps_columns_in_characters() -> None:
    assert located("a.sh", "echo 'é€'; polyaxon init mnist\n") == [("PLX205", 1, 26, 1, 31)]


def test_suppression_comment() -> None:
    check_noop("a.sh", "polyaxon upload  # noqa: PLX204\n")


def test_a_script_with_a_syntax_error_elsewhere_is_still_read() -> None:
    assert located("a.sh", "fi fi\npolyaxon upload\n")[0][0] == "PLX204"

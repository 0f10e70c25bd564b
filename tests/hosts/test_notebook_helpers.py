"""The shared notebook helper: cells, the source -> JSON map, and JSON string edits."""

from __future__ import annotations

import json

import pytest

from polylint.diagnostics import Edit
from polylint.hosts._notebook import NotebookError, parse_notebook
from polylint.diagnostics import apply_edits


def notebook(*cells: object, indent: int = 1) -> str:
    return json.dumps({"cells": list(cells), "metadata": {"kernelspec": {"language": "python"}},
                       "nbformat": 4, "nbformat_minor": 5}, indent=indent, ensure_ascii=False)


def code(*lines: str) -> dict[str, object]:
    return {"cell_type": "code", "metadata": {}, "outputs": [], "source": list(lines)}


def test_cells_have_their_decoded_source_and_one_based_numbers() -> None:
    text = notebook({"cell_type": "markdown", "metadata": {}, "source": "# title"},
                    code('print("a\\tb")\n', "x = 1"))
    cells = parse_notebook(text).cells
    assert [(cell.number, cell.cell_type) for cell in cells] == [(1, "markdown"), (2, "code")]
    assert cells[1].source == 'print("a\\tb")\nx = 1'


def test_source_offsets_map_to_the_json_text_through_escapes() -> None:
    text = notebook(code('s = "é\\"q"\n', "!polyaxon ops ls"))
    cell = parse_notebook(text).cells[0]
    for offset, char in enumerate(cell.source):
        host = cell.host_offset(offset)
        if char == "\n":
            assert text[host:host + 2] == "\\n"
        elif char == '"':
            assert text[host:host + 2] == '\\"'
        else:
            assert text[host] == char


def test_surrogate_pairs_count_as_one_character() -> None:
    text = '{"cells": [{"cell_type": "code", "source": ["# \\ud83d\\ude00 x"]}]}'
    cell = parse_notebook(text).cells[0]
    assert cell.source == "# \U0001F600 x"
    assert text[cell.host_offset(4)] == "x"


def test_an_edit_is_re_encoded_as_a_json_string_edit_and_nothing_else_changes() -> None:
    text = notebook(code("a = 1\n", '!polyaxon experiment logs\n', "b = 2"), code("c = 3"))
    cell = parse_notebook(text).cells[0]
    start = cell.source.index("experiment")
    region = cell.region("shell")
    edits = region.host_edits([Edit(start, start + len("experiment"), 'ops "x"')])
    assert edits is not None
    new = apply_edits(text, edits)
    assert json.loads(new)["cells"][0]["source"][1] == '!polyaxon ops "x" logs\n'
    assert new.replace('ops \\"x\\"', "experiment") == text


def test_an_insertion_at_a_line_end_stays_in_that_line() -> None:
    text = notebook(code("ab\n", "cd"))
    cell = parse_notebook(text).cells[0]
    edit = cell.host_edit(2, 2, "!")
    assert edit is not None
    assert json.loads(apply_edits(text, [edit]))["cells"][0]["source"] == ["ab!\n", "cd"]


def test_an_edit_across_two_json_strings_is_not_carried_back() -> None:
    text = notebook(code("ab\n", "cd"))
    region = parse_notebook(text).cells[0].region("python")
    assert region.host_edits([Edit(1, 4, "")]) is None


def test_region_from_spans_maps_pieces_of_a_cell() -> None:
    text = notebook(code("%%bash\n", "polyaxon init mnist\n"))
    cell = parse_notebook(text).cells[0]
    region = cell.region("shell", [(7, len(cell.source))])
    assert region.text == "polyaxon init mnist\n"
    assert region.cell == 1
    assert text[region.host_offset(14):].startswith("mnist")


def test_source_as_one_string_and_nbformat3_worksheets() -> None:
    text = '{"worksheets": [{"cells": [{"cell_type": "code", "input": "x\\ny"}]}]}'
    cell = parse_notebook(text).cells[0]
    assert cell.source == "x\ny"
    assert text[cell.host_offset(2)] == "y"


@pytest.mark.parametrize("bad, offset", [('{"cells": [', 11), ('{"cells": [1 2]}', 13), ("[1] x", 4)])
def test_invalid_json_is_reported_with_its_offset(bad: str, offset: int) -> None:
    with pytest.raises(NotebookError) as raised:
        parse_notebook(bad)
    assert raised.value.offset == offset


def test_with_new_items_an_edit_across_lines_re_encodes_only_the_items_it_touches() -> None:
    text = notebook(code("a = 1\n", "b = 2\n", "c = 3"), indent=2)
    cell = parse_notebook(text).cells[0]
    edit = cell.host_edit(2, 8, "= 0\nb ", new_items=True)
    assert edit is not None
    new = apply_edits(text, [edit])
    assert json.loads(new)["cells"][0]["source"] == ["a = 0\n", "b = 2\n", "c = 3"]
    assert new == text.replace('"a = 1\\n"', '"a = 0\\n"')
    # Without new_items the same edit is refused: it does not lie inside one JSON string.
    assert cell.host_edit(2, 8, "= 0\nb ") is None


def test_new_lines_become_new_items_and_removed_lines_go_with_their_separator() -> None:
    text = notebook(code("a = 1\n", "b = 2\n", "c = 3"), indent=2)
    cell = parse_notebook(text).cells[0]
    added = cell.host_edit(6, 6, "x = 0\n", new_items=True)
    removed = cell.host_edit(6, 12, "", new_items=True)
    assert added is not None and removed is not None
    assert apply_edits(text, [added]) == text.replace('"b = 2\\n",', '"x = 0\\n",\n        "b = 2\\n",')
    assert apply_edits(text, [removed]) == text.replace('"b = 2\\n",\n        ', "")


def test_inserted_text_is_escaped_the_way_the_file_escapes() -> None:
    ascii_text = notebook(code("s = 1\n"), indent=1).replace("s = 1", "s = 1 # \\u00e9")
    for text, expected in ((ascii_text, "\\u00fc"), (notebook(code("s = 1 # é\n")), "ü")):
        cell = parse_notebook(text).cells[0]
        edit = cell.host_edit(0, 1, "ü")
        assert edit is not None and edit.content == expected
        assert json.loads(apply_edits(text, [edit]))["cells"][0]["source"][0].startswith("ü = 1")


def test_cell_positions_are_rows_and_columns_in_the_decoded_source() -> None:
    text = notebook(code("a = 1\n", '!polyaxon ops ls\n'))
    cell = parse_notebook(text).cells[0]
    region = cell.region("shell", [(7, len(cell.source))])
    assert region.cell_position(8) == (1, cell.position(15))
    assert (cell.position(15).row, cell.position(15).column) == (2, 10)

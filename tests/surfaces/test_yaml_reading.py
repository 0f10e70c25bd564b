"""The reading view (libyaml's events) against the round-trip view (ruamel) that the checks read before it.

Both stay: the checks read the one, the codemods write with the other. On every fixture, every file of the
shared corpus and seeded generated streams, they must give the same documents (values, key order, positions,
styles, token lines) and the checks the same diagnostics on either.
"""

from __future__ import annotations

import contextlib
import datetime
import math
import random
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

from polylint.checking import process_bytes
from polylint.config import Settings
from polylint.results import Options
from polylint.source import LineIndex, SourceFile
from polylint.surfaces.yaml import YamlParseError, load_documents, read_documents
from tests.corpus import CORPUS
from tests.surfaces.test_yaml import SCALARS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
YAML_NAMES = (".yml", ".yaml", ".json", ".tmpl", ".save", ".bak")


def _files() -> List[Path]:
    found = [path for path in sorted(FIXTURES.rglob("*")) if path.is_file() and path.name.endswith(YAML_NAMES)]
    if CORPUS.is_dir():
        found += [path for path in sorted((CORPUS / "yaml").rglob("*")) if path.is_file()]
    return found


_WORDS = ["a", "run", "cmd", "kind", "image", "é", "k b", "memory", "x-y", "<<x"]
_PLAIN = SCALARS + ["plain words", "a:b", "-x", "?", "%", "@x"]


def _scalar(rng: random.Random) -> str:
    choice = rng.random()
    word = rng.choice(_PLAIN)
    if choice < 0.55 or not word:
        return word
    if choice < 0.7:
        return "'" + word.replace("'", "''") + "'"
    if choice < 0.8:
        return '"' + word + '\\t"'
    return rng.choice(["!!str 1", "!!int '3'", "!foo bar", "!!binary aGVsbG8=", "!!float 1", "!!bool yes",
                       "!!python/object/apply:os.system ['true']", "!!null ''", "2020-01-02T10:00:00Z"])


def _block(rng: random.Random, indent: int, depth: int, anchors: List[str]) -> Iterator[str]:
    """Lines of a block mapping or sequence at indent."""
    pad = " " * indent
    sequence = rng.random() < 0.3
    for index in range(rng.randint(1, 4)):
        head = f"{pad}- " if sequence else f"{pad}{rng.choice(_WORDS)}:"
        anchor = ""
        if rng.random() < 0.1:
            anchor = f"&n{len(anchors)} "
            anchors.append(f"n{len(anchors)}")
        roll = rng.random()
        if roll < 0.1 and anchors and not anchor:
            yield f"{head}{' ' if not sequence else ''}*{rng.choice(anchors)}"
        elif roll < 0.15 and not sequence and anchors:
            yield f"{pad}<<: *{rng.choice(anchors)}"
        elif roll < 0.3 and depth < 3:
            yield f"{head}{' ' if not sequence else ''}{anchor}".rstrip()
            yield from _block(rng, indent + 2, depth + 1, anchors)
        elif roll < 0.4:
            yield f"{head} {anchor}{{a: {_scalar(rng)}, b: [1, {_scalar(rng)}]}}"
        elif roll < 0.47:
            yield f"{head} {anchor}|" + rng.choice(["", "-", "+"])
            yield f"{pad}  line one  # not a comment"
            yield f"{pad}  line two"
        elif roll < 0.52:
            yield f"{head}"
            yield f"{pad}# a comment where the value would be"
        elif roll < 0.56:
            yield f"{head} {anchor}'two\n{pad}  lines'"
        else:
            comment = "  # note" if rng.random() < 0.2 else ""
            yield f"{head} {anchor}{_scalar(rng)}{comment}"
        if index == 0 and rng.random() < 0.05:
            yield f"{pad}\t# a tab"


def generated(seed: int) -> str:
    rng = random.Random(seed)
    documents = []
    for _ in range(rng.randint(1, 3)):
        documents.append("\n".join(_block(rng, 0, 0, [])) + "\n")
    separator = rng.choice(["---\n", "...\n---\n", "--- # doc\n"])
    return ("---\n" if rng.random() < 0.3 else "") + separator.join(documents)


GENERATED = [generated(seed) for seed in range(200)]


def _normal(value: Any, seen: Dict[int, int]) -> Any:
    """A document as data to compare: values with their types, key order, positions and flow style."""
    if isinstance(value, (dict, list)):
        if id(value) in seen:
            return ("shared", seen[id(value)])
        seen[id(value)] = len(seen)
        positions = dict(getattr(getattr(value, "lc", None), "data", None) or {})
        flow = bool(value.fa.flow_style()) if hasattr(value, "fa") else None
        if isinstance(value, dict):
            # An empty value's mark is where ruamel's parser or libyaml's puts it, after comments or not: no
            # reader asks for it.
            places = {repr(key): list(place)[:2] if value.get(key) is None else list(place)
                      for key, place in positions.items()}
            return ("map", flow, places, [(_normal(key, seen), _normal(item, seen)) for key, item in value.items()])
        places = {index: list(place) for index, place in positions.items() if value[index] is not None}
        return ("seq", flow, places, [_normal(item, seen) for item in value])
    if isinstance(value, tuple):
        return ("key", [_normal(item, seen) for item in value])
    if type(value).__name__ == "ScalarBoolean":
        # ruamel's anchored boolean (`&a yes`) is an int that is no bool; the reading view's is a bool, as PyYAML's
        # and Polyaxon's.
        return ("bool", bool(value))
    if type(value).__name__ == "TaggedScalar":
        return ("tagged", value.value, str(value.tag))
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    for kind in (bool, int, float, str, bytes, datetime.datetime, datetime.date, type(None)):
        if isinstance(value, kind):
            return (kind.__name__, kind(value) if kind not in (type(None), datetime.datetime, datetime.date)
                    else value)
    raise AssertionError(f"unexpected {type(value)}")


def _read(reader: Any, text: str, pyyaml_scalars: bool) -> Any:
    try:
        documents = reader(text, LineIndex(text), pyyaml_scalars)
    except YamlParseError as error:
        return ("error", error.reason, error.offset)
    except Exception as error:  # ruamel fails on a merge of a scalar: the reading view hands it such streams
        return ("failed", type(error).__name__)
    if not documents:
        return []
    # The lines a check may read (where a block ends); where each line's last token ends is the writing view's
    # concern (comments are placed by it), and libyaml and ruamel mark an empty scalar in different places.
    lines = documents[0].token_lines
    return [(document.index, document.start, document.end, _normal(document.data, {})) for document in documents] + [
        (sorted(lines.inside_scalar), sorted(lines.inside_flow), sorted(lines.continued), lines.anchored)]


def _text(path: Path) -> str:
    return SourceFile.from_bytes(str(path), path.read_bytes()).text


def _cases() -> Iterator[Tuple[str, str]]:
    for path in _files():
        yield str(path), _text(path)
    for seed, text in enumerate(GENERATED):
        yield f"generated-{seed}.yml", text


CASES = list(_cases())


@pytest.mark.parametrize("pyyaml_scalars", [True, False])
def test_the_reading_view_reads_every_stream_as_the_round_trip_view(pyyaml_scalars: bool) -> None:
    different = [name for name, text in CASES
                 if _read(read_documents, text, pyyaml_scalars) != _read(load_documents, text, pyyaml_scalars)]
    assert not different


def test_the_generated_streams_hold_what_they_are_made_for() -> None:
    # Most parse, and between them they have anchors, merges, tags, block scalars, flow collections.
    parsed = []
    for text in GENERATED:
        with contextlib.suppress(YamlParseError, AttributeError):  # AttributeError: ruamel's, on a merge of a scalar
            parsed.append(load_documents(text, LineIndex(text)))
    assert len(parsed) > len(GENERATED) // 2
    joined = "".join(GENERATED)
    assert all(marker in joined for marker in ("<<: *", "&n", "!!python", ": |", "{a:", "'two"))


def _findings(name: str, text: str, fix: bool) -> List[Tuple[Any, ...]]:
    result = process_bytes(name, text.encode("utf-8"), Options(Settings(), fix=fix, unsafe_fixes=fix))
    return [(f.code, f.location, f.end_location, f.message, f.fix) for f in result.findings] + [
        result.new_data, result.fixed]


@pytest.mark.parametrize("fix", [False, True])
def test_the_checks_find_the_same_on_either_view(monkeypatch: pytest.MonkeyPatch, fix: bool) -> None:
    names = [(Path(name).name if name.startswith("generated") else name) for name, _text in CASES]
    new = [_findings(name, text, fix) for name, (_path, text) in zip(names, CASES)]
    import polylint.hosts._yaml

    monkeypatch.setattr(polylint.hosts._yaml, "read_documents", load_documents)
    old = [_findings(name, text, fix) for name, (_path, text) in zip(names, CASES)]
    different = [name for name, before, after in zip(names, old, new) if before != after]
    assert not different
    assert sum(len(found) - 2 for found in new) > 50  # they are findings, not only empty lists
    assert not fix or sum(found[-1] for found in new) > 20  # and fixes


def test_no_tag_runs_code(tmp_path: Path) -> None:
    touched = tmp_path / "touched"
    text = f"a: !!python/object/apply:os.system ['touch {touched}']\nb: !!python/name:os.system\n"
    [document] = read_documents(text, LineIndex(text), pyyaml_scalars=True)
    assert not touched.exists()
    apply, name = document.data.values()
    assert (apply, apply.tag) == (["touch " + str(touched)], "tag:yaml.org,2002:python/object/apply:os.system")
    assert (name.value, name.tag) == ("", "tag:yaml.org,2002:python/name:os.system")


def test_the_yaml_1_2_rules_are_ruamel_s() -> None:
    import re

    from ruamel.yaml.resolver import VersionedResolver

    from polylint.surfaces.yaml import _plain_rules

    def table(rules: Dict[Any, Any]) -> Dict[Any, Any]:
        return {first or "": [(tag, re.sub(r"\s", "", pattern.pattern)) for tag, pattern in found]
                for first, found in rules.items()}

    resolver = VersionedResolver(version=(1, 2))
    assert table(_plain_rules(False)) == table(resolver.versioned_resolver)


def test_a_stream_libyaml_does_not_read_is_the_round_trip_loader_s_error() -> None:
    text = "a: [1\nb: 2\n"
    with pytest.raises(YamlParseError) as ours:
        read_documents(text, LineIndex(text))
    with pytest.raises(YamlParseError) as theirs:
        load_documents(text, LineIndex(text))
    assert (ours.value.reason, ours.value.offset) == (theirs.value.reason, theirs.value.offset)

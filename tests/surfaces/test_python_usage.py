"""The Python analysis (surfaces/python_usage.py): the metadata it computes itself is libcst's, and which
imports a use is counted against."""

from typing import Dict, Tuple

import pytest
from libcst._metadata_dependent import LazyValue
from libcst.metadata import (
    CodeRange,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from polylint.surfaces.python import parse
from polylint.surfaces.python_usage import _Finder, analyse, scopes, spans

# A module with every kind of scope, binding and expression the analysis meets.
MODULE = '''"""Doc."""
import os, json as j
from polyaxon_client.tracking import Experiment, get_outputs_path as outputs
from polyaxon_client import PolyaxonClient

experiment = Experiment(project="mnist")  # the run
client = PolyaxonClient(host="plx", token=os.environ["TOKEN"])
values = [value * 2 for value in range(3) if value]
table = {key: j.dumps(key) for key in ("a", "b")}


class Trainer(object):
    """A trainer."""

    rate: float = 0.1

    def __init__(self, xp=None, *args, **kwargs) -> None:
        self.xp = xp or Experiment()
        global experiment
        experiment = self.xp

    @property
    def path(self) -> "str":
        return os.path.join(outputs(), f"{self.rate:.2f}", 'model.h5')

    async def run(self):
        async with self.xp as running:
            await running.log_metrics(loss=(1 +
                                            2), step=lambda n: n ** 2)
        try:
            import polyaxon_helper
        except ImportError:
            polyaxon_helper = None
        del self.xp
        return client.experiment.stop("alice", "mnist", 12)[0]


if __name__ == "__main__":
    Trainer().run()
'''
TEXTS = [MODULE, MODULE.replace("\n", "\r\n")]


def _line_starts(text: str) -> Tuple[int, ...]:
    return (0, *(index + 1 for index, char in enumerate(text) if char == "\n"))


def _offsets(text: str, position: CodeRange) -> Tuple[int, int]:
    starts = _line_starts(text)
    return (starts[position.start.line - 1] + position.start.column,
            starts[position.end.line - 1] + position.end.column)


@pytest.mark.parametrize("text", TEXTS)
def test_spans_are_the_positions_libcst_gives(text: str) -> None:
    tree = parse(text)
    positions = MetadataWrapper(tree, unsafe_skip_copy=True).resolve(PositionProvider)
    found = spans(tree)
    # The module's own end is libcst's after its last newline; nothing asks for the module's span.
    assert found.keys() == positions.keys()
    assert {node: _offsets(text, positions[node]) for node in positions if node is not tree} == {
        node: span for node, span in found.items() if node is not tree}


def test_spans_count_a_lone_carriage_return_as_a_character() -> None:
    # libcst counts it as a line break; offsets are characters, as the runner's positions are.
    text = "import os\rfrom polyaxon_client.tracking import Experiment\rxp = Experiment()\r"
    tree = parse(text)
    call = tree.body[2].body[0].value  # type: ignore[attr-defined]
    start, end = spans(tree)[call]
    assert text[start:end] == "Experiment()"


def test_scopes_are_the_ones_the_metadata_wrapper_resolves() -> None:
    tree = parse(MODULE)
    wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
    expected = wrapper.resolve(ScopeProvider)
    found = scopes(tree)
    # The scope analysis also parses string annotations (`"str"`), into new nodes each time it runs.
    in_tree = {tree, *wrapper.resolve(ParentNodeProvider)}
    assert found.keys() & in_tree == expected.keys() & in_tree
    assert len(found) == len(expected)
    # Each run makes its own scope objects: they must correspond one to one, kind for kind.
    pairs: Dict[int, int] = {}
    for node in found.keys() & in_tree:
        scope, other = found[node], expected[node]
        assert type(scope) is type(other)
        if scope is not None and other is not None:
            assert pairs.setdefault(id(scope), id(other)) == id(other)
            assert scope.get_qualified_names_for(node) == other.get_qualified_names_for(node)
    assert len(set(pairs.values())) == len(pairs)


def test_parents_and_qualified_names_are_the_ones_libcst_providers_give() -> None:
    tree = parse(MODULE)
    wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
    parents = wrapper.resolve(ParentNodeProvider)
    qualified = wrapper.resolve(QualifiedNameProvider)
    finder = _Finder(tree, MODULE, scopes(tree), spans(tree))
    tree.visit(finder)
    assert finder.parents == dict(parents)
    for node in parents:
        names = qualified[node]
        names = names() if isinstance(names, LazyValue) else names
        assert finder.qualified(node) == {name.name for name in names}


def test_a_name_two_imports_bind_is_a_use_of_both() -> None:
    # libcst keeps a name's bindings in a set: the import a use was counted against once depended on where
    # the objects sat in memory, and so did whether the other import was removed while still used.
    text = ("try:\n"
            "    from polyaxon_client.tracking import Experiment\n"
            "except ImportError:\n"
            "    Experiment = None\n"
            "if USE_PLX:\n"
            "    from polyaxon_client.tracking import Experiment, get_outputs_path\n"
            "Experiment.get_experiment_info()\n")
    usage = analyse(parse(text), text)
    use = text.index("Experiment.get")
    assert [statement.references for statement in usage.imports] == [
        {"Experiment": [(use, use + len("Experiment.get_experiment_info"))]}] * 2

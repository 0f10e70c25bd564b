"""setup.py: the `install_requires` and `extras_require` of a `setup(...)` call, read with libcst.

The lists may be written in the call or in a module-level assignment the call names
(`install_requires=REQUIREMENTS`). Plain string literals are rewritten; a requirement whose name is written
otherwise (escapes, implicit concatenation, an f-string before its first `{`) is reported without a fix,
and one built at run time (read from a file) is not code we evaluate. Nothing in the file is run or
imported.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple, Union

from polylint.hosts import HostPath, python_module
from polylint.knowledge.packages import MENTIONS_V0_PACKAGE

if TYPE_CHECKING:
    import libcst

    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile
    from polylint.surfaces.requirements import Pin, PinGroup

SURFACE = "requirements"
# Patterns for regions(), as strings: re compiles (and caches) them on first use, so that a run whose files
# no prefilter lets through does not compile them at start-up.
_NAME_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")
_STRING = r"(?P<prefix>[uUrR]?)(?P<quote>'''|\"\"\"|'|\")"


# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({".py"})


def claims(path: HostPath) -> bool:
    return path.name == "setup.py"


def prefilter(data: bytes) -> bool:
    return MENTIONS_V0_PACKAGE.search(data) is not None and b"setup" in data


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    import libcst
    from libcst.metadata import MetadataWrapper, PositionProvider

    from polylint.read_errors import PYTHON_PARSE_ERROR
    from polylint.diagnostics import Diagnostic
    from polylint.source import Region

    try:
        module = libcst.parse_module(source.text)
    except libcst.ParserSyntaxError as error:
        # The Python module host kind reads this file too, and reports its parse error at CPython's own
        # position, whenever its prefilter lets the file in.
        if not python_module.prefilter(source.data):
            offset = source.index.offset(error.raw_line, error.raw_column + 1)
            yield Diagnostic(PYTHON_PARSE_ERROR.code, f"could not parse Python: {error.message}", offset, offset)
        return
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)

    def span(node: libcst.CSTNode) -> Tuple[int, int]:
        code_range = positions[node]
        return (source.index.offset(code_range.start.line, code_range.start.column + 1),
                source.index.offset(code_range.end.line, code_range.end.column + 1))

    assignments = _module_lists(wrapper.module)
    groups: List[PinGroup] = []
    for call in _setup_calls(wrapper.module):
        for argument in call.args:
            keyword = argument.keyword.value if argument.keyword is not None else None
            if keyword == "install_requires":
                value = _resolve(argument.value, assignments)
                if value is not None:
                    groups.append(_group("`install_requires`", value, source.text, span))
            elif keyword == "extras_require":
                extras = _resolve(argument.value, assignments)
                if isinstance(extras, libcst.Dict):
                    for element in extras.elements:
                        if not isinstance(element, libcst.DictElement):
                            continue
                        key = element.key
                        label = key.evaluated_value if isinstance(key, libcst.SimpleString) else "?"
                        value = _resolve(element.value, assignments)
                        if value is not None:
                            groups.append(_group(f"`extras_require[{label!r}]`", value, source.text, span))
    yield Region(SURFACE, source.text, tree=tuple(groups))


def _setup_calls(module: libcst.Module) -> List[libcst.Call]:
    """The calls of `setup(...)` and `<anything>.setup(...)`, in the order of the text (a visitor, not
    libcst.matchers: that takes longer to import than libcst itself)."""
    import libcst

    calls: List[libcst.Call] = []

    class SetupCalls(libcst.CSTVisitor):
        def visit_Call(self, node: libcst.Call) -> None:
            called = node.func.attr if isinstance(node.func, libcst.Attribute) else node.func
            if isinstance(called, libcst.Name) and called.value == "setup":
                calls.append(node)

    module.visit(SetupCalls())
    return calls


def _module_lists(module: libcst.Module) -> Dict[str, libcst.BaseExpression]:
    """Module-level `NAME = [...]` / `{...}` assignments (the last one wins, as when it runs)."""
    import libcst

    found: Dict[str, libcst.BaseExpression] = {}
    for statement in module.body:
        if not isinstance(statement, libcst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, libcst.Assign) and len(small.targets) == 1:
                target = small.targets[0].target
                if isinstance(target, libcst.Name):
                    found[target.value] = small.value
            elif isinstance(small, libcst.AnnAssign) and isinstance(small.target, libcst.Name) and small.value:
                found[small.target.value] = small.value
    return found


def _resolve(value: libcst.BaseExpression, assignments: Dict[str, libcst.BaseExpression]) -> Optional[Any]:
    import libcst

    if isinstance(value, libcst.Name):
        value = assignments.get(value.value, value)
    if isinstance(value, (libcst.List, libcst.Tuple, libcst.Dict)):
        return value
    return None


def _group(where: str, sequence: Any, text: str, span: Any) -> PinGroup:
    import libcst

    from polylint.surfaces.requirements import Pin, PinGroup, element_removal, parse_requirement

    if not isinstance(sequence, (libcst.List, libcst.Tuple)):
        return PinGroup(where)
    elements = list(sequence.elements)
    spans = [span(element.value) for element in elements]
    # Positions are trusted only where they hold the literal they claim to (libcst counts some odd line
    # continuations differently from a line index).
    if any(isinstance(element.value, libcst.SimpleString) and text[start:end] != element.value.value
           for element, (start, end) in zip(elements, spans)):
        return PinGroup(where)
    pins: List[Pin] = []
    for index, element in enumerate(elements):
        node = element.value
        literal = re.match(_STRING, node.value) if isinstance(node, libcst.SimpleString) else None
        if literal is None or "\\" in literal.string:
            written = _written_otherwise(node, spans[index])
            pins.extend([written] if written is not None else [])
            continue
        assert isinstance(node, libcst.SimpleString)
        start = spans[index][0] + literal.end()
        content = node.value[literal.end(): len(node.value) - len(literal.group("quote"))]
        requirement = parse_requirement(content)
        if requirement is None or content[requirement.core_end:].strip()[:1] not in ("", ";"):
            continue
        requirement = requirement.shifted(start)
        pins.append(Pin(requirement, requirement.name_start, requirement.core_end,
                        element_removal(text, spans, index), core=requirement.core))
    return PinGroup(where, tuple(pins))


def _written_otherwise(node: libcst.BaseExpression, span: Tuple[int, int]) -> Optional[Pin]:
    """A requirement whose name is in the text but not in one plain literal (escapes, pieces, an f-string): it
    is reported where it stands, and left to a person."""
    import libcst

    from polylint.surfaces.requirements import Pin, parse_requirement, pin_written_otherwise

    if isinstance(node, libcst.FormattedString) and node.parts and isinstance(node.parts[0],
                                                                             libcst.FormattedStringText):
        # Only the text before the first `{...}`: a name that ends there may go on in what is formatted.
        text, why = node.parts[0].value, "a requirement formatted at run time (an f-string) is not rewritten"
        requirement = parse_requirement(text)
        name_end = requirement.name_start + len(requirement.name) if requirement is not None else 0
        if requirement is None or name_end == len(text) or text[name_end] in _NAME_CHARACTERS:
            return None
        return Pin(requirement, span[0], span[1], None, frozen=why)
    if isinstance(node, (libcst.SimpleString, libcst.ConcatenatedString)):
        value = node.evaluated_value
        if isinstance(value, str):  # not bytes, nor pieces with an f-string
            return pin_written_otherwise(value, span, "a requirement written with escapes or in pieces is not "
                                                      "rewritten")
    return None

"""`params`/`declarations` and v0 `inputs`/`outputs` -> v1 `inputs`/`outputs` (mapping §2.2).

A v0 param `lr: 0.01` becomes `{name: lr, type: float, value: 0.01, isOptional: true}`, the type inferred
from the value; v0 IO specs get their camelCase keys and the v1 names of the path types. A `{{ var }}`
that nothing declares (v0 rendered it as an empty string) becomes a required `str` input, so that v1
asks for it instead of running with an empty value: that changes behaviour, so it is unsafe.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from polylint.checks.polyaxonfile.undeclared_template_variable import template_roots
from polylint.codemods.polyaxonfile.context import Conversion, ConversionError, item_line, line_of
from polylint.knowledge.polyaxonfile import V0_IO_KEYS, V0_IO_TYPES, V1_CONTEXT_ROOTS, V1_RESERVED_INPUT_NAMES
from polylint.surfaces.yaml import walk

_V0_REFERENCE = re.compile(r"\{\{\s*(?:jobs|experiments|ops|builds)\.")
_TEMPLATE = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)


def infer_type(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return "any"


def common_type(values: Iterable[Any]) -> str:
    kinds = {infer_type(value) for value in values}
    if kinds == {"int", "float"}:
        return "float"
    return kinds.pop() if len(kinds) == 1 else "any"


class Declarations:
    """The inputs and outputs of one component, built in v0 order."""

    def __init__(self, conversion: Conversion) -> None:
        self.conversion = conversion
        self.inputs: CommentedSeq = conversion.new_seq()
        self.outputs: CommentedSeq = conversion.new_seq()
        self.by_name: Dict[str, CommentedMap] = {}

    def names(self) -> Set[str]:
        return set(self.by_name)

    def _entry(self, section: CommentedSeq, name: str, origin: Optional[int]) -> CommentedMap:
        if name in V1_RESERVED_INPUT_NAMES:
            # Renaming it would mean rewriting every template and `-P` that uses it: left to the user.
            raise ConversionError(f"`{name}` is reserved in v1 and cannot name an input")
        entry = self.conversion.new_map()
        self.conversion.put(entry, "name", name, origin)
        self.conversion.put(section, None, entry, origin)
        self.by_name[name] = entry
        return entry

    def add_io(self, section_name: str, specs: Any, path: Tuple[Any, ...]) -> None:
        section = self.inputs if section_name == "inputs" else self.outputs
        for index, spec in enumerate(specs if isinstance(specs, list) else []):
            origin = item_line(specs, index)
            if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
                self.conversion.keep(origin, path + (index,), spec, "an IO entry without a name")
                continue
            entry = self._entry(section, spec["name"], line_of(spec, "name", origin))
            for key, value in spec.items():
                if key == "name":
                    continue
                if key not in V0_IO_KEYS:
                    self.conversion.keep(line_of(spec, key), path + (spec["name"], key), value,
                                         f"IO key `{key}` has no v1 equivalent")
                    continue
                if key == "type" and isinstance(value, str):
                    value = V0_IO_TYPES.get(value, value)
                self.conversion.put(entry, V0_IO_KEYS[key], self.conversion.copy(value), line_of(spec, key))
            if "value" in entry and not entry.get("isOptional"):
                self.conversion.put(entry, "isOptional", True, line_of(spec, "name"))
        if specs is not None and not isinstance(specs, list):
            self.conversion.keep(self.conversion.default_line, path, specs, f"`{section_name}` must be a list")

    def add_params(self, params: Any, path: Tuple[Any, ...]) -> None:
        if not isinstance(params, dict):
            if params is not None:
                self.conversion.keep(self.conversion.default_line, path, params, "params that are not a mapping")
            return
        for name, value in params.items():
            line = line_of(params, name)
            if isinstance(value, str) and _V0_REFERENCE.search(value):
                self.conversion.keep(line, path + (str(name),), value,
                                     "a v0 reference to another run's output: in v1 pass the param as "
                                     "`{ref: runs.<UUID>, value: outputs.<name>}` (or `ops.<name>` in a DAG)")
                continue
            entry = self.by_name.get(str(name))
            if entry is None:
                entry = self._entry(self.inputs, str(name), line)
                self.conversion.put(entry, "type", infer_type(value), line)
            self.conversion.put(entry, "value", self.conversion.copy(value), line)
            self.conversion.put(entry, "isOptional", True, line)

    def require(self, name: str, type_name: str, origin: Optional[int]) -> None:
        """A required input (no value): matrix parameters, and names templates use without declaring."""
        if name in self.by_name:
            return
        entry = self._entry(self.inputs, name, origin)
        self.conversion.put(entry, "type", type_name, origin)

    def place(self, component: CommentedMap, origin: Optional[int]) -> None:
        for section_name, section in (("inputs", self.inputs), ("outputs", self.outputs)):
            if section:
                self.conversion.put(component, section_name, section, origin)


def template_names(tree: Any) -> List[str]:
    """Every root name the templates of tree read, in order of first use."""
    found: List[str] = []
    for _path, _parent, value in walk(tree):
        if isinstance(value, str) and "{{" in value:
            for template in _TEMPLATE.finditer(value):
                for name in template_roots(template.group(1)):
                    if name not in found:
                        found.append(name)
    return found


def declare_template_names(conversion: Conversion, declarations: Declarations, tree: Any) -> None:
    missing = [name for name in template_names(tree)
               if name not in declarations.names() and name not in V1_CONTEXT_ROOTS]
    for name in missing:
        declarations.require(name, "str", conversion.default_line)
    if missing:
        conversion.unsafe("v0 rendered the undeclared template variable(s) "
                          + ", ".join(f"`{name}`" for name in missing)
                          + " as empty strings; they are now required `str` inputs: pass them with `-P`")

"""Execution order in a Python module: whether one call certainly runs before a node, every time it runs.

v1's `tracking.*` functions act on the run `tracking.init()` made, where v0's needed no set-up, so a
rewrite to them is right only after an init. What this module can prove, and nothing more:

- straight-line order: the init is a statement of its own (or a `with` item), not under a condition, and the
  node sits in a later statement of the same block (a `def` or `class` written later counts: what it defines
  can only run once it exists), or in the body of that `with`;
- calls: a node inside a function runs after the init when every use of the function's name in the module
  is a call that does (a function nobody here calls runs, from another module, after this module's
  import: so after an init made at its top level).

Anything else (a condition, a lambda, a function passed around, a name bound twice) is not proven.
"""

from __future__ import annotations

from typing import Iterator, Mapping, Optional, Sequence, Set, Tuple, Union

import libcst as cst
from libcst.metadata import Assignment, Scope

Block = Union[cst.Module, cst.IndentedBlock]
# Where an init runs: the block it runs in and its position there (what is later in the block runs after it).
Point = Tuple[Block, float]

_NOT_ALWAYS = (cst.Lambda, cst.IfExp, cst.BooleanOperation, cst.ListComp, cst.SetComp, cst.DictComp,
               cst.GeneratorExp)


class Order:
    def __init__(self, module: cst.Module, parents: Mapping[cst.CSTNode, cst.CSTNode],
                 scopes: Mapping[cst.CSTNode, Optional[Scope]]) -> None:
        self.module = module
        self.parents = parents
        self.scopes = scopes

    def point(self, call: cst.CSTNode) -> Optional[Point]:
        """Where `call` runs when it runs unconditionally in its statement; None otherwise."""
        child: cst.CSTNode = call
        parent = self.parents.get(child)
        while parent is not None:
            if isinstance(parent, cst.WithItem):
                with_ = self.parents.get(parent)
                if isinstance(with_, cst.With) and isinstance(with_.body, cst.IndentedBlock):
                    return with_.body, -1
                return None
            if isinstance(parent, cst.SimpleStatementLine):
                block = self.parents.get(parent)
                if isinstance(block, (cst.Module, cst.IndentedBlock)):
                    return block, float(_index(block.body, parent))
                return None
            if isinstance(parent, (*_NOT_ALWAYS, cst.BaseCompoundStatement, cst.SimpleStatementSuite)):
                return None
            child, parent = parent, self.parents.get(parent)
        return None

    def runs_after(self, point: Point, node: cst.CSTNode) -> bool:
        """Whether `node` runs, every time it runs, after what runs at `point`."""
        return self._after(point, node, set())

    def _after(self, point: Point, node: cst.CSTNode, seen: Set[cst.FunctionDef]) -> bool:
        block, index = point
        child: cst.CSTNode = node
        parent = self.parents.get(child)
        while parent is not None:
            if parent is block and isinstance(child, cst.BaseStatement):
                return _index(block.body, child) > index
            if isinstance(parent, cst.Lambda):
                return False
            if isinstance(parent, cst.FunctionDef) and child is parent.body:
                # Inside a function's body: it runs when the function is called.
                if self.parents.get(parent) is block and _index(block.body, parent) > index:
                    return True
                if not _is_method(parent, self.parents):
                    return self._called_after(point, parent, seen)
            child, parent = parent, self.parents.get(parent)
        return False

    def _called_after(self, point: Point, function: cst.FunctionDef, seen: Set[cst.FunctionDef]) -> bool:
        if function in seen:
            return False
        seen.add(function)
        scope = self.scopes.get(function)
        if scope is None:
            return False
        assignments = list(scope.assignments[function.name.value])
        if len(assignments) != 1 or not isinstance(assignments[0], Assignment) or \
                assignments[0].node is not function:
            return False
        uses = [access.node for access in assignments[0].references]
        if not uses:
            # Nobody here calls it: another module does, once this one is imported.
            return isinstance(point[0], cst.Module) or not isinstance(self.parents.get(function), cst.Module)
        for use in uses:
            call = self.parents.get(use)
            if not (isinstance(call, cst.Call) and call.func is use and self._after(point, call, seen)):
                return False
        return True

    def first_run(self, sites: Sequence[cst.CSTNode]) -> Optional[int]:
        """The index of the first top-level statement that runs anything (a call, or one of `sites`), past the
        imports and docstrings: where a module-level init must come before."""
        wanted = set(sites)
        for index, statement in enumerate(self.module.body):
            if is_import_line(statement):
                continue
            if any(isinstance(node, cst.Call) or node in wanted for node in _run_at_definition(statement)):
                return index
        return None


def _index(body: Sequence[cst.CSTNode], statement: cst.CSTNode) -> int:
    for index, item in enumerate(body):
        if item is statement:
            return index
    raise ValueError("statement not in its block")


def _is_method(function: cst.FunctionDef, parents: Mapping[cst.CSTNode, cst.CSTNode]) -> bool:
    block = parents.get(function)
    return isinstance(block, cst.IndentedBlock) and isinstance(parents.get(block), cst.ClassDef)


def is_import_line(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) or (
            isinstance(small, cst.Expr) and isinstance(small.value, (cst.SimpleString, cst.ConcatenatedString)))
        for small in statement.body)


def _run_at_definition(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The nodes of a statement that run when the statement runs: not a function's body or a lambda's."""
    yield node
    if isinstance(node, cst.Lambda):
        return
    if isinstance(node, cst.FunctionDef):
        for part in (*node.decorators, node.params, *([node.returns] if node.returns else [])):
            yield from _run_at_definition(part)
        return
    for child in node.children:
        yield from _run_at_definition(child)

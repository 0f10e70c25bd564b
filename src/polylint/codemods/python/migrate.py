"""The Python codemod: rewrite the v0 sites a run allows, then make the imports agree, with libcst.

Python fixes are made module-wide, in one step per safety level: renaming `experiment.log_params` is only
right if `Experiment()` became `tracking.init()`, and an import can only go once every use of it is gone.
So every fixable diagnostic of a module carries the same edits: the rewrite of every site allowed at its
level (``SAFE``, or ``SAFE`` and ``UNSAFE``), minus suppressed sites and disabled rules, minus sites whose
object's construction is not rewritten with them.

Imports:

- a v0 import none of whose names is used any more is replaced *in place* by the v1 imports its uses
  need, so its comments and its position (inside a function, under `if`) are kept;
- a v0 import some of whose names are still used stays, without the unused ones
  (``RemoveImportsVisitor``), and the v1 imports are added (``AddImportsVisitor``, or right after it when
  it is nested, so that an optional dependency stays optional);
- a v0 import under ``try`` is never touched, nor is anything that uses its names;
- a v1 name that would clash with a module-level name bound to something else is not introduced: the
  sites that need it stay unfixed (manual).

The result is turned back into edits (the changed spans of the text), so that the runner can carry them
into any host, a notebook cell's JSON string included.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass, field
from typing import Callable, Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple, Union

import libcst as cst

from polylint.diagnostics import Applicability, Edit
from polylint.surfaces.python_usage import ImportStatement, Site, Usage, table_expression, worst

Need = Tuple[str, str]


@dataclass
class Rewrite:
    """What one rewrite of a module did: its new text, the sites it rewrote and the imports it changed."""

    text: str
    sites: FrozenSet[int] = frozenset()  # ids of the sites rewritten
    imports: FrozenSet[int] = frozenset()  # ids of the ImportStatements changed or removed
    edits: Tuple[Edit, ...] = field(default=())


def rewrite(usage: Usage, level: Applicability, allowed: Callable[[Site], bool]) -> Rewrite:
    """Rewrite every site allowed at `level` (SAFE, or UNSAFE meaning SAFE and UNSAFE)."""
    chosen = [site for site in usage.sites
              if site.build is not None and site.level() is not Applicability.MANUAL
              and worst(site.level(), level) is level and allowed(site)]
    while True:
        chosen = _with_dependencies(chosen, allowed)
        plan = _ImportPlan(usage, chosen)
        clashing = plan.clashes()
        if not clashing:
            break
        chosen = [site for site in chosen if not set(site.needs) & clashing]
    if not chosen and not plan.changed:
        return Rewrite(usage.text)
    module = usage.module.visit(_Replace(chosen, plan))
    if plan.added_at_top or plan.removed_names:
        module = _top_level_imports(module, plan)
    text = module.code
    return Rewrite(text, frozenset(id(site) for site in chosen), frozenset(id(s) for s in plan.changed),
                   tuple(_edits(usage, text)))


def _edits(usage: Usage, text: str) -> List[Edit]:
    """The edits that make the module's text the rewritten text."""
    given_back = usage.module.code
    if given_back == usage.text:
        return text_edits(usage.text, text)
    # libcst does not give back every whitespace-only line at a module's end (a notebook's program ends with
    # its blanked magics). That loss is no change of ours: the edits are taken against what it gave back,
    # which is the text itself up to there.
    same = _common_prefix(usage.text, given_back)
    edits = text_edits(given_back, text)
    return edits if all(edit.end <= same for edit in edits) else text_edits(usage.text, text)


def _top_level_imports(module: cst.Module, plan: _ImportPlan) -> cst.Module:
    """Add and remove the module-level imports the plan leaves to libcst's import visitors.

    Imported here: `libcst.codemod` loads libcst's matchers, which takes longer than checking several
    modules, and most modules have every import replaced in place and never need it."""
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor

    context = CodemodContext()
    for need in plan.added_at_top:
        AddImportsVisitor.add_needed_import(context, need[0], need[1])
    for module_name, name, asname in plan.removed_names:
        RemoveImportsVisitor.remove_unused_import(context, module_name, name, asname)
    if plan.added_at_top:
        module = AddImportsVisitor(context).transform_module(module)
    if plan.removed_names:
        module = RemoveImportsVisitor(context).transform_module(module)
    return module


def _with_dependencies(chosen: List[Site], allowed: Callable[[Site], bool]) -> List[Site]:
    """Drop the sites whose object's construction is not rewritten with them (it would stay v0), and the
    sites made for others (an added `tracking.init()`) when none of those is rewritten."""
    while True:
        ids = {id(site) for site in chosen}
        needed = {id(site.depends) for site in chosen if site.depends is not None}
        kept = [site for site in chosen if (site.depends is None or id(site.depends) in ids)
                and (not site.support or id(site) in needed)]
        if len(kept) == len(chosen):
            return kept
        chosen = kept


class _ImportPlan:
    def __init__(self, usage: Usage, chosen: Sequence[Site]) -> None:
        self.usage = usage
        spans = _Spans((site.start, site.end) for site in chosen)
        self.needs: Dict[int, List[Need]] = {}
        loose: List[Need] = []
        for site in chosen:
            target = self.needs.setdefault(id(site.origin), []) if site.origin is not None else loose
            target.extend(need for need in site.needs if need not in target)
        # A name imported in both branches of an `if` (or in two functions) is bound by either import; a
        # site names the first as its origin. Each of the others becomes the same v1 import in its place,
        # or the branch that ran it would leave the v1 name unbound.
        for statement in usage.imports:
            if statement.nested and id(statement) not in self.needs:
                twin = next((other for other in usage.imports if id(other) in self.needs
                             and set(other.bindings) & set(statement.bindings)), None)
                if twin is not None:
                    self.needs[id(statement)] = list(self.needs[id(twin)])
        self.replaced: Dict[int, List[Need]] = {}  # statement id -> imports it becomes (in place)
        self.after: Dict[int, List[Need]] = {}  # nested statement id -> imports added right after it
        self.pruned: Dict[int, Set[str]] = {}  # nested statement id -> local names removed from it
        self.removed_names: List[Tuple[str, Optional[str], Optional[str]]] = []
        self.added_at_top: List[Need] = []
        self.changed: List[ImportStatement] = []
        self.all_needs = {need for needs in self.needs.values() for need in needs} | set(loose)
        present = {need for need in self.all_needs if self._already_bound(need)}
        placed: Set[Need] = set(present)
        for statement in usage.imports:
            needs = [need for need in self.needs.get(id(statement), []) if need not in placed]
            unused = {name for name, references in self._references(statement).items()
                      if all(spans.cover(span) for span in references)}
            if statement.guarded or (not needs and not unused):
                continue
            bound = set(statement.bindings) or set(statement.references)
            self.changed.append(statement)
            if unused >= bound and not (statement.star and not statement.references):
                self.replaced[id(statement)] = needs
                placed.update(needs if not statement.nested else ())
                continue
            if statement.nested:
                self.pruned[id(statement)] = unused
                self.after[id(statement)] = needs
            else:
                self.removed_names.extend(statement.bindings[name] for name in unused if name in statement.bindings)
                self.added_at_top.extend(need for need in needs if need not in self.added_at_top)
                placed.update(needs)
        self.added_at_top.extend(need for need in loose if need not in placed and need not in self.added_at_top)

    def _references(self, statement: ImportStatement) -> Dict[str, List[Tuple[int, int]]]:
        references: Dict[str, List[Tuple[int, int]]] = {name: [] for name in statement.bindings}
        references.update(statement.references)
        return references

    def _already_bound(self, need: Need) -> bool:
        return self.usage.bound_names.get(need[1]) == {f"{need[0]}.{need[1]}"}

    def clashes(self) -> Set[Need]:
        """The needs whose local name is bound at module level to something that stays."""
        going = {name for statement in self.usage.imports if id(statement) in self.replaced
                 for name in statement.bindings}
        going.update(binding[2] or (binding[1] or binding[0]).split(".")[0] for binding in self.removed_names)
        clashing: Set[Need] = set()
        for need in self.all_needs:
            bound = self.usage.bound_names.get(need[1])
            if bound and bound != {f"{need[0]}.{need[1]}"} and need[1] not in going:
                clashing.add(need)
        return clashing


class _Spans:
    """The rewritten sites' spans, to ask whether one of them covers a reference: a search, not a scan,
    since a long module has as many references as sites."""

    def __init__(self, spans: Iterable[Tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.furthest: List[int] = []  # the furthest end of the spans up to each one, in start order
        for _, end in ordered:
            self.furthest.append(max(end, self.furthest[-1]) if self.furthest else end)

    def cover(self, span: Tuple[int, int]) -> bool:
        starting_before = bisect.bisect_right(self.starts, span[0])
        return starting_before > 0 and self.furthest[starting_before - 1] >= span[1]


def import_lines(needs: Sequence[Need]) -> List[cst.SimpleStatementLine]:
    """`from module import a, b` lines, one per module, in the order first needed."""
    by_module: Dict[str, List[str]] = {}
    for module, name in needs:
        names = by_module.setdefault(module, [])
        if name not in names:
            names.append(name)
    return [cst.SimpleStatementLine([cst.ImportFrom(
        module=table_expression(module),  # type: ignore[arg-type]
        names=[cst.ImportAlias(cst.Name(name)) for name in sorted(names)])]) for module, names in by_module.items()]


class _Replace(cst.CSTTransformer):
    def __init__(self, chosen: Sequence[Site], plan: _ImportPlan) -> None:
        super().__init__()
        self.builds = {id(site.node): site.build for site in chosen if site.node is not None}
        self.plan = plan
        self.lines = {id(statement.line): statement for statement in plan.changed}
        # The walk enters only the ancestors of what changes: libcst rebuilds every node it walks, and a
        # subtree without a site or a changed import is kept as it is, the same node.
        self.around: Set[int] = set()
        parents = plan.usage.parents
        for node in [*(site.node for site in chosen if site.node is not None),
                     *(statement.line for statement in plan.changed)]:
            parent = parents.get(node)
            while parent is not None and id(parent) not in self.around:
                self.around.add(id(parent))
                parent = parents.get(parent)

    def on_visit(self, node: cst.CSTNode) -> bool:
        return id(node) in self.around

    def on_leave(self, original_node: cst.CSTNodeT, updated_node: cst.CSTNodeT  # type: ignore[override]
                 ) -> Union[cst.CSTNode, cst.RemovalSentinel, cst.FlattenSentinel[cst.CSTNode]]:
        build = self.builds.get(id(original_node))
        if build is not None:
            return build(updated_node)
        statement = self.lines.get(id(original_node))
        if statement is not None:
            assert isinstance(updated_node, cst.SimpleStatementLine)
            return self._import(statement, updated_node)
        return updated_node

    def _import(self, statement: ImportStatement, line: cst.SimpleStatementLine
                ) -> Union[cst.SimpleStatementLine, cst.RemovalSentinel, cst.FlattenSentinel[cst.CSTNode]]:
        plan = self.plan
        if id(statement) in plan.replaced:
            new = import_lines(plan.replaced[id(statement)])
            others = [small for small in line.body if not _same_import(small, statement.node)]
            if others:
                # `import os; from polyaxon_client... import X`: the other statements keep the line.
                body = [*others[:-1], others[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)]
                return cst.FlattenSentinel([line.with_changes(body=body), *new])
            if not new:
                return cst.RemoveFromParent()
            first = new[0].with_changes(leading_lines=line.leading_lines, trailing_whitespace=line.trailing_whitespace)
            return cst.FlattenSentinel([first, *new[1:]]) if len(new) > 1 else first
        pruned = plan.pruned.get(id(statement), set())
        pruned_body: List[Optional[cst.BaseSmallStatement]] = [
            _prune(small, pruned) if _same_import(small, statement.node) else small for small in line.body]
        kept = [small for small in pruned_body if small is not None]
        after = import_lines(plan.after.get(id(statement), []))
        updated = line.with_changes(body=kept)
        return cst.FlattenSentinel([updated, *after]) if after else updated


def _same_import(small: cst.BaseSmallStatement, node: cst.CSTNode) -> bool:
    return isinstance(small, (cst.Import, cst.ImportFrom)) and small.deep_equals(node)


def _prune(small: cst.BaseSmallStatement, names: Set[str]) -> Optional[cst.BaseSmallStatement]:
    if not names or not isinstance(small, (cst.Import, cst.ImportFrom)) or isinstance(small.names, cst.ImportStar):
        return small
    kept = [alias for alias in small.names if _local(alias) not in names]
    if not kept:
        return None
    kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return small.with_changes(names=kept)


def _local(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return (cst.helpers.get_full_name_for_node(alias.name) or "").split(".")[0]


def text_edits(old: str, new: str) -> List[Edit]:
    """The changed spans between two texts, line by line, each trimmed to the characters that differ.

    Lines replaced one for one give one edit each, so that an edit stays inside its line (and a notebook
    edit inside its cell)."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    old_starts = [0]
    for line in old_lines:
        old_starts.append(old_starts[-1] + len(line))
    edits: List[Edit] = []
    # autojunk: lines repeated all over a long module (blank lines, `return x`) are not used as anchors,
    # which keeps the diff near linear; the opcodes still turn the old text into the new one exactly.
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=True)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1:
            pairs = [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2))]
        else:
            pairs = [(i1, i2, j1, j2)]
        for a1, a2, b1, b2 in pairs:
            start, end = old_starts[a1], old_starts[a2]
            before, after = old[start:end], "".join(new_lines[b1:b2])
            if before == after:
                continue
            prefix = _common_prefix(before, after)
            # A replaced block that ends the same way keeps its ending (its newline, mostly).
            suffix = _common_prefix(before[prefix:][::-1], after[prefix:][::-1])
            edits.append(Edit(start + prefix, end - suffix, after[prefix:len(after) - suffix]))
    return edits


def _common_prefix(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b):
        if x != y:
            break
        length += 1
    return length

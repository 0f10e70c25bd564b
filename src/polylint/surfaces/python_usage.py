"""Which v0 names a Python region uses, where, and how each use becomes v1: the sites the checks report.

Scope aware, with libcst metadata: a name counts as v0 only when its scope's qualified names trace it to an
import of a v0 package (any alias, any import style), so a local class called ``Experiment`` is not v0.
Objects are followed through the names they are bound to (``ScopeProvider`` assignments and their
accesses) and through ``self.<attribute>`` within a class: ``xp = Experiment(); xp.log_params(...)`` and
``client = PolyaxonClient(); client.experiment.stop(...)`` are found, whatever the names are.

A site knows how to rebuild its node for v1 (``build``), which v1 imports that needs, and its safety; the
codemod (``codemods/python/migrate.py``) applies the sites the run allows and rewrites the imports.
Imported only after a file passed the prefilter: it imports libcst at module level.
"""

from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Set, Tuple, Union, cast

import libcst as cst
from libcst._nodes.internal import CodegenState
from libcst.metadata import (
    Assignment,
    ExpressionContextProvider,
    ImportAssignment,
    Scope,
    ScopeProvider,
)

from polylint.diagnostics import Applicability
from polylint.knowledge import client as knowledge
from polylint.knowledge import platform
from polylint.knowledge.client import Arguments, Row
from polylint.surfaces.python_order import Order, Point, is_import_line

SAFE, UNSAFE, MANUAL = Applicability.SAFE, Applicability.UNSAFE, Applicability.MANUAL
_ORDER = {SAFE: 0, UNSAFE: 1, MANUAL: 2}

# Rule codes, one concern each (see checks/python/*.py).
V0_IMPORT = "PLX301"
V0_TRACKER = "PLX302"
V0_TRACKING_CALL = "PLX303"
V0_CLIENT = "PLX304"
V0_HELPER = "PLX305"
V0_ENVIRONMENT = "PLX306"
V0_REST = "PLX307"
NO_EQUIVALENT = "PLX308"
V0_CALLBACK = "PLX309"

# `/api/v1/namespaces/...` is Kubernetes' core API, never a Polyaxon user.
_REST = re.compile(r"/api/v1/(?!namespaces/)[^/\s'\"]+/[^/\s'\"]+/(?:" + "|".join(platform.REST_ENTITIES) + r")\b")
_ENV_READERS = frozenset({"os.environ.get", "os.getenv", "os.environ.setdefault", "os.environ.pop",
                          "os.getenvb"})
# A statement's builder may make it several (a line written before it).
Builder = Callable[[cst.CSTNode], Union[cst.CSTNode, cst.FlattenSentinel[cst.BaseStatement]]]


def worst(*levels: Applicability) -> Applicability:
    return max(levels, key=lambda level: _ORDER[level])


@dataclass(eq=False)
class ImportStatement:
    """A statement importing a v0 package, and the local names it binds."""

    line: cst.SimpleStatementLine  # the statement's line (what an in-place rewrite replaces)
    node: Union[cst.Import, cst.ImportFrom]
    start: int
    end: int
    modules: Tuple[str, ...]
    nested: bool  # inside a function, class, `if`...: its v1 import goes in the same place
    guarded: bool  # inside `try`: the user chose what happens without the package; never rewritten
    star: bool = False
    # local name -> (module, imported name or None for `import a.b`, asname)
    bindings: Dict[str, Tuple[str, Optional[str], Optional[str]]] = field(default_factory=dict)
    references: Dict[str, List[Tuple[int, int]]] = field(default_factory=dict)


@dataclass(eq=False)
class Site:
    """One v0 use: what the check reports, and (when it has one) how the codemod rewrites it."""

    code: str
    start: int
    end: int
    message: str
    safety: Applicability
    node: Optional[cst.CSTNode] = None
    build: Optional[Builder] = None
    needs: Tuple[Tuple[str, str], ...] = ()  # v1 imports: (module, name)
    origin: Optional[ImportStatement] = None
    depends: Optional[Site] = None  # the site that builds the object this one calls (its constructor)
    reason: str = ""
    support: bool = False  # made only for the sites that depend on it: rewritten only with one of them

    @property
    def fixable(self) -> bool:
        return self.build is not None and self.safety is not MANUAL

    def level(self) -> Applicability:
        """The fix level this site needs, counting the sites it depends on."""
        level = self.safety if self.build is not None else MANUAL
        return worst(level, self.depends.level()) if self.depends is not None else level


@dataclass
class Usage:
    module: cst.Module  # the tree the sites' nodes belong to
    text: str
    sites: List[Site]
    imports: List[ImportStatement]
    bound_names: Dict[str, Set[str]]  # module-scope name -> qualified names it is bound to
    parents: Dict[cst.CSTNode, cst.CSTNode]  # node of `module` -> the node it is a child of


def analyse(tree: cst.Module, text: str) -> Usage:
    finder = _Finder(tree, text, scopes(tree), spans(tree))
    tree.visit(finder)
    return Usage(tree, text, finder.sites, finder.imports, finder.global_bindings(), finder.parents)


def scopes(tree: cst.Module) -> Mapping[cst.CSTNode, Optional[Scope]]:
    """libcst's scope of each node, as ``MetadataWrapper(tree).resolve(ScopeProvider)`` gives it.

    The providers are run by hand: the wrapper walks the whole tree once more around each provider's own
    walk (the providers do their work from `visit_Module`), which doubled the cost of the scopes."""
    contexts = ExpressionContextProvider()
    contexts.visit_Module(tree)
    found = ScopeProvider()
    found.metadata = {ExpressionContextProvider: contexts._computed}
    found.visit_Module(tree)
    return cast(Mapping[cst.CSTNode, Optional[Scope]], found._computed)


def spans(tree: cst.Module) -> Mapping[cst.CSTNode, Tuple[int, int]]:
    """Each node's [start, end) offsets in the module's text: the span ``PositionProvider`` gives as lines
    and columns (the syntactic one, without the whitespace a node owns)."""
    state = _Offsets(tree)
    tree._codegen(state)
    return state.spans


class _Offsets(CodegenState):
    """Code generation that keeps no text, only the offset reached: ``PositionProvider``'s own state splits
    every token on newlines and makes two position objects per node, which cost four times this."""

    def __init__(self, module: cst.Module) -> None:
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.offset = 0
        self.spans: Dict[cst.CSTNode, Tuple[int, int]] = {}
        self._starts: List[int] = []

    def add_indent_tokens(self) -> None:
        self.offset += sum(len(token) for token in self.indent_tokens)

    def add_token(self, value: str) -> None:
        self.offset += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self._starts.append(self.offset)

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self._starts.pop()
        # A syntactic span, recorded while the node's code was made, is the one kept.
        self.spans.setdefault(node, (start, self.offset))

    @contextmanager
    def record_syntactic_position(self, node: cst.CSTNode, *, start_node: Optional[cst.CSTNode] = None,
                                  end_node: Optional[cst.CSTNode] = None) -> Iterator[None]:
        start = self.offset
        yield
        self.spans[node] = (self.spans[start_node][0] if start_node is not None else start,
                            self.spans[end_node][1] if end_node is not None else self.offset)


# --- argument mapping ---------------------------------------------------------------------------------------

def map_arguments(args: Sequence[cst.Arg], spec: Arguments) -> Optional[List[cst.Arg]]:
    """The v1 arguments for a v0 call, keeping each argument's own text; None when v1 has no place for one."""
    mapped: List[cst.Arg] = []
    given: Set[str] = set()
    for index, arg in enumerate(args):
        if arg.star:
            if not spec.star:
                return None
            mapped.append(arg)
            continue
        if arg.keyword is None:
            if index < spec.keep:
                if index < len(spec.params):
                    given.add(spec.params[index])
                mapped.append(arg)
                continue
            if index >= len(spec.params):
                return None
            name = spec.params[index]
        else:
            name = arg.keyword.value
        given.add(name)
        if name in spec.unsupported:
            return None
        new = spec.rename.get(name, name if spec.keep >= 99 else None)
        if new is None:
            return None
        if arg.keyword is None:
            arg = arg.with_changes(keyword=cst.Name(new), equal=cst.AssignEqual(
                whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")))
        elif new != name:
            arg = arg.with_changes(keyword=cst.Name(new))
        mapped.append(arg)
    renamed = {spec.rename.get(name, name) for name in given}
    for keyword, code in spec.add:
        if keyword not in renamed:
            mapped = _append(mapped, keyword, table_expression(code))
    return mapped


def _append(args: List[cst.Arg], keyword: str, value: cst.BaseExpression) -> List[cst.Arg]:
    new = cst.Arg(value=value, keyword=cst.Name(keyword), equal=cst.AssignEqual(
        whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")))
    if not args:
        return [new]
    last = args[-1]
    if isinstance(last.comma, cst.Comma):
        # A trailing comma stays trailing: the new argument takes the old one's comma and place.
        comma = last.comma
        return [*args[:-1], last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
                new.with_changes(comma=comma)]
    return [*args[:-1], last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))), new]


@functools.cache
def table_expression(code: str) -> cst.BaseExpression:
    """The expression for v1 code or a v1 module name from the knowledge tables: parsed once, as nodes are
    never mutated, so one node serves every site and import line that writes it."""
    return cst.parse_expression(code)


def _keyword_arg(keyword: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(value=value, keyword=cst.Name(keyword), equal=cst.AssignEqual(
        whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")))


def _with_commas(args: List[cst.Arg]) -> List[cst.Arg]:
    return [arg.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
            if index < len(args) - 1 and not isinstance(arg.comma, cst.Comma) else arg
            for index, arg in enumerate(args)]


def _import_need(v1: str) -> Tuple[Tuple[str, str], ...]:
    """The imports a v1 name written as `local.attr` or `module:Name` needs."""
    if ":" in v1:
        module, name = v1.split(":")
        return ((module, name),)
    local = v1.split(".", maxsplit=1)[0]
    return (knowledge.V1_IMPORTS[local],) if local in knowledge.V1_IMPORTS else ()


# --- the finder ----------------------------------------------------------------------------------------------

def _is_v0(name: str) -> bool:
    return name.split(".", maxsplit=1)[0] in knowledge.V0_PACKAGES


def _module_name(node: cst.CSTNode) -> str:
    return cst.helpers.get_full_name_for_node(node) or ""


def _string_value(node: cst.BaseExpression) -> Optional[str]:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


class _Finder(cst.CSTVisitor):
    # Parents are recorded by this visit itself, and qualified names asked of the scope for the nodes that
    # need them: libcst's ParentNodeProvider and QualifiedNameProvider would each walk the whole tree once
    # more (for every node), which cost more than all the rest of the analysis.
    def __init__(self, module: cst.Module, text: str, scopes: Mapping[cst.CSTNode, Optional[Scope]],
                 spans: Mapping[cst.CSTNode, Tuple[int, int]]) -> None:
        super().__init__()
        self.module = module
        self.text = text
        self.scopes = scopes
        self.spans = spans
        self.parents: Dict[cst.CSTNode, cst.CSTNode] = {}
        self._path: List[cst.CSTNode] = []  # the nodes being visited, outermost first
        self._qualified: Dict[cst.CSTNode, Set[str]] = {}
        self.sites: List[Site] = []
        self.imports: List[ImportStatement] = []
        self._import_depth = 0
        self._star_modules: List[Tuple[str, ImportStatement]] = []
        # (kind, the site rewriting the constructor or None for a v1 one, the call, its import)
        self._constructors: List[Tuple[str, Optional[Site], cst.Call, ImportStatement]] = []
        # The `tracking.*` rewrites that need a run made before them: (site, its row, its call or None).
        self._needs_run: List[Tuple[Site, Row, Optional[cst.Call]]] = []

    # the walk, positions and metadata
    def on_visit(self, node: cst.CSTNode) -> bool:
        if self._path:
            self.parents[node] = self._path[-1]
        self._path.append(node)
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode) -> None:
        super().on_leave(original_node)
        self._path.pop()

    # The finder has no methods for a node's fields (`visit_Call_args`...), which libcst would otherwise
    # look up by name for every field of every node.
    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        pass

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        pass

    def span(self, node: cst.CSTNode) -> Tuple[int, int]:
        return self.spans[node]

    def parent(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        """The node's parent: known for every node visited so far (all of them by `leave_Module`)."""
        return self.parents.get(node)

    def qualified(self, node: cst.CSTNode) -> Set[str]:
        names = self._qualified.get(node)
        if names is None:
            scope = self.scopes.get(node)
            names = {qualified.name for qualified in scope.get_qualified_names_for(node)} if scope else set()
            self._qualified[node] = names
        if not names and isinstance(node, (cst.Name, cst.Attribute)) and self._star_modules:
            names = self._star_names(node)
        return names

    def _star_names(self, node: Union[cst.Name, cst.Attribute]) -> Set[str]:
        base: cst.BaseExpression = node
        while isinstance(base, cst.Attribute):
            base = base.value
        if not isinstance(base, cst.Name):
            return set()
        scope = self.scopes.get(base)
        if scope is None or scope[base.value]:
            return set()
        tail = _module_name(node)[len(base.value):]
        return {f"{module}.{base.value}{tail}" for module, _ in self._star_modules
                if base.value in _star_exports(module)}

    # imports
    def visit_Import(self, node: cst.Import) -> None:
        self._import_depth += 1
        modules = tuple(_module_name(alias.name) for alias in node.names)
        if any(_is_v0(module) for module in modules):
            statement = self._statement(node, modules)
            for alias in node.names:
                module = _module_name(alias.name)
                if not _is_v0(module):
                    continue
                asname = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) \
                    else None
                statement.bindings[asname or module.split(".")[0]] = (module, None, asname)

    def leave_Import(self, original_node: cst.Import) -> None:
        self._import_depth -= 1

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self._import_depth += 1
        if node.relative or node.module is None:
            return
        module = _module_name(node.module)
        if not _is_v0(module):
            return
        statement = self._statement(node, (module,))
        if isinstance(node.names, cst.ImportStar):
            statement.star = True
            self._star_modules.append((module, statement))
            return
        for alias in node.names:
            name = _module_name(alias.name)
            asname = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else None
            statement.bindings[asname or name] = (module, name, asname)

    def leave_ImportFrom(self, original_node: cst.ImportFrom) -> None:
        self._import_depth -= 1

    def _statement(self, node: Union[cst.Import, cst.ImportFrom], modules: Tuple[str, ...]) -> ImportStatement:
        line = self.parent(node)
        assert isinstance(line, cst.SimpleStatementLine)
        nested = not isinstance(self.parent(line), cst.Module)
        guarded = False
        ancestor: Optional[cst.CSTNode] = line
        while ancestor is not None:
            if isinstance(ancestor, (cst.Try, cst.TryStar)):
                guarded = True
            ancestor = self.parent(ancestor)
        start, end = self.span(node)
        statement = ImportStatement(line, node, start, end, modules, nested, guarded)
        self.imports.append(statement)
        return statement

    # uses of v0 names
    def visit_Name(self, node: cst.Name) -> None:
        if not self._import_depth:
            self._reference(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if not self._import_depth:
            self._reference(node)

    def _reference(self, node: Union[cst.Name, cst.Attribute]) -> None:
        parent = self.parent(node)
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            return
        if isinstance(parent, (cst.Arg, cst.Param)) and getattr(parent, "keyword", None) is node:
            return
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Call):
            return  # an attribute of a call's result: the call (or the object it makes) is what is v0
        qualified = self.qualified(node)
        names = {name for name in qualified if _is_v0(name)}
        if not names:
            if isinstance(parent, cst.Call) and parent.func is node:
                self._v1_object(qualified, parent)
            return
        if isinstance(parent, cst.Attribute) and parent.value is node and \
                any(_is_v0(name) for name in self.qualified(parent)):
            return  # the bigger expression (`tracking.Experiment` of `polyaxon_client.tracking`) decides
        name = min(names)
        origins, ambiguous = self._origins(node)
        for statement in origins:
            # A name two imports bind is used from both: neither may go while the use stays.
            statement.references.setdefault(self._base(node), []).append(self.span(node))
        origin = origins[0] if origins else None
        call = parent if isinstance(parent, cst.Call) and parent.func is node else None
        self._v0_name(name, node, call, origin, ambiguous)

    def _base(self, node: cst.CSTNode) -> str:
        while isinstance(node, cst.Attribute):
            node = node.value
        return node.value if isinstance(node, cst.Name) else ""

    def _origins(self, node: cst.CSTNode) -> Tuple[List[ImportStatement], bool]:
        """The v0 imports a name comes from, in source order (libcst keeps a name's bindings in a set, whose
        order is that of their memory addresses), and whether it is ambiguous (also bound otherwise, or
        guarded)."""
        base = node
        while isinstance(base, cst.Attribute):
            base = base.value
        if not isinstance(base, cst.Name):
            return [], True
        scope = self.scopes.get(base)
        if scope is None:
            return [], True
        assignments = scope[base.value]
        if not assignments:
            star = next((statement for _, statement in self._star_modules), None)
            return ([star] if star is not None else []), star is None or star.guarded
        found: List[ImportStatement] = []
        ambiguous = False
        for assignment in assignments:
            if isinstance(assignment, ImportAssignment):
                statement = next((s for s in self.imports if s.node is assignment.node), None)
                if statement is None:
                    ambiguous = True
                else:
                    found.append(statement)
                    ambiguous = ambiguous or statement.guarded
            else:
                ambiguous = True
        return [statement for statement in self.imports if statement in found], ambiguous

    def _v0_name(self, name: str, node: cst.CSTNode, call: Optional[cst.Call], origin: Optional[ImportStatement],
                 ambiguous: bool) -> None:
        shown = _module_name(node) or name
        target = call if call is not None else node
        start, end = self.span(target)
        tracker = knowledge.qualified_tail(name, knowledge.TRACKER_MODULES)
        if tracker is not None and tracker in knowledge.TRACKER_CLASSES:
            self._tracker(tracker, shown, node, call, origin, ambiguous)
            return
        owner, _, method = name.rpartition(".")
        static = knowledge.qualified_tail(owner, knowledge.TRACKER_MODULES)
        if static in knowledge.TRACKER_CLASSES and method in knowledge.TRACKER_METHODS:
            # `Experiment.get_experiment_info()`: the static helpers read v0 environment variables.
            static_row = knowledge.TRACKER_METHODS[method]
            code = V0_TRACKING_CALL if static_row.equivalent else NO_EQUIVALENT
            advice = f"v1 has {static_row.advice}" if static_row.equivalent else \
                f"no v1 equivalent: {static_row.advice}"
            self.sites.append(Site(code, start, end, f"v0 `{shown}`: {advice}", MANUAL, origin=origin))
            return
        if tracker in knowledge.TRACKING_FUNCTIONS or name.startswith("polyaxon_client.tracking.paths."):
            function = name.rpartition(".")[2]
            row = knowledge.TRACKING_FUNCTIONS.get(function)
            if row is not None:
                self._function(V0_TRACKING_CALL, row, shown, node, call, origin, ambiguous)
                return
        if name.startswith("polyaxon_helper."):
            row = knowledge.HELPER_FUNCTIONS.get(name.split(".", 1)[1])
            if row is not None:
                self._function(V0_HELPER, row, shown, node, call, origin, ambiguous)
                return
        if name in knowledge.CONTRIB:
            self._callback(name, shown, node, call, origin, ambiguous)
            return
        if name in knowledge.CLIENT_CLASS:
            self._client(shown, node, call, origin, ambiguous)
            return
        if name in knowledge.RENAMED_NAMES:
            module, v1 = knowledge.RENAMED_NAMES[name]
            site = Site(V0_IMPORT, start, end, f"`{shown}` is `{module}.{v1}` in v1", SAFE, origin=origin)
            if isinstance(node, cst.Name) and node.value == v1 and not ambiguous:
                # Same local name: only its import changes, so the use itself needs no edit.
                site.node, site.build, site.needs = node, (lambda updated: updated), ((module, v1),)
                self._quiet(site)
                return
            if not ambiguous:
                site.node, site.build, site.needs = node, (lambda updated: cst.Name(v1)), ((module, v1),)
            self.sites.append(site)
            return
        package = name.split(".", maxsplit=1)[0]
        # Anything else from a v0 package is reported where it is used, with the package's v1 way.
        self.sites.append(Site(V0_IMPORT, start, end,
                               f"`{shown}` (`{name}`) has no v1 rewrite: {knowledge.V0_PACKAGES[package]}",
                               MANUAL, origin=origin))

    def _v1_object(self, qualified: Set[str], call: cst.Call) -> None:
        """A v1 tracker or client: follow it too, for the v0 calls left on it (they have no v0 constructor
        to wait for)."""
        if qualified & set(knowledge.V1_TRACKER_FACTORIES):
            self._constructors.append(("v1 tracker", None, call, _NO_IMPORT))
        elif qualified & set(knowledge.V1_CLIENT_CLASSES):
            self._constructors.append(("client", None, call, _NO_IMPORT))

    def _quiet(self, site: Site) -> None:
        """A site that rewrites nothing visible: it keeps its import reference covered, and is not reported."""
        site.code = ""
        self.sites.append(site)

    def _tracker(self, cls: str, shown: str, node: cst.CSTNode, call: Optional[cst.Call],
                 origin: Optional[ImportStatement], ambiguous: bool) -> None:
        row = knowledge.TRACKER_CLASSES[cls]
        if call is None:
            start, end = self.span(node)
            self.sites.append(Site(V0_TRACKER, start, end, f"v0 tracker class `{shown}`: v1 has {row.advice}",
                                   MANUAL, origin=origin))
            return
        start, end = self.span(call)
        site = Site(V0_TRACKER, start, end, f"v0 `{shown}(...)`: v1 has {row.advice}", row.safety, origin=origin)
        if row.v1 is not None and not ambiguous:
            args = map_arguments(call.args, row.arguments)
            if args is not None:
                target = table_expression(row.v1)
                site.node = call
                site.needs = _import_need(row.v1)
                site.build = lambda updated, target=target, spec=row.arguments: _rebuild_call(
                    updated, target, spec)
            else:
                site.message += " (its arguments need a manual rewrite: v1 runs are found by uuid)"
        elif ambiguous and row.v1 is not None:
            site.message += _AMBIGUOUS
        self.sites.append(site)
        self._constructors.append(("tracker", site, call, origin or _NO_IMPORT))

    def _function(self, code: str, row: Row, shown: str, node: cst.CSTNode, call: Optional[cst.Call],
                  origin: Optional[ImportStatement], ambiguous: bool) -> None:
        target_node = call if call is not None else node
        start, end = self.span(target_node)
        if not row.equivalent:
            self.sites.append(Site(NO_EQUIVALENT, start, end, f"v0 `{shown}` has no v1 equivalent: {row.advice}",
                                   MANUAL, origin=origin))
            return
        site = Site(code, start, end, f"v0 `{shown}`: v1 has {row.advice}", row.safety, origin=origin,
                    reason=row.reason)
        if row.v1 is not None and not ambiguous:
            target = table_expression(row.v1)
            site.needs = _import_need(row.v1)
            if call is not None:
                if map_arguments(call.args, row.arguments) is not None:
                    site.node = call
                    site.build = lambda updated, target=target, spec=row.arguments: _rebuild_call(
                        updated, target, spec)
            else:
                site.node = node
                site.build = lambda updated, target=target: target
            if row.reason == knowledge.NEEDS_INIT and site.build is not None:
                self._needs_run.append((site, row, call))
        elif ambiguous and row.v1 is not None:
            site.message += _AMBIGUOUS
        self.sites.append(site)

    def _callback(self, name: str, shown: str, node: cst.CSTNode, call: Optional[cst.Call],
                  origin: Optional[ImportStatement], ambiguous: bool) -> None:
        row = knowledge.CONTRIB[name]
        target_node = call if call is not None else node
        start, end = self.span(target_node)
        if not row.equivalent:
            self.sites.append(Site(NO_EQUIVALENT, start, end, f"v0 `{shown}` has no v1 equivalent: {row.advice}",
                                   MANUAL, origin=origin))
            return
        site = Site(V0_CALLBACK, start, end, f"v0 callback `{shown}`: v1 has {row.advice}", row.safety,
                    origin=origin)
        if row.v1 is not None and not ambiguous:
            module, v1 = row.v1.split(":")
            if call is None:
                site.node, site.build = node, (lambda updated, v1=v1: cst.Name(v1))
                site.needs = ((module, v1),)
            elif map_arguments(call.args, row.arguments) is not None:
                site.node, site.needs = call, ((module, v1),)
                site.build = lambda updated, v1=v1, spec=row.arguments: _rebuild_call(updated, cst.Name(v1), spec)
        self.sites.append(site)

    def _client(self, shown: str, node: cst.CSTNode, call: Optional[cst.Call], origin: Optional[ImportStatement],
                ambiguous: bool) -> None:
        row = knowledge.CLIENT_CONSTRUCTOR
        if call is None:
            start, end = self.span(node)
            site = Site(V0_CLIENT, start, end, f"v0 `{shown}`: v1 has {row.advice}", SAFE, origin=origin)
            if isinstance(node, cst.Name) and node.value == "PolyaxonClient" and not ambiguous:
                site.node, site.build = node, (lambda updated: updated)
                site.needs = (knowledge.V1_IMPORTS["PolyaxonClient"],)
                self._quiet(site)
            else:
                site.safety = MANUAL
                self.sites.append(site)
            return
        start, end = self.span(call)
        site = Site(V0_CLIENT, start, end, f"v0 `{shown}(...)`: v1 has {row.advice}", row.safety, origin=origin)
        rebuilt = None if ambiguous else _client_arguments(call)
        if rebuilt is not None:
            args, needs = rebuilt
            site.node, site.needs = call, (knowledge.V1_IMPORTS["PolyaxonClient"], *needs)
            site.build = lambda updated, args=args: updated.with_changes(func=cst.Name("PolyaxonClient"),
                                                                         args=args)
            if not call.args:
                site.code = ""  # `PolyaxonClient()` reads its configuration the same way in v1
        else:
            site.message += " (its arguments need a manual rewrite)" if not ambiguous else _AMBIGUOUS
        self.sites.append(site) if site.code else self._quiet(site)
        self._constructors.append(("client", site, call, origin or _NO_IMPORT))

    # environment variables and REST paths
    def visit_Subscript(self, node: cst.Subscript) -> None:
        if "os.environ" in self.qualified(node.value) and len(node.slice) == 1:
            element = node.slice[0].slice
            if isinstance(element, cst.Index):
                self._environment(_string_value(element.value), node)

    def visit_Call(self, node: cst.Call) -> None:
        if node.args and self.qualified(node.func) & _ENV_READERS:
            self._environment(_string_value(node.args[0].value), node)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        for target in node.comparisons:
            if isinstance(target.operator, (cst.In, cst.NotIn)) and "os.environ" in self.qualified(
                    target.comparator):
                self._environment(_string_value(node.left), node)

    def _environment(self, name: Optional[str], node: cst.CSTNode) -> None:
        if name is None or name not in platform.ENVIRONMENT:
            return
        start, end = self.span(node)
        self.sites.append(Site(V0_ENVIRONMENT, start, end, f"v0 environment variable `{name}`: v1 does not set "
                               f"it; {platform.ENVIRONMENT[name]}", MANUAL))

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self._rest(node)

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        self._rest(node)

    def _rest(self, node: cst.CSTNode) -> None:
        match = _REST.search(cst.Module([]).code_for_node(node))
        if match:
            start, end = self.span(node)
            self.sites.append(Site(V0_REST, start, end, f"v0 REST endpoint `{match.group(0)}`: "
                                   f"{platform.REST_ADVICE}", MANUAL))

    # objects: trackers and clients, followed through their names
    def leave_Module(self, original_node: cst.Module) -> None:
        self._follow_objects()

    def _follow_objects(self) -> None:
        for kind, site, call, origin in self._constructors:
            for expression in self._aliases_of(call):
                self._object_use(kind, site, expression, origin)
        self._after_init()

    def _after_init(self) -> None:
        """Give every `tracking.*` rewrite the run it needs (see python_order.py for what is proven).

        - After an init that certainly runs first (a rewritten `Experiment()`, or a v1 `tracking.init()`),
          the rewrite is safe as it is.
        - In a module that makes no run at all, `tracking.init()` is written once, under the imports and
          before the first top-level statement that runs anything, as v0's `polyaxon_helper` made its
          experiment when it was imported; what that proves to run after it is safe.
        - In a module whose only trackers are `Experiment()`/`Job()` with no arguments, a use that may run
          before them takes `tracking.get_or_create_run()`, and so do they: one run, whichever runs first.
        - What is left cannot be ordered: in a module that makes no run, the rewrite takes
          `tracking.get_or_create_run()` (unsafe: another module may make the run later); in one that makes
          its run otherwise, it is not rewritten, and the finding says why.
        """
        waiting = [(site, row, call) for site, row, call in self._needs_run if site.build is not None]
        if not waiting:
            return
        order = Order(self.module, self.parents, self.scopes)
        trackers = [(site, call) for kind, site, call, _ in self._constructors if kind == "tracker" and site]
        v1_trackers = [call for kind, _, call, _ in self._constructors if kind == "v1 tracker"]
        inits: List[Tuple[Optional[Site], Optional[Point]]] = [
            (site, order.point(call)) for site, call in trackers if site.build is not None and site.safety is SAFE]
        inits.extend((None, order.point(call)) for call in v1_trackers
                     if self.qualified(call.func) & set(knowledge.V1_TRACKING_INITS))
        pending: List[Tuple[Site, Row, Optional[cst.Call]]] = []
        for site, row, call in waiting:
            assert site.node is not None
            init = next((init for init in inits if init[1] is not None and order.runs_after(init[1], site.node)),
                        None)
            if init is None:
                pending.append((site, row, call))
            else:
                site.safety, site.depends, site.reason = SAFE, init[0], ""
        if not pending:
            return
        if not trackers and not v1_trackers:
            insertion = self._insert_init(order, [site.node for site, _, _ in pending if site.node is not None])
            if insertion is not None:
                support, point = insertion
                self.sites.append(support)
                left = []
                for entry in pending:
                    if entry[0].node is not None and order.runs_after(point, entry[0].node):
                        entry[0].safety, entry[0].depends, entry[0].reason = SAFE, support, ""
                    else:
                        left.append(entry)
                pending = left
            for site, row, call in pending:
                self._on_shared_run(site, row, call, UNSAFE, knowledge.UNORDERED_REASON)
            return
        if not v1_trackers and all(site.build is not None and site.safety is SAFE and not call.args
                                   for site, call in trackers):
            shared = table_expression(knowledge.V1_GET_OR_CREATE)
            for site, _ in trackers:
                site.build = lambda updated, shared=shared: _rebuild_call(updated, shared, knowledge.SAME)
            for site, row, call in pending:
                self._on_shared_run(site, row, call, SAFE, "")
            return
        first = min(self.span(call)[0] for call in [*(call for _, call in trackers), *v1_trackers])
        line = self.text.count("\n", 0, first) + 1
        for site, _, _ in pending:
            site.build, site.node, site.depends = None, None, None
            site.message += (f" (not rewritten: it may run before the run is made on line {line}, and v1's "
                             "tracking functions act on that run: make the run before this runs)")

    def _on_shared_run(self, site: Site, row: Row, call: Optional[cst.Call], safety: Applicability,
                       reason: str) -> None:
        """Rewrite the use onto `tracking.get_or_create_run()`: `tracking.get_or_create_run().log_metrics(...)`."""
        assert row.v1 is not None
        site.safety, site.reason, site.depends = safety, reason, None
        if call is None:
            site.build, site.node = None, None  # a function passed as a value: no run to take it from
            site.message += " (not rewritten: it is not called here, and v1's needs a run made first)"
            return
        method = row.v1.split(".", maxsplit=1)[1]
        target = cst.Attribute(value=cst.Call(func=table_expression(knowledge.V1_GET_OR_CREATE)),
                               attr=cst.Name(method))
        site.build = lambda updated, spec=row.arguments: _rebuild_call(updated, target, spec)

    def _insert_init(self, order: Order, uses: Sequence[cst.CSTNode]) -> Optional[Tuple[Site, Point]]:
        """A `tracking.init()` line under the module's imports, before its first statement that runs anything;
        None when no top-level statement runs anything, or a v0 import comes after that place."""
        first = order.first_run(uses)
        if first is None:
            return None
        body = self.module.body
        imports = [index for index in range(first) if is_import_line(body[index])]
        place = imports[-1] + 1 if imports else first
        if any(not statement.nested and _position(body, statement.line) >= place for statement in self.imports):
            return None
        statement = body[place]
        start = self.span(statement)[0]
        line = cst.SimpleStatementLine([cst.Expr(cst.Call(func=table_expression(knowledge.V1_INIT)))])
        support = Site("", start, start, "", SAFE, node=statement, needs=_import_need(knowledge.V1_INIT),
                       support=True, build=lambda updated: _insert_before(line, updated))
        return support, (self.module, place - 0.5)

    def _aliases_of(self, call: cst.Call) -> Iterable[cst.CSTNode]:
        """The expressions that hold the object `call` builds: the call itself and its bound names."""
        yield call
        parent = self.parent(call)
        if isinstance(parent, cst.WithItem) and parent.asname is not None:
            target: Optional[cst.CSTNode] = parent.asname.name
        elif isinstance(parent, cst.Assign) and len(parent.targets) == 1:
            target = parent.targets[0].target
        elif isinstance(parent, cst.AnnAssign):
            target = parent.target
        else:
            return
        if isinstance(target, cst.Name):
            scope = self.scopes.get(target)
            if scope is None or not self._only_binding(scope, target):
                return
            for assignment in scope.assignments[target.value]:
                if isinstance(assignment, Assignment) and assignment.node is target:
                    yield from (access.node for access in assignment.references)
        elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
            yield from self._attribute_aliases(target)

    def _only_binding(self, scope: Scope, target: cst.Name) -> bool:
        """Whether `target` is the name's one real binding in its scope (the others may only set it to None,
        as in `xp = None` before `if managed: xp = Experiment()`)."""
        for assignment in scope.assignments[target.value]:
            if not isinstance(assignment, Assignment):
                return False
            if assignment.node is target:
                continue
            if not isinstance(assignment.node, cst.Name):
                return False
            assign = self.parent(self.parent(assignment.node) or assignment.node)
            if not (isinstance(assign, cst.Assign) and isinstance(assign.value, cst.Name)
                    and assign.value.value == "None"):
                return False
        return True

    def _attribute_aliases(self, target: cst.Attribute) -> Iterable[cst.CSTNode]:
        """`self.xp = Experiment()` in a class: every `self.xp` in that class."""
        owner = self.parent(target)
        while owner is not None and not isinstance(owner, cst.ClassDef):
            owner = self.parent(owner)
        if owner is None:
            return
        wanted = (_module_name(target.value), target.attr.value)
        stores = 0
        found: List[cst.Attribute] = []

        class Collect(cst.CSTVisitor):
            def visit_Attribute(self, node: cst.Attribute) -> None:
                if isinstance(node.value, cst.Name) and (node.value.value, node.attr.value) == wanted:
                    found.append(node)

        owner.visit(Collect())
        for node in found:
            parent = self.parent(node)
            if isinstance(parent, cst.AssignTarget) or (isinstance(parent, cst.AnnAssign) and parent.target is node):
                stores += 1
        if stores == 1:
            yield from (node for node in found if node is not target)

    def _object_use(self, kind: str, constructor: Optional[Site], expression: cst.CSTNode,
                    origin: ImportStatement) -> None:
        attribute = self.parent(expression)
        if not isinstance(attribute, cst.Attribute) or attribute.value is not expression:
            return
        statement = origin if origin is not _NO_IMPORT else None
        parent = self.parent(attribute)
        if kind in ("tracker", "v1 tracker"):
            call = parent if isinstance(parent, cst.Call) and parent.func is attribute else None
            name = attribute.attr.value
            if kind == "v1 tracker" and not _v0_form(name, call):
                return
            self._tracker_method(constructor, expression, attribute, name, call, statement)
            return
        # A client: `client.<service>.<method>(...)`.
        if isinstance(parent, cst.Attribute) and parent.value is attribute:
            service_call = self.parent(parent)
            if isinstance(service_call, cst.Call) and service_call.func is parent:
                self._service_call(constructor, expression, attribute.attr.value, parent.attr.value, service_call,
                                   statement)

    def _tracker_method(self, constructor: Optional[Site], expression: cst.CSTNode, attribute: cst.Attribute, name: str,
                        call: Optional[cst.Call], origin: Optional[ImportStatement]) -> None:
        row = knowledge.TRACKER_METHODS.get(name)
        if row is None:
            return
        target = call if call is not None else attribute
        start, end = self.span(target)
        shown = f"{_short(expression)}.{name}"
        if not row.equivalent:
            self.sites.append(Site(NO_EQUIVALENT, start, end, f"v0 `{shown}` has no v1 equivalent: {row.advice}",
                                   MANUAL, origin=origin))
            return
        site = Site(V0_TRACKING_CALL, start, end, f"v0 `{shown}`: v1 has {row.advice}", row.safety, origin=origin,
                    depends=constructor, reason=row.reason)
        if row.v1 is not None:
            v1 = row.v1
            if call is not None and map_arguments(call.args, row.arguments) is not None:
                site.node = call
                site.build = lambda updated, v1=v1, spec=row.arguments: _rebuild_call(
                    updated, updated.func.with_changes(attr=cst.Name(v1)), spec)
            elif call is None:
                site.node = attribute
                site.build = lambda updated, v1=v1: updated.with_changes(attr=cst.Name(v1))
            if site.build is not None and call is not None and v1 == name and \
                    _rebuild_call(call, call.func, row.arguments).deep_equals(call):
                return  # same name, arguments that already fit v1
        self.sites.append(site)

    def _service_call(self, constructor: Optional[Site], receiver: cst.CSTNode, service: str, method: str,
                      call: cst.Call, origin: Optional[ImportStatement]) -> None:
        start, end = self.span(call)
        shown = f"{_short(receiver)}.{service}.{method}"
        if service in knowledge.SERVICES_WITHOUT_EQUIVALENT:
            self.sites.append(Site(NO_EQUIVALENT, start, end, f"v0 `{shown}` has no v1 equivalent: "
                                   f"{knowledge.SERVICES_WITHOUT_EQUIVALENT[service]}", MANUAL, origin=origin))
            return
        row = knowledge.CLIENT_METHODS.get(f"{service}.{method}")
        if row is None:
            if service in knowledge.SERVICE_IDS:
                self.sites.append(Site(V0_CLIENT, start, end, f"v0 `{shown}`: the v0 `{service}` service is gone; "
                                       "use `polyaxon.client.RunClient` or `ProjectClient`", MANUAL, origin=origin))
            return
        if not row.equivalent:
            self.sites.append(Site(NO_EQUIVALENT, start, end, f"v0 `{shown}` has no v1 equivalent: {row.advice}",
                                   MANUAL, origin=origin))
            return
        site = Site(V0_CLIENT, start, end, f"v0 `{shown}`: v1 has {row.advice}", row.safety, origin=origin,
                    depends=constructor, reason=row.reason)
        if row.v1 is not None:
            built = _service_builder(service, row, call)
            if built is not None:
                site.node, site.build, site.needs = call, built, _import_need(row.v1)
        self.sites.append(site)

    def global_bindings(self) -> Dict[str, Set[str]]:
        module_scope = self.scopes[self.module]
        bound: Dict[str, Set[str]] = {}
        assert module_scope is not None
        for assignment in module_scope.assignments:
            names = {q.name for q in module_scope.get_qualified_names_for(assignment.name)}
            bound.setdefault(assignment.name, set()).update(names or {f"<local>.{assignment.name}"})
        return bound


_AMBIGUOUS = " (not rewritten: the name is also bound elsewhere, or its import is guarded by `try`)"
_NO_IMPORT = ImportStatement(cst.SimpleStatementLine([]), cst.Import([cst.ImportAlias(cst.Name("_"))]), 0, 0,
                             (), False, False)




def _insert_before(line: cst.SimpleStatementLine, updated: cst.CSTNode
                   ) -> cst.FlattenSentinel[cst.BaseStatement]:
    """`line` before the statement, parted from what comes before and after it by the blank lines that part
    the statement from what comes before (the statement keeps its own, and its comments)."""
    assert isinstance(updated, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
    lines = list(updated.leading_lines)
    blank = next((index for index, empty in enumerate(lines) if empty.comment is not None), len(lines))
    return cst.FlattenSentinel([line.with_changes(leading_lines=lines[:blank]), updated])


def _position(body: Sequence[cst.BaseStatement], statement: cst.CSTNode) -> int:
    """Where a top-level statement stands in the module's body."""
    return next(index for index, item in enumerate(body) if item is statement)


def _v0_form(method: str, call: Optional[cst.Call]) -> bool:
    """Whether a call on a v1 run can only be v0 code: a method v1 lacks, or v0 arguments v1 rejects."""
    if method in knowledge.V0_ONLY_TRACKER_METHODS:
        return True
    if call is None:
        return False
    if method == "log_data_ref":
        return any(arg.keyword is not None and arg.keyword.value in knowledge.V0_DATA_REF_KEYWORDS
                   for arg in call.args)
    # v1 `log_outputs(**outputs)` takes no positional argument; v0's took the folder.
    return method == "log_outputs" and any(arg.keyword is None and not arg.star for arg in call.args)


def _short(node: cst.CSTNode) -> str:
    code = cst.Module([]).code_for_node(node)
    return code if len(code) <= 30 and "\n" not in code else "..."


def _rebuild_call(updated: cst.CSTNode, func: cst.BaseExpression, spec: Arguments) -> cst.Call:
    assert isinstance(updated, cst.Call)
    args = map_arguments(updated.args, spec)
    assert args is not None
    return updated.with_changes(func=func, args=args)


def _client_arguments(call: cst.Call) -> Optional[Tuple[List[cst.Arg], Tuple[Tuple[str, str], ...]]]:
    """v0 `PolyaxonClient(host=, port=, use_https=, token=, verify_ssl=, timeout=)` -> v1 arguments."""
    values: Dict[str, cst.Arg] = {}
    for arg in call.args:
        if arg.keyword is None or arg.star or arg.keyword.value not in knowledge.CLIENT_KEYWORDS:
            return None
        values[arg.keyword.value] = arg
    if not values:
        return [], ()
    config: List[cst.Arg] = []
    host = values.get("host")
    if host is not None:
        url = _host_url(host.value, values.get("port") or values.get("http_port"), values.get("use_https"))
        if url is None:
            return None
        config.append(_keyword_arg("host", url))
    elif "port" in values or "http_port" in values or "use_https" in values:
        return None
    for keyword in ("verify_ssl", "timeout"):
        if keyword in values:
            config.append(_keyword_arg(keyword, values[keyword].value))
    args: List[cst.Arg] = []
    needs: Tuple[Tuple[str, str], ...] = ()
    if config:
        args.append(_keyword_arg("config", cst.Call(func=cst.Name("ClientConfig"), args=_with_commas(config))))
        needs = (knowledge.V1_IMPORTS["ClientConfig"],)
    if "token" in values:
        args.append(_keyword_arg("token", values["token"].value))
    return _with_commas(args), needs


def _host_url(host: cst.BaseExpression, port: Optional[cst.Arg], use_https: Optional[cst.Arg]
              ) -> Optional[cst.BaseExpression]:
    """`http[s]://host[:port]` from v0's separate values: a literal when they are literals, else an f-string."""
    if use_https is None:
        scheme = "http"
    elif isinstance(use_https.value, cst.Name) and use_https.value.value in ("True", "False"):
        scheme = "https" if use_https.value.value == "True" else "http"
    else:
        return None
    parts: List[str] = [f"{scheme}://"]
    dynamic = False
    for value in (host, port.value if port is not None else None):
        if value is None:
            continue
        if value is not host:
            parts.append(":")
        literal = _string_value(value) if isinstance(value, cst.SimpleString) else (
            value.value if isinstance(value, cst.Integer) else None)
        if literal is not None:
            if any(char in literal for char in "{}\"\\"):
                return None
            parts.append(literal)
            continue
        code = cst.Module([]).code_for_node(value)
        if any(char in code for char in "'\"{}\\\n#"):
            return None
        parts.append("{" + code + "}")
        dynamic = True
    text = "".join(parts)
    return cst.parse_expression(('f"' if dynamic else '"') + text + '"')


def _split_ids(args: Sequence[cst.Arg], ids: Tuple[str, ...]
               ) -> Optional[Tuple[Dict[str, cst.BaseExpression], List[cst.Arg]]]:
    """A v0 service call's arguments: the entity ids (username, project_name, <id>) and the rest."""
    values: Dict[str, cst.BaseExpression] = {}
    rest: List[cst.Arg] = []
    for index, arg in enumerate(args):
        if arg.star:
            return None
        if arg.keyword is None and index < len(ids):
            values[ids[index]] = arg.value
        elif arg.keyword is not None and arg.keyword.value in ids:
            values[arg.keyword.value] = arg.value
        else:
            rest.append(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT))
    if any(name not in values for name in ids):
        return None
    return values, rest


def _method_of(call: cst.Call) -> str:
    return call.func.attr.value if isinstance(call.func, cst.Attribute) else ""


def _service_builder(service: str, row: Row, call: cst.Call) -> Optional[Builder]:
    """`client.<service>.<method>(user, project, id, ...)` -> `RunClient(owner=user, project=project,
    run_uuid=id, client=client).<v1 method>(...)` (or `ProjectClient(...)` for the project service)."""
    ids = knowledge.METHOD_IDS.get(f"{service}.{_method_of(call)}", knowledge.SERVICE_IDS.get(service, ()))
    split = _split_ids(call.args, ids)
    if split is None or map_arguments(split[1], row.arguments) is None:
        return None
    assert row.v1 is not None
    cls, method = row.v1.split(".")
    keywords = knowledge.V1_ID_KEYWORDS[:len(ids)]

    def build(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call) and isinstance(updated.func, cst.Attribute)
        service_node = updated.func.value
        assert isinstance(service_node, cst.Attribute)
        split = _split_ids(updated.args, ids)
        assert split is not None
        values, rest = split
        constructor = [_keyword_arg(v1, values[v0]) for v0, v1 in zip(ids, keywords)]
        constructor.append(_keyword_arg("client", service_node.value))
        mapped = map_arguments(rest, row.arguments)
        assert mapped is not None
        instance = cst.Call(func=cst.Name(cls), args=_with_commas(constructor))
        return updated.with_changes(func=cst.Attribute(value=instance, attr=cst.Name(method)),
                                    args=_with_commas(mapped))

    return build


def _star_exports(module: str) -> Set[str]:
    """The names `from <v0 module> import *` binds that the tables know about."""
    if module in knowledge.TRACKER_MODULES:
        return set(knowledge.TRACKER_CLASSES) | set(knowledge.TRACKING_FUNCTIONS)
    if module == "polyaxon_helper":
        return set(knowledge.HELPER_FUNCTIONS)
    if module in ("polyaxon_client", "polyaxon_client.client"):
        return {"PolyaxonClient"}
    prefix = module + "."
    return {name[len(prefix):] for name in knowledge.CONTRIB if name.startswith(prefix)} | {
        name[len(prefix):] for name in knowledge.RENAMED_NAMES if name.startswith(prefix)}

"""Shell in Python modules: the command lines a module builds for the CLI, read as shell where they are built.

ML repositories drive the CLI from Python (real-world-patterns.md): `os.system` given "polyaxon experiment
-xp 3 logs", but as often a command built first and run later: `cmd = f"polyaxon group -g {group} experiments"`,
then `check_output(cmd, shell=True)`; `"polyaxon experiment -xp {} stop".format(xp)`, `... % xp`,
`shlex.split(...)`, `cmd.split()`, `" ".join([...])`, an argv list (`args = ["polyaxon", "experiment"]`, then
`args += ["-xp", str(xp), "stop"]`), or a wrapper of the repository's own (`self.exec(f"polyaxon project get
-p {name}")`). Two kinds of literal are read:

- the command line handed to `os.system`, `os.popen` or `subprocess` (unwrapped from `.format`, `%`,
  `.split()`, `shlex.split` and `" ".join`): a region whatever command it holds;
- a string that starts with `polyaxon ` or a list whose first element is `"polyaxon"`, wherever else it is
  built: a region when its command path is a real v0 one (`polyaxon experiment finished` in a message is not),
  and not where it is text to show (an argument of `print` or a logging call, a `raise`, a docstring).

Each is rewritten in place (_python_literals.py says when an edit can go back exactly), but only when the
module's use of it is read to its end: a literal given to a call, or bound to a name whose every use is, with
nothing appended to it unseen (`cmd += " --past"`, a conditional `args.append(...)`); else it is reported at
its place, never rewritten. The module is read with `ast`: libcst is for the modules whose Python itself changes
(python_module.py), and a module that does not parse is reported there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, NamedTuple, Optional, Sequence, Set, Tuple, Union

from polylint.hosts import HostPath

if TYPE_CHECKING:
    import ast

    from polylint.diagnostics import Diagnostic
    from polylint.source import Region, SourceFile

# The final suffixes (lower case) of the names `claims` can accept: the only files it is asked about.
CLAIMED_SUFFIXES = frozenset({".py"})
# The functions whose first argument is a command line, by module.
RUNNERS = {
    "os": frozenset({"system", "popen"}),
    "subprocess": frozenset({"run", "call", "check_call", "check_output", "Popen", "getoutput",
                             "getstatusoutput"}),
}
# The calls whose arguments are text to show, not to run (besides any `print...`).
PRINTERS = frozenset({"echo", "secho", "debug", "info", "warning", "warn", "error", "exception", "critical",
                      "fatal", "log", "write", "writelines"})
# The keyword arguments that are text to show (`add_argument(help=...)`).
_TEXT_KEYWORDS = frozenset({"help", "description", "epilog", "msg", "message"})
# Methods and functions a command line goes through on its way to being run, which the rewrite reads through.
_STRING_METHODS = frozenset({"format", "split", "strip", "lstrip", "rstrip"})
_PASSING = frozenset({"shlex.split", "shlex.join", "list", "tuple"})
# How many names a command may be bound to, one after the other, before it is run.
_MAX_NAMES = 3


def claims(path: HostPath) -> bool:
    return path.suffix == ".py"


def prefilter(data: bytes) -> bool:
    if b"polyaxon" not in data:
        return False
    return (b"system" in data or b"subprocess" in data or b"popen" in data
            or any(written in data for written in (b'"polyaxon ', b"'polyaxon ", b'"polyaxon"', b"'polyaxon'")))


def regions(source: SourceFile) -> Iterator[Union[Region, Diagnostic]]:
    import ast

    try:
        tree = ast.parse(source.text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    yield from _Module(source, tree).regions()


class _Use(NamedTuple):
    """How a command built in a literal reaches its end, as far as a rewrite of the literal cares."""

    split: bool = False  # split on blanks by `str.split`: a rewrite may not quote a word
    joined: bool = False  # an argv list joined with spaces: each word must stay one plain word


class _Module:
    def __init__(self, source: SourceFile, tree: ast.Module) -> None:
        import ast

        self.source = source
        self.tree = tree
        self.parents: Dict[ast.AST, ast.AST] = {}
        self.loads: Dict[str, List[ast.Name]] = {}
        self.augmented: Dict[str, List[ast.AugAssign]] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                self.loads.setdefault(node.id, []).append(node)
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                self.augmented.setdefault(node.target.id, []).append(node)
        self.runners = {alias.asname or alias.name for node in ast.walk(tree)
                        if isinstance(node, ast.ImportFrom) and node.module in RUNNERS
                        for alias in node.names if alias.name in RUNNERS[node.module]}

    def regions(self) -> Iterator[Region]:
        import ast

        read: Set[ast.AST] = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call) and node.args and self._runs_a_command(node.func):
                literal = _unwrapped(node.args[0])
                if literal is None:
                    continue
                region = self._region(*literal)
                if region is not None and "polyaxon" in region.text:
                    read.update(ast.walk(literal[0]))
                    yield region
        for node in ast.walk(self.tree):
            if node in read:
                continue
            region = self._built(node, read)
            if region is not None:
                yield region

    def _runs_a_command(self, function: ast.expr) -> bool:
        import ast

        if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
            return function.attr in RUNNERS.get(function.value.id, ())
        return isinstance(function, ast.Name) and function.id in self.runners

    def _region(self, node: ast.expr, template: str, use: Optional[_Use],
                groups: Sequence[Tuple[Sequence[ast.expr], bool]] = ()) -> Optional[Region]:
        """The region of a literal; `use` None: a use the module does not read to its end (read only)."""
        import ast

        from polylint.hosts._python_literals import argv_region, string_region

        if isinstance(node, (ast.List, ast.Tuple)):
            if not node.elts:
                return None
            return argv_region(self.source, [(node.elts, True), *groups], read_only=use is None,
                               joined=use is not None and use.joined)
        # A command split on blanks gets no quotes: `-q "pipeline: 3"` would split into three words.
        return string_region(self.source, node, template, read_only=use is None,
                             forbidden="'\"" if use is not None and use.split else "")

    def _built(self, node: ast.AST, read: Set[ast.AST]) -> Optional[Region]:
        """The region of a v0 command line built in this literal (not handed to a runner where it is written)."""
        import ast

        from polylint.surfaces.shell import WHOLE_PATHS_ONLY

        groups: List[Tuple[Sequence[ast.expr], bool]] = []
        ignored: Set[ast.AST] = set()
        if isinstance(node, (ast.List, ast.Tuple)):
            first = node.elts[0] if node.elts else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)
                    and first.value.rsplit("/", 1)[-1] == "polyaxon"):
                return None
            template = ""
            assign = self.parents.get(node)
            if isinstance(assign, ast.Assign) and len(assign.targets) == 1 and isinstance(assign.targets[0], ast.Name):
                groups, ignored = self._extensions(assign, assign.targets[0].id)
        elif isinstance(node, (ast.Constant, ast.JoinedStr)) and _starts_a_command(node):
            if isinstance(self.parents.get(node), (ast.JoinedStr, ast.FormattedValue)):
                return None  # a piece of an f-string, read with it
            template = self._template(node)
        else:
            return None
        if self._shown(node):
            return None
        region = self._region(node, template, self._use(node, ignored, 0), groups)
        if region is None:
            return None
        # `polyaxon experiment finished` in a message is not a call: the checks count only whole v0 commands.
        region.meta[WHOLE_PATHS_ONLY] = True
        read.update(ast.walk(node))
        for elements, _ in groups:
            for element in elements:
                read.update(ast.walk(element))
        return region

    def _template(self, node: ast.AST) -> str:
        import ast

        parent = self.parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.attr == "format":
            return "format"
        if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Mod) and parent.left is node:
            return "percent"
        return ""

    def _shown(self, node: ast.AST) -> bool:
        """Whether the literal is text to show: a docstring or bare string, an argument of a printing or
        logging call, a `raise` or `assert` message."""
        import ast

        child, parent = node, self.parents.get(node)
        if isinstance(parent, ast.Expr) or (isinstance(parent, ast.keyword) and parent.arg in _TEXT_KEYWORDS):
            return True
        while parent is not None and not isinstance(parent, ast.stmt):
            if isinstance(parent, ast.Call) and child is not parent.func:
                name = _name(parent.func)
                if name.startswith("print") or name in PRINTERS:
                    return True
            child, parent = parent, self.parents.get(parent)
        return isinstance(parent, ast.Raise) or (isinstance(parent, ast.Assert) and child is parent.msg)

    def _use(self, node: ast.AST, ignored: Set[ast.AST], names: int) -> Optional[_Use]:
        """How the value built at node is used, when every use is read to its end: given to a call (the
        command ends there), or through `.format`, `%`, `.split()`, `shlex.split`, `" ".join` to one, or bound
        to a name each of whose uses is. None for any other use (appended to, returned, put in a container)."""
        import ast

        parent = self.parents.get(node)
        if isinstance(parent, ast.keyword):
            node, parent = parent, self.parents.get(parent)
        if isinstance(parent, ast.Call):
            if node is parent.func:
                return None
            function = parent.func
            if _name(function, dotted=True) in _PASSING:
                return self._use(parent, ignored, names)
            if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Constant) and \
                    function.attr == "join":
                inner = self._use(parent, ignored, names)
                return None if inner is None else _Use(inner.split, True)
            return _Use()
        if isinstance(parent, ast.Attribute) and parent.attr in _STRING_METHODS:
            call = self.parents.get(parent)
            if not (isinstance(call, ast.Call) and call.func is parent):
                return None
            inner = self._use(call, ignored, names)
            return None if inner is None else _Use(inner.split or parent.attr == "split", inner.joined)
        if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Mod) and parent.left is node:
            return self._use(parent, ignored, names)
        if isinstance(parent, ast.Assign) and parent.value is node and len(parent.targets) == 1 and \
                isinstance(parent.targets[0], ast.Name) and names < _MAX_NAMES:
            name = parent.targets[0].id
            if any(statement not in ignored for statement in self.augmented.get(name, ())):
                return None
            uses = [self._use(load, ignored, names + 1) for load in self.loads.get(name, ()) if load not in ignored]
            if any(use is None for use in uses):
                return None
            return _Use(any(use.split for use in uses if use), any(use.joined for use in uses if use))
        return None

    def _extensions(self, assign: ast.Assign, name: str) -> Tuple[List[Tuple[Sequence[ast.expr], bool]],
                                                                    Set[ast.AST]]:
        """The statements after `name = [...]` in its block that extend the list, up to the first other
        statement that mentions the name: their elements, and the nodes of theirs that use the name."""
        import ast

        block = self._block(assign)
        groups: List[Tuple[Sequence[ast.expr], bool]] = []
        ignored: Set[ast.AST] = set()
        for statement in block[block.index(assign) + 1:]:
            extension = _extension(statement, name)
            if extension is not None:
                elements, editable, uses = extension
                groups.append((elements, editable))
                ignored.update(uses)
            elif any(isinstance(inner, ast.Name) and inner.id == name for inner in ast.walk(statement)):
                break
        return groups, ignored

    def _block(self, statement: ast.stmt) -> List[ast.stmt]:
        import ast

        parent = self.parents[statement]
        for _, value in ast.iter_fields(parent):
            if isinstance(value, list) and any(item is statement for item in value):
                return value
        return [statement]


def _extension(statement: ast.stmt, name: str) -> Optional[Tuple[Sequence[ast.expr], bool, Sequence[ast.AST]]]:
    """`name += [...]`, `name.extend([...])`, `name.append(x)`: the elements added, whether they are a list
    literal's, and the nodes of the statement that use the name."""
    import ast

    if isinstance(statement, ast.AugAssign) and isinstance(statement.op, ast.Add) and \
            isinstance(statement.target, ast.Name) and statement.target.id == name and \
            isinstance(statement.value, (ast.List, ast.Tuple)) and statement.value.elts:
        return statement.value.elts, True, (statement,)
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return None
    call = statement.value
    function = call.func
    if not (isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name)
            and function.value.id == name and len(call.args) == 1 and not call.keywords):
        return None
    argument = call.args[0]
    if function.attr == "extend" and isinstance(argument, (ast.List, ast.Tuple)) and argument.elts:
        return argument.elts, True, (function.value,)
    if function.attr == "append" and not isinstance(argument, ast.Starred):
        return [argument], False, (function.value,)
    return None


def _unwrapped(argument: ast.expr) -> Optional[Tuple[ast.expr, str, _Use]]:
    """The literal a runner's command line is built from, through `.format`, `%`, `.split()`, `shlex.split`
    and `" ".join`: (literal, template kind, use)."""
    import ast

    node, split, joined = argument, False, False
    while isinstance(node, ast.Call):
        function = node.func
        if isinstance(function, ast.Attribute) and function.attr in _STRING_METHODS:
            split = split or function.attr == "split"
            node = function.value
            if function.attr == "format":
                return (node, "format", _Use(split, joined)) if isinstance(node, ast.Constant) else None
        elif isinstance(function, ast.Attribute) and isinstance(function.value, ast.Constant) and \
                function.attr == "join" and len(node.args) == 1:
            node, joined = node.args[0], True
        elif _name(function, dotted=True) in _PASSING and len(node.args) == 1:
            node = node.args[0]
        else:
            return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return (node.left, "percent", _Use(split, joined)) if isinstance(node.left, ast.Constant) else None
    if isinstance(node, (ast.Constant, ast.JoinedStr, ast.List, ast.Tuple)):
        return node, "", _Use(split, joined)
    return None


def _starts_a_command(node: Any) -> bool:
    import ast

    first = node.values[0] if isinstance(node, ast.JoinedStr) and node.values else node
    return isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.startswith("polyaxon ")


def _name(function: ast.expr, dotted: bool = False) -> str:
    """The name a call is made by: `print`, `info` of `logger.info` (`shlex.split` when dotted)."""
    import ast

    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        if dotted and isinstance(function.value, ast.Name):
            return f"{function.value.id}.{function.attr}"
        return function.attr
    return ""

"""PLX301: an import of a v0 package (`polyaxon_client`, `polyaxon_helper`, `polyaxon_schemas`, `polyaxon_cli`),
and the uses of its names that no other PLX3xx rule covers (`PolyaxonFile(...)`, `settings.IN_CLUSTER`).

v1 ships one package, `polyaxon` (mapping §4: "legacy packages must be uninstalled or they break the v1
CLI"); its client and tracking live in `polyaxon.client` and `polyaxon.tracking` (v1-surface.md §5.1).
The import is rewritten once none of its names is used the v0 way any more: in place, with the v1 imports
its uses now need. An import under `try:` is reported and never rewritten: the fallback is the user's.
"""

from __future__ import annotations

from typing import Iterator, Optional

from polylint.checks.python._sites import cache, in_region, site_diagnostics
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Fix
from polylint.knowledge.client import V0_PACKAGES
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX301",
    name="v0-import",
    summary="Import of a Polyaxon v0 package (polyaxon_client, polyaxon_helper, polyaxon_schemas, polyaxon_cli)",
    why=(
        "Polyaxon v1 replaced `polyaxon-client`, `polyaxon-helper`, `polyaxon-schemas` and `polyaxon-cli` with "
        "one package, `polyaxon`: tracking is `from polyaxon import tracking`, the API clients are "
        "`from polyaxon.client import RunClient, ProjectClient`. The v0 packages do not install next to v1. "
        "The import is rewritten when every use of its names was rewritten; an import guarded by "
        "`try: ... except ImportError:` is left for you, with its fallback."
    ),
    example=(
        "from polyaxon_client.tracking import Experiment  # tracking\n"
        "\n"
        "experiment = Experiment()\n"
    ),
    fixed_example=(
        "from polyaxon import tracking  # tracking\n"
        "\n"
        "experiment = tracking.init()\n"
    ),
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.UNSAFE: (
            'from polyaxon_client.tracking import get_outputs_path\n'
            '\n'
            '\n'
            'def folder():\n'
            '    return get_outputs_path()\n'
        ),
        Applicability.MANUAL: (
            'from polyaxon_client.tracking import Group\n'
            '\n'
            "group = Group(project='mnist')\n"
        ),
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    shared = cache(region, context)
    for statement in shared.usage.imports:
        if not in_region(region, statement.start):
            continue
        module = statement.modules[0] if len(statement.modules) == 1 else ", ".join(statement.modules)
        package = next(m for m in statement.modules if m.split(".")[0] in V0_PACKAGES).split(".")[0]
        message = f"v0 import of `{module}`: {V0_PACKAGES[package]}"
        if statement.guarded:
            message += " (under `try`: rewrite the import and its fallback by hand)"
        fix: Optional[Fix] = None
        for level in (Applicability.SAFE, Applicability.UNSAFE):
            result = shared.rewrite(level)
            if id(statement) in result.imports and result.edits:
                fix = shared.fix(level, "some of its uses change meaning")
                break
        if fix is None and not statement.guarded:
            message += " (still used by code that needs a manual rewrite, reported where it is used)"
        yield Diagnostic(RULE.code, message, statement.start, statement.end, fix)
    # Uses of v0 names no other rule covers (`PolyaxonFile(...)` of polyaxon_schemas...).
    yield from site_diagnostics(region, context, RULE.code)

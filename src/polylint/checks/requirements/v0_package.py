"""PLX401: a requirement on a Polyaxon v0 package, in any list of requirements.

Flags `polyaxon-client`, `polyaxon-cli`, `polyaxon-schemas`, `polyaxon-helper`, `polyaxon-dockerizer`,
`polyaxon-deploy`, `polyaxon-k8s`, `polystores`, `hestia`, `rhea` (any PEP 503 spelling) and `polyaxon`
pinned below 1, in requirements files, setup.py, setup.cfg, pyproject.toml, Pipfile and conda
environments. v1 ships the CLI, the client and tracking in the one `polyaxon` package, and the old
packages must go: their `polyaxon` command shadows the v1 CLI (v0-to-v1-mapping.md §4; #821, #1271).

The fix puts one `polyaxon` requirement (the `polyaxon-requirement` setting) in the place of the first v0
entry of each list, keeping its extras, marker and comment, and deletes the other v0 entries; a list that
already requires a v1 `polyaxon` only loses its v0 entries.
"""

from __future__ import annotations

from typing import Iterator

from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Fix
from polylint.knowledge.packages import POLYAXON, V0_PACKAGES, normalize, replacement_plan, split_requirement
from polylint.rules import Rule
from polylint.source import Region
from polylint.surfaces.requirements import PinGroup

RULE = Rule(
    code="PLX401",
    name="v0-package",
    summary="Requirement on a Polyaxon v0 package: v1 is the one `polyaxon` package",
    why=(
        "Polyaxon v0 was split over `polyaxon-cli`, `polyaxon-client`, `polyaxon-schemas`, "
        "`polyaxon-helper`, `polyaxon-dockerizer`, `polyaxon-deploy`, `polyaxon-k8s`, `polystores`, `hestia` and "
        "`rhea`, and "
        "`polyaxon` itself below 1.0 was the v0 server. Polyaxon v1 is one package, `polyaxon`, holding the "
        "CLI, the client and tracking. Installing both breaks things: the v0 `polyaxon-cli` installs its own "
        "`polyaxon` command, which shadows the v1 CLI (v0-to-v1-mapping.md §4; issues #821, #824, #1271). "
        "After changing the requirements, uninstall the old packages from existing environments: "
        "`pip uninstall -y polyaxon-cli polyaxon-client polyaxon-schemas polyaxon-helper "
        "polyaxon-dockerizer polyaxon-deploy polyaxon-k8s polystores hestia rhea`. The requirement written "
        "is the `polyaxon-requirement` setting of `[tool.polylint]` (default `polyaxon>=1.20,<2`)."
    ),
    example=(
        "numpy==1.18.1\n"
        "polyaxon-client[gcs]==0.6.1  # tracking\n"
        "polyaxon-helper\n"
    ),
    fixed_example=(
        "numpy==1.18.1\n"
        "polyaxon[gcs]>=1.20,<2  # tracking\n"
    ),
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.MANUAL: '-e git+https://github.com/polyaxon/polyaxon-client.git@v0.6.1#egg=polyaxon-client\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    name, specifier = split_requirement(context.settings.polyaxon_requirement)
    wanted = f"{name}{specifier}"
    groups: tuple[PinGroup, ...] = region.tree
    for group in groups:
        plan = replacement_plan([(pin.name, pin.requirement.clauses) for pin in group.pins])
        replacements = {index: group.pins[index].replacement(name, specifier)
                        for index, takes_place in plan.items() if takes_place}
        # The v0 entries go only where the v1 requirement is written in the place of one (or already there).
        replaced = all(edits is not None for edits in replacements.values())
        for index, takes_place in plan.items():
            pin = group.pins[index]
            normalized = normalize(pin.name)
            if normalized == POLYAXON:
                what = f"`{region.text[pin.start:pin.end]}` pins the Polyaxon v0 server package"
            else:
                what = f"`{pin.name}` is a Polyaxon v0 package ({V0_PACKAGES[normalized]})"
            if takes_place:
                edits = replacements[index]
                action = f"require `{wanted}` instead"
            else:
                edits = pin.removal if pin.frozen is None and replaced else None
                action = f"remove it: one `{name}` requirement replaces every v0 package in {group.where}"
            message = f"{what} in {group.where}: {action}; uninstall the v0 packages, they shadow the v1 CLI"
            if pin.frozen is not None:
                message += f"; {pin.frozen}"
            fix = Fix(Applicability.SAFE, action[0].upper() + action[1:], edits) if edits else None
            yield Diagnostic(RULE.code, message, pin.start, pin.end, fix)

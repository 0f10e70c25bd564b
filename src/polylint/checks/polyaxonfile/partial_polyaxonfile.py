"""PLX107: a partial v0 Polyaxonfile, merged into a main one with several `-f`, which v1 reads as a preset."""

from __future__ import annotations

from typing import Iterator, Optional, Tuple

from polylint.checks.polyaxonfile._document import at_key, document, fix_option
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Edit, Fix
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX107",
    name="v0-partial-polyaxonfile",
    summary="Partial v0 Polyaxonfile (`version: 1` and only `declarations`, `environment` or `hptuning`): "
            "v1 merges a preset operation instead",
    why=(
        "v0 deep-merged every file given with `-f`, in order, so a file holding only `version: 1` and "
        "`declarations:` (or `params:`, `environment:`, `hptuning:`) completed the main Polyaxonfile: "
        "`polyaxon run -f polyaxonfile.yml -f gpu.yml`. Polyaxon v1 reads the first `-f` as the Polyaxonfile "
        "and every other one as a preset operation patched onto it: a v0 partial file is not a valid preset.\n\n"
        "The fix rewrites it as a preset v1 merges the same way (the preset's values win, mappings are merged "
        "key by key): `declarations`/`params` become `params: {name: {value: ...}}`, `environment` becomes "
        "`runPatch` (`container.resources`, `environment`) and `termination`, and an `hptuning` with a `matrix` "
        "becomes `matrix`. Keep giving it after the main file: `polyaxon run -f polyaxonfile.yml -f gpu.yml`. "
        "What a preset cannot carry (connections, distributed replicas, an `hptuning` with no `matrix`) is "
        "kept as a `# [polylint PLX120]` comment where it stood, and the fix is then unsafe."
    ),
    example=(
        "version: 1\n"
        "declarations:\n"
        "  lr: 0.1\n"
        "environment:\n"
        "  resources:\n"
        "    gpu: {requests: 1, limits: 1}\n"
    ),
    fixed_example=(
        "version: 1.1\n"
        "kind: operation\n"
        "isPreset: true\n"
        "params:\n"
        "  lr: {value: 0.1}\n"
        "runPatch:\n"
        "  container:\n"
        "    resources:\n"
        "      requests:\n"
        "        nvidia.com/gpu: 1\n"
        "      limits:\n"
        "        nvidia.com/gpu: 1\n"
    ),
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.UNSAFE: (
            "version: 1\n"
            "environment:\n"
            "  persistence:\n"
            "    data: [data1]\n"
        ),
    },
)


def _fix(region: Region) -> Tuple[Optional[Fix], str]:
    """The fix, or None and why there is none."""
    from polylint.codemods.polyaxonfile.context import ConversionError
    from polylint.codemods.polyaxonfile.convert import convert_document
    from polylint.codemods.polyaxonfile.partial import preset_tree

    try:
        converted = convert_document(region.text, document(region), preset_tree)
    except ConversionError as error:
        return None, str(error)
    reasons = "".join(f"; {reason}" for reason in converted.reasons)
    return Fix(converted.applicability, f"rewrite as a v1 preset operation{reasons}",
               (Edit(converted.start, converted.end, converted.text),)), ""


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v0-partial":
        return
    data = document(region).data
    sections = ", ".join(f"`{key}`" for key in data if key != "version")
    fix, why_not = _fix(region)
    if fix is None:
        advice = f"convert it by hand: polylint could not convert this document ({why_not})"
    else:
        advice = (f"convert it to a preset ({fix_option(fix)}) and keep giving it after the main file "
                  "(`polyaxon run -f polyaxonfile.yml -f this.yml`)")
    yield at_key(region, RULE.code,
                 f"partial v0 Polyaxonfile (only {sections}), merged into a main one with several `-f`: v1 "
                 f"reads every `-f` after the first as a preset operation; {advice}", data, "version", fix)

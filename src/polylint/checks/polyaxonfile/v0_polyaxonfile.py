"""PLX100: a v0 Polyaxonfile, which Polyaxon v1 does not read at all."""

from __future__ import annotations

from typing import Iterator, Optional, Tuple

from polylint.checks.polyaxonfile._document import at_key, document, fix_option
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Edit, Fix
from polylint.rules import Rule
from polylint.source import Region

RULE = Rule(
    code="PLX100",
    name="v0-polyaxonfile",
    summary="v0 Polyaxonfile: Polyaxon v1 reads only `version: 1.1` components and operations",
    why=(
        "Polyaxon v1 accepts only `version: 1.1` (K1 `MIN_VERSION = MAX_VERSION = 1.1`) and only the kinds "
        "`component` and `operation`. A v0 file (`version: 1` with `kind: experiment|group|job|build|"
        "notebook|tensorboard|pipeline`, or an older era's shape) is rejected as a whole: "
        "\"The Polyaxonfile with kind `experiment` is not a supported value\". Its snake_case sections "
        "(`build`, `run.cmd`, `environment`, `hptuning`, `declarations`) become camelCase v1 sections with "
        "a Kubernetes `container`, `inputs`, and `matrix`.\n\n"
        "The fix rewrites each v0 document of the file (a v1 document beside it is left alone): experiment "
        "and job -> a component with `run.kind: job` (tfjob, pytorchjob, mpijob or mxjob when distributed); "
        "group -> an operation with `matrix` and the inline component; notebook, tensorboard and build -> "
        "an operation on the hub components `notebook`/`jupyterlab`, `tensorboard`, `kaniko`; pipeline -> "
        "a component with `run.kind: dag`. Params become typed `inputs`; every `{{ var }}` ends up declared. "
        "Comments stay beside the key they described, and blank lines between top-level sections stay.\n\n"
        "Command: v0 ran every `run.cmd` as `/bin/bash -c <cmd>` (a list joined with ` && `, backslash "
        "continuations removed). The fix keeps exactly that for every command, shell syntax or not: "
        "`command: [/bin/bash, -c]` and `args: [<cmd>]`.\n\n"
        "Code: v0 baked the repository into the image at `/code`. The component sets `workingDir: "
        "'{{ globals.run_artifacts_path }}/uploads'`, where `polyaxon run -f polyaxonfile.yml -u` uploads "
        "it, so relative paths keep working: run it with `-u`.\n\n"
        "Build: v1 CE has no automatic build. The fix keeps `build.image` as the container image and runs "
        "the `build_steps` (and `env_vars`/`lang_env` as `export`s) in the container before the command; "
        "as they now run at every start, that is unsafe. A `build.dockerfile`, or no `build` at all, becomes a "
        "required input `image` (`-P image=<the image you built>`); in a pipeline, the DAG takes that input "
        "and each op passes it on.\n\n"
        "Safety: the fix is safe when the mapping is exact; it is unsafe (`--unsafe-fixes`) when behaviour "
        "changes (build steps at run time, Kubeflow instead of native distributed training, hub components, "
        "commercial search algorithms, undeclared variables made required inputs) or when something with no "
        "v1 equivalent was kept as a `# [polylint PLX120]` comment block (reported by PLX120)."
    ),
    example=(
        'version: 1\n'
        'kind: experiment\n'
        'params:\n'
        '  lr: 0.01  # learning rate\n'
        'build:\n'
        '  image: python:3.8\n'
        'run:\n'
        '  cmd: python train.py --lr={{ lr }} \\\n'
        '                       --epochs=10\n'
        'environment:\n'
        '  resources:\n'
        '    memory: {requests: 2048}\n'
    ),
    fixed_example=(
        'version: 1.1\n'
        'kind: component\n'
        'inputs:\n'
        '- name: lr  # learning rate\n'
        '  type: float\n'
        '  value: 0.01\n'
        '  isOptional: true\n'
        'run:\n'
        '  kind: job\n'
        '  container:\n'
        '    image: python:3.8\n'
        "    workingDir: '{{ globals.run_artifacts_path }}/uploads'\n"
        '    command: [/bin/bash, -c]\n'
        '    args:\n'
        '    - python train.py --lr={{ lr }} --epochs=10\n'
        '    resources:\n'
        '      requests:\n'
        '        memory: 2048Mi\n'
    ),
    fix=Applicability.SAFE,
    fix_examples={
        Applicability.UNSAFE: (
            'version: 1\n'
            'kind: experiment\n'
            'build:\n'
            '  image: python:3.8\n'
            '  build_steps: [pip install -r requirements.txt]\n'
            'run:\n'
            '  cmd: python train.py\n'
        ),
        Applicability.MANUAL: (
            'version: 1\n'
            'kind: experiment\n'
            'params:\n'
            '  globals: 1  # a v1 context name: polylint cannot declare it as an input\n'
            'build:\n'
            '  image: python:3.8\n'
            'run:\n'
            '  cmd: python train.py\n'
        ),
    },
)


def _fix(region: Region) -> Tuple[Optional[Fix], str]:
    """The fix, or None and why there is none."""
    from polylint.codemods.polyaxonfile.context import ConversionError
    from polylint.codemods.polyaxonfile.convert import convert_document

    try:
        converted = convert_document(region.text, document(region).writing())
    except ConversionError as error:
        return None, str(error)
    reasons = "".join(f"; {reason}" for reason in converted.reasons)
    return Fix(converted.applicability, f"rewrite as a `version: 1.1` Polyaxonfile{reasons}",
               (Edit(converted.start, converted.end, converted.text),)), ""


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if region.meta.get("era") != "v0":
        return
    data = document(region).data
    kind = data.get("kind")
    described = f"`kind: {kind}`" if kind is not None else "a pre-0.1 file with no `kind`"
    key = "version" if "version" in data else next(iter(data))
    fix, why_not = _fix(region)
    if fix is None:
        advice = f"convert it by hand: polylint could not convert this document ({why_not})"
    else:
        advice = f"convert it ({fix_option(fix)})"
    yield at_key(region, RULE.code,
                 f"v0 Polyaxonfile ({described}): Polyaxon v1 reads only `version: 1.1` components and "
                 f"operations; {advice}", data, key, fix)

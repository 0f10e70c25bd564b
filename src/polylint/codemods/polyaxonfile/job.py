"""The body of a v0 experiment or job as a v1 component: its inputs and outputs, termination and run (mapping
§2). An experiment, a group's inline component and a pipeline's templates are each made of it.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.build import runtime_image
from polylint.codemods.polyaxonfile.container import build_container
from polylint.codemods.polyaxonfile.context import Conversion, ConversionError, line_of
from polylint.codemods.polyaxonfile.distributed import distributed_kind, distributed_run
from polylint.codemods.polyaxonfile.environment import convert_environment
from polylint.codemods.polyaxonfile.inputs import Declarations, declare_template_names

_IMPLIED_BACKENDS = frozenset({"native", "kubeflow", "mpi"})


def job_component(conversion: Conversion, view: Any, component: CommentedMap,
                  matrix_types: Optional[Dict[str, Tuple[str, Optional[int]]]] = None,
                  path: Tuple[Any, ...] = ()) -> Optional[str]:
    """inputs, outputs, termination and run of an experiment or job into component; the name of the input
    that takes the image, when the user must give it."""
    declarations = Declarations(conversion)
    for section in ("inputs", "outputs"):
        if section in view:
            declarations.add_io(section, view[section], path + (section,))
    declarations.add_params(view.get("params"), path + ("params",))
    for name, (type_name, line) in (matrix_types or {}).items():
        declarations.require(name, type_name, line)
    build = view.get("build")
    image_input = runtime_image(conversion, build, declarations, path + ("build",),
                                line_of(view, "run", conversion.default_line))
    run_section = view.get("run")
    if run_section is not None and not isinstance(run_section, dict):
        raise ConversionError("`run` is not a mapping")
    for key, value in (run_section or {}).items():
        if key != "cmd":
            conversion.keep(line_of(run_section, key), path + ("run", key), value, f"`run.{key}` has no v1 equivalent")
    container = build_container(conversion, build, run_section, path,
                                image=None if image_input is None else f"{{{{ {image_input} }}}}")
    environment = convert_environment(conversion, view.get("environment"), path + ("environment",))
    backend = view.get("backend")
    if backend is not None and backend not in _IMPLIED_BACKENDS:
        conversion.keep(line_of(view, "backend"), path + ("backend",), backend,
                        f"`backend: {backend}` has no v1 equivalent: the run kind decides how it runs")
    kind = distributed_kind(view.get("framework"), backend, environment)
    if environment.distributed and kind is None:
        raise ConversionError("distributed replicas without a known framework")
    if kind is not None:
        run = distributed_run(conversion, kind, container, environment, path + ("environment",))
    else:
        if environment.resources is not None:
            conversion.put(container, "resources", environment.resources, line_of(view, "environment"))
        run = conversion.new_map()
        conversion.put(run, "kind", "job", line_of(view, "run", conversion.default_line))
        if environment.environment is not None:
            conversion.put(run, "environment", environment.environment, line_of(view, "environment"))
        conversion.put(run, "container", container, line_of(view, "build", line_of(view, "run")))
    declare_template_names(conversion, declarations, run)
    if environment.termination is not None:
        conversion.put(component, "termination", environment.termination, line_of(view, "environment"))
    declarations.place(component, line_of(view, "params", line_of(view, "inputs")))
    conversion.put(component, "run", run, line_of(view, "run", conversion.default_line))
    return image_input

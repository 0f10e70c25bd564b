"""v0 `kind: pipeline` (Polyflow, 0.5+) -> a component with `run.kind: dag` (mapping §2.1).

Each `templates[]` experiment or job becomes an inline component in `run.components`; each `ops[]` entry a
DAG operation with `dagRef` (or `pathRef`/`urlRef`), its params as `{value: ...}` and its dependencies.
A `schedule` makes the whole an operation wrapping the DAG component. Always unsafe: the DAG engine and
schedules are not in v1 CE (mapping §1.5).

A template whose image the user must give (a `build.dockerfile`, or no `build` at all) takes it as an input;
`-P image=...` reaches the DAG, not its components, so the DAG declares the `image` input and each op on
such a template passes it down (`{ref: dag, value: inputs.image}`).

Not converted, as v0 itself refused to compile them (`apply_context`) and v1 refuses too: a pipeline with
no ops or no templates, an op that names a template the pipeline does not define, and ops whose
dependencies form a cycle.
"""

from __future__ import annotations

from typing import Any, Dict, List, Set, Tuple

from ruamel.yaml.comments import CommentedMap

from polylint.codemods.polyaxonfile.context import Conversion, ConversionError, item_line, line_of
from polylint.codemods.polyaxonfile.header import convert_header, normalize
from polylint.codemods.polyaxonfile.job import job_component
from polylint.knowledge.polyaxonfile import V0_PIPELINE_OP_KEYS, V0_TERMINATION_KEYS

_TEMPLATE_REFERENCES = {"name": "dagRef", "path": "pathRef", "url": "urlRef"}
_SCHEDULE_KEYS = {"kind": "kind", "cron": "cron", "frequency": "frequency", "start_at": "startAt",
                  "end_at": "endAt", "depends_on_past": "dependsOnPast", "max_runs": "maxRuns"}


def _components(conversion: Conversion, templates: Any) -> Tuple[Any, Dict[str, str]]:
    """The DAG components, and for each template whose image the user gives, the name of its image input."""
    components = conversion.new_seq()
    image_inputs: Dict[str, str] = {}
    image_sources: Set[Any] = set()
    for index, template in enumerate(templates if isinstance(templates, list) else []):
        line = item_line(templates, index)
        kind, view = normalize(conversion, template) if isinstance(template, dict) else ("", {})
        if kind not in ("experiment", "job") or not view.get("name"):
            conversion.keep(line, ("templates", index), template,
                            "only named experiment and job templates become DAG components")
            continue
        component = conversion.new_map()
        plugins = convert_header(conversion, view, component)
        if plugins is not None:
            conversion.put(component, "plugins", plugins, line_of(view, "logging"))
        image_input = job_component(conversion, view, component, path=("templates", index))
        if image_input is not None:
            image_inputs[view["name"]] = image_input
            build = view.get("build")
            image_sources.add(build.get("dockerfile") if isinstance(build, dict) else None)
        for key, value in view.items():
            if key not in ("kind", "name", "description", "tags", "framework", "logging", "params", "inputs",
                           "outputs", "build", "run", "environment", "backend", "version"):
                conversion.keep(line_of(view, key), ("templates", index, key), value,
                                f"`{key}` has no v1 equivalent in a DAG component")
        conversion.put(components, None, component, line)
    if len(image_sources) > 1 or len(set(image_inputs.values())) > 1:
        raise ConversionError("the templates " + ", ".join(f"`{name}`" for name in image_inputs) + " need "
                              "different images the user must give: the DAG would need an input for each")
    return components, image_inputs


def _pass_images(conversion: Conversion, operations: Any, image_inputs: Dict[str, str]) -> None:
    """Each op on a template that takes its image as an input passes it the DAG's own."""
    for operation in operations:
        name = image_inputs.get(operation.get("dagRef"))
        if name is None:
            continue
        origin = conversion.origin_of(operation, "dagRef")
        params = operation.get("params")
        if params is None:
            params = conversion.put(operation, "params", conversion.new_map(), origin)
        reference = conversion.new_map(flow=True)
        reference["ref"] = "dag"
        reference["value"] = f"inputs.{name}"
        conversion.put(params, name, reference, origin)


def _operation(conversion: Conversion, op: Any, path: Tuple[Any, ...]) -> CommentedMap:
    operation = conversion.new_map()
    for key, value in op.items():
        line = line_of(op, key)
        if key in V0_PIPELINE_OP_KEYS:
            conversion.put(operation, V0_PIPELINE_OP_KEYS[key], conversion.copy(value), line)
        elif key == "template" and isinstance(value, dict) and len(value) == 1 and \
                next(iter(value)) in _TEMPLATE_REFERENCES:
            reference = next(iter(value))
            conversion.put(operation, _TEMPLATE_REFERENCES[reference], value[reference], line)
        elif key == "params" and isinstance(value, dict):
            params = conversion.new_map()
            for name, param in value.items():
                wrapped = conversion.new_map(flow=True)
                wrapped["value"] = conversion.copy(param)
                conversion.put(params, name, wrapped, line_of(value, name))
            conversion.put(operation, "params", params, line)
        elif key in V0_TERMINATION_KEYS:
            termination = conversion.new_map()
            conversion.put(termination, V0_TERMINATION_KEYS[key], value, line)
            conversion.put(operation, "termination", termination, line)
        else:
            conversion.keep(line, path + (key,), value, f"op `{key}` has no v1 equivalent")
    return operation


def _check_references(ops: List[Any], templates: Any) -> None:
    """Raise ConversionError for what v0 would not compile: no ops, no templates, an op naming no template,
    dependencies that form a cycle."""
    if not ops:
        raise ConversionError("the pipeline has no ops (v0 did not run it either)")
    if not templates:
        raise ConversionError("the pipeline has no templates (v0 did not run it either)")
    defined = {template.get("name") for template in templates if isinstance(template, dict)} \
        if isinstance(templates, list) else set()
    for op in ops:
        reference = op.get("template")
        if isinstance(reference, dict) and set(reference) == {"name"} and reference["name"] not in defined:
            raise ConversionError(f"the op `{op.get('name')}` names the template `{reference['name']}`, which the "
                                  "pipeline does not define")
    needs = {op.get("name"): op.get("dependencies") for op in ops}
    visiting: List[Any] = []
    done: Set[Any] = set()

    def visit(name: Any) -> None:
        if name in done or name not in needs:
            return
        if name in visiting:
            cycle = visiting[visiting.index(name):] + [name]
            raise ConversionError("the ops' dependencies form a cycle: " + " -> ".join(map(str, cycle)))
        visiting.append(name)
        dependencies = needs[name]
        for dependency in dependencies if isinstance(dependencies, list) else []:
            visit(dependency)
        visiting.pop()
        done.add(name)

    for name in needs:
        visit(name)


def pipeline(conversion: Conversion, view: Any, tree: CommentedMap) -> None:
    schedule = view.get("schedule")
    conversion.put(tree, "kind", "operation" if schedule is not None else "component", line_of(view, "kind"))
    plugins = convert_header(conversion, view, tree)
    if plugins is not None:
        conversion.put(tree, "plugins", plugins, line_of(view, "logging"))
    run = conversion.new_map()
    conversion.put(run, "kind", "dag", line_of(view, "ops", conversion.default_line))
    if "concurrency" in view:
        conversion.put(run, "concurrency", view["concurrency"], line_of(view, "concurrency"))
    operations = conversion.new_seq()
    ops = view.get("ops")
    _check_references([op for op in ops if isinstance(op, dict)] if isinstance(ops, list) else [],
                      view.get("templates"))
    for index, op in enumerate(ops if isinstance(ops, list) else []):
        if isinstance(op, dict):
            conversion.put(operations, None, _operation(conversion, op, ("ops", index)), item_line(ops, index))
    conversion.put(run, "operations", operations, line_of(view, "ops"))
    components, image_inputs = _components(conversion, view.get("templates"))
    if components:
        conversion.put(run, "components", components, line_of(view, "templates"))
    _pass_images(conversion, operations, image_inputs)
    dag_inputs = None
    if image_inputs:
        dag_inputs = conversion.new_seq()
        entry = conversion.new_map()
        conversion.put(entry, "name", next(iter(image_inputs.values())), line_of(view, "templates"))
        conversion.put(entry, "type", "str", line_of(view, "templates"))
        conversion.put(dag_inputs, None, entry, line_of(view, "templates"))
    if schedule is not None:
        if isinstance(schedule, dict) and all(key in _SCHEDULE_KEYS for key in schedule):
            converted = conversion.new_map()
            for key, value in schedule.items():
                # v1 reads schedule datetimes only as quoted strings (v1-surface §0.8).
                value = str(value) if key in ("start_at", "end_at") else value
                conversion.put(converted, _SCHEDULE_KEYS[key], value, line_of(schedule, key))
            conversion.put(tree, "schedule", converted, line_of(view, "schedule"))
        else:
            conversion.keep(line_of(view, "schedule"), ("schedule",), schedule, "a schedule v1 cannot read")
        component = conversion.new_map()
        if dag_inputs is not None:
            conversion.put(component, "inputs", dag_inputs, line_of(view, "templates"))
        conversion.put(component, "run", run, line_of(view, "ops"))
        conversion.put(tree, "component", component, line_of(view, "ops"))
    else:
        if dag_inputs is not None:
            conversion.put(tree, "inputs", dag_inputs, line_of(view, "templates"))
        conversion.put(tree, "run", run, line_of(view, "ops"))
    for key, value in view.items():
        if key not in ("version", "kind", "name", "description", "tags", "logging", "concurrency", "ops",
                       "templates", "schedule", "backend"):
            conversion.keep(line_of(view, key), (key,), value, f"pipeline `{key}` has no v1 equivalent")
    conversion.unsafe("the DAG engine and schedules are not in v1 CE (mapping §1.5)")

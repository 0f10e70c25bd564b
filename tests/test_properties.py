"""Property tests: generated Polyaxonfiles around the v0 and v1 surfaces (issue 8).

For any generated file: no check raises (no PLX009), a fixed file parses again (no new PLX0xx), and a
second --fix changes nothing.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polylint.config import Settings
from polylint.results import Options
from polylint.checking import process_bytes

SCALARS = st.one_of(st.integers(-5, 4096), st.floats(0, 10, allow_nan=False).map(lambda f: round(f, 3)),
                    st.booleans(), st.sampled_from(["relu", "{{ lr }}", "'{{ x }}'", '"a: b"', "512Mi", "null", "",
                                     # what YAML 1.1 (PyYAML, Polyaxon's reader) and 1.2 read differently
                                     "yes", "Off", "0755", "1:30", "1e-3", "1.5e+3", "0o17"]),
                    st.text(alphabet="abc{} :-#'\"\\\t", max_size=12).map(lambda t: '"' + t.replace('"', "") + '"'))
KEYS = st.sampled_from(["version", "kind", "build", "run", "cmd", "image", "environment", "resources", "memory",
                        "requests", "limits", "gpu", "replicas", "n_workers", "hptuning", "matrix", "bo", "values",
                        "params", "declarations", "inputs", "container", "command", "args", "outputs",
                        "data_refs", "persistence", "framework", "tensorflow", "settings", "project", "name"])


def block(depth):
    if depth == 0:
        return SCALARS.map(lambda value: [f" {str(value).lower() if isinstance(value, bool) else value}"])
    return st.lists(st.tuples(KEYS, st.one_of(block(depth - 1), SCALARS.map(lambda v: [f" {v}"])),
                              st.sampled_from(["", "  # note", "  # polylint: ignore"])),
                    min_size=1, max_size=4).map(_render)


def _render(items):
    lines = [":"]
    for key, child, comment in items:
        if len(child) == 1:
            lines.append(f"{key}:{child[0]}{comment}")
        else:
            lines.append(f"{key}{child[0]}{comment}")
            lines.extend("  " + line for line in child[1:])
    return lines


HEADERS = st.sampled_from(["version: 1\nkind: experiment\n", "version: 1\nkind: group\n", "version: 1.0\nkind: job\n",
                           "version: 1.1\nkind: component\n", "version: 1.1\nkind: operation\n", "version: 1\n",
                           "---\nversion: 1\nkind: notebook\n", "%YAML 1.1\n---\nversion: 1\nkind: experiment\n"])
V1_CONTAINER = ("run:\n  kind: job\n  container:\n    image: a\n    command: python x.py\n"
                "    resources:\n      requests: {memory: 512}\n      limits:\n        memory: 1024  # MiB\n")


@st.composite
def polyaxonfiles(draw):
    body = draw(block(2))[1:]
    text = draw(HEADERS) + "\n".join(body) + "\n"
    if draw(st.booleans()):
        text += V1_CONTAINER
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(polyaxonfiles())
def test_checks_never_raise_and_fixes_settle(text):
    options = Options(Settings(), fix=True, unsafe_fixes=True)
    first = process_bytes("polyaxonfile.yml", text.encode(), options)
    codes = [finding.code for finding in first.findings]
    assert "PLX009" not in codes
    assert "PLX007" not in codes
    fixed = first.new_data if first.new_data is not None else text.encode()
    second = process_bytes("polyaxonfile.yml", fixed, options)
    assert second.new_data is None, "a second --fix changed the file"
    broke = {f.code for f in second.findings if f.code.startswith("PLX0")} - {f.code for f in first.findings}
    assert not broke

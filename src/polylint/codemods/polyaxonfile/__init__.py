"""PLX100's fix: a v0 Polyaxonfile document rewritten as a `version: 1.1` component or operation.

`convert.py` dispatches on the v0 kind; each concern has its module (header and eras, inputs, container
and command, environment, matrix, distributed, hub services, build, pipeline, comments and leftovers);
the key maps are data in `polylint.knowledge.polyaxonfile`.
"""

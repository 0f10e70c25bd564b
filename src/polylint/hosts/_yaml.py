"""YAML host files: their documents, or the parse error (PLX001) of a file that does not parse.

Shared by the YAML host kinds (Polyaxonfiles, CI configs, conda environments, deployment values)::

    documents = yield from yaml_documents(source)   # yields the PLX001 diagnostic, then returns None
    if documents is None:
        return
"""

from __future__ import annotations

from typing import Generator, List, Optional

from polylint.read_errors import YAML_PARSE_ERROR
from polylint.diagnostics import Diagnostic
from polylint.source import SourceFile
from polylint.surfaces.yaml import YamlDocument, YamlParseError, read_documents


def yaml_documents(source: SourceFile,
                   pyyaml_scalars: bool = False) -> Generator[Diagnostic, None, Optional[List[YamlDocument]]]:
    """The documents as the checks read them (surfaces.yaml.read_documents); pyyaml_scalars: see there."""
    try:
        return read_documents(source.text, source.index, pyyaml_scalars)
    except YamlParseError as error:
        yield Diagnostic(YAML_PARSE_ERROR.code, f"could not parse YAML: {error.reason}", error.offset, error.offset)
        return None

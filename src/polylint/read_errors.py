"""PLX0xx: a candidate file that could not be read or parsed is reported, never passed over in silence."""

from polylint.diagnostics import Applicability
from polylint.rules import Rule


def _rule(code: str, name: str, summary: str, why: str, example: str, fixed: str) -> Rule:
    return Rule(code=code, name=name, summary=summary, why=why, example=example, fixed_example=fixed,
                fix=Applicability.MANUAL)


YAML_PARSE_ERROR = _rule(
    "PLX001", "yaml-parse-error", "Could not parse YAML",
    "A file that looks like a Polyaxonfile (or another YAML host) is not valid YAML, so nothing in it was "
    "checked. Reporting it, at the parser's line and column, keeps a broken file from passing as clean.",
    "version: 1\nkind: experiment\ntags: [a\n", "version: 1\nkind: experiment\ntags: [a]\n")
PYTHON_PARSE_ERROR = _rule(
    "PLX002", "python-parse-error", "Could not parse Python",
    "The file or cell does not parse as Python 3 (Python 2 syntax, say), so only a token-level scan for "
    "v0 imports ran, and no fix is made to it.",
    "print 'training'\nfrom polyaxon_client.tracking import Experiment\n",
    "print('training')\nfrom polyaxon.tracking import Run\n")
DOCUMENT_PARSE_ERROR = _rule(
    "PLX003", "document-parse-error", "Could not parse a notebook, TOML or other structured file",
    "A notebook that is not valid JSON, or a TOML or INI file that does not load, cannot be cut into "
    "regions; nothing in it was checked.",
    '{"cells": [', '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
UNDECODABLE = _rule(
    "PLX004", "undecodable-text", "Could not decode the file as text",
    "polylint reads UTF-8, and UTF-16 or UTF-8 with a byte-order mark; a Python module is read in the "
    "encoding its PEP 263 coding line declares, as Python reads it. A candidate file in another encoding "
    "is reported at the first byte that does not decode, and never rewritten.",
    "# latin-1 bytes: caf\\xe9\n", "# the same file saved as UTF-8\n")
BINARY = _rule(
    "PLX005", "binary-file", "A candidate file holds binary data",
    "A file whose name makes it a candidate (a .yml, a .py...) contains NUL bytes, so it is not text and "
    "was not checked.",
    "version: 1\\x00\\x00", "(a text file)")
UNREADABLE = _rule(
    "PLX006", "unreadable-file", "Could not read the file",
    "The operating system refused to read the file (permissions, a dangling path); it was not checked.",
    "chmod 000 polyaxonfile.yml", "chmod 644 polyaxonfile.yml")
FIX_DROPPED = _rule(
    "PLX007", "fix-dropped", "A fix was dropped because its result did not verify",
    "Every rewritten file is parsed again before it is written. A fix whose result does not parse (or "
    "that could not be carried back into its host exactly) is thrown away and reported; the file keeps "
    "its old text.",
    "(a fix that would break the file)", "(the file left as it was)")
NOT_WRITTEN = _rule(
    "PLX008", "not-written", "A fixed file could not be written",
    "The file changed on disk while polylint was working on it, or the write failed (read-only file, "
    "full disk). The original is left intact.",
    "(a file edited during `polylint check --fix`)", "(run polylint again)")
INTERNAL_ERROR = _rule(
    "PLX009", "internal-error", "polylint failed on this file",
    "A bug in polylint stopped the checks of one file; the other files were checked. The message names "
    "where it failed: please report it with the file.",
    "(any file)", "(a bug report)")

RULES = (YAML_PARSE_ERROR, PYTHON_PARSE_ERROR, DOCUMENT_PARSE_ERROR, UNDECODABLE, BINARY, UNREADABLE,
         FIX_DROPPED, NOT_WRITTEN, INTERNAL_ERROR)

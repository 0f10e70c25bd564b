"""Settings: ``[tool.polylint]`` in pyproject.toml or the top level of ``.polylint.toml``.

Found by walking up from the first path checked; ``--config`` names the file instead. An unknown key or a
bad value is a ``ConfigError``, which the CLI turns into exit code 2 with a message naming the key.
"""

from __future__ import annotations

import fnmatch
import os
import re
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Tuple


OUTPUT_FORMATS = ("text", "json", "github", "sarif", "junit")
DEFAULT_EXCLUDES = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", "build", "dist",
                    ".tox", ".nox", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".polylint_cache", ".eggs")
CONFIG_FILES = (".polylint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration problem the user must fix; the CLI exits 2 with this message."""


class Settings(NamedTuple):
    """The settings in force (a named tuple: no dataclass machinery to import on a pre-commit run)."""

    select: Tuple[str, ...] = ("ALL",)
    ignore: Tuple[str, ...] = ()
    extend_select: Tuple[str, ...] = ()
    exclude: Tuple[str, ...] = DEFAULT_EXCLUDES
    extend_exclude: Tuple[str, ...] = ()
    per_file_ignores: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    unsafe_fixes: bool = False
    output_format: str = "text"
    max_file_size: int = 10 * 1024 * 1024
    # The requirement that replaces the v0 packages (PLX4xx).
    polyaxon_requirement: str = "polyaxon>=1.20,<2"
    # The folder of the settings' file; relative globs are matched from here (by default, the working folder).
    root: str = os.curdir
    # The settings' file, if any.
    source: Optional[str] = None

    def is_enabled(self, code: str, path: Optional[str] = None) -> bool:
        selected = _longest_match(code, self.select + self.extend_select)
        if selected < 0:
            return False
        ignored = _longest_match(code, self.ignore + self._file_ignores(path))
        return selected > ignored

    def _file_ignores(self, path: Optional[str]) -> Tuple[str, ...]:
        if path is None or not self.per_file_ignores:
            return ()
        relative = _relative_posix(path, self.root)
        codes: List[str] = []
        for pattern, ignored in self.per_file_ignores:
            if matches_glob(relative, pattern):
                codes.extend(ignored)
        return tuple(codes)

    def is_excluded(self, path: str) -> bool:
        relative = _relative_posix(path, self.root)
        return self.exclusion().excludes(relative, relative.rsplit("/", 1)[-1])

    def exclusion(self) -> Exclusion:
        return Exclusion(self.exclude + self.extend_exclude)


class Exclusion:
    """The exclude globs compiled once: a glob without a slash matches any file or folder name, one with a
    slash matches the path from the settings' root (or any tail of it, like gitignore's `**/`)."""

    def __init__(self, patterns: Tuple[str, ...]) -> None:
        names = [fnmatch.translate(p.strip("/")) for p in patterns if "/" not in p.strip("/")]
        paths = [fnmatch.translate(p.strip("/")) for p in patterns if "/" in p.strip("/")]
        self._name = re.compile("|".join(names)) if names else None
        self._path = re.compile("|".join(paths)) if paths else None

    def excludes(self, relative: str, name: str) -> bool:
        """relative: the posix path from the root; name: its last part. Folders above were checked already."""
        if self._name is not None and self._name.match(name):
            return True
        return self._path is not None and bool(self._path.match(relative))


def _longest_match(code: str, selectors: Tuple[str, ...]) -> int:
    """Length of the most specific selector that covers code (ALL counts as 0), or -1."""
    best = -1
    for selector in selectors:
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


def _relative_posix(path: str, root: str) -> str:
    relative = relative_posix(path, root)
    return relative if relative is not None else posix(path)


def relative_posix(path: str, root: str) -> Optional[str]:
    """The posix path from root to path, or None when path is not below root. A path through a link (a
    folder named on the command line that links to the checkout) is below root when its target is."""
    relative = os.path.relpath(os.path.abspath(path), root)
    if relative.startswith(".."):
        relative = os.path.relpath(os.path.realpath(path), root)
        if relative.startswith(".."):
            return None
    return posix(relative)


def posix(path: str) -> str:
    """A path with forward slashes, as globs, ignore files and host kinds spell them."""
    return path.replace(os.sep, "/") if os.sep != "/" else path


def matches_glob(relative: str, pattern: str) -> bool:
    """A glob matches a path, its file name, or any of its folders (``build`` excludes ``a/build/x``)."""
    parts = relative.split("/")
    if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(parts[-1], pattern):
        return True
    if "/" in pattern.strip("/"):
        return any(fnmatch.fnmatchcase("/".join(parts[:i]), pattern.strip("/")) for i in range(1, len(parts)))
    return any(fnmatch.fnmatchcase(part, pattern.strip("/")) for part in parts[:-1])


def _real_folder(start: str) -> str:
    """start if it is a folder, else the folder it is in, with links resolved."""
    return os.path.realpath(start if os.path.isdir(start) else os.path.dirname(start) or os.curdir)


def find_config(start: str) -> Optional[str]:
    folder = _real_folder(start)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_table(pyproject: str) -> bool:
    try:
        data = _read_bytes(pyproject)
    except OSError:
        return False
    # Most projects' pyproject.toml does not name polylint at all: no need to parse it then. One that does
    # must parse: its settings are not silently replaced by the defaults.
    return b"polylint" in data and "polylint" in _parse_toml(pyproject, data).get("tool", {})


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _read_toml(path: str) -> Dict[str, Any]:
    try:
        data = _read_bytes(path)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from error
    return _parse_toml(path, data)


def _parse_toml(path: str, data: bytes) -> Dict[str, Any]:
    """The file's TOML; an invalid one is a ConfigError naming the file, line and column."""
    from polylint.surfaces.toml import load as load_toml  # a run without a config file never needs it

    try:
        text = data.decode("utf-8")  # TOML is UTF-8 only
    except UnicodeDecodeError as error:
        row = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ConfigError(f"{path}:{row}:{column}: not valid TOML: not UTF-8 "
                          f"(byte 0x{data[error.start:error.start + 1].hex()})") from error
    try:
        return load_toml(text)
    except ValueError as error:
        message = str(error)
        match = re.search(r" \(at (?:line (\d+), column (\d+)|end of document)\)$", message)
        if match is None:
            row, column = 1, 1
        elif match.group(1) is None:
            row, column, message = text.count("\n") + 1, len(text) - text.rfind("\n"), message[:match.start()]
        else:
            row, column, message = int(match.group(1)), int(match.group(2)), message[:match.start()]
        raise ConfigError(f"{path}:{row}:{column}: not valid TOML: {message}") from error


def load_settings(config_file: Optional[str], start: str) -> Settings:
    path = config_file if config_file is not None else find_config(start)
    if path is None:
        return Settings(root=_real_folder(start))
    if config_file is not None and not os.path.isfile(path):
        raise ConfigError(f"{path}: no such configuration file")
    table = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        table = table.get("tool", {}).get("polylint", {})
    return apply_table(Settings(root=os.path.dirname(os.path.realpath(path)), source=path), table, path)


_KEYS = {name.replace("_", "-"): name for name in Settings._fields if name not in ("root", "source")}


def apply_table(settings: Settings, table: Mapping[str, Any], origin: str) -> Settings:
    changes: Dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{origin}: unknown key `{key}` in polylint settings (known keys: {known})")
        name = _KEYS[key]
        changes[name] = _validate(key, name, value, origin)
    return settings._replace(**changes)


def _validate(key: str, name: str, value: Any, origin: str) -> Any:
    where = f"{origin}: `{key}`"
    if name in ("select", "ignore", "extend_select"):
        return validate_selectors(_string_list(value, where), where)
    if name in ("exclude", "extend_exclude"):
        return tuple(_string_list(value, where))
    if name == "per_file_ignores":
        if not isinstance(value, dict):
            raise ConfigError(f"{where} must be a table of glob = [codes]")
        return tuple((glob, validate_selectors(_string_list(codes, f"{where}.{glob}"), f"{where}.{glob}"))
                     for glob, codes in value.items())
    if name == "unsafe_fixes":
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false, not {value!r}")
        return value
    if name == "output_format":
        if value not in OUTPUT_FORMATS:
            raise ConfigError(f"{where} must be one of {', '.join(OUTPUT_FORMATS)}, not {value!r}")
        return value
    if name == "max_file_size":
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ConfigError(f"{where} must be a positive number of bytes, not {value!r}")
        return value
    if name == "polyaxon_requirement":
        if not isinstance(value, str) or not value.startswith("polyaxon"):
            raise ConfigError(f"{where} must be a requirement on `polyaxon`, such as \"polyaxon>=1.20,<2\"")
        return value
    raise AssertionError(name)  # every settings field is validated above


def _string_list(value: Any, where: str) -> List[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where} must be a list of strings, not {value!r}")
    return value


def validate_selectors(selectors: List[str], where: str) -> Tuple[str, ...]:
    """Each selector must pick a rule: a typo that picks none would make a gate pass without checking."""
    unknown = [selector for selector in selectors if selector != "ALL"]
    if unknown:
        from polylint import rules  # the registry loads only for a run that names rules

        for selector in unknown:
            if selector not in rules.selectors():
                closest = rules.closest_selector(selector)
                hint = f"; did you mean `{closest}`?" if closest else ""
                raise ConfigError(f"{where}: `{selector}` is not a polylint rule code or prefix{hint} "
                                  "(see `polylint rule --all`)")
    return tuple(selectors)

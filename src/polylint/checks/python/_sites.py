"""What every Python rule shares: the region's analysis (once per region) and the module-wide fixes.

A Python region holds a parsed libcst module in ``region.tree``. Its sites are found once and cached on
the region; each rule reports the sites of its code. A fixable site's fix is the module-wide rewrite at the
site's level (see ``codemods/python/migrate.py`` for why Python fixes are module-wide), computed once per
level and carried by one `Fix` object per message: the runner maps and places a fix's edits once per
object, so a module of a thousand sites does not make a thousand copies of its edits. A notebook yields one
region per cell over the same program (cells share one namespace): such a region has ``meta["span"]``, and
reports only the sites inside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Iterator, Optional, Tuple

from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Fix
from polylint.source import LineIndex, Region
from polylint.suppression import Suppressions

if TYPE_CHECKING:
    from polylint.codemods.python.migrate import Rewrite
    from polylint.surfaces.python_usage import Site

FIX_MESSAGES = {
    Applicability.SAFE: "rewrite for Polyaxon v1 (with this module's other safe rewrites, so its imports agree)",
    Applicability.UNSAFE: "rewrite for Polyaxon v1 (unsafe: {reason}; with this module's other rewrites)",
}


class _Cache:
    def __init__(self, region: Region, context: CheckContext) -> None:
        from polylint.surfaces.python_usage import analyse

        self.usage = analyse(region.tree, region.text)
        self.region = region
        self.context = context
        self._suppressions = Suppressions(region.text)
        self._index = LineIndex(region.text)
        self._rewrites: Dict[Applicability, Rewrite] = {}
        self._fixes: Dict[Tuple[Applicability, str], Fix] = {}

    def allowed(self, site: Site) -> bool:
        if not site.code:
            return True
        if not self.context.settings.is_enabled(site.code, self.context.path):
            return False
        return not self._suppressions.suppresses(site.code, [self._index.position(site.start).row])

    def rewrite(self, level: Applicability) -> Rewrite:
        from polylint.codemods.python.migrate import rewrite

        if level not in self._rewrites:
            self._rewrites[level] = rewrite(self.usage, level, self.allowed)
        return self._rewrites[level]

    def fix(self, level: Applicability, reason: str) -> Fix:
        """The module-wide fix at `level`, with the message for `reason`."""
        message = FIX_MESSAGES[level].format(reason=reason)
        if (level, message) not in self._fixes:
            self._fixes[level, message] = Fix(level, message, self.rewrite(level).edits)
        return self._fixes[level, message]


def cache(region: Region, context: CheckContext) -> _Cache:
    # Notebook cell regions share one dict per notebook, so that the program is analysed once.
    holder = region.meta.get("shared", region.meta)
    found = holder.get("python_sites")
    if not isinstance(found, _Cache):
        found = _Cache(region, context)
        holder["python_sites"] = found
    return found


def in_region(region: Region, offset: int) -> bool:
    span = region.meta.get("span")
    return span is None or span[0] <= offset < span[1] or (span[0] == span[1] == offset)


def site_diagnostics(region: Region, context: CheckContext, code: str) -> Iterator[Diagnostic]:
    shared = cache(region, context)
    for site in shared.usage.sites:
        if site.code != code or not in_region(region, site.start):
            continue
        fix: Optional[Fix] = None
        level = site.level()
        if level is not Applicability.MANUAL:
            result = shared.rewrite(level)
            if id(site) in result.sites and result.edits:
                fix = shared.fix(level, _reason(site))
        yield Diagnostic(code, site.message, site.start, site.end, fix)


def _reason(site: Site) -> str:
    return site.reason or (_reason(site.depends) if site.depends is not None else "its meaning may change")

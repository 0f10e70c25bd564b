"""The command line: argument parsing only, turned into a run of the runner.

Modelled on ruff: ``polylint check [PATHS] [--fix] [--unsafe-fixes] [--diff] ...``, ``polylint rule CODE``,
exit codes 0 (nothing left), 1 (problems remain, or --diff would change something), 2 (usage,
configuration or internal error).
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections import Counter
from typing import Any, Dict, List, Optional, Sequence

from polylint import __version__
from polylint.config import OUTPUT_FORMATS, ConfigError, Settings, load_settings, validate_selectors

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SELECTOR_FLAGS = ("--select", "--ignore", "--extend-select")


def _comma_list(value: str) -> List[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _extend(parser_value: Optional[List[List[str]]]) -> List[str]:
    return [item for group in parser_value or [] for item in group]


class _Formatter(argparse.HelpFormatter):
    """argparse's layout, sized once. argparse makes a formatter for every argument added, and its own asks
    shutil each time for the terminal's width: importing shutil (and the compressors it loads) alone was
    several percent of a pre-commit run."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)


@functools.cache
def _columns() -> int:
    """The terminal's width, as shutil.get_terminal_size reads it: $COLUMNS, the terminal, else 80."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 80
    except (AttributeError, ValueError, OSError):
        return 80


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="polylint", description="Find and rewrite Polyaxon v0 usage for Polyaxon v1.",
                                     formatter_class=_Formatter)
    parser.add_argument("--version", action="version", version=f"polylint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check files, and fix them with --fix", formatter_class=_Formatter)
    check.add_argument("paths", nargs="*", default=["."], help="files or folders (default: .); - reads stdin")
    check.add_argument("--fix", action="store_true", default=None, help="apply safe fixes")
    check.add_argument("--no-fix", dest="fix", action="store_false")
    check.add_argument("--unsafe-fixes", action="store_true", default=None, help="also apply unsafe fixes")
    check.add_argument("--no-unsafe-fixes", dest="unsafe_fixes", action="store_false")
    check.add_argument("--diff", action="store_true", help="print the diff --fix would make; write nothing")
    for flag, what in zip(SELECTOR_FLAGS, ("rule codes or prefixes to enable (replaces the configured list)",
                                           "rule codes or prefixes to disable",
                                           "rule codes or prefixes to enable in addition")):
        check.add_argument(flag, type=_comma_list, action="append", metavar="CODES", help=what)
    check.add_argument("--exclude", type=_comma_list, action="append", metavar="GLOBS",
                       help="globs of paths to skip (replaces the defaults)")
    check.add_argument("--extend-exclude", type=_comma_list, action="append", metavar="GLOBS",
                       help="globs of paths to skip in addition")
    check.add_argument("--output-format", choices=OUTPUT_FORMATS)
    check.add_argument("--statistics", action="store_true", help="count findings by rule")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems remain")
    check.add_argument("--config", metavar="FILE", help="a pyproject.toml or .polylint.toml")
    check.add_argument("--no-color", action="store_true", help="never color the output (also: NO_COLOR)")
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    check.add_argument("-v", "--verbose", action="store_true", help="say which files were skipped and why")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name of the file read from stdin")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write .polylint_cache/")
    check.add_argument("--jobs", type=int, metavar="N", default=os.cpu_count() or 1,
                       help="processes to check with (default: cores)")

    report = commands.add_parser("report", help="write a migration report: Markdown, or HTML with -o FILE.html",
                                 formatter_class=_Formatter)
    report.add_argument("paths", nargs="*", default=["."], help="files or folders (default: .)")
    report.add_argument("-o", "--output", metavar="FILE", help="FILE.md or FILE.html (default: Markdown on stdout)")
    report.add_argument("--config", metavar="FILE", help="a pyproject.toml or .polylint.toml")
    report.add_argument("--jobs", type=int, metavar="N", default=os.cpu_count() or 1,
                        help="processes to check with (default: cores)")
    report.set_defaults(select=None, ignore=None, extend_select=None, exclude=None, extend_exclude=None,
                        unsafe_fixes=None, output_format=None)

    rule = commands.add_parser("rule", help="print a rule's documentation", formatter_class=_Formatter)
    rule.add_argument("code", nargs="?", help="a rule code such as PLX100")
    rule.add_argument("--all", action="store_true", help="list every rule")
    for command in (check, report, rule):
        command.set_defaults(command_parser=command)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        # argparse leaves the arguments no subcommand knows to the top-level parser, which would print the
        # top-level usage; the subcommand's is the one that helps.
        (args.command_parser if args.command else parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        if args.command == "check":
            return _check(args, sys.argv[1:] if argv is None else argv)
        if args.command == "rule":
            return _rule(args)
        if args.command == "report":
            from polylint.report.command import write_report

            if args.jobs < 1:
                raise ConfigError(f"--jobs must be 1 or more, not {args.jobs}")
            return write_report(args.paths, args.output, _settings(args), args.jobs)
    except ConfigError as error:
        print(f"polylint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("polylint: interrupted", file=sys.stderr)
        return 130
    parser.print_help()
    return EXIT_ERROR


def _rule(args: argparse.Namespace) -> int:
    from polylint.ruledoc import render_index, render_rule
    from polylint.rules import all_rules

    rules = all_rules()
    if args.all:
        sys.stdout.write(render_index(rules.values()))
        return EXIT_CLEAN
    if not args.code:
        args.command_parser.error("give a rule code, or --all")
    rule = rules.get(args.code.upper())
    if rule is None:
        print(f"polylint: error: unknown rule code {args.code!r} (see `polylint rule --all`)", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(render_rule(rule))
    return EXIT_CLEAN


def _settings(args: argparse.Namespace) -> Settings:
    start = args.paths[0] if args.paths and args.paths[0] != "-" else os.curdir
    settings = load_settings(args.config, start if os.path.exists(start) else os.curdir)
    changes: Dict[str, Any] = {}
    if args.select:
        changes["select"] = validate_selectors(_extend(args.select), "--select")
    if args.ignore:
        changes["ignore"] = settings.ignore + validate_selectors(_extend(args.ignore), "--ignore")
    if args.extend_select:
        changes["extend_select"] = settings.extend_select + validate_selectors(_extend(args.extend_select),
                                                                               "--extend-select")
    if args.exclude:
        changes["exclude"] = tuple(_extend(args.exclude))
    if args.extend_exclude:
        changes["extend_exclude"] = settings.extend_exclude + tuple(_extend(args.extend_exclude))
    if args.unsafe_fixes is not None:
        changes["unsafe_fixes"] = args.unsafe_fixes
    if args.output_format:
        changes["output_format"] = args.output_format
    return settings._replace(**changes)


def _code_hint(path: str, reason: str, argv: Sequence[str]) -> str:
    """For a missing path that is a rule code, how to write what was meant: `--ignore PLX1 PLX4` gives
    PLX4 as a path, `--ignore PLX1,PLX4` ignores both."""
    from polylint.discovery import MISSING

    if reason != MISSING or not re.match(r"^(PLX\d{0,3}|ALL)$", path, re.IGNORECASE):
        return ""
    flag, value = "--ignore", "PLX1"
    for index, word in enumerate(argv):
        if word == path:
            break
        name, equals, rest = word.partition("=")
        if name in SELECTOR_FLAGS:
            flag, value = name, rest if equals else argv[index + 1] if index + 1 < len(argv) else value
    return f"; to give several rule codes, separate them with commas: `{flag} {value},{path}`"


def _check(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from polylint.discovery import discover
    from polylint.output import Report, render
    from polylint.results import FileResult, Options
    from polylint.runner import run

    if args.jobs < 1:
        raise ConfigError(f"--jobs must be 1 or more, not {args.jobs}")
    settings = _settings(args)
    use_cache = not args.no_cache and args.paths != ["-"]
    options = Options(settings, fix=bool(args.fix), unsafe_fixes=settings.unsafe_fixes, diff=args.diff,
                      cache=use_cache)
    results: List[FileResult]
    status = EXIT_CLEAN
    if args.paths == ["-"]:
        from polylint.checking import process_bytes

        data = sys.stdin.buffer.read()
        name = args.stdin_filename
        if name is None:
            from polylint.stdin import detect

            detected = detect(data)
            if detected is None:
                raise ConfigError("cannot tell whether standard input is a Polyaxonfile, Python or shell: "
                                  "name it with --stdin-filename (such as `--stdin-filename train.py -`)")
            if args.verbose:
                print(f"polylint: -: read as {detected[0]} (no --stdin-filename)", file=sys.stderr)
            result = process_bytes(detected[1], data, options)
            result.findings = [finding._replace(filename="-") for finding in result.findings]
        else:
            result = process_bytes(name, data, options)
        results = [result]
        if args.fix and not args.diff:
            sys.stdout.buffer.write(result.new_data if result.new_data is not None else b"")
    else:
        cache = None
        if use_cache:
            from polylint.cache import Cache  # json and hashlib: not for --no-cache runs

            cache = Cache.load(settings)
        found = discover(args.paths, settings, cache)
        if found.errors:  # nothing is checked: a run that skipped a path it was given would pass by mistake
            for path, reason in found.errors:
                print(f"polylint: error: {path}: {reason}{_code_hint(path, reason, argv)}", file=sys.stderr)
            return EXIT_ERROR
        options = options._replace(linked_files=frozenset(found.linked_files))
        # Only the results with something to say: memory does not grow with the tree.
        results = list(run(found.files, options, args.jobs, cache, every_file=False))
        if cache is not None:
            cache.save()
        notes = found.notes + [note for result in results for note in result.notes]
        if args.verbose:
            for note in notes:
                print(f"polylint: {note}", file=sys.stderr)
    findings = sorted((finding for result in results for finding in result.findings),
                      key=lambda finding: finding.sort_key())
    fixed = sum(result.fixed for result in results)
    stdin_fix = args.paths == ["-"] and args.fix and not args.diff
    out = sys.stderr if stdin_fix else sys.stdout
    if args.diff:
        diffs = [result.diff for result in results if result.diff]
        out.write("".join(diffs))
        if not args.quiet:
            would = sum(result.fixed for result in results if result.diff)
            print(f"Would fix {would} {'problem' if would == 1 else 'problems'} in {len(diffs)} "
                  f"{'file' if len(diffs) == 1 else 'files'}.", file=sys.stderr)
        return max(status, EXIT_FINDINGS if diffs else EXIT_CLEAN)
    color = (settings.output_format == "text" and not args.no_color and "NO_COLOR" not in os.environ
             and out.isatty())
    report = Report(findings, fixed, bool(args.fix), settings.unsafe_fixes, color, args.quiet)
    if args.statistics:
        out.write(_statistics(report))
    else:
        out.write(render(settings.output_format, report))
    if findings and not args.exit_zero:
        status = max(status, EXIT_FINDINGS)
    if findings:
        from polylint.read_errors import INTERNAL_ERROR

        if any(finding.code == INTERNAL_ERROR.code for finding in findings):
            status = EXIT_ERROR  # polylint itself failed on a file: not a result --exit-zero can pass
    return status


def _statistics(report: object) -> str:
    from polylint.diagnostics import Applicability
    from polylint.output import Report
    from polylint.rules import all_rules

    assert isinstance(report, Report)
    counts = Counter(finding.code for finding in report.findings)
    fixable = {finding.code for finding in report.findings if finding.applicability is Applicability.SAFE}
    rules = all_rules()
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        name = rules[code].name if code in rules else ""
        lines.append(f"{count:>5}\t{code}\t{'[*]' if code in fixable else '[ ]'} {name}")
    return "\n".join(lines) + ("\n" if lines else "")

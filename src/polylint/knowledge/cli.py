"""The v0 CLI and what each of its commands became in v1, as one table.

Sources: v0-surface.md §2 (polyaxon-cli 0.6.1's click tree, every option, the per-command short flags),
v1-surface.md §4 (polyaxon 1.20.0's click tree), v0-to-v1-mapping.md §3 (command mapping) and §3.1
(integer ids versus uuids).

``COMMANDS`` has one row per v0 command that v1 does not take as it is: its v0 options (so a call can be
parsed the way v0's click parsed it: ``-p`` is ``--project`` on a group, ``--past`` under ``logs`` and
``--params`` under ``project experiments``), the rule that reports it, its v1 form, and what to tell the
user when the call cannot be rewritten exactly. The rewriting strategies named in ``Command.rewrite``
live in ``polylint.codemods.shell``; a v0 command is added by adding a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional, Tuple


@dataclass(frozen=True)
class Option:
    """A v0 click option: its spellings (the long one first) and whether it takes a value."""

    names: Tuple[str, ...]
    value: bool = False

    @property
    def name(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class OptionMap:
    """What a v0 option becomes in v1.

    ``v1`` is the v1 spelling (``KEEP``: the words stay as written, v1 takes every v0 spelling;
    ``None``: the option and its value are dropped). A ``note`` makes the fix unsafe and says why, unless
    the call also gives the option named by ``unless`` (which restores the v0 meaning)."""

    v1: Optional[str]
    note: str = ""
    unless: str = ""


KEEP = "keep"


def keep() -> OptionMap:
    return OptionMap(KEEP)


def spell(v1: str, note: str = "") -> OptionMap:
    return OptionMap(v1, note)


def drop(note: str = "", unless: str = "") -> OptionMap:
    return OptionMap(None, note, unless)


# The rewriting strategies of polylint.codemods.shell.
PATH = "path"  # v1 path + extra words, options mapped one by one, group options moved after the command
TENSORBOARD = "tensorboard"  # `tensorboard -xp N start` -> `run --hub tensorboard:single-run -P uuid=N`
CHILDREN = "children"  # `group -g N experiments` -> `ops ls -q "pipeline: N"`
INIT = "init"  # `init PROJECT` -> `init -p PROJECT`
CONFIG_SET = "config-set"  # `config set --host H --port P --use_https B` -> `config set --host=URL`
MANUAL = "manual"  # no rewrite: the message says what to do


@dataclass(frozen=True)
class Command:
    """One v0 command that v1 does not take as written."""

    path: Tuple[str, ...]
    code: str
    manual: str  # the v1 way, in words: the message when no exact rewrite exists
    options: Tuple[Option, ...] = ()
    arguments: int = 0  # how many positional arguments the v0 command takes
    rewrite: str = MANUAL
    v1: Tuple[str, ...] = ()  # the v1 command path (and any words it needs, like `--hub jupyterlab`)
    maps: Mapping[str, OptionMap] = field(default_factory=dict)  # options not listed block the rewrite
    # When set, only calls using one of these options (or, for "argument", a positional argument) are
    # v0: the command itself exists in v1 with the other options.
    triggers: Tuple[str, ...] = ()
    # Options that make a call v0 by their value alone: option -> a pattern its value (known before the script
    # runs) matches. `config set --host=NAME` parses under v1, but v1's host is a URL.
    value_triggers: Mapping[str, str] = field(default_factory=dict)
    unsafe: str = ""  # when set, the rewrite is always unsafe, for this reason


# Global options, before the command: the same in v0 and v1.
GLOBAL_OPTIONS = (Option(("--verbose", "-v")), Option(("--offline",)))
GLOBAL_OPTION_NAMES = frozenset(name for option in GLOBAL_OPTIONS for name in option.names)

PROJECT = Option(("--project", "-p"), True)
EXPERIMENT = Option(("--experiment", "-xp"), True)
GROUP = Option(("--group", "-g"), True)
JOB = Option(("--job", "-j"), True)
BUILD = Option(("--build", "-b"), True)
YES = Option(("--yes", "-y"))
PAGE = Option(("--page",), True)
FILE = Option(("--file", "-f"), True)
UPLOAD = Option(("--upload", "-u"))
NAME = Option(("--name",), True)
DESCRIPTION = Option(("--description",), True)
TAGS = Option(("--tags",), True)
QUERY = Option(("--query", "-q"), True)
SORT = Option(("--sort", "-s"), True)
COPY = Option(("--copy", "-c"))
GPU = Option(("--gpu", "-g"))
PAST = Option(("--past", "-p"))
FOLLOW = Option(("--follow", "-f"))
HIDE_TIME = Option(("--hide_time",))
METRICS = Option(("--metrics", "-m"))
PARAMS_COLUMNS = Option(("--params", "-p"))
DECLARATIONS_COLUMNS = Option(("--declarations", "-d"))  # 0.4.4's name for --params

# Options given to a v0 group, before its subcommand (`polyaxon experiment -xp 2 logs`).
GROUP_OPTIONS: Dict[str, Tuple[Option, ...]] = {
    "experiment": (PROJECT, EXPERIMENT),
    "group": (PROJECT, GROUP),
    "job": (PROJECT, JOB),
    "build": (PROJECT, BUILD),
    "notebook": (PROJECT,),
    "tensorboard": (PROJECT, GROUP, EXPERIMENT),
    "project": (PROJECT,),
    "bookmark": (Option(("--username", "-u"), True),),
    "config": (Option(("--list", "-l")),),
    "user": (),
    "superuser": (),
    "admin": (),
}

# The option of each run group that names its run by integer id (v0-to-v1-mapping.md §3.1).
RUN_ID_OPTIONS = {"experiment": "--experiment", "group": "--group", "job": "--job", "build": "--build"}

# v1 names a run by its uuid, 32 hex digits (`8aac02e3a62a4f0aaa257c59da5eab80`); digits alone, fewer of
# them, are a v0 integer id and never a v1 run.
V0_RUN_ID = re.compile(r"[0-9]{1,31}")
# The v1 (polyaxon 1.20) options whose values name runs by uuid: `ops <command> -uid`, a `pipeline:` in
# `ops ls -q`, and the `uuid`/`uuids` params of the tensorboard hub components (`run --hub tensorboard:...`).
V1_RUN_UUID_OPTIONS = ("--uid", "-uid")
# The v1 command words whose calls name runs that way: prose read for v0 calls reads these too (PLX213).
V1_RUN_WORDS = frozenset({"ops", "run"})
V1_QUERY_OPTIONS = ("--query", "-q")
V1_HUB_OPTIONS = ("--hub",)
V1_PARAMS_OPTIONS = ("--params", "--param", "-P")
TENSORBOARD_HUB = "tensorboard:"
TENSORBOARD_UUID_PARAMS = ("uuid", "uuids")
UUID_LISTING = "`polyaxon ops ls -p PROJECT -c uuid,name` lists them"
UUID_NOTE = ("v1 names runs by uuid, not by v0's integer id: put the uuid of the v1 run in place of {value} "
             "(" + UUID_LISTING + ")")
UUID_TODO = ("once {value} holds the v1 run's uuid: v1 names runs by uuid, v0's integer ids do not exist in v1 "
             "(" + UUID_LISTING + ")")
CACHE_NOTE = ("without an id v0 used its cached run; v1 uses the run it cached last (`polyaxon run` or "
              "`ops get -uid`), which must be the {what}")
HOST_ONLY_NOTE = ("v0 joined the host to the port and https setting stored before (80 and http unless set): put "
                  "them into the URL if they were set")
# A host without a scheme (`localhost`, `10.0.0.1:31811`): v0's form; v1 wants `http(s)://...`.
NO_SCHEME = r"^(?![A-Za-z][A-Za-z0-9+.-]*://)"
# v0 `logs` streamed a run's logs; `--past` printed the stored ones and exited unless `--follow` was given too.
# v1 1.20 `ops logs` follows by default (`--follow` is a flag defaulting to true). Giving `-f`/`--follow`
# to v1 is not the same on every click: click < 8.3 reads a given true-by-default flag as false, so
# `ops logs -f` prints once and exits there, and follows on click >= 8.3. A v1 call therefore never gets
# `--follow`, and v0's print-once `--past` has no v1 form that holds on every click.
PAST_NOTE = ("v0's `--past` printed the stored logs and exited; v1 `ops logs` follows a running run until it "
             "ends, and has no option that prints once on every click version")
PAGE_NOTE = "v1 prints every status at once; v0's `--page` is dropped"
JOB_REPLICA = "v1 has no per-replica `--job` option"

_OPS_COMMON: Dict[str, OptionMap] = {PROJECT.name: keep()}


def _ops(group: str, command: str, v1: Optional[str], options: Tuple[Option, ...] = (),
         maps: Optional[Mapping[str, OptionMap]] = None, manual: str = "") -> Command:
    """A run-group command (experiment/group/job/build) that became `polyaxon ops <v1>`."""
    if v1 is None:
        return Command((group, command), "PLX201", manual, options)
    said = manual or f"use `polyaxon ops {v1} -uid UUID` (or no -uid for the run v1 cached last)"
    return Command((group, command), "PLX201", said, options, rewrite=PATH, v1=("ops", v1),
                   maps={**_OPS_COMMON, RUN_ID_OPTIONS[group]: spell("-uid"), **(maps or {})})


def _run_group(group: str) -> Tuple[Command, ...]:
    """The commands every run group shares, then each group's own."""
    update_maps = {NAME.name: keep(), DESCRIPTION.name: keep(), TAGS.name: keep()}
    logs = (PAST, FOLLOW, HIDE_TIME) + ((JOB,) if group == "experiment" else ())
    logs_maps = {PAST.name: drop(PAST_NOTE, unless=FOLLOW.name), FOLLOW.name: drop(),
                 HIDE_TIME.name: spell("--hide-time")}
    bookmarks = "v1 has no bookmarks in the CLI; star the run in the dashboard"
    shared = (
        _ops(group, "get", "get", (JOB,) if group == "experiment" else (),
             manual=f"use `polyaxon ops get -uid UUID`; {JOB_REPLICA}"),
        _ops(group, "update", "update", (NAME, DESCRIPTION, TAGS), update_maps),
        _ops(group, "delete", "delete"),
        _ops(group, "statuses", "statuses", (PAGE,) + ((JOB,) if group == "experiment" else ()),
             {PAGE.name: drop(PAGE_NOTE)}, manual=f"use `polyaxon ops statuses -uid UUID`; {JOB_REPLICA}"),
        _ops(group, "bookmark", None, manual=bookmarks),
        _ops(group, "unbookmark", None, manual=bookmarks),
    )
    if group == "group":
        return shared + (
            _ops(group, "stop", "stop", (YES, Option(("--pending",))), {YES.name: keep()},
                 manual="use `polyaxon ops stop -uid UUID`: v1 stops the whole pipeline, there is no "
                        "`--pending` (stop only the pending runs)"),
            Command((group, "experiments"), "PLX201",
                    'use `polyaxon ops ls -q "pipeline: UUID" -io` with the pipeline\'s uuid',
                    (METRICS, PARAMS_COLUMNS, DECLARATIONS_COLUMNS, QUERY, SORT, PAGE),
                    rewrite=CHILDREN, v1=("ops", "ls"),
                    maps={PROJECT.name: keep(), METRICS.name: spell("-io"), PARAMS_COLUMNS.name: spell("-io"),
                          DECLARATIONS_COLUMNS.name: spell("-io"), SORT.name: keep()}),
        )
    restart = (
        _ops(group, "restart", "restart", (COPY, FILE, UPLOAD), {COPY.name: keep(), FILE.name: keep()},
             manual="use `polyaxon ops restart -uid UUID [-c] [-f FILE]`; v1 restarts cannot upload (`-u`): "
                    "start a new run with `polyaxon run -f FILE -u`"),
        _ops(group, "resume", "resume", (FILE, UPLOAD), {FILE.name: keep()},
             manual="use `polyaxon ops resume -uid UUID [-f FILE]`; v1 resumes cannot upload (`-u`)"),
    )
    common = (
        _ops(group, "stop", "stop", (YES,), {YES.name: keep()}),
        _ops(group, "logs", "logs", logs, logs_maps,
             manual=f"use `polyaxon ops logs -uid UUID`; {JOB_REPLICA}"),
        _ops(group, "resources", None, (GPU,) + ((JOB,) if group == "experiment" else ()),
             manual="v1 has no `resources` command: see the run's resources in the dashboard"),
        _ops(group, "code", None,
             manual="v1 has no `code` command: the code is in the run's artifacts (`polyaxon ops artifacts "
                    "-uid UUID`) or in its git init"),
    )
    if group == "build":
        return shared + common + (_ops(group, "invalidate", "invalidate"),)
    own: Tuple[Command, ...] = (_ops(group, "outputs", "artifacts"),) + restart
    if group == "experiment":
        own += (_ops(group, "jobs", None, (PAGE,), manual="v1 has no per-replica jobs in the CLI: "
                     "use `polyaxon ops get -uid UUID` and the dashboard"),)
    return shared + common + own


_TENSORBOARD_MANUAL = (
    "use `polyaxon run --hub tensorboard:single-run -P uuid=UUID` for one run, "
    "`polyaxon run --hub tensorboard:multi-run -P uuids=U1,U2` for several (their uuids from "
    '`polyaxon ops ls -q "pipeline: UUID" -c uuid`), or an operation with `hubRef: tensorboard:path` '
    "for a project-wide board; a v0 `kind: tensorboard` file becomes that operation's `runPatch`")
_NOTEBOOK_START = (
    "use `polyaxon run --hub jupyterlab` (a v1 service); a v0 `kind: notebook` file becomes an operation "
    "with `hubRef: jupyterlab` and a `runPatch`, run with `polyaxon run -f FILE`; `-u` uploads into the "
    "run's artifacts in v1 (`polyaxon run -f FILE -u`)")
_PROJECT_LISTING = ("v1 lists every kind of run with `polyaxon ops ls`; check the v0 query (`-q`) in v1's query "
                    "language")
_PROJECT_RUNS_OPTIONS = (QUERY, SORT, PAGE)
_REMOVED_ADMIN = ("Polyaxon CE v1 has no users, no cluster command and no bookmarks in the CLI: drop the call "
                  "(manage users in Polyaxon EE/Cloud, nodes with kubectl)")


def _project_runs(command: str, kinds: str) -> Command:
    query = f"kind: {kinds}" if kinds else ""
    manual = ("use `polyaxon ops ls -p PROJECT" + (f' -q "{query}"' if query else "") + "`")
    extra = ("-q", f'"{query}"') if query else ()
    return Command(("project", command), "PLX209", manual, _PROJECT_RUNS_OPTIONS, rewrite=PATH,
                   v1=("ops", "ls") + extra,
                   maps={PROJECT.name: keep(), SORT.name: keep(), **({} if query else {QUERY.name: keep()})},
                   unsafe="" if query else _PROJECT_LISTING)


COMMANDS: Tuple[Command, ...] = (
    *_run_group("experiment"),
    *_run_group("group"),
    *_run_group("job"),
    *_run_group("build"),
    # A removed group with a subcommand v0 did not have either (or none: `polyaxon experiment --help`).
    *(Command((group,), "PLX201", f"v1 has no `{group}` group: runs of every kind are `polyaxon ops ...`")
      for group in RUN_ID_OPTIONS),
    Command(("tensorboard",), "PLX202", _TENSORBOARD_MANUAL),
    Command(("notebook",), "PLX203", _NOTEBOOK_START),
    # PLX202: tensorboards are v1 services started from the hub.
    Command(("tensorboard", "start"), "PLX202", _TENSORBOARD_MANUAL, (FILE,), rewrite=TENSORBOARD,
            v1=("run", "--hub", "tensorboard:single-run"), maps={PROJECT.name: keep()}),
    Command(("tensorboard", "stop"), "PLX202",
            "use `polyaxon ops stop -uid UUID` with the uuid of the tensorboard's own run (not the "
            "experiment's)", (YES,)),
    Command(("tensorboard", "url"), "PLX202",
            "use `polyaxon ops service -uid UUID --url` with the uuid of the tensorboard's run"),
    # PLX203: notebooks are v1 services started from the hub.
    Command(("notebook", "start"), "PLX203", _NOTEBOOK_START, (FILE, UPLOAD), rewrite=PATH,
            v1=("run", "--hub", "jupyterlab"), maps={PROJECT.name: keep()}),
    Command(("notebook", "stop"), "PLX203",
            "use `polyaxon ops stop -uid UUID` with the notebook's run uuid; v1 has no `--commit`",
            (Option(("--commit",), True), YES), rewrite=PATH, v1=("ops", "stop"),
            maps={PROJECT.name: keep(), YES.name: keep()}, unsafe=CACHE_NOTE.format(what="notebook")),
    Command(("notebook", "url"), "PLX203", "use `polyaxon ops service -uid UUID --url` with the notebook's run "
            "uuid", rewrite=PATH, v1=("ops", "service", "--url"), maps={PROJECT.name: keep()},
            unsafe=CACHE_NOTE.format(what="notebook")),
    # PLX204: no separate upload; code goes with a run.
    Command(("upload",), "PLX204",
            "use `polyaxon run -f FILE -u` (uploads the folder into the run's artifacts; set the "
            "component's `workingDir` to `{{ globals.run_artifacts_path }}/uploads`), or "
            "`polyaxon ops upload -uid UUID` for an existing run"),
    # PLX205: the project is an option.
    Command(("init",), "PLX205", "use `polyaxon init -p PROJECT`", (Option(("--polyaxonfile",)),),
            arguments=1, rewrite=INIT, v1=("init",), maps={"--polyaxonfile": keep()}, triggers=("argument",)),
    # PLX206: one URL instead of host, ports and https.
    Command(("config", "set"), "PLX206",
            "use `polyaxon config set --host=http(s)://HOST:PORT` (v1 has no --port, --http_port, "
            "--ws_port or --use_https; --verify_ssl is --verify-ssl)",
            (Option(("--verbose",), True), Option(("--host",), True), Option(("--port",), True),
             Option(("--http_port",), True), Option(("--ws_port",), True), Option(("--use_https",), True),
             Option(("--verify_ssl",), True)),
            rewrite=CONFIG_SET, v1=("config", "set"),
            maps={"--verbose": spell("--debug"), "--verify_ssl": spell("--verify-ssl"), "--ws_port": drop()},
            triggers=("--port", "--http_port", "--ws_port", "--use_https", "--verify_ssl", "--verbose"),
            value_triggers={"--host": NO_SCHEME}),
    Command(("config", "purge"), "PLX206",
            "use `polyaxon config purge` (v1 takes no host or port options there)",
            (Option(("--verbose",), True), Option(("--host",), True), Option(("--port",), True),
             Option(("--http_port",), True), Option(("--ws_port",), True), Option(("--use_https",), True),
             Option(("--verify_ssl",), True)),
            triggers=("--verbose", "--host", "--port", "--http_port", "--ws_port", "--use_https", "--verify_ssl")),
    # PLX212: v1's completion prints how to install it, for the shell it is given; v0's installed it.
    Command(("completion",), "PLX212",
            "v1's `polyaxon completion SHELL` (bash, zsh or fish) installs nothing: it prints the lines to put "
            "into your shell's start-up file; run it once and follow them",
            (Option(("--append", "--overwrite")),), arguments=2),
    # PLX207: Polyaxon CE v1 has no authentication.
    Command(("login",), "PLX207",
            "Polyaxon CE v1 has no users: drop the login; Polyaxon Cloud/EE log in with "
            "`polyaxon login --token TOKEN`",
            (Option(("--token", "-t"), True), Option(("--username", "-u"), True),
             Option(("--password", "-p"), True)),
            triggers=("--username", "--password")),
    # PLX208: groups that are gone without a replacement.
    Command(("user",), "PLX208", _REMOVED_ADMIN),
    Command(("superuser",), "PLX208", _REMOVED_ADMIN),
    Command(("cluster",), "PLX208", _REMOVED_ADMIN, (Option(("--node", "-n"), True),)),
    Command(("bookmark",), "PLX208", _REMOVED_ADMIN),
    # PLX209: project subcommands that changed.
    Command(("project", "create"), "PLX209",
            "drop `--private`: v1 projects are private unless created with `--public`",
            (NAME, DESCRIPTION, TAGS, Option(("--private",)), Option(("--init",))), rewrite=PATH,
            v1=("project", "create"),
            maps={PROJECT.name: keep(), NAME.name: keep(), DESCRIPTION.name: keep(), TAGS.name: keep(),
                  "--private": drop(), "--init": keep()},
            triggers=("--private",)),
    # v0 listed the logged-in user's projects whatever `-p` named; v1's `project ls` has no `-p`.
    Command(("project", "list"), "PLX209", "use `polyaxon project ls` (`--limit`/`--offset` instead of pages)",
            (PAGE,), rewrite=PATH, v1=("project", "ls"), maps={PROJECT.name: drop()}),
    Command(("project", "experiments"), "PLX209",
            'use `polyaxon ops ls -p PROJECT -io [-q "..."]`; v1 has no `--independent` or `--group` filter '
            '(query `pipeline: UUID`)',
            (METRICS, PARAMS_COLUMNS, DECLARATIONS_COLUMNS, Option(("--independent", "-i")), GROUP, QUERY,
             SORT, PAGE),
            rewrite=PATH, v1=("ops", "ls"),
            maps={PROJECT.name: keep(), METRICS.name: spell("-io"), PARAMS_COLUMNS.name: spell("-io"),
                  DECLARATIONS_COLUMNS.name: spell("-io"), QUERY.name: keep(), SORT.name: keep()},
            unsafe=_PROJECT_LISTING),
    _project_runs("groups", "matrix"),
    _project_runs("jobs", "job"),
    _project_runs("tensorboards", "service"),
    _project_runs("notebooks", "service"),
    Command(("project", "builds"), "PLX209",
            'builds are v1 jobs (the kaniko hub component): use `polyaxon ops ls -p PROJECT -q "kind: job"`',
            _PROJECT_RUNS_OPTIONS),
    Command(("project", "git"), "PLX209",
            "v1 has no project git settings: create a git connection in the deployment and use "
            "`polyaxon init -p PROJECT --git-connection NAME` or an `init: [{git: ...}]` section",
            (Option(("--url",), True), Option(("--private",)), Option(("--sync",)))),
    Command(("project", "ci"), "PLX209", "v1 has no project CI: trigger `polyaxon run` from your CI",
            (Option(("--enable",)), Option(("--disable",)))),
    Command(("project", "download"), "PLX209",
            "v1 has no project code download: the code lives in git or in each run's artifacts",
            (Option(("--commit", "-c"), True),)),
    Command(("project", "invalidate-builds"), "PLX209", "use `polyaxon ops invalidate -uid UUID` per run"),
    Command(("project", "invalidate_builds"), "PLX209", "use `polyaxon ops invalidate -uid UUID` per run"),
    Command(("project", "bookmark"), "PLX209", "v1 has no bookmarks in the CLI"),
    Command(("project", "unbookmark"), "PLX209", "v1 has no bookmarks in the CLI"),
    # PLX210: options of surviving commands that are gone.
    Command(("run",), "PLX210",
            "set `termination: {ttl: N}` in the polyaxonfile instead of `--ttl`; v1 has no `--debug` (run the "
            "container with a `sleep` command) or `--conda_env`",
            (PROJECT, FILE, NAME, TAGS, DESCRIPTION, Option(("--ttl",), True), Option(("--debug", "-d")),
             UPLOAD, Option(("--log", "-l")), Option(("--local",)), Option(("--conda_env",), True),
             Option(("--params", "-P"), True)),
            triggers=("--ttl", "--debug", "--conda_env")),
    Command(("check",), "PLX210", "drop `--definition`: v1's `polyaxon check` has no compiled-definition output",
            (FILE, Option(("--version", "-v")), Option(("--definition", "-def")), Option(("--params", "-P"), True)),
            rewrite=PATH, v1=("check",),
            maps={FILE.name: keep(), "--version": keep(), "--params": keep(), "--definition": drop()},
            triggers=("--definition",)),
    Command(("version",), "PLX210", "use `polyaxon version` (it prints the CLI and platform versions)",
            (Option(("--cli",)), Option(("--platform",))), rewrite=PATH, v1=("version",),
            maps={"--cli": drop(), "--platform": drop()}, triggers=("--cli", "--platform")),
    # PLX211: deployment commands that moved or were respelled.
    Command(("deploy",), "PLX211",
            "use `polyaxon admin deploy -f FILE` (or `admin upgrade` for `--upgrade`) with a v1 Helm config",
            (FILE, Option(("--manager_path",), True), Option(("--check",)), Option(("--upgrade",))),
            rewrite=PATH, v1=("admin", "deploy"),
            maps={FILE.name: keep(), "--manager_path": spell("--manager-path"), "--check": keep()}),
    Command(("teardown",), "PLX211", "use `polyaxon admin teardown -f FILE`", (FILE,), rewrite=PATH,
            v1=("admin", "teardown"), maps={FILE.name: keep()}),
    *(Command(("admin", name), "PLX211", f"use `polyaxon admin {name}` with v1's dashed option names",
              (FILE, Option(("--manager_path",), True), Option(("--check",)), Option(("--dry_run",))),
              rewrite=PATH, v1=("admin", name),
              maps={FILE.name: keep(), "--manager_path": spell("--manager-path"), "--check": keep(),
                    "--dry_run": spell("--dry-run")},
              triggers=("--manager_path", "--dry_run"))
      for name in ("deploy", "upgrade")),
)

BY_PATH: Dict[Tuple[str, ...], Command] = {command.path: command for command in COMMANDS}
# The first words of every v0 command path, to tell a v0 group from a v1 one.
GROUPS = frozenset(path[0] for path in BY_PATH if len(path) > 1) | frozenset(GROUP_OPTIONS)


def command_for(path: Tuple[str, ...]) -> Optional[Command]:
    """The row for a v0 command path (a one-word path for a command that is not a group)."""
    return BY_PATH.get(path) or BY_PATH.get(path[:1])

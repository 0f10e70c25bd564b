"""Run one test script as `__main__` and write the name of the exception it ended with (or nothing).

Used by judge.py in a subprocess of its own. Under polyaxon 1.20, pandas is imported first: a run's summary
is written at exit by code that imports pandas, which Python refuses once it is shutting down."""

import runpy
import sys

script, error_file, era = sys.argv[1:4]
if era == "v1":
    import pandas  # noqa: F401
error = ""
try:
    runpy.run_path(script, run_name="__main__")
except SystemExit as exit_:
    error = "" if exit_.code in (None, 0) else f"SystemExit({exit_.code})"
except BaseException as exception:  # the script's own failure is what is compared
    error = type(exception).__name__
    sys.stderr.write(f"{error}: {exception}\n")
with open(error_file, "w", encoding="utf-8") as handle:
    handle.write(error)

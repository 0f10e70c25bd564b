from __future__ import annotations

from tests.checks.shell._cases import SCRIPT, check_noop, manual


def test_upload_is_reported_with_the_v1_way() -> None:
    manual("polyaxon upload\n", "PLX204", "polyaxon run -f FILE -u")
    manual("cd src && polyaxon upload && cd ..\n", "PLX204", "ops upload")


def test_v1_uploads_are_not_flagged() -> None:
    check_noop(SCRIPT, "polyaxon run -f polyaxonfile.yml -u\npolyaxon ops upload -uid abc --path-from .\n")

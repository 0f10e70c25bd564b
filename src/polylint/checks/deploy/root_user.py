"""PLX504: the v0 root `user` (username, password, email), which v1 CE does not have.

v0 CE created a root user with a password for the UI and the CLI login. v1 CE has no users, no login and
no passwords (user management is a commercial feature); `polyaxon login` is not needed against CE.
"""

from __future__ import annotations

from typing import Iterator

from polylint.checks.deploy._convert import at_key, comment_out, document
from polylint.context import CheckContext
from polylint.diagnostics import Applicability, Diagnostic, Fix
from polylint.knowledge.deploy import ROOT_USER_KEY
from polylint.rules import Rule
from polylint.source import Region

WHY = ("v1 CE has no users and no passwords (no login); protect the API with your ingress or network "
       "instead")
RULE = Rule(
    code="PLX504",
    name="deploy-root-user",
    summary="v0 root `user` and password: users and passwords are gone in v1 CE",
    why=(
        "The v0 chart created a root user (`user.username`, `user.password`, `user.email`) that logged in to "
        "the UI and with `polyaxon login`. Polyaxon v1 CE has no users and no authentication: anyone who "
        "reaches the API can use it, so access has to be limited by the ingress, a VPN or the network. A "
        "password left in the values file protects nothing. The fix (unsafe) keeps the block as a comment."
    ),
    example=(
        "user:\n"
        "  username: root\n"
        "  password: rootpassword\n"
    ),
    fixed_example="(nothing: restrict access with the ingress or the network)\n",
    fix=Applicability.UNSAFE,
    fix_examples={
        Applicability.MANUAL: '{adminViewEnabled: true, user: {username: root, password: s3cret}}\n',
    },
)


def check(region: Region, context: CheckContext) -> Iterator[Diagnostic]:
    if not region.meta.get("v0"):
        return
    data = document(region).data
    if ROOT_USER_KEY not in data:
        return
    edits = comment_out(region, data, ROOT_USER_KEY, ROOT_USER_KEY, WHY)
    fix = Fix(Applicability.UNSAFE, "Keep the v0 `user` as a comment", edits) if edits else None
    yield at_key(region, RULE.code, f"v0 root `user`: {WHY}", data, ROOT_USER_KEY, fix)

"""What the Python rules share (checks/python/_sites.py)."""

from tests.helpers import findings


def test_the_diagnostics_of_a_module_carry_one_fix_object() -> None:
    # The runner maps and places a fix's edits once per fix object: a thousand-site module once made a
    # thousand copies of its thousand edits.
    text = ("from polyaxon_client.tracking import Experiment\n"
            "xp = Experiment()\n"
            + "".join(f"xp.log_params(step={n})\n" for n in range(5)))
    found = findings("train.py", text)
    assert [finding.code for finding in found] == ["PLX301", "PLX302"] + ["PLX303"] * 5
    assert len({id(finding.fix) for finding in found[1:]}) == 1
    assert found[0].fix is not None and found[0].fix.edits == found[1].fix.edits  # type: ignore[union-attr]

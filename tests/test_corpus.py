"""Acceptance: polylint over real Polyaxonfiles from public repositories (../shared/corpus)."""

import pytest

from tests.corpus import CORPUS, files
from tests.helpers import findings

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")

# v1 files whose real mistakes `polyaxon check` lets through (mapping §6-§7): reported by the v1 lint,
# never by the v0 rules.
V1_PITFALLS = {"yaml/duanyutong__polyaxon-quick-start__services__notebook.yaml": ["PLX112"]}


def read(row):
    return (CORPUS / row["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("row", files("v0") + files("no-version"), ids=lambda row: row["file"])
def test_every_v0_file_is_flagged(row):
    found = findings(row["file"], read(row))
    codes = {finding.code for finding in found}
    assert "PLX009" not in codes
    # A file too broken to parse is flagged by the parse error, at its line.
    assert "PLX100" in codes or codes == {"PLX001"}, [f.message for f in found]


@pytest.mark.parametrize("row", files("v1"), ids=lambda row: row["file"])
def test_no_v1_file_is_flagged_as_v0(row):
    codes = [finding.code for finding in findings(row["file"], read(row))]
    assert codes == V1_PITFALLS.get(row["file"], [])


def test_the_corpus_is_all_there():
    assert len(files("v0")) == 74 and len(files("v1")) == 7 and len(files("no-version")) == 1

from __future__ import annotations

from tests.helpers import check_transformed, findings

JENKINS = """pipeline { stages { stage('x') { steps {
  sh 'polyaxon init mnist'
  sh "polyaxon experiment -xp ${XP} logs"
  sh '''
    polyaxon upload
  '''
} } } }
"""


def test_sh_steps_are_located() -> None:
    found = [(f.code, f.location.row, f.location.column, f.fix is not None) for f in findings("Jenkinsfile", JENKINS)]
    # The interpolated string is not the shell text as written: reported without a fix.
    assert found == [("PLX205", 2, 21, True), ("PLX201", 3, 16, False), ("PLX204", 5, 14, False)]


def test_plain_strings_are_rewritten() -> None:
    check_transformed("Jenkinsfile", JENKINS, JENKINS.replace("init mnist", "init -p mnist"), unsafe=True,
                      remaining=["PLX201", "PLX204"])

from tests.helpers import check_noop, findings


def test_endpoints_in_strings_and_f_strings() -> None:
    found = findings("api.py",
                     "import requests\n"
                     "url = f'{host}/api/v1/{user}/{project}/experiments/{xp}/statuses'\n"
                     "GROUPS = '/api/v1/alice/mnist/groups/3'\n"
                     "requests.get(host + '/api/v1/%s/%s/jobs/' % (user, project))\n")
    assert [(f.code, f.location.row, f.location.column) for f in found] == [
        ("PLX307", 2, 7), ("PLX307", 3, 10), ("PLX307", 4, 21)]
    assert all(f.fix is None for f in found) and "/runs/" in found[0].message


def test_v1_endpoints_are_not_flagged() -> None:
    check_noop("api.py", "url = '/api/v1/alice/mnist/runs/abc'\nOTHER = '/api/v1/namespaces/default/jobs'\n"
                         "# polyaxon\n")

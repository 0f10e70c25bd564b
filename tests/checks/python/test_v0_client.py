from tests.checks.python.golden import check_golden
from tests.helpers import check_noop, findings


def test_client_constructor_with_literals() -> None:
    checked = check_golden(
        "from polyaxon_client import PolyaxonClient\n"
        "\n"
        "client = PolyaxonClient(host='plx.example.com', port=31811, use_https=True, token=TOKEN)\n",
        "from polyaxon.client import PolyaxonClient\n"
        "from polyaxon.schemas.cli.client_config import ClientConfig\n"
        "\n"
        'client = PolyaxonClient(config=ClientConfig(host="https://plx.example.com:31811"), token=TOKEN)\n')
    assert "call ClientConfig" in checked and "call PolyaxonClient" in checked


def test_client_constructor_with_variables_uses_an_f_string() -> None:
    check_golden(
        "from polyaxon_client.client import PolyaxonClient\n"
        "client = PolyaxonClient(host=HOST, port=PORT, verify_ssl=False)\n",
        "from polyaxon.client import PolyaxonClient\n"
        "from polyaxon.schemas.cli.client_config import ClientConfig\n"
        'client = PolyaxonClient(config=ClientConfig(host=f"http://{HOST}:{PORT}", verify_ssl=False))\n')


def test_client_without_arguments() -> None:
    check_golden("from polyaxon_client import PolyaxonClient\nclient = PolyaxonClient()\n",
                 "from polyaxon.client import PolyaxonClient\nclient = PolyaxonClient()\n")


def test_client_with_unknown_keyword_is_manual() -> None:
    found = findings("t.py", "from polyaxon_client import PolyaxonClient\nc = PolyaxonClient(api_config=cfg)\n")
    assert [(f.code, f.fix) for f in found] == [("PLX301", None), ("PLX304", None)]


def test_experiment_service_calls_are_unsafe() -> None:
    before = ("from polyaxon_client import PolyaxonClient\n"
              "client = PolyaxonClient()\n"
              "client.experiment.stop('alice', 'mnist', 12)\n"
              "client.experiment.restart(username='alice', project_name='mnist', experiment_id=xp_id)\n"
              "client.project.list_experiments('alice', 'mnist', query='status:running', sort='-created_at')\n"
              "client.job.delete_job('alice', 'mnist', 3)\n"
              "client.experiment.copy('alice', 'mnist', 12)\n")
    found = findings("t.py", before)
    assert [(f.code, f.applicability.value) for f in found if f.code == "PLX304"] == [("PLX304", "unsafe")] * 5
    assert "uuid" in next(f for f in found if f.code == "PLX304").fix.message  # type: ignore[union-attr]
    checked = check_golden(
        before,
        "from polyaxon.client import RunClient, PolyaxonClient\n"
        "client = PolyaxonClient()\n"
        "RunClient(owner='alice', project='mnist', run_uuid=12, client=client).stop()\n"
        "RunClient(owner='alice', project='mnist', run_uuid=xp_id, client=client).restart()\n"
        "RunClient(owner='alice', project='mnist', client=client).list(query='status:running', "
        "sort='-created_at')\n"
        "RunClient(owner='alice', project='mnist', run_uuid=3, client=client).delete()\n"
        "RunClient(owner='alice', project='mnist', run_uuid=12, client=client).restart(copy=True)\n",
        unsafe=True)
    assert "call RunClient(owner='alice', project='mnist', run_uuid=12, client=client).stop" in checked


def test_project_service() -> None:
    check_golden(
        "from polyaxon_client import PolyaxonClient\n"
        "client = PolyaxonClient()\n"
        "client.project.update_project('alice', 'mnist', {'description': 'x'})\n"
        "client.project.list_projects('alice')\n",
        "from polyaxon.client import ProjectClient, PolyaxonClient\n"
        "client = PolyaxonClient()\n"
        "ProjectClient(owner='alice', project='mnist', client=client).update({'description': 'x'})\n"
        "ProjectClient(owner='alice', client=client).list()\n",
        unsafe=True)


def test_create_experiment() -> None:
    check_golden(
        "from polyaxon_client import PolyaxonClient\n"
        "client = PolyaxonClient()\n"
        "xp = client.project.create_experiment('alice', 'mnist', {'content': spec})\n",
        "from polyaxon.client import RunClient, PolyaxonClient\n"
        "client = PolyaxonClient()\n"
        "xp = RunClient(owner='alice', project='mnist', client=client).create(content={'content': spec})\n",
        unsafe=True)


def test_inline_client_chain() -> None:
    check_golden(
        "from polyaxon_client import PolyaxonClient\n"
        "PolyaxonClient().experiment.resume('alice', 'mnist', 7)\n",
        "from polyaxon.client import RunClient, PolyaxonClient\n"
        "RunClient(owner='alice', project='mnist', run_uuid=7, client=PolyaxonClient()).resume()\n",
        unsafe=True)


def test_services_without_equivalent() -> None:
    found = findings("t.py", "from polyaxon_client import PolyaxonClient\nclient = PolyaxonClient()\n"
                             "client.cluster.get_cluster()\nclient.user.activate_user('bob')\n"
                             "client.bookmark.experiments('alice')\nclient.experiment.bookmark('a', 'p', 1)\n")
    assert [f.code for f in found] == ["PLX301", "PLX308", "PLX308", "PLX308", "PLX308"]
    assert all(f.fix is None for f in found[1:])
    assert "kubectl" in found[1].message


def test_get_experiment_is_manual_with_v1_way() -> None:
    found = findings("t.py", "from polyaxon_client import PolyaxonClient\nclient = PolyaxonClient()\n"
                             "data = client.experiment.get_experiment('alice', 'mnist', 1)\n")
    assert found[-1].code == "PLX304" and found[-1].fix is None and "refresh_data()" in found[-1].message


def test_manual_client_blocks_its_service_calls() -> None:
    before = ("from polyaxon_client import PolyaxonClient\n"
              "client = PolyaxonClient(api_config=config)\n"
              "client.experiment.stop('alice', 'mnist', 12)\n")
    found = findings("t.py", before)
    assert [f.fix for f in found] == [None, None, None]


def test_v1_client_is_a_noop() -> None:
    check_noop("t.py", "from polyaxon.client import RunClient, PolyaxonClient\n"
                       "client = PolyaxonClient()\n"
                       "client.runs_v1.get_run('alice', 'mnist', uuid)\n"
                       "RunClient(owner='alice', project='mnist', run_uuid=uuid, client=client).stop()\n")


def test_exceptions_move_module() -> None:
    check_golden(
        "from polyaxon_client.exceptions import PolyaxonClientException\n"
        "try:\n    pass\nexcept PolyaxonClientException:\n    pass\n",
        "from polyaxon.exceptions import PolyaxonClientException\n"
        "try:\n    pass\nexcept PolyaxonClientException:\n    pass\n")

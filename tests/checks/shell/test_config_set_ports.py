from __future__ import annotations

from tests.checks.shell._cases import SCRIPT, check_noop, findings, manual, transformed
from tests.helpers import check_transformed
from tests.polyaxon_cli import assert_v1


def test_host_port_and_https_become_one_url() -> None:
    transformed("polyaxon config set --host=localhost --port=31811 --use_https=false\n",
                "polyaxon config set --host=http://localhost:31811\n")
    transformed("polyaxon config set --host 10.0.0.1 --port 443 --use_https True --verify_ssl false\n",
                "polyaxon config set --host=https://10.0.0.1:443 --verify-ssl false\n")
    transformed('polyaxon config set --host="$HOST" --http_port=80 --ws_port=1337\n',
                'polyaxon config set --host=http://"$HOST":80\n')
    transformed("polyaxon config set --verbose=true --host=localhost --port=80\n",
                "polyaxon config set --debug=true --host=http://localhost:80\n")


def test_a_url_already_in_host_keeps_its_scheme() -> None:
    transformed("polyaxon config set --host=https://p.example.com --port=8000\n",
                "polyaxon config set --host=https://p.example.com:8000\n")


def test_without_host_or_with_a_run_time_scheme_there_is_no_fix() -> None:
    manual("polyaxon config set --port=80\n", "PLX206", "--host=http(s)://HOST:PORT")
    manual('polyaxon config set --host=h --use_https="$HTTPS"\n', "PLX206", "--use_https")
    manual("polyaxon config purge --host=h\n", "PLX206", "config purge")


def test_v1_config_is_not_flagged() -> None:
    check_noop(SCRIPT, "polyaxon config set --host=http://localhost:8000 --verify-ssl=false\n"
                       'polyaxon config set --host="$POLYAXON_HOST"\npolyaxon config show\n')


def test_a_host_without_a_scheme_is_v0_and_gets_one_in_an_unsafe_fix() -> None:
    # v1 parses the line, but its host is a URL: `localhost` alone fails when the CLI connects.
    for before, after in [("polyaxon config set --host=localhost\n", "polyaxon config set --host=http://localhost\n"),
                          ("polyaxon config set --host 10.0.0.1:31811\n",
                           "polyaxon config set --host=http://10.0.0.1:31811\n")]:
        # Not `unsafe_only`: that one proves the v0 line does not parse under v1, and this one does.
        check_transformed(SCRIPT, before, before, remaining=["PLX206"])
        check_transformed(SCRIPT, before, after, unsafe=True)
        assert_v1(after)
        (finding,) = findings(SCRIPT, before)
        assert "stored before" in finding.fix.message
        assert finding.location.column == before.index("--host") + 1

from tests.checks.python.golden import check_golden
from tests.helpers import findings


def test_keras_callback() -> None:
    checked = check_golden(
        "from polyaxon_client.tracking import Experiment\n"
        "from polyaxon_client.tracking.contrib.keras import PolyaxonKeras\n"
        "\n"
        "experiment = Experiment()\n"
        "model.fit(x, y, callbacks=[PolyaxonKeras(experiment=experiment, metrics=['acc'])])\n",
        "from polyaxon import tracking\n"
        "from polyaxon.tracking.contrib.keras import PolyaxonCallback\n"
        "\n"
        "experiment = tracking.init()\n"
        "model.fit(x, y, callbacks=[PolyaxonCallback(run=experiment, metrics=['acc'])])\n")
    assert "call PolyaxonCallback" in checked


def test_keras_callback_aliased_and_positional() -> None:
    check_golden(
        "from polyaxon_client.tracking.contrib.keras import PolyaxonKeras as PK\n"
        "cb = PK(experiment)\n",
        "from polyaxon.tracking.contrib.keras import PolyaxonCallback\n"
        "cb = PolyaxonCallback(experiment)\n")


def test_fastai_v1_callback() -> None:
    check_golden(
        "from polyaxon_client.tracking.contrib.fastai import PolyaxonFastai\n"
        "learn.fit(1, callbacks=[PolyaxonFastai(learn, experiment=xp, monitor='accuracy')])\n",
        "from polyaxon.tracking.contrib.fastai_v1 import PolyaxonCallback\n"
        "learn.fit(1, callbacks=[PolyaxonCallback(learn, run=xp, monitor='accuracy')])\n")


def test_model_checkpoint_has_no_equivalent() -> None:
    found = findings("t.py", "from polyaxon_client.tracking.contrib.keras import PolyaxonModelCheckpoint\n"
                             "cb = PolyaxonModelCheckpoint(xp, 'model.h5')\n")
    assert [(f.code, f.fix) for f in found] == [("PLX301", None), ("PLX308", None)]
    assert "log_model=True" in found[1].message


def test_logging_tensor_hook_is_manual() -> None:
    found = findings("t.py", "from polyaxon_client.tracking.contrib.logging_tensor_hook import "
                             "PolyaxonLoggingTensorHook\nhook = PolyaxonLoggingTensorHook(tensors)\n")
    assert [(f.code, f.fix) for f in found] == [("PLX301", None), ("PLX309", None)]

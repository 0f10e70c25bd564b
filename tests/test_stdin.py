import pytest

from polylint.stdin import detect
from tests.conftest import V0_EXPERIMENT, V1_COMPONENT


@pytest.mark.parametrize("text, surface", [
    (V0_EXPERIMENT, "YAML"),
    (V1_COMPONENT, "YAML"),
    ("# a comment\n---\n%YAML 1.1\n---\nversion: 1\nkind: group\n", "YAML"),
    ("from polyaxon_client.tracking import Experiment\n", "Python"),
    ("import os\n\nos.system('polyaxon experiment logs')\n", "Python"),
    ("print 'x'\nfrom polyaxon_client import PolyaxonClient\n", "Python"),  # Python 2: not Python 3, still Python
    ("def main():\n    pass\n", "Python"),
    ("#!/usr/bin/env python3\nprint('x')\n", "Python"),
    ("#!/bin/bash\nset -e\n", "shell"),
    ("#!/usr/bin/env sh\n", "shell"),
    ("polyaxon experiment -xp 1 logs\n", "shell"),
    ("# train\npolyaxon run -f polyaxonfile.yml\n", "shell"),
    ("polyaxon-client==0.6.1\nnumpy\n", "requirements"),
    ("-r base.txt\npolyaxon-cli\n", "requirements"),
    ("polyaxon_client\n", "requirements"),
    ("FROM python:3.8\nRUN pip install polyaxon-cli\n", "Dockerfile"),
])
def test_the_content_says_what_standard_input_holds(text, surface):
    detected = detect(text.encode())
    assert detected is not None and detected[0] == surface


@pytest.mark.parametrize("text", ["", "\n# only a comment\n", '{"cells": []}\n', "```bash\npolyaxon run\n```\n",
                                  "polyaxon-client==0.6.1\n(broken\n"])
def test_content_that_does_not_say_is_not_guessed(text):
    assert detect(text.encode()) is None

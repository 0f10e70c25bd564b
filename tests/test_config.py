import pytest

from polylint.config import ConfigError, Settings, apply_table, find_config, load_settings, matches_glob


def test_defaults_select_everything():
    settings = Settings()
    assert settings.is_enabled("PLX100") and settings.is_enabled("PLX301")


def test_most_specific_selector_wins():
    settings = Settings(select=("PLX1",), ignore=("PLX10",), extend_select=("PLX101",))
    assert not settings.is_enabled("PLX100")
    assert settings.is_enabled("PLX101")
    assert settings.is_enabled("PLX110")
    assert not settings.is_enabled("PLX200")


def test_ignore_beats_an_equally_specific_select():
    assert not Settings(select=("PLX1",), ignore=("PLX1",)).is_enabled("PLX100")


def test_found_by_walking_up_and_pyproject_needs_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.black]\n")
    (tmp_path / "sub" / "deep").mkdir(parents=True)
    assert find_config(str(tmp_path / "sub" / "deep")) is None
    (tmp_path / "sub" / ".polylint.toml").write_text("ignore = ['PLX1']\n")
    assert find_config(str(tmp_path / "sub" / "deep")) == str((tmp_path / "sub" / ".polylint.toml").resolve())
    settings = load_settings(None, str(tmp_path / "sub" / "deep"))
    assert settings.ignore == ("PLX1",) and settings.root == str((tmp_path / "sub").resolve())


def test_every_key_is_validated():
    good = {"select": ["PLX1"], "ignore": ["PLX100"], "extend-select": ["PLX2"], "exclude": ["x"],
            "extend-exclude": ["y"], "per-file-ignores": {"a/*": ["PLX1"]}, "unsafe-fixes": True,
            "output-format": "sarif", "max-file-size": 100, "polyaxon-requirement": "polyaxon>=1.20,<2"}
    settings = apply_table(Settings(), good, "t")
    assert settings.per_file_ignores == (("a/*", ("PLX1",)),) and settings.output_format == "sarif"
    bad = [("select", "PLX1"), ("select", ["nope"]), ("per-file-ignores", ["x"]), ("unsafe-fixes", 1),
           ("output-format", "xml"), ("max-file-size", -1), ("max-file-size", True),
           ("polyaxon-requirement", "torch"), ("typo", 1)]
    for key, value in bad:
        with pytest.raises(ConfigError, match=f"`{key}`"):
            apply_table(Settings(), {key: value}, "t")


def test_invalid_toml_is_a_config_error(tmp_path):
    (tmp_path / ".polylint.toml").write_text("select = [\n")
    with pytest.raises(ConfigError, match=r"\.polylint\.toml:2:1: not valid TOML"):
        load_settings(None, str(tmp_path))


def test_invalid_toml_in_a_pyproject_that_names_polylint_is_a_config_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.polylint]\nselect = ['PLX1'\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml:3:1: not valid TOML"):
        load_settings(None, str(tmp_path / "sub"))


def test_a_config_file_that_is_not_utf8_is_a_config_error(tmp_path):
    (tmp_path / ".polylint.toml").write_bytes(b'select = ["PLX1"]  # caf\xe9\n')
    with pytest.raises(ConfigError, match=r"\.polylint\.toml:1:25: not valid TOML: not UTF-8 \(byte 0xe9\)"):
        load_settings(None, str(tmp_path))


def test_crlf_config_reads_like_lf(tmp_path):
    (tmp_path / ".polylint.toml").write_bytes(b'select = ["PLX1"]\r\nignore = ["PLX101"]\r\n')
    settings = load_settings(None, str(tmp_path))
    assert (settings.select, settings.ignore) == (("PLX1",), ("PLX101",))


@pytest.mark.parametrize("path, pattern, expected", [
    ("a/build/x.yml", "build", True),
    ("a/builder/x.yml", "build", False),
    ("legacy/a.yml", "legacy/*", True),
    ("x/legacy/a.yml", "legacy/*", False),
    ("a.yml", "*.yml", True),
    ("a.yaml", "*.yml", False),
])
def test_glob_matching(path, pattern, expected):
    assert matches_glob(path, pattern) is expected

"""Bad input gets a located diagnostic or a stated skip, and the run goes on with the other files."""

import os

import pytest

from tests.conftest import V0_EXPERIMENT


def write(tmp_path, name, data):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


def lines(outcome):
    """The finding lines, without the summary's."""
    return [line for line in outcome.out.splitlines() if ": PLX" in line]


def test_broken_yaml_located_at_the_parser_position(polylint, tmp_path):
    write(tmp_path, "broken.yml", "version: 1\nkind: experiment\ntags:\n  - a\n image: b\n")
    write(tmp_path, "ok.yml", V0_EXPERIMENT)
    outcome = polylint("check")
    assert outcome.code == 1
    assert lines(outcome)[0].startswith("broken.yml:5:2: PLX001 could not parse YAML:")
    assert lines(outcome)[1].startswith("ok.yml:1:1: PLX100")


def test_alias_bomb_is_harmless(polylint, tmp_path):
    bomb = ["version: 1.1", "kind: component", 'a0: &a0 ["{{ x }}", "{{ x }}"]']
    for level in range(1, 40):
        bomb.append(f"a{level}: &a{level} [*a{level - 1}, *a{level - 1}, *a{level - 1}]")
    write(tmp_path, "bomb.yml", "\n".join(bomb) + "\n")
    outcome = polylint("check")
    # Every alias is one shared node: the template is seen, and reported, once.
    assert [line.split()[1] for line in lines(outcome)] == ["PLX110"]


def test_binary_file_named_yml(polylint, tmp_path):
    write(tmp_path, "model.yml", b"kind: experiment\x00\x01\x02\xff" * 10)
    assert lines(polylint("check")) == ["model.yml:1:1: PLX005 binary file (NUL bytes); not checked"]


def test_non_utf8_text_located_at_the_byte(polylint, tmp_path):
    write(tmp_path, "latin.yml", "version: 1\nkind: experiment\n# caf\xe9 au lait\n".encode("latin-1"))
    [line] = lines(polylint("check"))
    assert line.startswith("latin.yml:3:6: PLX004 could not decode file: not valid utf-8 (byte 0xe9")


def test_unreadable_file(polylint, tmp_path, monkeypatch):
    path = write(tmp_path, "secret.yml", V0_EXPERIMENT)
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if str(name).endswith("secret.yml"):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    outcome = polylint("check", str(path))
    assert outcome.code == 1
    assert lines(outcome) == [f"{path}:1:1: PLX006 could not read file: Permission denied"]


def test_symlink_loop_is_a_stated_skip(polylint, tmp_path):
    write(tmp_path, "a/ok.yml", V0_EXPERIMENT)
    os.symlink(tmp_path / "a", tmp_path / "a" / "again")
    os.symlink(tmp_path / "loop2", tmp_path / "loop1")
    os.symlink(tmp_path / "loop1", tmp_path / "loop2")
    outcome = polylint("check", "-v")
    assert lines(outcome) == ["a/ok.yml:1:1: PLX100 " + lines(outcome)[0].split("PLX100 ")[1]]
    assert outcome.err.count("symbolic link is never followed") == 3


def test_over_the_size_limit_is_a_stated_skip(polylint, tmp_path):
    write(tmp_path, "big.yml", V0_EXPERIMENT + "#" * 2000 + "\n")
    write(tmp_path, ".polylint.toml", "max-file-size = 1000\n")
    outcome = polylint("check", "-v")
    assert outcome.code == 0
    assert "big.yml: skipped:" in outcome.err and "over max-file-size (1000)" in outcome.err


def test_deeply_nested_yaml_is_a_parse_error(polylint, tmp_path):
    write(tmp_path, "deep.yml", "version: 1\nkind: experiment\nx: " + "[" * 10000 + "]" * 10000 + "\n")
    [line] = lines(polylint("check"))
    assert "PLX001 could not parse YAML" in line


def test_python_object_tag_is_data(polylint, tmp_path):
    write(tmp_path, "evil.yml", "version: 1\nkind: experiment\nx: !!python/object/apply:os.system ['touch pwned']\n")
    outcome = polylint("check")
    assert not (tmp_path / "pwned").exists()
    assert [line.split()[1] for line in lines(outcome)] == ["PLX100"]


@pytest.mark.parametrize("content", [b"", b"k", b"\n"])
def test_empty_and_one_byte_files(polylint, tmp_path, content):
    write(tmp_path, "tiny.yml", content)
    assert polylint("check").code == 0


def test_path_with_spaces_and_non_ascii(polylint, tmp_path):
    write(tmp_path, "dossier été/mon fichier.yml", V0_EXPERIMENT)
    assert lines(polylint("check"))[0].startswith("dossier été/mon fichier.yml:1:1: PLX100")

import os

from polylint.config import Settings
from polylint.discovery import discover


def tree(tmp_path, files):
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("version: 1\nkind: job\n")


def found(tmp_path, *paths, settings=None):
    os.chdir(tmp_path)
    result = discover(list(paths) or ["."], settings or Settings(root=tmp_path))
    result.files = list(result.files)  # found as they are iterated; the notes are complete after
    return result


def test_files_in_the_order_of_their_paths_parts(tmp_path):
    # Which of them a host kind claims is the runner's question (see test_runner), asked where it reads.
    tree(tmp_path, ["b.yml", "a/z.yaml", "a/notes.txt", "c.json", "a-b/x.yml", "a.yml"])
    assert found(tmp_path).files == ["a/notes.txt", "a/z.yaml", "a-b/x.yml", "a.yml", "b.yml", "c.json"]


def test_default_excludes(tmp_path):
    tree(tmp_path, [".git/x.yml", ".venv/x.yml", "node_modules/x.yml", "build/x.yml", "dist/x.yml", "ok.yml"])
    assert found(tmp_path).files == ["ok.yml"]


def test_gitignore_and_polylintignore_nested(tmp_path):
    tree(tmp_path, ["keep.yml", "gen/out.yml", "sub/local.yml", "sub/keep.yml"])
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("gen/\n")
    (tmp_path / "sub" / ".polylintignore").write_text("local.yml\n")
    assert found(tmp_path).files == [".gitignore", "keep.yml", "sub/.polylintignore", "sub/keep.yml"]


def test_gitignore_above_the_path_given_applies(tmp_path):
    tree(tmp_path, ["proj/a.yml", "proj/skip.yml"])
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("skip.yml\n")
    assert found(tmp_path, "proj").files == ["proj/a.yml"]


def test_explicit_file_checked_even_if_ignored(tmp_path):
    tree(tmp_path, ["gen/out.yml"])
    (tmp_path / ".gitignore").write_text("gen/\n")
    assert found(tmp_path, "gen/out.yml").files == ["gen/out.yml"]


def test_symlinks_never_followed_and_said(tmp_path):
    tree(tmp_path, ["real/a.yml"])
    outside = tmp_path.parent / (tmp_path.name + "-outside")
    outside.mkdir()
    (outside / "secret.yml").write_text("version: 1\nkind: job\n")
    (tmp_path / "link_out").symlink_to(outside)
    (tmp_path / "file_link.yml").symlink_to(outside / "secret.yml")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    result = found(tmp_path)
    assert result.files == ["real/a.yml"]
    assert len([note for note in result.notes if "symbolic link is never followed" in note]) == 3


def test_links_named_are_followed_under_their_names_and_links_below_them_are_not(tmp_path):
    tree(tmp_path, ["real/a.yml", "real/sub/b.yml"])
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "a_link.yml").symlink_to(tmp_path / "real" / "a.yml")
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "repo").symlink_to(tmp_path / "real")
    (tmp_path / "file_link.yml").symlink_to(tmp_path / "real" / "a.yml")
    for given in ("ws/repo", "ws/repo/"):
        result = found(tmp_path, given)
        assert result.files == ["ws/repo/a.yml", "ws/repo/sub/b.yml"] and result.linked_files == []
        assert sorted(note.split(":")[0] for note in result.notes) == ["ws/repo/a_link.yml", "ws/repo/loop"]
    result = found(tmp_path, "file_link.yml", "real/a_link.yml")
    assert result.files == result.linked_files == ["file_link.yml", "real/a_link.yml"]


def test_a_link_named_below_the_settings_root_keeps_its_relative_path_for_the_globs(tmp_path):
    tree(tmp_path, ["real/keep.yml", "real/gen/out.yml"])
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "repo").symlink_to(tmp_path / "real")
    settings = Settings(root=str(tmp_path / "real"), extend_exclude=("gen/*",))
    assert found(tmp_path, "ws/repo", settings=settings).files == ["ws/repo/keep.yml"]


def test_paths_that_cannot_be_checked_say_why(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    assert found(tmp_path, "absent", "pipe", "dangling").errors == [
        ("absent", "no such file or folder"), ("pipe", "a named pipe (FIFO), not a file or folder"),
        ("dangling", "a symbolic link to nothing (its target does not exist)")]

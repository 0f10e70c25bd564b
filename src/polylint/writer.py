"""Writing a fixed file without ever leaving it half written or clobbering someone else's edit."""

from __future__ import annotations

import os
import stat


class WriteError(Exception):
    pass


def digest(data: bytes) -> str:
    import hashlib  # like tempfile below: only runs that hash or write pay for the import

    return hashlib.sha256(data).hexdigest()


def write_atomically(path: str, new_data: bytes, expected_digest: str) -> None:
    """Replace path's bytes by new_data if, and only if, the file still holds what was read.

    The new bytes go to a temporary file in the same folder (same file system), are flushed to disk,
    get the old file's permission bits, and then replace it in one ``os.replace``: a reader sees the old
    file or the new one, never a mix. A failure at any step leaves the original untouched.
    """
    folder = os.path.dirname(os.path.abspath(path))
    try:
        info = os.lstat(path)
    except OSError as error:
        raise WriteError(f"cannot stat: {error.strerror}") from error
    if stat.S_ISLNK(info.st_mode):
        raise WriteError("is a symbolic link; not written")
    if not os.access(path, os.W_OK):
        raise WriteError("is read-only; not written")
    try:
        import tempfile

        handle, temporary = tempfile.mkstemp(prefix=".polylint-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(f"cannot create a temporary file beside it: {error.strerror}") from error
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(new_data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        with open(path, "rb") as current:
            if digest(current.read()) != expected_digest:
                raise WriteError("changed on disk since it was read; not overwritten")
        os.replace(temporary, path)
    except OSError as error:
        raise WriteError(f"write failed: {error.strerror or error}") from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)

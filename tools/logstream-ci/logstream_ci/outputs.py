"""Output files: checked before the analysis, written whole."""

import os
import tempfile

from .common import UsageError
from .fixes import writable_file



def check_destination(option, path):
    """Fails before any work if `path` cannot be written."""
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise UsageError("cannot write %s %s: directory %s does not exist" % (option, path, directory))
    if os.path.isdir(path):
        raise UsageError("cannot write %s %s: it is a directory" % (option, path))
    if os.path.exists(path):
        if not writable_file(path):
            raise UsageError("cannot write %s %s: the file is not writable" % (option, path))
    elif not (os.access(directory, os.W_OK | os.X_OK) and writable_file(directory)):
        raise UsageError("cannot write %s %s: directory %s is not writable" % (option, path, directory))


def write_whole(option, path, text):
    """Writes a temporary file next to `path` and renames it: a reader never
    sees half a report."""
    directory = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".logstream-ci-", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except OSError as e:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise UsageError("cannot write %s %s: %s" % (option, path, e.strerror or e))


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask

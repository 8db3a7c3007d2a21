"""The media part of a backup: every uploaded and rendered file under MEDIA_ROOT, in one tar.gz.

Only regular files go in, under names relative to MEDIA_ROOT, without owners; only files and folders come
out, and never outside MEDIA_ROOT (no absolute names, no `..`, no links, no devices).
"""

import os
import shutil
import tarfile
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from .errors import InvalidBackup
from .manifest import file_create_private


def _anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    files = []
    for folder, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names):
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                files.append(path)
    return files


def media_archive(*, root: Path, path: Path) -> dict:
    files = media_files(root)
    with file_create_private(path) as stream, tarfile.open(fileobj=stream, mode="w:gz") as archive:
        for file in files:
            archive.add(file, arcname=file.relative_to(root).as_posix(), recursive=False, filter=_anonymous)
    return {"files": len(files), "bytes": sum(file.stat().st_size for file in files)}


def media_is_empty(root: Path) -> bool:
    return not root.exists() or not any(root.iterdir())


def media_clear(root: Path) -> None:
    """Empty MEDIA_ROOT but keep the folder itself (often a mounted volume)."""
    if not root.exists():
        return
    for entry in root.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _checked_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = archive.getmembers()
    for member in members:
        name = PurePosixPath(member.name)
        if not (member.isfile() or member.isdir()) or name.is_absolute() or ".." in name.parts:
            raise InvalidBackup(
                _("The media archive holds an entry that cannot be restored: %(name)s")
                % {"name": member.name}
            )
    return members


def _owned_like(root: Path) -> None:
    """Run as root (a container's administrator), files restored belong to the media folder's owner, so
    the portal can still write beside them."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    owner = root.stat()
    for folder, folders, names in os.walk(root):
        for name in folders + names:
            os.lchown(os.path.join(folder, name), owner.st_uid, owner.st_gid)


def media_check(*, path: Path) -> int:
    """The number of files in the archive, once every entry is found safe to restore."""
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            return sum(1 for member in _checked_members(archive) if member.isfile())
    except (tarfile.TarError, OSError, EOFError) as error:
        raise InvalidBackup(_("The media archive cannot be read: %(error)s") % {"error": error}) from error


def media_extract(*, path: Path, root: Path) -> int:
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, mode="r:gz") as archive:
        members = _checked_members(archive)
        if hasattr(tarfile, "data_filter"):
            archive.extractall(root, members=members, filter="data")
        else:  # Python before 3.11.4: the entries were checked above
            archive.extractall(root, members=members)  # noqa: S202
    _owned_like(root)
    return sum(1 for member in members if member.isfile())

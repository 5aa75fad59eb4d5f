"""Derived images kept between builds, so a rebuild with no new photo does no image work.

A version is named by what it is made from (cache_key): the original's content hash,
the crop it belongs to, its width and format, and a short hash of the encoder settings.
Renaming or moving a photo therefore costs nothing, and changing a quality setting or
upgrading Pillow (both in the fingerprint) makes every version again. Nothing is ever
removed: delete the folder to start afresh.
"""

import hashlib
import json
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}


def settings_fingerprint(encoder_settings, pipeline_version) -> str:
    """A text that changes whenever the same original would give different files: the
    encoder settings, our pipeline's version, and the versions of the libraries."""
    return json.dumps({"encoders": encoder_settings, "pipeline": pipeline_version,
                       "pillow": version("pillow"), "pillow-heif": version("pillow-heif")},
                      sort_keys=True)


def cache_key(photo, width, fmt, settings_fingerprint) -> str:
    """A file name for one version of `photo`, the same in every build that would make
    the same bytes: "<content hash>[-<crop>]-<width>w-<settings hash>.<extension>"."""
    settings = hashlib.sha256(settings_fingerprint.encode()).hexdigest()[:10]
    variant = f"-{photo.variant}" if photo.variant else ""
    return f"{photo.sha256[:32]}{variant}-{width}w-{settings}.{EXTENSIONS[fmt]}"


class DerivedCache:
    """A folder of derived files by key. A file appears whole or not at all: it is
    written under a temporary name and renamed, so a build that crashes or is stopped
    never leaves half an image under a real name."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.made = 0  # files put in by this build: none when every photo was cached

    def _path(self, key) -> Path:
        if not key or "/" in key or "\\" in key or key.startswith("."):
            raise ValueError(f"not a cache key: {key!r}")
        return self.folder / key

    def get(self, key) -> bytes | None:
        try:
            data = self._path(key).read_bytes()
        except FileNotFoundError:
            return None
        return data or None  # an empty file (a power cut before the disk caught up): make it again

    def has(self, key) -> bool:
        """Whether `key` is there, without reading it (a warm build only looks)."""
        try:
            return self._path(key).stat().st_size > 0
        except FileNotFoundError:
            return False

    def put(self, key, data: bytes) -> None:
        target = self._path(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".partial-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, target)
            self.made += 1
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

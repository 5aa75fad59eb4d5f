from .content_types import register  # noqa: F401

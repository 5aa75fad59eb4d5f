from .transparency import register  # noqa: F401

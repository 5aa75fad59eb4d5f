from .plain_english import register  # noqa: F401

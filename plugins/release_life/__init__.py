from .release_life import register  # noqa: F401

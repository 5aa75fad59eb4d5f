from .fast_markdown import register  # noqa: F401

from .parallel_pages import register  # noqa: F401

from .url_stability import register  # noqa: F401

from .security_headers import register  # noqa: F401

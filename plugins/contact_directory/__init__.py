from .contact_directory import register  # noqa: F401

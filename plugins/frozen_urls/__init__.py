from .frozen_urls import register  # noqa: F401

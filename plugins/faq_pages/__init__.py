from .faq_pages import register  # noqa: F401

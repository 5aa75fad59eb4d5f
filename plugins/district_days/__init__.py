from .district_days import register  # noqa: F401

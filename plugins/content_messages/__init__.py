from .messages import (  # noqa: F401
    ERROR, WARNING, Problem, line_of_key, line_of_text, report, report_problems, shown_path,
)

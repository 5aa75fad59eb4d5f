from .messages import (  # noqa: F401
    ERROR, WARNING, Message, Problem, clear, line_of_key, line_of_text, messages, register, report,
    report_problems, shown_path,
)

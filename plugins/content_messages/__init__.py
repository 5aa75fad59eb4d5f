from .messages import ERROR, WARNING, Message, clear, line_of_key, line_of_text, messages, register, report  # noqa: F401

"""Placeholder: the feeds plugin is being written (see its issue)."""


def register():
    pass

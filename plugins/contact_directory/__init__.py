"""Placeholder: the contact_directory plugin is being written (see its issue)."""


def register():
    pass

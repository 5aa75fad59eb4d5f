"""Where the transparency pages go. Fixed, not settings: published addresses never move."""

INDEX_URL = "transparency/"


def register_url(register):
    return f"transparency/{register.name}/"


def table_url(table):
    return f"{register_url(table.register)}{table.period.name}/"


def sorted_url(table, column):
    """The copy of a table sorted by `column`: .../2017-04/by-amount/."""
    return f"{table_url(table)}by-{column.slug}/"


def csv_url(table):
    return f"{register_url(table.register)}{table.period.name}.csv"

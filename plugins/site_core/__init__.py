"""The core every plugin of this site builds on: problems and the report, per-build
state, the content-type table, and the small text helpers. Import it by name
(`from site_core import Problem`); it is installed with the project (pyproject.toml)."""

from .after_plugins import (  # noqa: F401
    connect_after_plugins, connect_first_to_finalized, connect_when_site_is_written,
)
from .build_state import BuildState  # noqa: F401
from .content_types import BY_KIND, CONTENT_TYPES, ContentType, content_type_of  # noqa: F401
from .fields import FIELDS, PLACEHOLDERS, STARTER_KEYS, STATUSES, Field, fields_of  # noqa: F401
from .messages import Message, Report, shown_path  # noqa: F401
from .plugin import leave_out, register, report  # noqa: F401
from .problems import (  # noqa: F401
    ERROR, WARNING, Problem, find_line, front_matter_span, lines_outside_fenced_code,
)
from .text import (  # noqa: F401
    absolute_url, close_matches, did_you_mean, public_base_url, script_json, slugify,
)

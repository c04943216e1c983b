"""Half of a circular import whose partner reads a name before it exists."""
from . import circ_late_b  # noqa: F401

LATE = "late"

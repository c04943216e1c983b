"""Reads `circ_late_a.LATE` while circ_late_a is still running."""
from . import circ_late_a

try:
    circ_late_a.LATE
except AttributeError as e:
    print("AttributeError:", e)
try:
    from .circ_late_a import LATE  # noqa: F401
except ImportError as e:
    print("ImportError:", str(e).split(" (/")[0])

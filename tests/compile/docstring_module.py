"""Module docstring."""
import sys

x = 1
print(__doc__, x)

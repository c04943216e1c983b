try:
    from . import sibling
except ImportError:
    sibling = None
try:
    from .. import parent
except (ImportError, ValueError):
    parent = None
from os.path import *
print(sibling, parent, join('a', 'b'))

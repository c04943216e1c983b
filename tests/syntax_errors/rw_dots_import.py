from .. . import x
import .x

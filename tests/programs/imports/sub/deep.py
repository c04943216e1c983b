from ..mod import VALUE
X = VALUE * 2

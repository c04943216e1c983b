x = e'abc

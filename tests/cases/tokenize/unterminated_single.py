x = 'abc
y = "def
z = b'ghi
w = 2

s = 'abc\
def
t = 1

x = 1
if x:
    y = (1,
         2)
# c

s = '''a
b'''

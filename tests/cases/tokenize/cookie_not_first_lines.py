x = 1
y = 2
# coding: latin-1
s = 'a'

@dec
@dec.attr(1)
@ (lambda f: f)
def g(): ...
m = a @ b
m @= c

x = foo(

def bar():
    pass

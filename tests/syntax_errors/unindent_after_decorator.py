class C:
    @decorator
x = 1

class C:
    @decorator

class A:
    class B:
        class C:
            def f(self):
                return 1

def make_class(base_value):
    class Dyn:
        value = base_value

        def get(self):
            return base_value + self.value

    return Dyn


D = make_class(5)
print(D().get(), D.__qualname__)

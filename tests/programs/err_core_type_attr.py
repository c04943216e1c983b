# "Did you mean" for a missing class attribute.
class Config:
    verbose = True
    def render(self):
        return 1


print(Config.verbose)
Config.verbse

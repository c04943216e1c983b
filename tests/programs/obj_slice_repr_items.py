# repr() of a slice shows each bound with its own __repr__.
class Mark:
    def __repr__(self):
        return "<mark>"
print(repr(slice(Mark())), repr(slice(1, Mark(), [Mark()])))
print(str(slice("a", None, 2.5)), [slice(Mark(), 0)])

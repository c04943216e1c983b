# An exception raised while a class pattern reads an attribute propagates,
# with the property's frame in the traceback.


class Sensor:
    __match_args__ = ("reading",)

    @property
    def reading(self):
        return 100 // self.scale

    def __init__(self, scale):
        self.scale = scale


def classify(s):
    match s:
        case Sensor(r) if r > 50:
            return "high"
        case Sensor(r):
            return "low"


print(classify(Sensor(1)))
print(classify(Sensor(0)))

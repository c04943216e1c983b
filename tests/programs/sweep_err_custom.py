class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
def validate(age):
    if age < 0:
        raise ValidationError("age", "must be non-negative")
    return age
try:
    validate(-1)
except ValidationError as e:
    print("caught", e, e.field)
    try:
        raise RuntimeError("wrapped") from e
    except RuntimeError as r:
        print(repr(r), repr(r.__cause__))
validate(-5)

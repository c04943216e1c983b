# format(x, '') of a builtin subclass instance is str(x): its own __str__/__repr__.
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"


class F(float):
    def __str__(self):
        return "F!"


class S(str):
    def __str__(self):
        return "S!"


print(f"{MyInt(4)}", format(MyInt(5)), "{}".format(MyInt(6)), f"{MyInt(7):>4}", f"{MyInt(8):x}")
print(f"{F(1.5)}", format(F(2.0), ""), f"{F(2.5):.2f}")
print(f"{S('y')}", format(S("z"), ""), f"{S('w'):>3}")
print(f"{True}", format(False, ""), f"{True:>6}")

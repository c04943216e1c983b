import dis


def f(a):
    return a + 1


def g(items):
    total = 0
    for x in items:
        if x % 2:
            total += x
    return total


def outer():
    y = 1

    def inner():
        return y

    return inner


print(list(f.__code__.co_lines()))
print(list(f.__code__.co_positions()))
for ins in dis.get_instructions(f):
    print(ins.opname, ins.argrepr, ins.offset, ins.starts_line, ins.is_jump_target)
dis.dis(f)
dis.dis(g)
print(outer()())
print(dis.opname[100], dis.opmap["RETURN_VALUE"], dis.Instruction.opname.__doc__)
print(f.__code__._varname_from_oparg(0))

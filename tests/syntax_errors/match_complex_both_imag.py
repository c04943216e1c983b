match point:
    case (0, 1j + 2j):
        pass

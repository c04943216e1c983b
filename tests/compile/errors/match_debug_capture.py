match x:
    case [1, __debug__]:
        pass

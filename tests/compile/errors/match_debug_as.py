match x:
    case 1 as __debug__:
        pass

match x:
    case [a] | "xyz":
        pass

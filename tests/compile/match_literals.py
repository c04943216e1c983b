def classify(x):
    match x:
        case 0:
            return 'zero'
        case 1 | 2:
            return 'small'
        case 'hello':
            return 'greeting'
        case None:
            return 'none'
        case True:
            return 'true'
        case -1:
            return 'minus one'
        case _:
            return 'other'


for v in (0, 1, 2, 'hello', None, True, -1, 99):
    print(classify(v))

names = [first, df'{x}]

big_list = [i for i in range(3)] + [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36,
]
a = 1
big_tuple = (a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a,
             a, a, a, a, a, a, a, a, a, a, a, a, a, a, a)
big_dict = {'k0': a, 'k1': a, 'k2': a, 'k3': a, 'k4': a, 'k5': a, 'k6': a, 'k7': a,
            'k8': a, 'k9': a, 'k10': a, 'k11': a, 'k12': a, 'k13': a, 'k14': a,
            'k15': a, 'k16': a, 'k17': a}
print(len(big_list), len(big_tuple), len(big_dict))

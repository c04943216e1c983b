d = {i: i for i in range(5)}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
lst = list(range(5))
while lst:
    del lst[0]
print(lst)

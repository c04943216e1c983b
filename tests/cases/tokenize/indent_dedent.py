def f(x):
    if x:
        for i in range(3):
            print(i)
    else:
        pass
    return x

class C:
  def m(self):
        return 1
f(1)

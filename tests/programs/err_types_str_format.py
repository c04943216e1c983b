parts = "a,b".split(",")
print("{} {} {}".format(*parts))

# A NameError is found at run time: the lines before it run.
print("line 2 runs")
print(undefined_name)

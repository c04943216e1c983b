# A SyntaxError stops everything at parse time: line 2 never runs.
print("never printed")
x = (1 +

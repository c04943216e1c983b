# mode: eval
x + 1 if y else [i for i in z]

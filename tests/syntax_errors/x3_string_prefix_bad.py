x = rbf"a"

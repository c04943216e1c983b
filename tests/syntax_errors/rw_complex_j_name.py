x = 2jj

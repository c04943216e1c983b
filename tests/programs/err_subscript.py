grid = [[1, 2], [3, 4]]
row = 1
print(grid[row][0])
print(grid[row][5])

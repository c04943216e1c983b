result = compute(self.value = 1
print(result)

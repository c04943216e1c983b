value = table{key

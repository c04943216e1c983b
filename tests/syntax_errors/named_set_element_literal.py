ages = {'Alice'=22, 'Bob'=23}

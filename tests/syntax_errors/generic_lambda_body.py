lambda x:

x = f'''
ab{
 a b}'''

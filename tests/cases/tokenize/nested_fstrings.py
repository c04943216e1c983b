x = f"{'a' if y else 'b'}" f'{d["k"]}' f'''{"""q"""}'''

x = '''abc



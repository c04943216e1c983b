class Config:
    def __init__(self, data):
        self.data = data

    @property
    def port(self):
        return int(self.data["port"])


c = Config({"port": "80"})
print(c.port)
bad = Config({"port": "eighty"})
print(bad.port)

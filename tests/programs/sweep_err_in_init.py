class Config:
    def __init__(self, **kw):
        self.port = int(kw.get("port", "80"))
        self.host = kw["host"]
c = Config(host="x", port="8080")
print(c.port, c.host)
Config(port="abc")

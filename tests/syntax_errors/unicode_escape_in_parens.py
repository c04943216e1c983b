codes = (
    "a"
    "\xa"
)

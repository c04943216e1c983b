NAME = "pkg"
__all__ = ["public", "other"]
public = 1

def when(self) -> Optional[float]-
    return None

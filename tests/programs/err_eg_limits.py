# max_group_width (15) and max_group_depth (10).
eg = ValueError("leaf")
for depth in range(12):
    eg = ExceptionGroup(f"level {depth}", [eg])
wide = ExceptionGroup("wide", [ValueError(i) for i in range(20)] + [eg])
raise ExceptionGroup("top", [eg, wide, ExceptionGroup("one", [KeyError(1)])])

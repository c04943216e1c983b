//! Struct sequences (`sys.version_info`, `sys.float_info`, `time.struct_time`).

"""The statistical tables of the statutory reports: layouts, per-record frames, sources and builders."""

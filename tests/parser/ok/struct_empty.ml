struct Marker:
    pass

struct Unit: pass

struct Documented:
    """A struct with a docstring."""
    value: i64

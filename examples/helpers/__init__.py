"""Python helpers next to the examples: a package the mlc programs here import."""

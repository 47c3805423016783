# A file with comments everywhere.
fn main():  # the entry point
    # a comment line inside a block

    let x = 1  # trailing
        # an over-indented comment is ignored
    # dedented comment
    return
# trailing comment at end of file

# Covers: an Error re-raised with bare raise from a handler is uncaught: exit code 1
# Exit: 1

fn main():
    try:
        raise Error("fatal")
    except e:
        print("logging:", e.message)
        raise

fn main():
    try:
        risky()
    except e:
        print("caught:", e)
    try:
        risky()
    except:
        pass
    try:
        risky()
    finally:
        cleanup()
    try:
        risky()
    except e:
        handle(e)
    finally:
        cleanup()

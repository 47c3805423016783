fn main():
    for x in xs:
        if x:
            break
        elif y:
            continue
        pass

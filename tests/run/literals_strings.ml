# Covers: string literals: both quotes, escapes, adjacent literals, triple quotes, unicode escape
# Exit: 0

fn main():
    print("double", 'single')
    print("tab:\there")
    print("line one\nline two")
    print("back\\slash", "quote\"d", 'it\'s', "it's", 'say "hi"')
    print("joined " "literals " 'too')
    let block = """first line
    second line"""
    print(block)
    print(len("a\tb"), len("\\"), len(""))
    print("smile: \u{1F600}", "e-acute: \u{e9}")
    print("carriage\rreturn" == "carriage\rreturn")
    print(len("nul\0byte"))
    print("")
    print('')

fn main():
    let a = "text"
    let b = 'text'
    let c = "escapes: \n \t \r \0 \\ \" \' done"
    let d = "unicode: \u{1F600} \u{e9}"
    let e = ""
    let f = "adjacent " "strings " 'join'
    let g = """triple
quoted"""

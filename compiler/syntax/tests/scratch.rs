#[test]
fn scratch() {
    let md = std::fs::read_to_string("/work/shared/LANGUAGE.md").unwrap();
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in md.lines() {
        if line.starts_with("```") {
            if let Some(block) = current.take() { blocks.push(block); } else { current = Some(String::new()); }
        } else if let Some(block) = current.as_mut() { block.push_str(line); block.push('\n'); }
    }
    for block in &blocks {
        let parse = mlc_syntax::parse(block);
        println!("{}", mlc_syntax::dump(&parse.module));
        println!("{}", mlc_syntax::dump_diagnostics(&parse.errors));
    }
    if let Ok(path) = std::env::var("SCRATCH") {
        let text = std::fs::read_to_string(path).unwrap();
        let parse = mlc_syntax::parse(&text);
        let (tokens, _) = mlc_syntax::tokenize(&text);
        println!("{}", mlc_syntax::dump_tokens(&text, &tokens));
        println!("{}", mlc_syntax::dump(&parse.module));
        println!("{}", mlc_syntax::dump_diagnostics(&parse.errors));
    }
}

//! The catalogues are whole: each parses, has the same keys as the other with the same
//! arguments, and every key is used by the UI's code (`tr!("key"`) and every key used is there.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::Lang;

/// Each message's key and the arguments it reads.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let source = lang
        .compiled_source()
        .unwrap_or_else(|| panic!("{}: native builds compile every catalogue", lang.tag()));
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}.ftl does not parse: {errors:?}", lang.tag()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        match entry {
            Entry::Message(m) => {
                let mut args = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern_args(value, &mut args);
                }
                assert!(
                    m.attributes.is_empty(),
                    "{}: {} has attributes; the UI reads values only",
                    lang.tag(),
                    m.id.name
                );
                let twice = out.insert(m.id.name.to_owned(), args).is_some();
                assert!(!twice, "{}: {} is defined twice", lang.tag(), m.id.name);
            }
            Entry::Junk { content } => panic!("{}.ftl has junk: {content}", lang.tag()),
            _ => {}
        }
    }
    out
}

fn pattern_args(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_args(expression, out);
        }
    }
}

fn expression_args(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_args(selector, out);
            for v in variants {
                pattern_args(&v.value, out);
            }
        }
        Expression::Inline(inline) => inline_args(inline, out),
    }
}

fn inline_args(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_args(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_args(a, out);
            }
        }
        _ => {}
    }
}

/// A call site of `tr!`: the file, and the names of the arguments it passes.
#[derive(Debug)]
struct Call {
    file: String,
    args: BTreeSet<String>,
}

/// The names passed as `name = value` in a macro call's text after its key, up to the
/// call's closing parenthesis.
fn passed_args(after_key: &str) -> BTreeSet<String> {
    let mut depth = 0_i32;
    let mut segments = vec![String::new()];
    let mut in_str = false;
    let mut prev = ' ';
    for c in after_key.chars() {
        if in_str {
            if c == '"' && prev != '\\' {
                in_str = false;
            }
        } else {
            match c {
                '"' => in_str = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => segments.push(String::new()),
                _ if depth == 0 => {
                    if let Some(last) = segments.last_mut() {
                        last.push(c);
                    }
                }
                _ => {}
            }
        }
        prev = c;
    }
    segments
        .iter()
        .filter_map(|seg| {
            let (name, rest) = seg.split_once('=')?;
            let name = name.trim();
            let is_ident =
                !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
            (is_ident && !rest.starts_with('=')).then(|| name.to_owned())
        })
        .collect()
}

/// Every key the UI's code names in the `tr!` macro, with each place that names it.
fn keys_in_code() -> BTreeMap<String, Vec<Call>> {
    let mut out: BTreeMap<String, Vec<Call>> = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for (i, _) in text.match_indices("tr!(") {
                    // `include_str!(` is not `tr!(`.
                    let before = text[..i].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    // rustfmt may put the key on the next line.
                    let Some(rest) = text[i + 4..].trim_start().strip_prefix('"') else {
                        continue;
                    };
                    let key: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                        .collect();
                    if rest[key.len()..].starts_with('"') && !key.is_empty() {
                        let args = passed_args(&rest[key.len() + 1..]);
                        let file = path.display().to_string();
                        out.entry(key).or_default().push(Call { file, args });
                    }
                }
            }
        }
    }
    out
}

#[test]
fn both_languages_have_every_key() {
    let en = messages(Lang::En);
    let ja = messages(Lang::Ja);
    let only_en: Vec<_> = en.keys().filter(|k| !ja.contains_key(*k)).collect();
    let only_ja: Vec<_> = ja.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in ja.ftl: {only_en:?}");
    assert!(only_ja.is_empty(), "missing in en.ftl: {only_ja:?}");
}

/// A translation may leave an argument out (Japanese has no plural forms to choose), but may
/// read none that the code does not pass.
#[test]
fn every_argument_a_message_reads_is_passed_wherever_it_is_used() {
    let used = keys_in_code();
    for lang in Lang::ALL {
        for (key, reads) in messages(lang) {
            for call in used.get(&key).into_iter().flatten() {
                let missing: Vec<_> = reads.difference(&call.args).collect();
                assert!(
                    missing.is_empty(),
                    "{}.ftl: {key} reads {missing:?}, which {} does not pass",
                    lang.tag(),
                    call.file
                );
            }
        }
    }
}

#[test]
fn every_key_is_used_and_every_key_used_exists() {
    let en = messages(Lang::En);
    let used = keys_in_code();
    let unused: Vec<_> = en.keys().filter(|k| !used.contains_key(*k)).collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    let missing: Vec<_> = used
        .iter()
        .filter(|(k, _)| !en.contains_key(*k) && *k != "key")
        .collect();
    assert!(
        missing.is_empty(),
        "keys used but not in the catalogues: {missing:?}"
    );
}

#[test]
fn counts_have_thousands_separated() {
    assert_eq!(super::count(0), "0");
    assert_eq!(super::count(999), "999");
    assert_eq!(super::count(4210), "4,210");
    assert_eq!(super::count(10_000), "10,000");
    assert_eq!(super::count(1_234_567), "1,234,567");
}

#[test]
fn plurals_and_numbers_follow_the_language() {
    super::set_lang(Lang::En);
    assert_eq!(crate::tr!("count-orgs", n = 1), "1 organization");
    assert_eq!(crate::tr!("count-orgs", n = 4210), "4,210 organizations");
    super::set_lang(Lang::Ja);
    assert_eq!(crate::tr!("count-orgs", n = 1), "1 件の組織");
    assert_eq!(crate::tr!("count-orgs", n = 4210), "4,210 件の組織");
    super::set_lang(Lang::En);
}

/// A catalogue the shell answers becomes its language's words, replacing what was there.
#[test]
fn a_catalogue_loaded_from_the_shell_speaks_for_its_language() {
    super::install(Lang::Ja, "app-language = 言葉の選択\n".to_owned());
    super::set_lang(Lang::Ja);
    assert!(super::has_catalogue(Lang::Ja));
    assert_eq!(crate::tr!("app-language"), "言葉の選択");
    let ja = Lang::Ja.compiled_source().unwrap_or_default();
    super::install(Lang::Ja, ja.to_owned());
    assert_eq!(crate::tr!("app-language"), "言語");
    super::set_lang(Lang::En);
    assert_eq!(crate::tr!("app-language"), "Language");
}

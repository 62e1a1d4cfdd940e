//! Finding English left in a text meant to be in another language: the Japanese UI's unit
//! tests (every typed value worded in Japanese) and the e2e walk of every page in Japanese use
//! the same rule.

/// The first run of three or more English words in `text` outside 「…」 and “…”, if any. A
/// word is letters only, capitalised at most on its first letter (so `GET`, `ZITADEL`,
/// `allowExternalIdp`, `Auth0`, `is_signup_enabled` are not words).
pub fn english_run(text: &str) -> Option<String> {
    first_run(text, false)
}

/// [`english_run`] for a page that also shows the products' names ("Los Pollos Hermanos",
/// "Google Workspace"): a run counts only when one of its words is all lower case, as a
/// sentence's words are and a name's are not.
pub fn english_prose_run(text: &str) -> Option<String> {
    first_run(text, true)
}

fn first_run(text: &str, prose: bool) -> Option<String> {
    let mut outside = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '「' | '“' => depth += 1,
            '」' | '”' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    for segment in outside.split(|c: char| !c.is_ascii()) {
        let mut run: Vec<&str> = Vec::new();
        for token in segment.split_whitespace() {
            let word = token.trim_matches(|c: char| c.is_ascii_punctuation());
            let is_word = word.len() > 1
                && word.chars().all(|c| c.is_ascii_alphabetic())
                && word.chars().skip(1).all(|c| c.is_ascii_lowercase())
                && !token.contains(['_', '/', '=', '#']);
            if is_word {
                run.push(word);
                let lower = |w: &&str| w.chars().all(|c| c.is_ascii_lowercase());
                if run.len() >= 3 && (!prose || run.iter().any(lower)) {
                    return Some(run.join(" "));
                }
            } else {
                run.clear();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_found_and_names_are_spared_on_a_page() {
        assert_eq!(
            english_prose_run("Los Pollos Hermanos を選択"),
            None,
            "a name"
        );
        assert_eq!(english_prose_run("Google Workspace"), None);
        assert_eq!(
            english_prose_run("none — Organization admins cannot see or change this connection")
                .as_deref(),
            Some("Organization admins cannot")
        );
        assert_eq!(
            english_prose_run("Pied Piper · Changed by someone else").as_deref(),
            Some("Changed by someone")
        );
        assert_eq!(
            english_run("Los Pollos Hermanos").as_deref(),
            Some("Los Pollos Hermanos"),
            "the catalogue tests' rule takes any three words"
        );
    }
}

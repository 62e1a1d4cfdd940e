//! What the language and accessibility tests ask of the window: the language and the theme
//! switched as a user (or the system) would, boxes whose text does not fit, axe-core's serious
//! and critical violations, and the keyboard's focus.

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::key::Key;

use crate::App;

/// Every section, by the slug of its sidebar button.
pub const PAGES: [&str; 9] = [
    "auth0",
    "zitadel",
    "hub",
    "inventory",
    "bulk",
    "make-like",
    "compare",
    "activity",
    "profiles",
];

/// axe-core's script, installed into `.tools/` by `cargo xtask setup`.
pub fn axe_source() -> Result<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../.tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e}; `cargo xtask setup` installs axe-core",
            path.display()
        )
    })
}

impl App {
    /// Runs `script` (a function body) and returns what it returns, as JSON.
    pub async fn js(&self, script: &str) -> Result<serde_json::Value, String> {
        self.client
            .execute(script, vec![])
            .await
            .map_err(|e| format!("script failed: {e}"))
    }

    /// Picks `tag` ("en", "ja") in the top bar's language menu, as a user does, and waits for
    /// the frame to be drawn in it.
    pub async fn choose_language(&self, tag: &str) -> Result<(), String> {
        self.js(&format!(
            "const s = document.getElementById('language'); s.value = '{tag}'; \
             s.dispatchEvent(new Event('change', {{ bubbles: true }}));"
        ))
        .await?;
        let want = tag.to_owned();
        self.wait_attr_lang(&want).await
    }

    async fn wait_attr_lang(&self, tag: &str) -> Result<(), String> {
        let deadline = std::time::Instant::now() + crate::UI_WAIT;
        loop {
            let lang = self
                .js("return document.documentElement.lang + '|' + document.getElementById('language').value;")
                .await?;
            if lang.as_str() == Some(&format!("{tag}|{tag}")) {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                return Err(format!(
                    "the page did not switch to {tag} (lang|menu = {lang})"
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Forces the light or the dark theme (`data-theme` on the root, which the CSS honours).
    pub async fn theme(&self, theme: &str) -> Result<(), String> {
        self.js(&format!(
            "document.documentElement.setAttribute('data-theme', '{theme}');"
        ))
        .await
        .map(|_| ())
    }

    /// Opens the section `slug` and waits until nothing on it says it is loading.
    pub async fn open_page(&self, slug: &str) -> Result<(), String> {
        self.click(&format!("#nav-{slug}")).await?;
        self.wait_text("#page-title", |t| !t.is_empty()).await?;
        self.settle().await
    }

    /// Waits until no status line ends in "…" (loading, searching) for a moment.
    pub async fn settle(&self) -> Result<(), String> {
        let deadline = std::time::Instant::now() + crate::UI_WAIT;
        loop {
            let busy = self
                .js("return [...document.querySelectorAll('[role=status]')].some(e => e.textContent.trim().endsWith('…'));")
                .await?;
            if busy == serde_json::Value::Bool(false) {
                tokio::time::sleep(Duration::from_millis(300)).await;
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                return Err("the page kept loading".to_owned());
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// The elements with text of their own whose text is wider (or taller) than their box and
    /// cut or spilling, outside boxes that scroll and text hidden for screen readers only
    /// (`.sr-only`): "tag.class#id: text".
    pub async fn overflowing(&self) -> Result<Vec<String>, String> {
        let found = self
            .js(r#"
const out = [];
const scrolls = el => { const s = getComputedStyle(el); return /(auto|scroll)/.test(s.overflowX + s.overflowY); };
for (const el of document.querySelectorAll('body *')) {
  if (!el.getClientRects().length) continue;
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || ['SCRIPT', 'STYLE', 'OPTION', 'TEXTAREA'].includes(el.tagName)) continue;
  if (scrolls(el) || el.closest('.sr-only')) continue;
  let inside = false;
  for (let p = el.parentElement; p; p = p.parentElement) { if (scrolls(p) && p !== document.documentElement && p !== document.body) { inside = true; break; } }
  if (inside) continue;
  const s = getComputedStyle(el);
  if (s.display === 'inline') continue;
  if (el.scrollWidth > el.clientWidth + 1 || (s.overflowY === 'hidden' && el.scrollHeight > el.clientHeight + 1)) {
    out.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + '#' + el.id + ': ' + el.textContent.trim().slice(0, 60));
  }
}
return out;"#)
            .await?;
        Ok(found
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// axe-core's serious and critical violations on the page as it is: "rule (impact): help
    /// at target, …", and how many rules it checked.
    pub async fn axe(&self, source: &str) -> Result<(Vec<String>, usize), String> {
        let loaded = self.js("return typeof window.axe === 'object';").await?;
        if loaded != serde_json::Value::Bool(true) {
            self.js(source).await?;
        }
        let reply = self
            .client
            .execute_async(
                r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] }).then(r => {
  const bad = r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  done({ rules: r.violations.length + r.passes.length + r.incomplete.length + r.inapplicable.length,
         bad: bad.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')) });
}).catch(e => done({ error: String(e) }));"#,
                vec![],
            )
            .await
            .map_err(|e| format!("axe did not run: {e}"))?;
        if let Some(err) = reply.get("error") {
            return Err(format!("axe failed: {err}"));
        }
        let bad = reply["bad"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let rules = reply["rules"].as_u64().unwrap_or(0) as usize;
        Ok((bad, rules))
    }

    /// Waits until nothing matches `css` (a dialog closed).
    pub async fn wait_gone(&self, css: &str) -> Result<(), String> {
        let deadline = std::time::Instant::now() + crate::UI_WAIT;
        loop {
            let there = self
                .js(&format!("return !!document.querySelector({css:?});"))
                .await?;
            if there == serde_json::Value::Bool(false) {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                return Err(format!("{css} is still there"));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The id of the element that has the focus ("" for none or no id).
    pub async fn focused_id(&self) -> Result<String, String> {
        Ok(self
            .js("const a = document.activeElement; return a ? a.id : '';")
            .await?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    /// Presses `key` where the focus is.
    pub async fn press(&self, key: Key) -> Result<(), String> {
        self.type_keys(&key.to_string()).await
    }

    /// Types `text` where the focus is, as keys.
    pub async fn type_keys(&self, text: &str) -> Result<(), String> {
        let el = self
            .client
            .active_element()
            .await
            .map_err(|e| e.to_string())?;
        el.send_keys(text).await.map_err(|e| e.to_string())
    }

    /// Presses Tab until the element matching `css` has the focus (at most `max` times).
    pub async fn tab_to(&self, css: &str, max: usize) -> Result<(), String> {
        for _ in 0..max {
            let on = self
                .js(&format!(
                    "const e = document.querySelector({css:?}); return !!e && e === document.activeElement;"
                ))
                .await?;
            if on == serde_json::Value::Bool(true) {
                return Ok(());
            }
            self.press(Key::Tab).await?;
        }
        Err(format!(
            "Tab did not reach {css} in {max} presses (the focus is on #{})",
            self.focused_id().await?
        ))
    }
}

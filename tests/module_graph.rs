//! The crate's modules never import one that imports them back (issue 16).
//!
//! Reads `src/` as text (no parser crate: the code is rustfmt-formatted and
//! the rules below are small), builds the graph of which module names which
//! through `crate::…`, `super::…`, `self::…` or a child module's name, and
//! fails on any cycle, printing it. A facade (`mod.rs`) that re-exports an
//! item passes the edge on to the module that defines it, and its
//! re-exports are its own edges: so an item defined in a `mod.rs` and used
//! by one of its children is a cycle, which keeps `mod.rs` files to
//! declaring and re-exporting.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module path from the crate root, e.g. `["ui", "field"]`.
type ModPath = Vec<String>;

struct Module {
    /// The code, comments and string literals blanked out.
    code: String,
    /// `mod x;` declared here (files of their own).
    children: BTreeSet<String>,
}

fn module_path(src: &Path, file: &Path) -> ModPath {
    let relative = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    match last.as_str() {
        "lib.rs" | "mod.rs" => {}
        name => parts.push(name.trim_end_matches(".rs").to_string()),
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The code with comments, string and char literals replaced by spaces
/// (line breaks kept), so that only real paths are read.
fn blank_comments_and_strings(text: &str) -> String {
    let bytes: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < bytes.len() && bytes[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < bytes.len() {
                if bytes[i] == '/' && bytes.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if bytes[i] == '*' && bytes.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(bytes[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&bytes, i) {
            // Raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while bytes.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if bytes.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= bytes.len() {
                    break;
                }
                if bytes[j] == '"' && (0..hashes).all(|k| bytes.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for &ch in &bytes[i..j.min(bytes.len())] {
                out.push(blank(ch));
            }
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < bytes.len() && bytes[i] != '"' {
                if bytes[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < bytes.len() {
                    out.push(blank(bytes[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{a0}'), not a lifetime ('a).
            let close = if next == Some('\\') {
                bytes[i + 1..]
                    .iter()
                    .position(|&ch| ch == '\'')
                    .map(|p| i + 1 + p)
            } else if bytes.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(end) => {
                    for _ in i..=end {
                        out.push(' ');
                    }
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The leaves of a use tree (`a::{b, c::{d, e as f}, self}`) as full
/// paths, each with the name it binds.
fn use_leaves(tree: &str) -> Vec<(Vec<String>, String)> {
    fn walk(prefix: &[String], tree: &str, out: &mut Vec<(Vec<String>, String)>) {
        let tree = tree.trim();
        if tree.is_empty() {
            return;
        }
        if let Some(open) = tree.find('{') {
            let head: Vec<String> = tree[..open]
                .split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut base = prefix.to_vec();
            base.extend(head);
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        walk(&base, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            walk(&base, &inner[start..], out);
            return;
        }
        let (path, alias) = match tree.split_once(" as ") {
            Some((path, alias)) => (path.trim(), Some(alias.trim().to_string())),
            None => (tree, None),
        };
        let mut full = prefix.to_vec();
        full.extend(path.split("::").map(|s| s.trim().to_string()));
        if full.last().is_some_and(|last| last == "self") {
            full.pop();
        }
        let name = alias.unwrap_or_else(|| full.last().cloned().unwrap_or_default());
        out.push((full, name));
    }
    let mut out = Vec::new();
    walk(&[], tree, &mut out);
    out
}

/// Every `use` (or `pub use`) declaration: (is it `pub`, its tree, indented).
fn use_declarations(code: &str) -> Vec<(bool, String, bool)> {
    let mut out = Vec::new();
    let mut rest = code;
    let mut offset = 0;
    while let Some(at) = find_word(rest, "use") {
        let line_start = code[..offset + at].rfind('\n').map_or(0, |p| p + 1);
        let before = code[line_start..offset + at].trim();
        let is_pub = before.starts_with("pub");
        let is_decl = before.is_empty() || before.starts_with("pub");
        let after = &rest[at + 3..];
        let end = after.find(';').unwrap_or(after.len());
        if is_decl {
            let indented = code[line_start..].starts_with(char::is_whitespace);
            out.push((is_pub, after[..end].to_string(), indented));
        }
        offset += at + 3 + end;
        rest = &rest[at + 3 + end..];
    }
    out
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find(word) {
        let at = from + found;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        if !before.is_some_and(is_ident) && after.is_some_and(char::is_whitespace) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// Paths written inline in the code that start with `crate::`, `super::`,
/// `self::` or one of `children` (`crate::format::parse_number(…)`).
fn inline_paths(code: &str, children: &BTreeSet<String>) -> Vec<(Vec<String>, bool)> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_ident(chars[i])
            || ident_before(&chars, i)
            || (i >= 2 && chars[i - 1] == ':' && chars[i - 2] == ':')
        {
            i += 1;
            continue;
        }
        let mut segments = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < chars.len() && is_ident(chars[j]) {
                j += 1;
            }
            segments.push(chars[start..j].iter().collect::<String>());
            if chars.get(j) == Some(&':')
                && chars.get(j + 1) == Some(&':')
                && chars.get(j + 2).is_some_and(|c| is_ident(*c))
            {
                j += 2;
            } else {
                break;
            }
        }
        let line_start = chars[..i]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |p| p + 1);
        let indented = chars.get(line_start).is_some_and(|c| c.is_whitespace());
        // `a::b::{…}` and `a::*` are use trees, read by `use_declarations`.
        let tree_follows =
            chars.get(j) == Some(&':') && matches!(chars.get(j + 2), Some('{' | '*'));
        if segments.len() > 1 && !tree_follows {
            let first = segments[0].as_str();
            if first == "crate" || first == "super" || first == "self" || children.contains(first) {
                out.push((segments, indented));
            }
        }
        i = j.max(i + 1);
    }
    out
}

struct Graph {
    modules: BTreeMap<ModPath, Module>,
    /// Per facade: the name it re-exports → the full path it points to
    /// (`None`: another crate's item, such as `rust_decimal::Decimal`).
    reexports: BTreeMap<ModPath, BTreeMap<String, Option<ModPath>>>,
}

impl Graph {
    /// A path as written in `from` → absolute segments from the crate root.
    fn absolute(
        &self,
        from: &ModPath,
        path: &[String],
        inside_inline_mod: bool,
    ) -> Option<ModPath> {
        let first = path.first()?.as_str();
        let mut base = from.clone();
        let rest = match first {
            "crate" => {
                base.clear();
                &path[1..]
            }
            "self" => &path[1..],
            "super" => {
                // `super` in an inline `mod tests { … }` is the file's own module.
                let mut rest = path;
                let mut first_super = true;
                while rest.first().is_some_and(|s| s == "super") {
                    if !(first_super && inside_inline_mod) {
                        base.pop()?;
                    }
                    first_super = false;
                    rest = &rest[1..];
                }
                rest
            }
            _ if self
                .modules
                .get(from)
                .is_some_and(|m| m.children.contains(first)) =>
            {
                path
            }
            _ => return None,
        };
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The module that defines what `path` (absolute) names.
    fn resolve(&self, path: &ModPath, depth: usize) -> Option<ModPath> {
        if depth > 16 {
            return None;
        }
        let mut module = (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|prefix| self.modules.contains_key(prefix))?;
        if let Some(item) = path.get(module.len()) {
            if let Some(target) = self.reexports.get(&module).and_then(|r| r.get(item)) {
                let mut full = target.clone()?;
                full.extend(path[module.len() + 1..].iter().cloned());
                module = self.resolve(&full, depth + 1)?;
            }
        }
        Some(module)
    }
}

fn load(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut modules = BTreeMap::new();
    for file in files {
        if file.file_name().is_some_and(|name| name == "main.rs") && file.parent() == Some(src) {
            continue; // the binary is another crate
        }
        let text = fs::read_to_string(&file).unwrap();
        let code = blank_comments_and_strings(&text);
        let children = code
            .lines()
            .filter_map(|line| {
                let line = line.trim();
                let line = line.strip_prefix("pub ").unwrap_or(line);
                let line = line.strip_prefix("pub(crate) ").unwrap_or(line);
                let name = line.strip_prefix("mod ")?.strip_suffix(';')?;
                Some(name.trim().to_string())
            })
            .collect();
        modules.insert(module_path(src, &file), Module { code, children });
    }
    let mut graph = Graph {
        modules,
        reexports: BTreeMap::new(),
    };
    let mut reexports = BTreeMap::new();
    for (path, module) in &graph.modules {
        let mut names = BTreeMap::new();
        for (is_pub, tree, indented) in use_declarations(&module.code) {
            if !is_pub || indented {
                continue;
            }
            for (leaf, name) in use_leaves(&tree) {
                names.insert(name, graph.absolute(path, &leaf, false));
            }
        }
        reexports.insert(path.clone(), names);
    }
    graph.reexports = reexports;
    graph
}

fn edges(graph: &Graph) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let mut edges: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (from, module) in &graph.modules {
        let mut named: Vec<(Vec<String>, bool)> = Vec::new();
        for (_, tree, indented) in use_declarations(&module.code) {
            named.extend(
                use_leaves(&tree)
                    .into_iter()
                    .map(|(leaf, _)| (leaf, indented)),
            );
        }
        named.extend(inline_paths(&module.code, &module.children));
        let targets = edges.entry(from.clone()).or_default();
        for (path, indented) in named {
            let Some(absolute) =
                graph.absolute(from, &path, indented && module.code.contains("mod tests {"))
            else {
                continue;
            };
            if let Some(target) = graph.resolve(&absolute, 0) {
                // MODULE_GRAPH_EXPLAIN=ui::field prints how a module's paths resolve.
                if std::env::var("MODULE_GRAPH_EXPLAIN").is_ok_and(|m| m == name(from)) {
                    eprintln!("{} → {}", path.join("::"), name(&target));
                }
                if &target != from {
                    targets.insert(target);
                }
            }
        }
    }
    edges
}

/// Strongly connected components with more than one module (Tarjan).
fn cycles(edges: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    struct State<'a> {
        edges: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on_stack: BTreeSet<&'a ModPath>,
        next: usize,
        found: Vec<Vec<ModPath>>,
    }
    fn visit<'a>(state: &mut State<'a>, node: &'a ModPath) {
        state.index.insert(node, state.next);
        state.low.insert(node, state.next);
        state.next += 1;
        state.stack.push(node);
        state.on_stack.insert(node);
        let edges = state.edges;
        for target in edges.get(node).into_iter().flatten() {
            if !state.index.contains_key(target) {
                visit(state, target);
                let low = state.low[target].min(state.low[node]);
                state.low.insert(node, low);
            } else if state.on_stack.contains(target) {
                let low = state.index[target].min(state.low[node]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut component = Vec::new();
            while let Some(top) = state.stack.pop() {
                state.on_stack.remove(top);
                component.push(top.clone());
                if top == node {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                state.found.push(component);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for node in edges.keys() {
        if !state.index.contains_key(node) {
            visit(&mut state, node);
        }
    }
    state.found
}

fn name(path: &ModPath) -> String {
    if path.is_empty() {
        "crate".to_string()
    } else {
        path.join("::")
    }
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = load(&src);
    let edges = edges(&graph);
    let found = cycles(&edges);
    let described: Vec<String> = found
        .iter()
        .map(|component| {
            let members: BTreeSet<&ModPath> = component.iter().collect();
            let links: Vec<String> = component
                .iter()
                .flat_map(|from| {
                    edges[from]
                        .iter()
                        .filter(|to| members.contains(to))
                        .map(move |to| format!("{} → {}", name(from), name(to)))
                })
                .collect();
            format!(
                "  {{{}}}: {}",
                component.iter().map(name).collect::<Vec<_>>().join(", "),
                links.join("; ")
            )
        })
        .collect();
    assert!(
        found.is_empty(),
        "import cycles between modules (files: src/…):\n{}",
        described.join("\n")
    );
    // The reader itself must see the crate: a broken reader finds no cycle.
    assert!(
        graph.modules.len() > 40,
        "only {} modules read",
        graph.modules.len()
    );
    assert!(
        edges
            .get(&vec!["ui".to_string(), "field".to_string()])
            .is_some_and(|e| !e.is_empty()),
        "no import read from src/ui/field.rs"
    );
}

#[test]
fn the_reader_finds_a_cycle_through_a_facade() {
    let dir = std::env::temp_dir().join(format!("module-graph-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("a")).unwrap();
    fs::write(dir.join("lib.rs"), "pub mod a;\npub mod b;\n").unwrap();
    fs::write(dir.join("a/mod.rs"), "mod inner;\npub use inner::Thing;\n").unwrap();
    fs::write(
        dir.join("a/inner.rs"),
        "use crate::b::helper;\npub struct Thing;\n",
    )
    .unwrap();
    fs::write(
        dir.join("b.rs"),
        "// crate::a::nothing in a comment\npub fn helper() { let _ = crate::a::Thing; }\n",
    )
    .unwrap();
    let graph = load(&dir);
    let found = cycles(&edges(&graph));
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        found,
        vec![vec![
            vec!["a".to_string(), "inner".to_string()],
            vec!["b".to_string()]
        ]]
    );
}

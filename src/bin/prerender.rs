//! Writes the page's first view into a built `index.html`, so that the
//! answer is on screen before the wasm arrives (issue #21). Run by Trunk's
//! post_build hook on its staging directory (`$TRUNK_STAGING_DIR`), before
//! `scripts/postbuild.mjs` (which hashes the inline scripts for the CSP), or
//! by hand: `cargo run --bin prerender -- dist/index.html`. Running it twice
//! gives the same file.
//!
//! Three things go in:
//! - the first view, rendered by the same components the browser mounts
//!   (`ui::first_view_html`, the default scenario in French), into
//!   `<div id="app">`;
//! - a pre-paint script in `<head>`: when the address carries a scenario
//!   (fragment or query) or this browser holds a working scenario other than
//!   the defaults, it marks the page `computing` before the first paint, so
//!   the default figures are never shown as this visitor's (the CSS hides
//!   them; the app removes the mark once it has the real ones); it also sets
//!   the embed layout (with the host's accent and background) and the
//!   language the link asks for;
//! - right after the first view, a line that sets `aria-busy` on the
//!   figures' regions of a page marked `computing`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::PathBuf;

    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("TRUNK_STAGING_DIR").map(|dir| PathBuf::from(dir).join("index.html"))
        })
        .unwrap_or_else(|| fail("usage: prerender <index.html> (or run as a Trunk hook)"));
    let index = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| fail(&format!("cannot read {}: {error}", path.display())));
    let written = prerender::write(&index).unwrap_or_else(|error| fail(&error));
    std::fs::write(&path, &written)
        .unwrap_or_else(|error| fail(&format!("cannot write {}: {error}", path.display())));
    println!(
        "prerender: {}: first view written ({} bytes of markup)",
        path.display(),
        written.len() - index.len().min(written.len())
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod prerender {
    use teleprospection_roi::browser::takeover::{FIGURE_REGIONS, ROOT_ID};
    use teleprospection_roi::scenario::Draft;
    use teleprospection_roi::store;

    /// Marks of what this program wrote, so that a second run replaces it.
    const HEAD_MARK: &str = "data-prerender-head";
    const END_MARK: &str = "data-prerender-end";

    /// `index` with the first view, the pre-paint script and the busy line.
    pub fn write(index: &str) -> Result<String, String> {
        let index = remove_previous(index);
        let view = strip_markers(&teleprospection_roi::ui::first_view_html());
        let slot = [
            format!("<div id={ROOT_ID}></div>"),
            format!("<div id=\"{ROOT_ID}\"></div>"),
        ]
        .into_iter()
        .find(|slot| index.contains(slot.as_str()))
        .ok_or_else(|| format!("no empty <div id=\"{ROOT_ID}\"></div> in index.html"))?;
        let busy = format!(
            "<script {END_MARK}>if(document.documentElement.classList.contains(\"computing\"))\
             for(const e of document.querySelectorAll(\"{FIGURE_REGIONS}\"))e.setAttribute(\"aria-busy\",\"true\")</script>"
        );
        let body = index.replacen(
            &slot,
            &format!("<div id=\"{ROOT_ID}\">{view}</div>{busy}"),
            1,
        );
        let head_end = body.find("</head>").ok_or("no </head> in index.html")?;
        let script = format!("<script {HEAD_MARK}>{}</script>", pre_paint_script());
        Ok(format!(
            "{}{script}{}",
            &body[..head_end],
            &body[head_end..]
        ))
    }

    /// What an earlier run wrote, taken out (the slot emptied again).
    fn remove_previous(index: &str) -> String {
        let mut out = index.to_string();
        let head = format!("<script {HEAD_MARK}>");
        if let Some(start) = out.find(&head) {
            if let Some(length) = out[start..].find("</script>") {
                out.replace_range(start..start + length + "</script>".len(), "");
            }
        }
        let open = format!("<div id=\"{ROOT_ID}\">");
        let end = format!("<script {END_MARK}>");
        if let (Some(start), Some(marker)) = (out.find(&open), out.find(&end)) {
            if let Some(length) = out[marker..].find("</script>") {
                let close = marker + length + "</script>".len();
                out.replace_range(start..close, &format!("<div id=\"{ROOT_ID}\"></div>"));
            }
        }
        out
    }

    /// Leptos' hydration markers (`<!>`, `<!--…-->`): the live app replaces
    /// the markup rather than hydrating it, so they are only bytes.
    fn strip_markers(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(start) = rest.find("<!") {
            out.push_str(&rest[..start]);
            let after = &rest[start..];
            let end = if after.starts_with("<!--") {
                after.find("-->").map(|e| e + 3)
            } else {
                after.find('>').map(|e| e + 1)
            };
            match end {
                Some(end) => rest = &after[end..],
                None => {
                    rest = after;
                    break;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// In embed mode, before the first paint: the host's background left
    /// out (`bg=transparent`) and its accent's shades (`accent=`), by the
    /// arithmetic of `colour::Palette::of` (same steps, same rounding;
    /// tests/e2e/embed.test.mjs checks this against its shades in
    /// tests/fixtures/embed/accent-palettes.json). The only place they are set.
    /// Reads `h`, `a` (the accent's digits or null) and `t` of the script
    /// below.
    const EMBED_COLOURS: &str = r##"if(t)h.classList.add("bg-transparent");if(a){const R=a.length===3?a.replace(/./g,"$&$&"):a,c=[0,2,4].map(i=>parseInt(R.slice(i,i+2),16)),f=x=>(x/=255)<=.04045?x/12.92:Math.pow((x+.055)/1.055,2.4),L=c=>.2126*f(c[0])+.7152*f(c[1])+.0722*f(c[2]),C=(x,y)=>{const p=L(x)+.05,q=L(y)+.05;return p>q?p/q:q/p},X=c=>"#"+c.map(v=>v.toString(16).padStart(2,"0")).join(""),k=[[255,255,255],[17,24,39]].find(i=>C(c,i)>=4.5)||[0,0,0];let d=c;while(C(d,[243,244,246])<4.5)d=d.map(v=>Math.floor(v*9/10));for(const[n,v]of[["--accent",c],["--accent-ink",k],["--accent-text",d],["--accent-soft",c.map(v=>Math.floor((v*8+23510)/100))]])h.style.setProperty(n,X(v))}"##;

    /// The script that runs before the first paint (see the module doc).
    /// Keys that carry no scenario: the link's version, embed settings
    /// (`embed`, `cta.*`, `accent`, `bg`) and
    /// other sites' tracking parameters; anything else, even unknown, marks
    /// the figures as being computed (the app then says what it ignored).
    fn pre_paint_script() -> String {
        // The draft as the app stores it (`store::encode_working`'s field
        // order), to compare with the stored text's draft written back.
        let default_draft = serde_json::to_string(&Draft::with_defaults()).unwrap_or_default();
        format!(
            r#"(()=>{{const h=document.documentElement,D={draft},K="{key}";let l=location.hash.slice(1)||location.search.slice(1),p=new URLSearchParams(l),s=false,e=false,a=null,t=false;for(const[k,v]of p){{if(k==="embed"){{e=v==="1";continue}}if(k==="accent"){{if(/^#?([0-9a-f]{{3}}|[0-9a-f]{{6}})$/i.test(v))a=v.replace(/^#/,"");continue}}if(k==="bg"){{if(v==="transparent")t=true;continue}}if(k==="v"||k.startsWith("cta.")||/^(utm_|fbclid$|gclid$|msclkid$|mc_[ce]id$|_ga$)/.test(k))continue;if(k==="lang"&&v==="en")h.lang="en";s=true}}if(e){{h.classList.add("embed");{colours}}}const d=r=>{{try{{const w=JSON.parse(r);return w.lang!=="en"&&JSON.stringify(w.draft)===D}}catch(_){{return false}}}},g=t=>{{try{{return t.getItem(K)}}catch(_){{return null}}}};if(!s&&!e){{const n=performance.getEntriesByType("navigation")[0],r=(n&&n.type==="reload"&&g(sessionStorage))||g(localStorage);if(r!==null&&!d(r))s=true}}if(s)h.classList.add("computing")}})()"#,
            draft = serde_json::to_string(&default_draft).unwrap_or_default(),
            colours = EMBED_COLOURS,
            key = store::WORKING_KEY,
        )
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn markers_go_and_text_stays() {
            assert_eq!(
                super::strip_markers("<p>a<!>b<!--<() />-->c</p>"),
                "<p>abc</p>"
            );
        }
    }
}

//! The embed-mode link keys (`embed`, `cta.label`, `cta.url`): what is
//! taken, what is refused and reported, and that they round-trip alongside
//! the scenario without changing it.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use teleprospection_roi::i18n::Lang;
use teleprospection_roi::link::{
    decode, encode, encode_embed, safe_target, Embed, IgnoredReason, MAX_CTA_LABEL_CHARS,
};
use teleprospection_roi::scenario::Draft;

#[test]
fn embed_keys_are_read() {
    let decoded = decode(
        "v=1&price=150&embed=1&cta.label=Parlons-en%20%21&cta.url=https%3A%2F%2Fexample.com%2Fcontact%3Fsrc%3Droi",
    );
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(
        decoded.embed,
        Embed {
            on: true,
            cta_label: "Parlons-en !".into(),
            cta_url: Some("https://example.com/contact?src=roi".into()),
        }
    );
    assert_eq!(
        decoded
            .draft
            .central
            .get(&teleprospection_roi::engine::Field::Price)
            .map(String::as_str),
        Some("150")
    );
    assert!(!decode("v=1").embed.on);
    assert!(!decode("embed=0").embed.on);
}

#[test]
fn only_absolute_http_addresses_are_call_to_action_targets() {
    for good in [
        "https://example.com",
        "http://example.com/a?b=c#d",
        "HTTPS://Example.com/",
        "  https://example.com/trimmed  ",
        "https://exemple.fr/été",
    ] {
        assert_eq!(safe_target(good).as_deref(), Some(good.trim()), "{good:?}");
    }
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example",
        "/relative",
        "example.com",
        "https://",
        "https:///path-without-host",
        "https:example.com",
        "https://exa mple.com",
        "https://example.com/\"onmouseover=alert(1)",
        "https://example.com/<script>",
        "https://example.com\\@evil.example",
        "https://example.com/\u{0}",
        "http:/\u{9}/example.com",
        "",
    ] {
        assert_eq!(safe_target(bad), None, "{bad:?}");
    }
    assert_eq!(
        safe_target(&format!("https://example.com/{}", "a".repeat(600))),
        None
    );
}

#[test]
fn a_refused_target_is_reported_and_nothing_else_is_lost() {
    let decoded = decode(
        "v=1&price=150&embed=1&cta.label=Go&cta.url=javascript%3Aalert(document.cookie)&embed=yes",
    );
    assert!(decoded.embed.on);
    assert_eq!(decoded.embed.cta_url, None);
    assert_eq!(decoded.embed.cta_label, "Go");
    let reasons: Vec<_> = decoded
        .ignored
        .iter()
        .map(|i| (i.key.as_str(), i.value.as_str(), &i.reason))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(
        reasons[0],
        (
            "cta.url",
            "javascript:alert(document.cookie)",
            &IgnoredReason::UnsafeTarget
        )
    );
    assert!(matches!(
        reasons[1],
        ("embed", "yes", IgnoredReason::Invalid(_))
    ));
}

#[test]
fn a_long_label_is_cut() {
    let decoded = decode(&format!("embed=1&cta.label={}", "é".repeat(100)));
    assert_eq!(decoded.embed.cta_label.chars().count(), MAX_CTA_LABEL_CHARS);
}

#[test]
fn embed_keys_are_written_only_in_embed_mode() {
    assert_eq!(encode_embed(&Embed::default()), "");
    let embed = Embed {
        on: true,
        cta_label: "Devis & RDV".into(),
        cta_url: Some("https://example.com/?a=1&b=2".into()),
    };
    assert_eq!(
        encode_embed(&embed),
        "embed=1&cta.label=Devis+%26+RDV&cta.url=https%3A%2F%2Fexample.com%2F%3Fa%3D1%26b%3D2"
    );
}

fn embed() -> impl Strategy<Value = Embed> {
    (
        any::<bool>(),
        "[a-zA-Z0-9 éà<>&#=%+!?]{0,40}",
        proptest::option::of("https?://[a-z]{1,12}\\.[a-z]{2,3}(/[a-zA-Z0-9_=&?%.-]{0,30})?"),
    )
        .prop_map(|(on, label, url)| Embed {
            on,
            cta_label: label.trim().to_string(),
            cta_url: url,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The page writes its address as the scenario's link plus the embed
    /// keys: reading it back gives both, and the scenario's own link is
    /// unchanged by them.
    #[test]
    fn embed_keys_round_trip_beside_the_scenario(embed in embed(), price in 0u32..5000) {
        let mut draft = Draft::with_defaults();
        draft.central.insert(teleprospection_roi::engine::Field::Price, price.to_string());
        let scenario = encode(&draft, Lang::En);
        let keys = encode_embed(&embed);
        let link = if keys.is_empty() { scenario.clone() } else { format!("{scenario}&{keys}") };
        let decoded = decode(&link);
        prop_assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
        let expected = if embed.on { embed.clone() } else { Embed::default() };
        prop_assert_eq!(&decoded.embed, &expected);
        prop_assert_eq!(encode(&decoded.draft, Lang::En), scenario);
    }

    #[test]
    fn whatever_is_taken_as_a_target_is_http(
        text in prop_oneof![".{0,60}", "(?i:https?://|javascript:|data:)[ -~\\t\\n\\r\\x00\\x7f]{0,20}"]
    ) {
        if let Some(url) = safe_target(&text) {
            let lower = url.to_ascii_lowercase();
            prop_assert!(lower.starts_with("https://") || lower.starts_with("http://"));
            // No ASCII space or control character: browsers strip those.
            prop_assert!(!url.bytes().any(|b| b <= b' ' || b == 0x7f));
        }
    }
}

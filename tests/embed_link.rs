//! The embed-mode link keys (`embed`, `cta.label`, `cta.url`, `accent`,
//! `bg`): what is taken, what is refused and reported, and that they
//! round-trip alongside the scenario without changing it.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use teleprospection_roi::colour::{Palette, Rgb, AA};
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
            ..Embed::default()
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
        ..Embed::default()
    };
    assert_eq!(
        encode_embed(&embed),
        "embed=1&cta.label=Devis+%26+RDV&cta.url=https%3A%2F%2Fexample.com%2F%3Fa%3D1%26b%3D2"
    );
    // The colour in its six lower-case digits, without `#` (no %23 to read).
    let coloured = Embed {
        on: true,
        accent: Rgb::parse("#FA0"),
        transparent: true,
        ..Embed::default()
    };
    assert_eq!(
        encode_embed(&coloured),
        "embed=1&accent=ffaa00&bg=transparent"
    );
    assert_eq!(
        encode_embed(&Embed {
            on: false,
            ..coloured
        }),
        ""
    );
}

#[test]
fn the_hosts_accent_and_transparent_background_are_read() {
    for link in [
        "embed=1&accent=1d4ed8&bg=transparent",
        "embed=1&accent=%231d4ed8&bg=transparent",
        "embed=1&accent=%231D4ED8&bg=transparent",
    ] {
        let decoded = decode(link);
        assert!(decoded.ignored.is_empty(), "{link}: {:?}", decoded.ignored);
        assert_eq!(decoded.embed.accent, Some(Rgb(0x1d, 0x4e, 0xd8)), "{link}");
        assert!(decoded.embed.transparent, "{link}");
    }
    assert_eq!(
        decode("embed=1&accent=f0a").embed.accent,
        Some(Rgb(0xff, 0x00, 0xaa))
    );
    assert_eq!(
        decode("embed=1&accent=%23f0a").embed.accent,
        Some(Rgb(0xff, 0x00, 0xaa))
    );
    let plain = decode("embed=1");
    assert_eq!((plain.embed.accent, plain.embed.transparent), (None, false));
}

#[test]
fn a_bad_colour_or_background_is_reported_and_nothing_else_is_lost() {
    for bad in [
        "red",
        "%23ff",
        "ffff",
        "1d4ed80",
        "%231d4ed8ff",
        "rgb(0%2C0%2C0)",
        "%20fff",
        "fff+",
        "%23%23fff",
        "ggg",
        "",
        "url(x)",
        "1d4ed8%3Bcolor%3Ared",
        "var(--x)",
    ] {
        let decoded = decode(&format!(
            "v=1&price=150&embed=1&accent={bad}&bg=transparent"
        ));
        assert_eq!(decoded.embed.accent, None, "{bad}");
        assert!(decoded.embed.on && decoded.embed.transparent, "{bad}");
        assert_eq!(decoded.ignored.len(), 1, "{bad}: {:?}", decoded.ignored);
        assert_eq!(decoded.ignored[0].key, "accent");
        assert_eq!(decoded.ignored[0].reason, IgnoredReason::BadColour, "{bad}");
        assert_eq!(
            decoded
                .draft
                .central
                .get(&teleprospection_roi::engine::Field::Price)
                .map(String::as_str),
            Some("150")
        );
    }
    for bad in [
        "white",
        "Transparent",
        "none",
        "",
        "%23fff",
        "transparent%3B",
    ] {
        let decoded = decode(&format!("embed=1&bg={bad}&accent=fff"));
        assert!(!decoded.embed.transparent, "{bad}");
        assert_eq!(decoded.embed.accent, Some(Rgb(255, 255, 255)));
        let reasons: Vec<_> = decoded
            .ignored
            .iter()
            .map(|i| (i.key.as_str(), &i.reason))
            .collect();
        assert_eq!(reasons, [("bg", &IgnoredReason::BadBackground)], "{bad}");
    }
    // A bad colour after a good one leaves the good one.
    let decoded = decode("embed=1&accent=123&accent=nope");
    assert_eq!(decoded.embed.accent, Some(Rgb(0x11, 0x22, 0x33)));
    assert_eq!(decoded.ignored.len(), 1);
}

#[test]
fn the_palette_of_a_linked_accent_keeps_aa_contrast() {
    for accent in [
        "1d4ed8", "fbbf24", "777", "767676", "fff", "000", "0f0", "e11d48",
    ] {
        let colour = decode(&format!("embed=1&accent={accent}"))
            .embed
            .accent
            .unwrap();
        let palette = Palette::of(colour);
        assert_eq!(palette.accent, colour);
        assert!(palette.ink.contrast(colour) >= AA, "{accent}");
        assert!(palette.text.contrast(Rgb(255, 255, 255)) >= AA, "{accent}");
    }
}

fn embed() -> impl Strategy<Value = Embed> {
    (
        any::<bool>(),
        "[a-zA-Z0-9 éà<>&#=%+!?]{0,40}",
        proptest::option::of("https?://[a-z]{1,12}\\.[a-z]{2,3}(/[a-zA-Z0-9_=&?%.-]{0,30})?"),
        proptest::option::of(any::<(u8, u8, u8)>()),
        any::<bool>(),
    )
        .prop_map(|(on, label, url, accent, transparent)| Embed {
            on,
            cta_label: label.trim().to_string(),
            cta_url: url,
            accent: accent.map(|(r, g, b)| Rgb(r, g, b)),
            transparent,
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

    /// Whatever `accent` text is taken, it is a colour the page writes
    /// back as six digits that read as the same colour.
    #[test]
    fn whatever_is_taken_as_an_accent_round_trips(text in prop_oneof!["#?[0-9a-fA-F]{3,6}", ".{0,10}"]) {
        if let Some(colour) = Rgb::parse(&text) {
            let digits = text.trim_start_matches('#');
            prop_assert!(digits.len() == 3 || digits.len() == 6);
            prop_assert_eq!(Rgb::parse(&colour.digits()), Some(colour));
        }
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

/// The accents whose shades `tests/fixtures/embed/accent-palettes.json`
/// holds: the page's default, colours where the ink changes (the mid greys
/// where neither white nor near-black reaches AA), pale and saturated ones,
/// 3-digit forms, and a deterministic spread of others.
fn fixture_accents() -> Vec<String> {
    let mut accents: Vec<String> = [
        "1d4ed8", "777777", "767676", "787878", "757575", "808080", "595959", "fbbf24", "ffffff",
        "000000", "ff0000", "00ff00", "0000ff", "00ffff", "ff00ff", "ffff00", "e11d48", "0f766e",
        "f0a", "abc", "fff", "123",
    ]
    .map(String::from)
    .to_vec();
    let mut seed: u32 = 0x2545_f491;
    for _ in 0..40 {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        accents.push(format!("{:06x}", seed >> 8));
    }
    accents
}

/// The reference shades the pre-paint script must reproduce (checked in the
/// browser by tests/e2e/embed.test.mjs). `UPDATE_FIXTURES=1` rewrites the
/// file after a deliberate change of `colour::Palette::of`.
#[test]
fn the_accent_fixture_holds_the_reference_shades() {
    let rows: Vec<String> = fixture_accents()
        .iter()
        .map(|accent| {
            let palette = Palette::of(Rgb::parse(accent).unwrap());
            let shades: Vec<String> = palette
                .properties()
                .iter()
                .map(|(name, value)| format!("\"{name}\": \"{value}\""))
                .collect();
            format!("  {{ \"accent\": \"{accent}\", {} }}", shades.join(", "))
        })
        .collect();
    let expected = format!("[\n{}\n]\n", rows.join(",\n"));
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/embed/accent-palettes.json"
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let stored = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        stored == expected,
        "{path} differs from colour::Palette::of (UPDATE_FIXTURES=1 rewrites it)"
    );
}

//! The accent colour a host page gives an embedded calculator
//! (`accent=1d4ed8` in the link), and the shades the page derives from it
//! so that text keeps WCAG AA contrast (4.5:1) whatever colour is given:
//! the text on the accent (call-to-action, pressed buttons), the accent as
//! text on the page, and a pale tint of it for backgrounds.
//!
//! This is the reference: the page applies the shades from the pre-paint
//! script of `src/bin/prerender.rs`, which does the same arithmetic in
//! JavaScript before the first paint. `tests/fixtures/embed/accent-palettes.json`
//! holds this module's shades for a set of colours; tests/embed_link.rs
//! checks them here, tests/e2e/embed.test.mjs in the shipped script.

/// An sRGB colour, 8 bits a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// WCAG 2's minimum contrast for body text (level AA).
pub const AA: f64 = 4.5;
pub const WHITE: Rgb = Rgb(255, 255, 255);
/// The page's darkest ink, preferred to pure black on a light accent.
pub const NEAR_BLACK: Rgb = Rgb(17, 24, 39);
pub const BLACK: Rgb = Rgb(0, 0, 0);
/// The cards' background (`--tint` in style/main.css): the darkest
/// surface the accent is written on as text.
pub const TINT: Rgb = Rgb(243, 244, 246);

impl Rgb {
    /// `#1d4ed8`, `1d4ed8`, `#fff` or `FFF`: a hexadecimal colour of 3 or 6
    /// digits, with or without `#`; None for anything else (names, `rgb()`,
    /// spaces, 4 or 8 digits).
    pub fn parse(text: &str) -> Option<Rgb> {
        let digits = text.strip_prefix('#').unwrap_or(text);
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |at: usize, width: usize| {
            let value = u8::from_str_radix(digits.get(at..at + width)?, 16).ok()?;
            // One digit stands for two: `f` is `ff`.
            Some(if width == 1 { value * 17 } else { value })
        };
        let width = match digits.len() {
            3 => 1,
            6 => 2,
            _ => return None,
        };
        Some(Rgb(
            channel(0, width)?,
            channel(width, width)?,
            channel(2 * width, width)?,
        ))
    }

    /// The six lower-case digits, without `#` (the link's form).
    pub fn digits(self) -> String {
        format!("{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// `#1d4ed8` (the CSS form).
    pub fn css(self) -> String {
        format!("#{}", self.digits())
    }

    /// WCAG 2's relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |channel: u8| {
            let s = f64::from(channel) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// WCAG 2's contrast ratio between two colours, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance() + 0.05, other.luminance() + 0.05);
        if a > b {
            a / b
        } else {
            b / a
        }
    }

    /// Each channel times 9/10, rounded down: one step darker, same hue.
    fn darker(self) -> Rgb {
        let step = |c: u8| (u16::from(c) * 9 / 10) as u8;
        Rgb(step(self.0), step(self.1), step(self.2))
    }

    /// 8 % of this colour on white, rounded to the nearest.
    fn tint(self) -> Rgb {
        let mix = |c: u8| ((u32::from(c) * 8 + 255 * 92 + 50) / 100) as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }
}

/// The page's accent shades, from the host's accent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// The host's colour, as given: the call-to-action, pressed buttons.
    pub accent: Rgb,
    /// Text on the accent: white, else near-black, else black, whichever
    /// comes first with AA contrast (black always has it when white has not).
    pub ink: Rgb,
    /// The accent as text on the page (links, unpressed buttons, focus
    /// ring): the accent itself, or darkened in steps until it has AA
    /// contrast on the cards' tint (and so on white).
    pub text: Rgb,
    /// A pale tint of the accent for backgrounds under dark text.
    pub soft: Rgb,
}

impl Palette {
    pub fn of(accent: Rgb) -> Palette {
        let ink = [WHITE, NEAR_BLACK]
            .into_iter()
            .find(|ink| accent.contrast(*ink) >= AA)
            .unwrap_or(BLACK);
        let mut text = accent;
        // At most about 50 steps: black has a contrast of 19 on the tint.
        while text.contrast(TINT) < AA {
            text = text.darker();
        }
        Palette {
            accent,
            ink,
            text,
            soft: accent.tint(),
        }
    }

    /// The CSS custom properties the page's stylesheets read.
    pub fn properties(&self) -> [(&'static str, String); 4] {
        [
            ("--accent", self.accent.css()),
            ("--accent-ink", self.ink.css()),
            ("--accent-text", self.text.css()),
            ("--accent-soft", self.soft.css()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hexadecimal_colours_of_three_or_six_digits_are_read() {
        assert_eq!(Rgb::parse("1d4ed8"), Some(Rgb(0x1d, 0x4e, 0xd8)));
        assert_eq!(Rgb::parse("#1D4ED8"), Some(Rgb(0x1d, 0x4e, 0xd8)));
        assert_eq!(Rgb::parse("#fa0"), Some(Rgb(0xff, 0xaa, 0x00)));
        assert_eq!(Rgb::parse("FA0"), Some(Rgb(0xff, 0xaa, 0x00)));
        for bad in [
            "",
            "#",
            "##fff",
            "ff",
            "ffff",
            "fffff",
            "fffffff",
            "ffffffff",
            "red",
            "#ggg",
            " fff",
            "fff ",
            "+fff",
            "-fff",
            "rgb(0,0,0)",
            "1d4ed8;",
            "é1d4ed",
            "#1d4ed8\u{0}",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn digits_round_trip() {
        assert_eq!(Rgb(0x1d, 0x4e, 0xd8).digits(), "1d4ed8");
        assert_eq!(Rgb(0, 0, 0).css(), "#000000");
        assert_eq!(Rgb::parse(&Rgb(1, 2, 254).digits()), Some(Rgb(1, 2, 254)));
    }

    #[test]
    fn luminance_and_contrast_follow_wcag() {
        assert_eq!(WHITE.luminance(), 1.0);
        assert_eq!(BLACK.luminance(), 0.0);
        assert!((WHITE.contrast(BLACK) - 21.0).abs() < 1e-9);
        assert_eq!(WHITE.contrast(BLACK), BLACK.contrast(WHITE));
        // Known pairs (WebAIM's contrast checker): #777 on white is 4.48,
        // the page's default accent #1d4ed8 on white 6.70.
        assert!((Rgb(0x77, 0x77, 0x77).contrast(WHITE) - 4.48).abs() < 0.01);
        assert!((Rgb(0x1d, 0x4e, 0xd8).contrast(WHITE) - 6.70).abs() < 0.01);
    }

    #[test]
    fn the_default_accent_keeps_its_shades() {
        let palette = Palette::of(Rgb(0x1d, 0x4e, 0xd8));
        assert_eq!(palette.ink, WHITE);
        assert_eq!(palette.text, palette.accent);
    }

    #[test]
    fn a_light_accent_gets_dark_ink_and_darker_text() {
        let yellow = Palette::of(Rgb(0xfb, 0xbf, 0x24));
        assert_eq!(yellow.ink, NEAR_BLACK);
        assert_ne!(yellow.text, yellow.accent);
        assert!(yellow.text.contrast(TINT) >= AA);
        // A mid grey, where neither white nor near-black reaches AA.
        let grey = Palette::of(Rgb(0x77, 0x77, 0x77));
        assert!(grey.accent.contrast(WHITE) < AA && grey.accent.contrast(NEAR_BLACK) < AA);
        assert_eq!(grey.ink, BLACK);
    }

    /// Every colour a 3-digit link can give, and a sweep of the 6-digit
    /// ones: the ink and the text always reach AA, the tint stays pale.
    #[test]
    fn every_accent_gets_aa_shades() {
        let threes = (0..4096u16).map(|n| {
            let c = |shift: u16| ((n >> shift) & 0xf) as u8 * 17;
            Rgb(c(8), c(4), c(0))
        });
        let sixes = (0..=255u8)
            .step_by(5)
            .flat_map(|r| (0..=255u8).step_by(15).map(move |g| (r, g)))
            .flat_map(|(r, g)| (0..=255u8).step_by(15).map(move |b| Rgb(r, g, b)));
        for accent in threes.chain(sixes) {
            let palette = Palette::of(accent);
            assert!(palette.ink.contrast(accent) >= AA, "{accent:?}");
            assert!(palette.text.contrast(TINT) >= AA, "{accent:?}");
            assert!(palette.text.contrast(WHITE) >= AA, "{accent:?}");
            assert!(palette.soft.contrast(NEAR_BLACK) >= 12.0, "{accent:?}");
        }
    }
}

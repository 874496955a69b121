//! Random draws for the odds: Beta by two Gamma draws, on [`SplitMix64`].
//!
//! Gamma draws follow Marsaglia & Tsang (2000), with normals by Marsaglia's
//! polar method; a shape below 1 is boosted by `U^(1/a)`. The logarithm and
//! exponential are written here with `+ − × /` only (`ln`, `exp`): with
//! the correctly rounded `sqrt` and `floor`, a seed gives bit-identical draws
//! on native and wasm32 alike, as the risk panel's do (a platform's `ln` may
//! differ in the last bit, and a rejection step would then accept another
//! draw).

use rust_decimal::Decimal;

use crate::engine::risk::{to_f64, SplitMix64};
use crate::engine::Undefined;

/// `ln(x)` with `+ − × /` only (see the module doc): `x = m × 2^e` with `m`
/// in `[√½, √2)`, then `ln m = 2 atanh(t)`, `t = (m − 1) / (m + 1)`, by its
/// series `2t (1 + t²/3 + t⁴/5 + … + t¹⁶/17)` (|t| < 0.172: the next term
/// is below 10^-16 of the sum), its even and odd halves evaluated side by
/// side (Estrin), since the simulation spends its time here. `−∞` at 0,
/// NaN below.
pub(super) fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    const MANTISSA: u64 = (1 << 52) - 1;
    let (bits, shift) = if x < f64::MIN_POSITIVE {
        // Subnormal: scale into the normal range first (exactly, by 2^54).
        ((x * 18_014_398_509_481_984.0).to_bits(), 54)
    } else {
        (x.to_bits(), 0)
    };
    let mut exponent = ((bits >> 52) & 0x7ff) as i64 - 1023 - shift;
    let mut m = f64::from_bits((bits & MANTISSA) | (1023 << 52));
    if m > core::f64::consts::SQRT_2 {
        m *= 0.5;
        exponent += 1;
    }
    let t = (m - 1.0) / (m + 1.0);
    let t2 = t * t;
    let t4 = t2 * t2;
    let even = 1.0 + t4 * (1.0 / 5.0 + t4 * (1.0 / 9.0 + t4 * (1.0 / 13.0 + t4 * (1.0 / 17.0))));
    let odd = 1.0 / 3.0 + t4 * (1.0 / 7.0 + t4 * (1.0 / 11.0 + t4 * (1.0 / 15.0)));
    let series = even + t2 * odd;
    exponent as f64 * core::f64::consts::LN_2 + 2.0 * t * series
}

/// `e^x` with `+ − × /` only: `x = n ln 2 + r` (ln 2 split so `n × LN2_HI`
/// is exact), `e^r` by its Taylor series to `r^13` (|r| ≤ 0.347: the next
/// term is below 10^-17), times `2^n` built from its bits.
pub(super) fn exp(x: f64) -> f64 {
    // fdlibm's split of ln 2: the high part has 32 trailing zero bits.
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
    if x.is_nan() {
        return x;
    }
    if x > 709.78 {
        return f64::INFINITY;
    }
    if x < -745.2 {
        return 0.0;
    }
    let n = (x * core::f64::consts::LOG2_E + 0.5).floor();
    let r = (x - n * LN2_HI) - n * LN2_LO;
    // 1 + r(1 + r/2(1 + r/3(… (1 + r/13)))), with the reciprocals as constants.
    const INVERSE: [f64; 13] = [
        1.0,
        1.0 / 2.0,
        1.0 / 3.0,
        1.0 / 4.0,
        1.0 / 5.0,
        1.0 / 6.0,
        1.0 / 7.0,
        1.0 / 8.0,
        1.0 / 9.0,
        1.0 / 10.0,
        1.0 / 11.0,
        1.0 / 12.0,
        1.0 / 13.0,
    ];
    let mut series = 1.0;
    for inverse in INVERSE.iter().rev() {
        series = 1.0 + r * series * inverse;
    }
    let n = n as i64;
    let two_to = |p: i64| f64::from_bits(((p + 1023) as u64) << 52);
    if n < -1022 {
        // Subnormal result: scale in two steps (each exact or correctly rounded).
        series * two_to(n + 1000) * two_to(-1000)
    } else if n > 1023 {
        series * two_to(1023) * two_to(n - 1023)
    } else {
        series * two_to(n)
    }
}

/// Rejection loops give up after this many tries (a probability far below
/// 10^-80 for any shape); the draw is then the distribution's centre, so
/// that no input can hang the page.
const MAX_REJECTIONS: u32 = 64;

/// One random stream: uniforms, normals (with the polar method's spare) and Gamma draws.
#[derive(Debug, Clone)]
pub(super) struct Stream {
    rng: SplitMix64,
    spare: Option<f64>,
}

impl Stream {
    pub(super) fn new(seed: u64) -> Stream {
        Stream {
            rng: SplitMix64::new(seed),
            spare: None,
        }
    }

    /// Uniform in `(0, 1]`, so its logarithm is finite.
    pub(super) fn uniform(&mut self) -> f64 {
        1.0 - self.rng.next_f64()
    }

    /// Standard normal, by Marsaglia's polar method (two per accepted pair).
    pub(super) fn normal(&mut self) -> f64 {
        if let Some(spare) = self.spare.take() {
            return spare;
        }
        for _ in 0..MAX_REJECTIONS {
            let u = 2.0 * self.rng.next_f64() - 1.0;
            let v = 2.0 * self.rng.next_f64() - 1.0;
            let s = u * u + v * v;
            if s < 1.0 && s > 0.0 {
                let factor = (-2.0 * ln(s) / s).sqrt();
                self.spare = Some(v * factor);
                return u * factor;
            }
        }
        0.0
    }

    /// Gamma(shape, 1) by Marsaglia & Tsang.
    pub(super) fn gamma(&mut self, shape: &GammaShape) -> f64 {
        let GammaShape { d, c, inverse } = *shape;
        let mut draw = d;
        for _ in 0..MAX_REJECTIONS {
            let x = self.normal();
            let v = 1.0 + c * x;
            if v <= 0.0 {
                continue;
            }
            let v = v * v * v;
            let u = self.uniform();
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2 || ln(u) < 0.5 * x2 + d * (1.0 - v + ln(v)) {
                draw = d * v;
                break;
            }
        }
        match inverse {
            Some(inverse) => draw * exp(ln(self.uniform()) * inverse),
            None => draw,
        }
    }
}

/// Marsaglia & Tsang's constants for one shape `a`; below 1, those of
/// `a + 1` and the boost `U^(1/a)`.
#[derive(Debug, Clone, Copy)]
pub(super) struct GammaShape {
    d: f64,
    c: f64,
    /// `1 / a` when `a < 1`.
    inverse: Option<f64>,
}

impl GammaShape {
    pub(super) fn new(a: f64) -> GammaShape {
        let (base, inverse) = if a < 1.0 {
            (a + 1.0, Some(1.0 / a))
        } else {
            (a, None)
        };
        let d = base - 1.0 / 3.0;
        GammaShape {
            d,
            c: 1.0 / (9.0 * d).sqrt(),
            inverse,
        }
    }
}

/// One rate in the simulation: drawn from its Beta posterior, or fixed.
#[derive(Debug, Clone)]
pub(super) enum RateDraw {
    Fixed(f64),
    Beta {
        a: GammaShape,
        b: GammaShape,
        mean: f64,
        stream: Stream,
    },
}

impl RateDraw {
    /// Beta(a, b) when both are positive, else fixed at `mean`.
    pub(super) fn new(
        params: Result<(Decimal, Decimal), Undefined>,
        mean: f64,
        seed: u64,
    ) -> RateDraw {
        match params {
            Ok((a, b)) if a > Decimal::ZERO && b > Decimal::ZERO => RateDraw::Beta {
                a: GammaShape::new(to_f64(a)),
                b: GammaShape::new(to_f64(b)),
                mean,
                stream: Stream::new(seed),
            },
            _ => RateDraw::Fixed(mean),
        }
    }

    pub(super) fn sample(&mut self) -> f64 {
        match self {
            RateDraw::Fixed(value) => *value,
            RateDraw::Beta { a, b, mean, stream } => {
                let x = stream.gamma(a);
                let y = stream.gamma(b);
                let sum = x + y;
                if sum > 0.0 && sum.is_finite() {
                    (x / sum).clamp(0.0, 1.0)
                } else {
                    *mean
                }
            }
        }
    }
}

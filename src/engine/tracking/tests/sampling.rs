//! The portable logarithm and exponential, and the Gamma and Beta draws.

use super::*;
use crate::engine::tracking::sampling::{exp, ln, GammaShape, RateDraw, Stream};

#[test]
fn portable_ln_and_exp_agree_with_the_platform() {
    let mut rng = SplitMix64::new(42);
    let mut worst_ln: f64 = 0.0;
    let mut worst_exp: f64 = 0.0;
    for _ in 0..20_000 {
        let x = f64::from_bits(rng.next_u64() >> 1); // every binade, subnormals included
        if x > 0.0 && x.is_finite() {
            let exact = x.ln();
            worst_ln = worst_ln.max((ln(x) - exact).abs() / exact.abs().max(1e-300));
        }
        let y = (rng.next_f64() - 0.5) * 1400.0;
        let exact = y.exp();
        if exact.is_normal() {
            worst_exp = worst_exp.max((exp(y) - exact).abs() / exact);
        }
    }
    assert!(worst_ln < 1e-15, "ln: {worst_ln}");
    assert!(worst_exp < 1e-14, "exp: {worst_exp}");
    for x in [
        1.0,
        0.5,
        2.0,
        core::f64::consts::SQRT_2,
        1.0 + 1e-15,
        1e-310,
    ] {
        assert_close(ln(x), x.ln(), 1e-15 * x.ln().abs().max(1.0));
    }
    assert_eq!(ln(1.0), 0.0);
    assert_eq!(ln(0.0), f64::NEG_INFINITY);
    assert!(ln(-1.0).is_nan() && ln(f64::NAN).is_nan());
    assert_eq!(ln(f64::INFINITY), f64::INFINITY);
    assert_eq!(exp(0.0), 1.0);
    assert_eq!(exp(-800.0), 0.0);
    assert_eq!(exp(800.0), f64::INFINITY);
    assert!(exp(f64::NAN).is_nan());
    assert_close(exp(-720.0) / (-720.0f64).exp(), 1.0, 1e-9); // subnormal
}

/// Sample mean and variance within four standard errors of the theory
/// (the variance's from the distribution's excess kurtosis).
#[track_caller]
fn assert_moments(samples: &[f64], mean: f64, variance: f64, excess_kurtosis: f64) {
    let n = samples.len() as f64;
    let m = samples.iter().sum::<f64>() / n;
    let v = samples.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0);
    assert_close(m, mean, 4.0 * (variance / n).sqrt());
    assert_close(
        v,
        variance,
        4.0 * variance * ((excess_kurtosis + 2.0) / n).sqrt(),
    );
}

#[test]
fn gamma_and_beta_draws_have_their_moments() {
    let mut stream = Stream::new(DEFAULT_SEED);
    let normals: Vec<f64> = (0..40_000).map(|_| stream.normal()).collect();
    assert_moments(&normals, 0.0, 1.0, 0.0);
    for shape in [0.3, 1.0, 2.5, 50.0] {
        let gamma = GammaShape::new(shape);
        let draws: Vec<f64> = (0..40_000).map(|_| stream.gamma(&gamma)).collect();
        assert!(draws.iter().all(|x| *x >= 0.0 && x.is_finite()));
        assert_moments(&draws, shape, shape, 6.0 / shape);
    }
    for (a, b) in [(0.4, 19.6), (14.0, 19.0), (2.0, 0.5), (500.0, 300.0)] {
        let params = Ok((Decimal::try_from(a).unwrap(), Decimal::try_from(b).unwrap()));
        let mean = a / (a + b);
        let mut draw = RateDraw::new(params, mean, 7);
        let draws: Vec<f64> = (0..40_000).map(|_| draw.sample()).collect();
        assert!(draws.iter().all(|x| (0.0..=1.0).contains(x)));
        let variance = a * b / ((a + b) * (a + b) * (a + b + 1.0));
        let kurtosis = 6.0 * ((a - b) * (a - b) * (a + b + 1.0) - a * b * (a + b + 2.0))
            / (a * b * (a + b + 2.0) * (a + b + 3.0));
        assert_moments(&draws, mean, variance, kurtosis);
    }
    // Not both parameters positive: fixed at the mean.
    let mut fixed = RateDraw::new(Ok((d("0"), d("5"))), 0.0, 7);
    assert_eq!(fixed.sample(), 0.0);
    let mut fixed = RateDraw::new(Ok((d("3"), d("0"))), 1.0, 7);
    assert_eq!(fixed.sample(), 1.0);
    let mut fixed = RateDraw::new(Err(Undefined::Overflow), 0.25, 7);
    assert_eq!(fixed.sample(), 0.25);
}

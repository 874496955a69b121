//! Texts of the risk panel (`decision-tools.md` §5).

use super::Lang;
use crate::engine::risk::RiskFigureId;

crate::listed! {
    /// One fixed text of the risk panel.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum RiskText {
        Heading,
        Lead,
        RangesCaption,
        Input,
        Low,
        Likely,
        High,
        Trials,
        TrialsHelp,
        Seed,
        NewSeed,
        Running,
        FiguresHeading,
        Pessimistic,
        Median,
        Optimistic,
        NetResult,
        Roi,
        HistogramTitle,
        TornadoTitle,
        HistogramFrom,
        HistogramTo,
        HistogramTrials,
        BreakEvenLine,
        TornadoInput,
        TornadoAtLow,
        TornadoAtHigh,
        FixRanges,
    }
}

pub fn risk_text(lang: Lang, key: RiskText) -> &'static str {
    use RiskText::*;
    let (fr, en) = match key {
        Heading => (
            "Risque\u{a0}: quelle chance de perdre de l’argent\u{a0}?",
            "Risk: how likely is a loss?",
        ),
        Lead => (
            "Personne ne connaît d’avance le taux de présence ou de signature. Donnez une fourchette à chaque hypothèse incertaine\u{a0}: le calculateur joue des milliers de campagnes possibles et compte celles qui perdent de l’argent. Par défaut, la valeur probable est celle du scénario central, les bornes viennent des scénarios prudent et ambitieux.",
            "Nobody knows the show-up or win rate in advance. Give each uncertain assumption a range: the calculator plays thousands of possible campaigns and counts those that lose money. By default the likely value is the central scenario’s, and the ends come from the prudent and ambitious scenarios.",
        ),
        RangesCaption => ("Fourchettes des hypothèses incertaines", "Ranges of the uncertain assumptions"),
        Input => ("Hypothèse", "Assumption"),
        Low => ("Basse", "Low"),
        Likely => ("Probable", "Likely"),
        High => ("Haute", "High"),
        Trials => ("Nombre de tirages", "Trials"),
        TrialsHelp => (
            "Entre 100 et 100\u{a0}000. Avec 10\u{a0}000 tirages, la probabilité de perte est fiable à un point près.",
            "Between 100 and 100,000. With 10,000 trials the loss probability is good to about one point.",
        ),
        Seed => ("Tirage n°", "Draw no."),
        NewSeed => ("Nouveau tirage", "Draw again"),
        Running => ("Calcul en cours…", "Computing…"),
        FiguresHeading => ("Ce que disent les tirages", "What the trials say"),
        Pessimistic => ("Pessimiste (P10)", "Pessimistic (P10)"),
        Median => ("Médian (P50)", "Median (P50)"),
        Optimistic => ("Optimiste (P90)", "Optimistic (P90)"),
        NetResult => ("Résultat net", "Net result"),
        Roi => ("ROI", "ROI"),
        HistogramTitle => (
            "Répartition du résultat net sur les tirages (rouge\u{a0}: perte, vert\u{a0}: gain)",
            "Spread of the net result over the trials (red: loss, green: gain)",
        ),
        TornadoTitle => (
            "Ce qui fait le plus varier le ROI (rouge\u{a0}: valeur basse, bleu\u{a0}: valeur haute)",
            "What moves the ROI most (red: low value, blue: high value)",
        ),
        HistogramFrom => ("De", "From"),
        HistogramTo => ("À", "To"),
        HistogramTrials => ("Tirages", "Trials"),
        BreakEvenLine => ("Équilibre", "Break-even"),
        TornadoInput => ("Hypothèse", "Assumption"),
        TornadoAtLow => ("ROI à la valeur basse", "ROI at the low value"),
        TornadoAtHigh => ("ROI à la valeur haute", "ROI at the high value"),
        FixRanges => (
            "Corrigez les fourchettes signalées pour relancer la simulation.",
            "Fix the ranges marked above to run the simulation again.",
        ),
    };
    lang.pick(fr, en)
}

/// The label of a simulated figure (for screen readers and the table).
pub fn risk_figure_label(lang: Lang, id: RiskFigureId) -> &'static str {
    use RiskFigureId::*;
    let (fr, en) = match id {
        LossProbability => ("Probabilité de perte", "Probability of a loss"),
        NetP10 => (
            "Résultat net, pessimiste (P10)",
            "Net result, pessimistic (P10)",
        ),
        NetP50 => ("Résultat net, médian (P50)", "Net result, median (P50)"),
        NetP90 => (
            "Résultat net, optimiste (P90)",
            "Net result, optimistic (P90)",
        ),
        RoiP10 => ("ROI, pessimiste (P10)", "ROI, pessimistic (P10)"),
        RoiP50 => ("ROI, médian (P50)", "ROI, median (P50)"),
        RoiP90 => ("ROI, optimiste (P90)", "ROI, optimistic (P90)"),
    };
    lang.pick(fr, en)
}

/// "10 000 tirages" / "10,000 trials".
pub fn trials_count(lang: Lang, trials: &str) -> String {
    lang.pick(format!("{trials}\u{a0}tirages"), format!("{trials} trials"))
}

/// The odds of a loss in words: "about 1 chance in 8", "7 chances in 10",
/// with the exact share in brackets (`percent` is already formatted).
fn odds(lang: Lang, probability: f64, percent: &str) -> String {
    if probability <= 0.0 {
        return lang.pick("aucune chance", "no chance").to_string();
    }
    if probability >= 1.0 {
        return lang.pick("la certitude", "certainty").to_string();
    }
    if probability < 0.005 {
        return lang.pick(
            format!("moins d’une chance sur 200 ({percent})"),
            format!("less than 1 chance in 200 ({percent})"),
        );
    }
    if probability <= 0.5 {
        let one_in = (1.0 / probability).round() as u32;
        return lang.pick(
            format!("environ 1 chance sur {one_in} ({percent})"),
            format!("about 1 chance in {one_in} ({percent})"),
        );
    }
    // Near certainty, "about 9 in 10" would understate: say "more than".
    if probability >= 0.995 {
        return lang.pick(
            format!("plus de 199 chances sur 200 ({percent})"),
            format!("more than 199 chances in 200 ({percent})"),
        );
    }
    if probability > 0.95 {
        return lang.pick(
            format!("plus de 9 chances sur 10 ({percent})"),
            format!("more than 9 chances in 10 ({percent})"),
        );
    }
    let in_ten = ((probability * 10.0).round() as u32).min(9);
    lang.pick(
        format!("environ {in_ten} chances sur 10 ({percent})"),
        format!("about {in_ten} chances in 10 ({percent})"),
    )
}

/// The plain-language reading of a simulation. `net_p10` is formatted
/// money without its sign; `p10_is_loss` says which side of zero it is.
pub fn risk_reading(
    lang: Lang,
    probability: f64,
    percent: &str,
    net_p10: &str,
    p10_is_loss: bool,
    trials: &str,
) -> String {
    let tail = match (lang, p10_is_loss) {
        // P10: nine trials in ten are at or above it (all of them, when
        // every trial is equal), so "at least", not "above".
        (Lang::Fr, false) => {
            format!("dans 9 cas sur 10, le résultat net atteint au moins {net_p10}")
        }
        (Lang::Fr, true) => format!("dans 9 cas sur 10, la perte ne dépasse pas {net_p10}"),
        (Lang::En, false) => format!("in 9 cases out of 10 the net result is at least {net_p10}"),
        (Lang::En, true) => format!("in 9 cases out of 10 the loss is at most {net_p10}"),
    };
    // A simulation never proves a loss impossible or certain: it counts.
    if probability <= 0.0 {
        return lang.pick(
            format!("Aucun des {trials}\u{a0}tirages ne perd d’argent\u{a0}; {tail}."),
            format!("None of the {trials} trials loses money; {tail}."),
        );
    }
    if probability >= 1.0 {
        return lang.pick(
            format!("Les {trials}\u{a0}tirages perdent tous de l’argent\u{a0}; {tail}."),
            format!("All {trials} trials lose money; {tail}."),
        );
    }
    let odds = odds(lang, probability, percent);
    lang.pick(
        format!("Sur {trials}\u{a0}tirages, {odds} de perdre de l’argent\u{a0}; {tail}."),
        format!("Over {trials} trials, {odds} of losing money; {tail}."),
    )
}

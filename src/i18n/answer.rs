//! Texts of the answer: the verdict's headline, the prices that pay, the
//! lifetime line and how to read the ROI with the figures on screen.

use crate::lang::Lang;

crate::listed! {
    /// One fixed text of the answer panel.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum AnswerText {
        Heading,
        Profitable,
        BreakEven,
        Loss,
        NoCost,
        HighestPrice,
        HighestPriceNote,
        TargetPrice,
        TargetPriceNote,
        NoPrice,
        Lifetime,
        MoreHelp,
        MoreInputs,
        MoreInputsLead,
        PaybackNever,
    }
}

pub fn answer_text(lang: Lang, key: AnswerText) -> &'static str {
    use AnswerText::*;
    let (fr, en) = match key {
        Heading => ("La réponse", "The answer"),
        Profitable => ("Rentable", "Profitable"),
        BreakEven => ("À l’équilibre", "Break-even"),
        Loss => ("Pas rentable", "Not profitable"),
        NoCost => ("Rien à mesurer", "Nothing to measure"),
        HighestPrice => ("Prix maximal qui rentabilise", "Highest price that pays"),
        HighestPriceNote => ("par rendez-vous, au-delà la campagne perd", "per meeting; above it the campaign loses"),
        TargetPrice => ("Prix maximal pour un ROI de", "Highest price for an ROI of"),
        TargetPriceNote => ("par rendez-vous", "per meeting"),
        NoPrice => ("aucun prix n’y suffit", "no price is low enough"),
        Lifetime => ("Avec les renouvellements", "With renewals"),
        MoreHelp => ("Plus d’infos", "More"),
        MoreInputs => ("Affiner", "Refine"),
        MoreInputsLead => (
            "Contrat, clients fidèles, coûts internes, calendrier, seuils\u{a0}: ouvrez ce qui vous concerne.",
            "Contract, returning customers, internal costs, timing, thresholds: open what applies to you.",
        ),
        PaybackNever => ("pas sur la période", "not within the period"),
    };
    lang.pick(fr, en)
}

/// How to read the ROI, with the scenario's own figures: `net` and `cost`
/// formatted, `roi` and `roi_minus_one` (the same minus 100 points, which
/// some calculations report) as percentages.
pub fn roi_explanation(
    lang: Lang,
    net: &str,
    cost: &str,
    roi: &str,
    roi_minus_one: &str,
) -> String {
    lang.pick(
        format!(
            "Le ROI rapporte le gain net au coût complet\u{a0}: ici {net} de gain net pour {cost} dépensés, soit {roi}. À +100\u{a0}%, la campagne rembourse son coût et gagne autant. Un calcul qui retire encore 1 à ce rapport annoncerait {roi_minus_one}\u{a0}: il compterait le coût deux fois."
        ),
        format!(
            "ROI is the net gain over the full cost: here {net} of net gain for {cost} spent, that is {roi}. At +100%, the campaign pays back its cost and earns as much again. A calculation that subtracts 1 once more would report {roi_minus_one}: it would count the cost twice."
        ),
    )
}

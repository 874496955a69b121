//! Texts of the decision tools (`decision-tools.md` §1–3): compare the three
//! ways to get meetings, plan from a goal, check the sales team's capacity.
//!
//! French typography as in [`super::fields`]: a no-break space (`\u{a0}`)
//! before `:`, `;`, `?`, `!`, `%` and `€`, the typographic apostrophe `’`.

use rust_decimal::Decimal;

use super::Lang;
use crate::engine::{
    CapacityField, CapacityUndefined, CompareField, CompareFigure, GoalKind, Model, PlanField,
    PlanFigureId, PlanUndefined, Verdict,
};
use crate::format;

crate::listed! {
    /// One fixed text of the decision tools.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum DecideText {
        Heading,
        Lead,
        CompareHeading,
        CompareLead,
        TeamInputs,
        TimeInputs,
        Figure,
        StressHeading,
        StressLead,
        StressChartTitle,
        Delivery,
        PlanHeading,
        PlanLead,
        CapacityHeading,
        CapacityLead,
        CapacityWarning,
        CapacityOk,
        NoPriceBreaksEven,
    }
}

/// A fixed text in `lang`.
pub fn decide_text(lang: Lang, key: DecideText) -> &'static str {
    use DecideText::*;
    let (fr, en) = match key {
        Heading => ("Comparer et planifier", "Compare and plan"),
        Lead => (
            "Ces outils reprennent votre scénario central\u{a0}: modifiez le formulaire, ils suivent.",
            "These tools use your central scenario: edit the form and they follow.",
        ),
        CompareHeading => ("Trois façons d’obtenir vos rendez-vous", "Three ways to get your meetings"),
        CompareLead => (
            "Au résultat (votre scénario), avec une équipe interne ou avec un prestataire payé à la journée. La suite est la même pour tous\u{a0}: rendez-vous tenus, ventes, coûts internes.",
            "Pay per result (your scenario), an in-house team or a provider paid by the day. What follows the meeting is the same for all: held meetings, sales, internal costs.",
        ),
        TeamInputs => ("Équipe interne", "In-house team"),
        TimeInputs => ("Prestataire à la journée", "Provider by the day"),
        Figure => ("Chiffre", "Figure"),
        StressHeading => ("Et si les rendez-vous ne suivent pas\u{a0}?", "What if the meetings don’t come?"),
        StressLead => (
            "ROI selon la part des rendez-vous prévus réellement obtenus. Au résultat, vous ne payez que ce qui est livré\u{a0}; l’équipe et la journée se paient quoi qu’il arrive.",
            "ROI by the share of planned meetings actually delivered. Pay per result only bills what is delivered; the team and the days are paid whatever happens.",
        ),
        StressChartTitle => (
            "ROI selon la part des rendez-vous obtenus, par modèle",
            "ROI by share of meetings delivered, per model",
        ),
        Delivery => ("Rendez-vous obtenus", "Meetings delivered"),
        PlanHeading => ("Partir d’un objectif", "Plan from a goal"),
        PlanLead => (
            "Indiquez ce que vous voulez obtenir\u{a0}: le calculateur remonte jusqu’aux appels et au budget nécessaires, avec les taux de votre scénario.",
            "Say what you want to achieve: the calculator works back to the calls and budget it takes, with your scenario’s rates.",
        ),
        CapacityHeading => ("Vos commerciaux pourront-ils suivre\u{a0}?", "Can your sales team keep up?"),
        CapacityLead => (
            "Les rendez-vous tenus de la campagne face au temps de vos commerciaux.",
            "The campaign’s held meetings against your salespeople’s time.",
        ),
        CapacityWarning => (
            "Attention\u{a0}: vos commerciaux ne peuvent pas suivre tous ces rendez-vous pendant la campagne. Un rendez-vous mal préparé ou mal suivi ne signe pas\u{a0}: ajoutez des commerciaux ou étalez la campagne.",
            "Warning: your salespeople cannot take all these meetings during the campaign. A meeting that is not worked properly does not sign: add salespeople or spread the campaign out.",
        ),
        CapacityOk => (
            "Vos commerciaux peuvent suivre ces rendez-vous pendant la campagne.",
            "Your salespeople can take these meetings during the campaign.",
        ),
        NoPriceBreaksEven => (
            "aucun prix ne rend ce plan rentable",
            "no price makes this plan break even",
        ),
    };
    lang.pick(fr, en)
}

/// A whole number of weeks with its noun, singular or plural as the
/// language agrees it ([`Lang::singular`]).
pub fn weeks(lang: Lang, count: Decimal) -> String {
    let singular = lang.singular(u64::try_from(count).unwrap_or(u64::MAX));
    let noun = match (lang, singular) {
        (Lang::Fr, true) => "semaine",
        (Lang::Fr, false) => "semaines",
        (Lang::En, true) => "week",
        (Lang::En, false) => "weeks",
    };
    format!("{} {noun}", format::count(count, lang))
}

/// The label of a comparison input.
pub fn compare_field_label(lang: Lang, field: CompareField) -> &'static str {
    let (fr, en) = match field {
        CompareField::TeamCallers => ("Téléprospecteurs", "Callers"),
        CompareField::TeamSalary => (
            "Coût chargé par téléprospecteur et par mois",
            "Loaded cost per caller per month",
        ),
        CompareField::TeamTools => (
            "Outils par téléprospecteur et par mois",
            "Tools per caller per month",
        ),
        CompareField::TeamManagement => ("Encadrement par mois", "Management per month"),
        CompareField::TeamOnboarding => (
            "Recrutement et formation par téléprospecteur",
            "Hiring and training per caller",
        ),
        CompareField::TeamRate => (
            "Rendez-vous par téléprospecteur et par mois",
            "Meetings per caller per month",
        ),
        CompareField::TeamRamp => (
            "Mois de démarrage à mi-régime",
            "Months at half speed at the start",
        ),
        CompareField::TimeDayRate => ("Prix d’une journée", "Price of a day"),
        CompareField::TimeDays => ("Journées par mois", "Days per month"),
        CompareField::TimeRate => ("Rendez-vous par journée", "Meetings per day"),
        CompareField::TimeSetup => ("Frais de mise en place", "One-off set-up fee"),
    };
    lang.pick(fr, en)
}

/// The label of a plan input.
pub fn plan_field_label(lang: Lang, field: PlanField) -> &'static str {
    let (fr, en) = match field {
        PlanField::GoalKind => ("Votre objectif", "Your goal"),
        PlanField::GoalValue => ("Valeur visée", "Target value"),
        PlanField::CallToConversation => (
            "Appels qui joignent le décideur",
            "Calls that reach the decision maker",
        ),
        PlanField::ConversationToMeeting => (
            "Conversations qui donnent un rendez-vous",
            "Conversations that book a meeting",
        ),
    };
    lang.pick(fr, en)
}

/// The label of a capacity input.
pub fn capacity_field_label(lang: Lang, field: CapacityField) -> &'static str {
    let (fr, en) = match field {
        CapacityField::Reps => (
            "Commerciaux qui reçoivent les rendez-vous",
            "Sales people taking the meetings",
        ),
        CapacityField::RepMeetingsPerWeek => (
            "Rendez-vous par commercial et par semaine",
            "Meetings per sales person per week",
        ),
    };
    lang.pick(fr, en)
}

/// The goal's unit: customers or euros.
pub fn goal_unit(lang: Lang, kind: GoalKind) -> &'static str {
    match kind {
        GoalKind::Customers => lang.pick("clients", "customers"),
        GoalKind::Revenue | GoalKind::Margin => "€",
    }
}

/// The options of `goal_kind`.
pub fn goal_kind_label(lang: Lang, kind: GoalKind) -> &'static str {
    let (fr, en) = match kind {
        GoalKind::Customers => ("Un nombre de clients", "A number of customers"),
        GoalKind::Revenue => ("Un chiffre d’affaires", "A revenue"),
        GoalKind::Margin => ("Une marge brute", "A gross margin"),
    };
    lang.pick(fr, en)
}

/// A model's column heading.
pub fn model_name(lang: Lang, model: Model) -> &'static str {
    let (fr, en) = match model {
        Model::Result => ("Au résultat", "Pay per result"),
        Model::Team => ("Équipe interne", "In-house team"),
        Model::Time => ("Prestataire à la journée", "Provider by the day"),
    };
    lang.pick(fr, en)
}

/// A row of the comparison.
pub fn compare_figure_label(lang: Lang, figure: CompareFigure) -> &'static str {
    let (fr, en) = match figure {
        CompareFigure::Booked => ("Rendez-vous validés", "Booked meetings"),
        CompareFigure::Held => ("Rendez-vous tenus", "Held meetings"),
        CompareFigure::Sales => ("Ventes", "Sales"),
        CompareFigure::TotalCost => ("Coût total", "Total cost"),
        CompareFigure::NetResult => ("Résultat net", "Net result"),
        CompareFigure::Roi => ("ROI", "ROI"),
        CompareFigure::CostPerHeld => ("Coût par rendez-vous tenu", "Cost per held meeting"),
        CompareFigure::CostPerSale => ("Coût par vente", "Cost per sale"),
        CompareFigure::RoiAt50 => ("ROI à 50\u{a0}%", "ROI at 50%"),
        CompareFigure::RoiAt75 => ("ROI à 75\u{a0}%", "ROI at 75%"),
        CompareFigure::RoiAt100 => ("ROI à 100\u{a0}%", "ROI at 100%"),
        CompareFigure::RoiAt125 => ("ROI à 125\u{a0}%", "ROI at 125%"),
    };
    lang.pick(fr, en)
}

/// Why the plan's ROI and highest price differ from the results', when
/// its campaign is not the scenario's: `booked` meetings to reach the goal
/// against the scenario's `meetings`, and whether the scenario loses
/// expected sales to rounding down (`rounded`: expected → counted).
pub fn plan_vs_results(
    lang: Lang,
    booked: &str,
    meetings: &str,
    rounded: Option<(&str, &str)>,
) -> String {
    let rounding = rounded.map(|(expected, counted)| {
        lang.pick(
            format!(" Vos résultats comptent {counted} clients entiers sur {expected} ventes attendues."),
            format!(" Your results count {counted} whole customers out of {expected} expected sales."),
        )
    });
    lang.pick(
        format!(
            "Le plan porte sur {booked} rendez-vous, juste ce qu’il faut pour l’objectif\u{a0}; vos résultats sur {meetings}. D’où un ROI et un prix maximal différents.{}",
            rounding.as_deref().unwrap_or("")
        ),
        format!(
            "The plan books {booked} meetings, just what the goal needs; your results are for {meetings}. Hence a different ROI and highest price.{}",
            rounding.as_deref().unwrap_or("")
        ),
    )
}

/// A step of the plan.
pub fn plan_step_label(lang: Lang, id: PlanFigureId) -> &'static str {
    let (fr, en) = match id {
        PlanFigureId::Sales => ("Ventes à signer", "Sales to sign"),
        PlanFigureId::Held => ("Rendez-vous à tenir", "Meetings to hold"),
        PlanFigureId::Booked => ("Rendez-vous à obtenir", "Meetings to book"),
        PlanFigureId::Calls => ("Appels à passer", "Calls to make"),
        PlanFigureId::Budget => ("Budget total", "Total budget"),
        PlanFigureId::Roi => ("ROI attendu", "Expected ROI"),
        // The break-even price of the plan, named as in the results (the
        // highest price for the target ROI is another figure there).
        PlanFigureId::MaxPrice => (
            "Prix d’équilibre par rendez-vous",
            "Break-even price per meeting",
        ),
    };
    lang.pick(fr, en)
}

/// Why a step of the plan has no value.
pub fn plan_undefined_reason(lang: Lang, why: PlanUndefined) -> &'static str {
    let (fr, en) = match why {
        PlanUndefined::NoDeal => (
            "Panier moyen à 0\u{a0}€\u{a0}: aucun nombre de ventes n’atteint ce chiffre d’affaires.",
            "Average sale of €0: no number of sales reaches this revenue.",
        ),
        PlanUndefined::NoMarginPerSale => (
            "Aucune marge par vente\u{a0}: aucun nombre de ventes n’atteint cette marge.",
            "No margin per sale: no number of sales reaches this margin.",
        ),
        PlanUndefined::NoOpportunities => (
            "Aucun rendez-vous tenu ne devient une opportunité (0\u{a0}%).",
            "No held meeting becomes an opportunity (0%).",
        ),
        PlanUndefined::NoWins => (
            "Aucune opportunité ne se signe (0\u{a0}%).",
            "No opportunity turns into a sale (0%).",
        ),
        PlanUndefined::AllNoShows => (
            "Tous les rendez-vous sont non honorés (100\u{a0}%)\u{a0}: aucun n’a lieu.",
            "Every meeting is a no-show (100%): none takes place.",
        ),
        PlanUndefined::NoConversations => (
            "Aucun appel ne joint le décideur (0\u{a0}%).",
            "No call reaches the decision maker (0%).",
        ),
        PlanUndefined::NoMeetingsFromConversations => (
            "Aucune conversation ne donne de rendez-vous (0\u{a0}%).",
            "No conversation books a meeting (0%).",
        ),
        PlanUndefined::TooManyMeetings => (
            "Plus d’un million de rendez-vous\u{a0}: hors de portée du calculateur.",
            "More than a million meetings: beyond the calculator’s range.",
        ),
        PlanUndefined::Engine(reason) => return super::undefined_reason(lang, reason),
    };
    lang.pick(fr, en)
}

/// Why a capacity figure has no value.
pub fn capacity_undefined_reason(lang: Lang, why: CapacityUndefined) -> &'static str {
    let (fr, en) = match why {
        CapacityUndefined::NoCapacity => (
            "Personne ne peut recevoir ces rendez-vous.",
            "Nobody can take these meetings.",
        ),
        CapacityUndefined::Overflow => (
            "Nombres trop grands pour un calcul exact.",
            "Numbers too large to compute exactly.",
        ),
    };
    lang.pick(fr, en)
}

/// Which model wins at plan, and which is safest when delivery falls short.
pub fn verdict_sentence(lang: Lang, verdict: Verdict) -> String {
    let name = |model: Model| model_name(lang, model).to_lowercase();
    // The name that opens the sentence keeps its capital.
    let first = |model: Model| model_name(lang, model);
    match (verdict.best_net_result, verdict.safest) {
        (Some(best), Some(safe)) if best == safe => lang.pick(
            format!("«\u{a0}{}\u{a0}» rapporte le plus si tout se passe comme prévu, et reste le plus sûr si les rendez-vous manquent.", first(best)),
            format!("“{}” earns the most if all goes to plan, and stays the safest if meetings fall short.", first(best)),
        ),
        (Some(best), Some(safe)) => lang.pick(
            format!("«\u{a0}{}\u{a0}» rapporte le plus si tout se passe comme prévu\u{a0}; «\u{a0}{}\u{a0}» est le plus sûr si les rendez-vous manquent.", first(best), name(safe)),
            format!("“{}” earns the most if all goes to plan; “{}” is the safest if meetings fall short.", first(best), name(safe)),
        ),
        (Some(best), None) => lang.pick(
            format!("«\u{a0}{}\u{a0}» rapporte le plus si tout se passe comme prévu.", first(best)),
            format!("“{}” earns the most if all goes to plan.", first(best)),
        ),
        (None, _) => lang
            .pick(
                "Aucun modèle ne peut être départagé avec ces chiffres.",
                "No model can be ranked with these figures.",
            )
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{CompareField, PlanField, Problem};
    use crate::entry::Rejected;
    use crate::i18n::rejected_message;

    /// French punctuation that needs a space gets a no-break space.
    fn assert_french_spaces(text: &str) {
        for mark in [':', ';', '?', '!', '%', '€'] {
            for (index, _) in text.match_indices(mark) {
                let before = text[..index].chars().last();
                assert!(
                    matches!(before, Some('\u{a0}' | '\u{202f}')),
                    "no no-break space before {mark:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn french_texts_use_no_break_spaces() {
        for key in DecideText::ALL {
            assert_french_spaces(decide_text(Lang::Fr, key));
            assert!(!decide_text(Lang::En, key).is_empty());
        }
        for why in [
            PlanUndefined::NoDeal,
            PlanUndefined::NoMarginPerSale,
            PlanUndefined::NoOpportunities,
            PlanUndefined::NoWins,
            PlanUndefined::AllNoShows,
            PlanUndefined::NoConversations,
            PlanUndefined::NoMeetingsFromConversations,
            PlanUndefined::TooManyMeetings,
        ] {
            assert_french_spaces(plan_undefined_reason(Lang::Fr, why));
        }
        for figure in CompareFigure::ALL {
            assert_french_spaces(compare_figure_label(Lang::Fr, figure));
        }
    }

    #[test]
    fn labels_and_messages() {
        for field in CompareField::ALL {
            assert_ne!(
                compare_field_label(Lang::Fr, field),
                compare_field_label(Lang::En, field)
            );
        }
        for field in PlanField::ALL {
            assert!(!plan_field_label(Lang::Fr, field).is_empty());
        }
        let spec = PlanField::CallToConversation.spec();
        let message = rejected_message(
            Lang::Fr,
            &spec,
            &Rejected::Invalid(Problem::AboveMax { max: spec.max }),
            &[],
        );
        // One wording for every box of the page: the form's (the unit once,
        // after the upper bound). Before #16 the tools wrote it on both ends.
        assert_eq!(
            message,
            "Trop grand\u{a0}: entrez un nombre entre 0 et 100\u{a0}%."
        );
        let spec = CompareField::TeamCallers.spec();
        let message = rejected_message(
            Lang::En,
            &spec,
            &Rejected::Invalid(Problem::NotAWholeNumber),
            &[],
        );
        assert_eq!(
            message,
            "No decimals here: enter a whole number between 1 and 1,000."
        );
        let verdict = Verdict {
            best_net_result: Some(Model::Result),
            safest: Some(Model::Result),
        };
        // The sentence opens on the model's name, capital kept.
        assert!(
            verdict_sentence(Lang::Fr, verdict).starts_with("«\u{a0}Au résultat\u{a0}» rapporte")
        );
        assert!(verdict_sentence(Lang::En, verdict).starts_with("“Pay per result” earns"));
        let split = Verdict {
            best_net_result: Some(Model::Team),
            safest: Some(Model::Result),
        };
        assert!(verdict_sentence(Lang::Fr, split)
            .contains("; «\u{a0}au résultat\u{a0}» est le plus sûr"));
    }
}

#[cfg(test)]
mod weeks_tests {
    use super::*;

    #[test]
    fn weeks_agree_with_their_number() {
        let said = |lang, n: i64| weeks(lang, Decimal::from(n));
        assert_eq!(said(Lang::Fr, 0), "0 semaine");
        assert_eq!(said(Lang::Fr, 1), "1 semaine");
        assert_eq!(said(Lang::Fr, 2), "2 semaines");
        assert_eq!(said(Lang::En, 0), "0 weeks");
        assert_eq!(said(Lang::En, 1), "1 week");
        assert_eq!(said(Lang::En, 187), "187 weeks");
    }
}

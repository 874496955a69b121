//! The inputs: labels, units, help texts, choice labels and input groups.
//!
//! French typography: a no-break space (`\u{a0}`) before `:`, `;`, `?`, `%`
//! and `€` and inside « », the typographic apostrophe `’`.

use super::Lang;
use crate::engine::{Field, FieldKind};

/// The short form label of an input.
pub fn field_label(lang: Lang, field: Field) -> &'static str {
    let (fr, en) = match field {
        Field::Meetings => ("Rendez-vous validés", "Booked meetings"),
        Field::Price => ("Prix par rendez-vous facturé", "Price per billed meeting"),
        Field::Basis => ("Ce que le prestataire facture", "What the provider bills"),
        Field::Noshow => ("Rendez-vous non honorés", "No-show rate"),
        Field::Setup => ("Frais ponctuels du prestataire", "Provider’s one-off fee"),
        Field::Opp => (
            "Rendez-vous tenu → opportunité",
            "Held meeting → opportunity",
        ),
        Field::Win => ("Opportunité → vente signée", "Opportunity → sale"),
        Field::Rounding => ("Décompte des ventes", "Counting sales"),
        Field::Deal => ("Panier moyen de la première vente", "Average first sale"),
        Field::Margin => ("Taux de marge brute", "Gross margin rate"),
        Field::Recurring => (
            "Chiffre d’affaires annuel par client fidèle",
            "Yearly revenue per retained customer",
        ),
        Field::Retention => ("Taux de renouvellement annuel", "Yearly retention rate"),
        Field::Years => ("Années de renouvellement comptées", "Renewal years counted"),
        Field::Hours => (
            "Temps commercial par rendez-vous tenu",
            "Sales time per held meeting",
        ),
        Field::Hourly => (
            "Coût chargé d’une heure commerciale",
            "Loaded cost of a sales hour",
        ),
        Field::Fixed => ("Coûts internes ponctuels", "One-off internal costs"),
        Field::Months => ("Durée de la campagne", "Campaign length"),
        Field::Cycle => ("Cycle de vente", "Sales cycle"),
        Field::Target => ("ROI visé", "Target ROI"),
        Field::Multiple => ("Garde-fou\u{a0}: marge ÷ prix", "Guardrail: margin ÷ price"),
    };
    lang.pick(fr, en)
}

/// The unit shown beside an input.
pub fn field_unit(lang: Lang, field: Field) -> &'static str {
    kind_unit(lang, field.spec().kind)
}

/// The unit shown next to an input of kind `kind`.
pub fn kind_unit(lang: Lang, kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Count | FieldKind::Choice(_) => "",
        FieldKind::Money => "€",
        FieldKind::Percent => "%",
        FieldKind::Hours => "h",
        FieldKind::Multiple => "×",
        FieldKind::Months => lang.pick("mois", "months"),
        FieldKind::Years => lang.pick("ans", "years"),
    }
}

/// One or two sentences under an input: what to type and why it matters.
pub fn field_help(lang: Lang, field: Field) -> &'static str {
    let (fr, en) = match field {
        Field::Meetings => (
            "Nombre de rendez-vous que le prestataire doit vous livrer, et que vous validez, sur toute la campagne.",
            "How many meetings the provider delivers, and you validate, over the whole campaign.",
        ),
        Field::Price => (
            "Tarif hors taxes d’un rendez-vous facturé. C’est le chiffre que vous négociez\u{a0}: comparez-le au prix d’équilibre.",
            "Price of one billed meeting, excluding VAT. It is the figure you negotiate: compare it with the break-even price.",
        ),
        Field::Basis => (
            "Selon le contrat, le prestataire facture chaque rendez-vous validé, même si le prospect ne vient pas, ou seulement ceux qui ont vraiment lieu.",
            "Depending on the contract, the provider bills every booked meeting, even when the prospect doesn’t show up, or only the meetings that take place.",
        ),
        Field::Noshow => (
            "Part des rendez-vous validés qui n’ont pas lieu (prospect absent, annulation de dernière minute). Seuls les rendez-vous tenus peuvent produire des ventes.",
            "Share of booked meetings that don’t take place (prospect absent, last-minute cancellation). Only held meetings can lead to sales.",
        ),
        Field::Setup => (
            "Frais ponctuels facturés par le prestataire en plus des rendez-vous (mise en place, forfait de lancement, abonnement). 0 s’il n’y en a pas.",
            "One-off fees the provider bills on top of the meetings (set-up, launch package, retainer). 0 if there are none.",
        ),
        Field::Opp => (
            "Part des rendez-vous tenus qui deviennent une opportunité qualifiée dans votre pipeline. Partez de votre historique ou d’une hypothèse prudente.",
            "Share of held meetings that become a qualified opportunity in your pipeline. Start from your track record or from a cautious guess.",
        ),
        Field::Win => (
            "Part des opportunités qui se concluent par une vente signée. Avec 50\u{a0}% ici et 50\u{a0}% à l’étape précédente, un rendez-vous tenu sur quatre signe.",
            "Share of opportunities that end in a signed sale. With 50% here and 50% at the previous step, one held meeting in four signs.",
        ),
        Field::Rounding => (
            "Prudent\u{a0}: seuls les clients entiers comptent (12,5 ventes attendues donnent 12). En espérance\u{a0}: la moyenne est gardée telle quelle, pratique pour comparer des scénarios.",
            "Prudent: only whole customers count (12.5 expected sales give 12). Expected value: the average is kept as it is, handy for comparing scenarios.",
        ),
        Field::Deal => (
            "Chiffre d’affaires hors taxes de la première vente à un nouveau client.",
            "Revenue, excluding VAT, of the first sale to a new customer.",
        ),
        Field::Margin => (
            "Ce qu’il vous reste sur 100\u{a0}€ vendus, une fois payés les coûts directs (achats, production, livraison). C’est la marge, pas le chiffre d’affaires, qui paie la campagne.",
            "What you keep out of every €100 sold once direct costs (purchases, production, delivery) are paid. The margin, not the revenue, is what pays for the campaign.",
        ),
        Field::Recurring => (
            "Chiffre d’affaires que rapporte chaque année un client qui renouvelle (abonnement, contrat, commandes répétées). 0 si vos clients n’achètent qu’une fois.",
            "Revenue a renewing customer brings in each year (subscription, contract, repeat orders). 0 if your customers buy only once.",
        ),
        Field::Retention => (
            "Part des clients qui renouvellent d’une année sur l’autre. L’effet se cumule\u{a0}: à 80\u{a0}%, il en reste 64\u{a0}% la deuxième année.",
            "Share of customers who renew from one year to the next. It compounds: at 80%, 64% are left in the second year.",
        ),
        Field::Years => (
            "Combien d’années de renouvellement compter après la première vente. 0\u{a0}: seule la première vente est prise en compte.",
            "How many renewal years to count after the first sale. 0: only the first sale is taken into account.",
        ),
        Field::Hours => (
            "Temps passé par vos commerciaux pour chaque rendez-vous tenu\u{a0}: préparation, entretien, déplacement, relances. Le prix du prestataire ne le couvre pas.",
            "Time your salespeople spend on each held meeting: preparation, the meeting, travel, follow-up. The provider’s price doesn’t cover it.",
        ),
        Field::Hourly => (
            "Ce que coûte à l’entreprise une heure de travail d’un commercial, charges, frais et outils compris.",
            "What one hour of a salesperson’s work costs the company, payroll taxes, expenses and tools included.",
        ),
        Field::Fixed => (
            "Coûts internes engagés une fois\u{a0}: briefing du prestataire, paramétrage des outils, temps passé à piloter la campagne.",
            "Internal costs incurred once: briefing the provider, setting up tools, time spent managing the campaign.",
        ),
        Field::Months => (
            "Durée de la campagne\u{a0}; les rendez-vous sont répartis également sur ces mois. Elle sert à dater le moment où la campagne est remboursée.",
            "How long the campaign runs; meetings are spread evenly over these months. It is used to date the moment the campaign has paid for itself.",
        ),
        Field::Cycle => (
            "Délai moyen entre le rendez-vous tenu et la signature. Plus il est long, plus la campagne met de temps à se rembourser.",
            "Average time from the held meeting to the signature. The longer it is, the longer the campaign takes to pay for itself.",
        ),
        Field::Target => (
            "Le ROI que vous voulez atteindre. À 100\u{a0}%, la marge rembourse le coût complet et en rapporte autant en plus. Il donne le prix maximal à accepter.",
            "The ROI you want to reach. At 100%, the margin pays back the full cost and earns as much again. It gives the highest price to accept.",
        ),
        Field::Multiple => (
            "Garde-fou\u{a0}: la marge d’une vente doit valoir au moins ce nombre de fois le prix d’un rendez-vous. À 3, un rendez-vous à 120\u{a0}€ demande 360\u{a0}€ de marge par vente.",
            "Guardrail: the margin on one sale should be at least this many times the price of a meeting. At 3, a €120 meeting calls for €360 of margin per sale.",
        ),
    };
    lang.pick(fr, en)
}

/// The label of one option of a choice input (`basis`: `booked`/`held`;
/// `rounding`: `whole`/`expected`). An unknown token (or a field that is
/// not a choice) gives `""`.
pub fn choice_label(lang: Lang, field: Field, token: &str) -> &'static str {
    let (fr, en) = match (field, token) {
        // Short enough to show whole in a select on a 390 px phone (about
        // 290 px of text; tests/e2e/phone.test.mjs): the field's label, hint
        // and help say the rest.
        (Field::Basis, "booked") => ("Tous, absences comprises", "All booked, no-shows included"),
        (Field::Basis, "held") => ("Seuls les rendez-vous tenus", "Held meetings only"),
        (Field::Rounding, "whole") => ("Clients entiers (prudent)", "Whole customers (prudent)"),
        (Field::Rounding, "expected") => (
            "Ventes en espérance (fractions)",
            "Expected value (fractional sales)",
        ),
        _ => ("", ""),
    };
    lang.pick(fr, en)
}

/// One short line under an input: what it is, at a glance. The longer
/// [`field_help`] sits behind a disclosure.
pub fn field_hint(lang: Lang, field: Field) -> &'static str {
    let (fr, en) = match field {
        Field::Meetings => (
            "Livrés et validés sur la campagne",
            "Delivered and validated over the campaign",
        ),
        Field::Price => (
            "Hors taxes, par rendez-vous facturé",
            "Excl. VAT, per billed meeting",
        ),
        Field::Basis => (
            "Les absences sont-elles facturées\u{a0}?",
            "Are no-shows billed?",
        ),
        Field::Noshow => (
            "Validés mais qui n’ont pas lieu",
            "Booked but not taking place",
        ),
        Field::Setup => (
            "Mise en place, forfait\u{a0}; 0 sinon",
            "Set-up or launch fee; 0 if none",
        ),
        Field::Opp => (
            "Tenus qui deviennent une opportunité",
            "Held meetings that turn into deals",
        ),
        Field::Win => (
            "Opportunités conclues par une vente",
            "Opportunities that end in a sale",
        ),
        Field::Rounding => (
            "Clients entiers, ou ventes en moyenne",
            "Whole customers, or sales on average",
        ),
        Field::Deal => (
            "Chiffre d’affaires de la 1re vente",
            "Revenue of the first sale",
        ),
        Field::Margin => (
            "Ce qui reste après les coûts directs",
            "What is left after direct costs",
        ),
        Field::Recurring => (
            "Par client et par année renouvelée",
            "Per customer, per renewal year",
        ),
        Field::Retention => (
            "Clients qui renouvellent chaque année",
            "Customers who renew each year",
        ),
        Field::Years => (
            "Après la 1re vente\u{a0}; 0\u{a0}: aucune",
            "After the first sale; 0: none",
        ),
        Field::Hours => (
            "Préparation, entretien, relances",
            "Preparation, meeting, follow-up",
        ),
        Field::Hourly => (
            "Charges, frais et outils compris",
            "Payroll taxes, expenses, tools included",
        ),
        Field::Fixed => (
            "Briefing, outils, pilotage\u{a0}: une fois",
            "Briefing, tools, managing: once",
        ),
        Field::Months => (
            "Les rendez-vous s’étalent sur ces mois",
            "Meetings spread over these months",
        ),
        Field::Cycle => (
            "Du rendez-vous à la signature",
            "From the meeting to the signature",
        ),
        Field::Target => (
            "Il fixe le prix maximal à accepter",
            "It sets the highest price to accept",
        ),
        Field::Multiple => (
            "Marge par vente ÷ prix unitaire",
            "Margin per sale ÷ meeting price",
        ),
    };
    lang.pick(fr, en)
}

crate::keyed! {
    /// How the form's inputs are grouped: the few that decide most of the
    /// answer first, then what a sales director refines, each group
    /// collapsed until it is opened or a scenario sets one of its values.
    /// The key is a stable identifier for element ids and tests.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum InputGroup {
        Essentials = "essentials",
        Contract = "contract",
        Loyalty = "loyalty",
        InternalCosts = "internal-costs",
        Timing = "timing",
        Thresholds = "thresholds",
    }
}

impl InputGroup {
    /// The group's fields, in display order.
    pub fn fields(self) -> &'static [Field] {
        match self {
            InputGroup::Essentials => &[
                Field::Meetings,
                Field::Price,
                Field::Noshow,
                Field::Opp,
                Field::Win,
                Field::Deal,
                Field::Margin,
            ],
            InputGroup::Contract => &[Field::Basis, Field::Setup],
            InputGroup::Loyalty => &[Field::Recurring, Field::Retention, Field::Years],
            InputGroup::InternalCosts => &[Field::Hours, Field::Hourly, Field::Fixed],
            InputGroup::Timing => &[Field::Months, Field::Cycle],
            InputGroup::Thresholds => &[Field::Target, Field::Multiple, Field::Rounding],
        }
    }

    /// The group `field` belongs to.
    pub fn of(field: Field) -> InputGroup {
        InputGroup::ALL
            .into_iter()
            .find(|group| group.fields().contains(&field))
            .unwrap_or(InputGroup::Essentials)
    }
}

/// The heading of an input group.
pub fn group_label(lang: Lang, group: InputGroup) -> &'static str {
    let (fr, en) = match group {
        InputGroup::Essentials => ("L’essentiel", "The essentials"),
        InputGroup::Contract => ("Contrat", "Contract"),
        InputGroup::Loyalty => ("Clients fidèles", "Returning customers"),
        InputGroup::InternalCosts => ("Coûts internes", "Internal costs"),
        InputGroup::Timing => ("Calendrier", "Timing"),
        InputGroup::Thresholds => ("Seuils et arrondi", "Thresholds and rounding"),
    };
    lang.pick(fr, en)
}

/// How many of a group's values differ from the defaults, said beside its
/// heading ("2 valeurs modifiées"); empty when none does.
pub fn group_changes(lang: Lang, changed: usize) -> String {
    match (changed, lang) {
        (0, _) => String::new(),
        (1, Lang::Fr) => "1 valeur modifiée".to_string(),
        (n, Lang::Fr) => format!("{n} valeurs modifiées"),
        (1, Lang::En) => "1 value changed".to_string(),
        (n, Lang::En) => format!("{n} values changed"),
    }
}

//! Texts of the page itself (headings, buttons, verdicts), as opposed to
//! the texts of the model's inputs and figures.

use crate::engine::Variant;
use crate::lang::Lang;

crate::listed! {
    /// One fixed text of the page. Exhaustive matches keep both languages complete.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Text {
        /// The browser tab's title and the meta description.
        DocumentTitle,
        MetaDescription,
        AppTitle,
        RoiHelpSummary,
        ScenarioName,
        AppLead,
        LanguageLabel,
        InputsHeading,
        ResultsHeading,
        DetailsHeading,
        DetailsFigure,
        DetailsValue,
        GuardrailsHeading,
        GuardrailMultiple,
        GuardrailLtvCac,
        GuardrailTarget,
        Pass,
        Fail,
        StaleNotice,
        ScenariosHeading,
        ScenariosLead,
        ScenarioInput,
        Prudent,
        Central,
        Ambitious,
        ResetVariant,
        ChartsHeading,
        PriceChartTitle,
        CashChartTitle,
        ScenarioChartTitle,
        ShowChartData,
        ChartPrice,
        ChartNetResult,
        ChartRoi,
        ChartMonth,
        ChartCumulative,
        TargetRoiMarker,
        TargetPrice,
        ChartScenario,
        BreakEven,
        CurrentPrice,
        ProfitableZone,
        Footer,
        SaveOrShare,
        PanelNotLoaded,
        Retry,
    }
}

pub fn text(lang: Lang, key: Text) -> &'static str {
    use Text::*;
    match (lang, key) {
        (Lang::Fr, DocumentTitle) => "ROI de la téléprospection au résultat",
        (Lang::En, DocumentTitle) => "Pay-per-meeting telemarketing ROI",
        (Lang::Fr, MetaDescription) => "Calculez le ROI d’une campagne de téléprospection payée au rendez-vous\u{a0}: coût par rendez-vous tenu, ventes, marge, prix maximal par rendez-vous et retour sur investissement.",
        (Lang::En, MetaDescription) => "Work out the ROI of a telemarketing campaign paid per meeting: cost per held meeting, sales, margin, the highest price per meeting worth paying and return on investment.",
        (Lang::Fr, AppTitle) => "Téléprospection au résultat\u{a0}: la campagne vaut-elle son prix\u{a0}?",
        (Lang::En, AppTitle) => "Pay-per-meeting telemarketing: is the campaign worth its price?",
        (Lang::Fr, AppLead) => "Saisissez votre campagne\u{a0}: le calculateur donne le coût réel d’un rendez-vous tenu, les clients et la marge attendus, le ROI et le prix maximal à payer par rendez-vous. Tout est calculé dans votre navigateur\u{a0}; rien n’est envoyé.",
        (Lang::En, AppLead) => "Describe your campaign: the calculator gives the real cost of a held meeting, the customers and margin to expect, the ROI and the highest price worth paying per meeting. Everything is computed in your browser; nothing is sent anywhere.",
        (Lang::Fr, ScenarioName) => "Nom du scénario (facultatif)",
        (Lang::En, ScenarioName) => "Scenario name (optional)",
        (Lang::Fr, RoiHelpSummary) => "Comment lire ce ROI\u{a0}?",
        (Lang::En, RoiHelpSummary) => "How to read this ROI",
        (Lang::Fr, LanguageLabel) => "Langue",
        (Lang::En, LanguageLabel) => "Language",
        (Lang::Fr, InputsHeading) => "Votre campagne",
        (Lang::En, InputsHeading) => "Your campaign",
        (Lang::Fr, ResultsHeading) => "Résultats",
        (Lang::En, ResultsHeading) => "Results",
        (Lang::Fr, DetailsHeading) => "Tous les chiffres",
        (Lang::En, DetailsHeading) => "Every figure",
        (Lang::Fr, DetailsFigure) => "Indicateur",
        (Lang::En, DetailsFigure) => "Figure",
        (Lang::Fr, DetailsValue) => "Valeur",
        (Lang::En, DetailsValue) => "Value",
        (Lang::Fr, GuardrailsHeading) => "Garde-fous",
        (Lang::En, GuardrailsHeading) => "Guardrails",
        (Lang::Fr, GuardrailMultiple) => "La marge d’un client couvre le multiple visé du prix d’un rendez-vous",
        (Lang::En, GuardrailMultiple) => "The margin of one customer covers the target multiple of the price per meeting",
        (Lang::Fr, GuardrailLtvCac) => "Valeur vie client au moins 3 fois le coût d’acquisition (LTV/CAC ≥ 3)",
        (Lang::En, GuardrailLtvCac) => "Customer lifetime value at least 3 times the acquisition cost (LTV:CAC ≥ 3)",
        (Lang::Fr, GuardrailTarget) => "Le ROI atteint l’objectif",
        (Lang::En, GuardrailTarget) => "ROI reaches the target",
        (Lang::Fr, Pass) => "respecté",
        (Lang::En, Pass) => "pass",
        (Lang::Fr, Fail) => "non respecté",
        (Lang::En, Fail) => "fail",
        (Lang::Fr, StaleNotice) => "Résultats figés sur la dernière saisie valide. À corriger\u{a0}:",
        (Lang::En, StaleNotice) => "Results frozen at the last valid entry. To fix:",
        (Lang::Fr, ScenariosHeading) => "Trois scénarios",
        (Lang::En, ScenariosHeading) => "Three scenarios",
        (Lang::Fr, ScenariosLead) => "Le scénario prudent et le scénario ambitieux partent du central (taux d’absence, conversions, panier, marge et temps commercial ajustés)\u{a0}; modifiez n’importe quelle case pour les affiner.",
        (Lang::En, ScenariosLead) => "The prudent and ambitious scenarios start from the central one (no-show rate, conversion rates, basket, margin and sales time adjusted); edit any cell to refine them.",
        (Lang::Fr, ScenarioInput) => "Donnée",
        (Lang::En, ScenarioInput) => "Input",
        (Lang::Fr, Prudent) => "Prudent",
        (Lang::En, Prudent) => "Prudent",
        (Lang::Fr, Central) => "Central",
        (Lang::En, Central) => "Central",
        (Lang::Fr, Ambitious) => "Ambitieux",
        (Lang::En, Ambitious) => "Ambitious",
        (Lang::Fr, ResetVariant) => "Revenir aux valeurs dérivées",
        (Lang::En, ResetVariant) => "Back to derived values",
        (Lang::Fr, ChartsHeading) => "Graphiques",
        (Lang::En, ChartsHeading) => "Charts",
        (Lang::Fr, PriceChartTitle) => "Résultat net et ROI selon le prix par rendez-vous",
        (Lang::En, PriceChartTitle) => "Net result and ROI by price per meeting",
        (Lang::Fr, CashChartTitle) => "Trésorerie cumulée, mois par mois",
        (Lang::En, CashChartTitle) => "Cumulative net cash, month by month",
        (Lang::Fr, ScenarioChartTitle) => "Les trois scénarios\u{a0}: résultat net (barres) et ROI (sous chaque montant)",
        (Lang::En, ScenarioChartTitle) => "The three scenarios: net result (bars) and ROI (under each amount)",
        (Lang::Fr, ShowChartData) => "Voir les données du graphique",
        (Lang::En, ShowChartData) => "Show the chart’s data",
        (Lang::Fr, ChartPrice) => "Prix par rendez-vous",
        (Lang::En, ChartPrice) => "Price per meeting",
        (Lang::Fr, ChartNetResult) => "Résultat net",
        (Lang::En, ChartNetResult) => "Net result",
        (Lang::Fr, ChartRoi) => "ROI",
        (Lang::En, ChartRoi) => "ROI",
        (Lang::Fr, ChartMonth) => "Mois",
        (Lang::En, ChartMonth) => "Month",
        (Lang::Fr, ChartCumulative) => "Trésorerie cumulée",
        (Lang::En, ChartCumulative) => "Cumulative net cash",
        (Lang::Fr, ChartScenario) => "Scénario",
        (Lang::En, ChartScenario) => "Scenario",
        (Lang::Fr, TargetRoiMarker) => "ROI visé",
        (Lang::En, TargetRoiMarker) => "Target ROI",
        (Lang::Fr, TargetPrice) => "Prix pour le ROI visé",
        (Lang::En, TargetPrice) => "Price for the target ROI",
        (Lang::Fr, BreakEven) => "Prix d’équilibre",
        (Lang::En, BreakEven) => "Break-even price",
        (Lang::Fr, CurrentPrice) => "Prix actuel",
        (Lang::En, CurrentPrice) => "Current price",
        (Lang::Fr, ProfitableZone) => "Prix rentables (sous le prix d’équilibre)",
        (Lang::En, ProfitableZone) => "Prices that pay (below break-even)",
        (Lang::Fr, PanelNotLoaded) => "Cette partie du calculateur n’a pas pu être chargée (réseau)\u{a0}; le reste fonctionne.",
        (Lang::En, PanelNotLoaded) => "This part of the calculator could not be loaded (network); the rest works.",
        (Lang::Fr, Retry) => "Réessayer",
        (Lang::En, Retry) => "Try again",
        (Lang::Fr, SaveOrShare) => "Enregistrer, partager ou imprimer ce scénario ↓",
        (Lang::En, SaveOrShare) => "Save, share or print this scenario ↓",
        (Lang::Fr, Footer) => "Montants en euros hors taxes. Calcul local, sans traceur ni envoi de données.",
        (Lang::En, Footer) => "Amounts in euros excluding VAT. Computed locally, with no tracker and no data sent.",
    }
}

/// The plain-language reading of the central scenario.
pub enum Reading<'a> {
    /// Net result > 0. `per_euro`: net margin per euro spent; `max_price`:
    /// the break-even price per meeting, formatted.
    Profitable {
        per_euro: &'a str,
        roi: &'a str,
        max_price: &'a str,
    },
    BreakEven {
        max_price: &'a str,
    },
    /// Net result < 0; `max_price` is None when no price breaks even.
    Loss {
        loss: &'a str,
        max_price: Option<&'a str>,
    },
    /// Nothing is spent: ROI has no meaning.
    NoCost,
}

pub fn reading(lang: Lang, reading: &Reading) -> String {
    match (lang, reading) {
        (Lang::Fr, Reading::Profitable { per_euro, roi, max_price }) => format!(
            "Chaque euro dépensé rapporte {per_euro} de marge nette (ROI {roi}). Vous pouvez payer jusqu’à {max_price} par rendez-vous avant de perdre de l’argent."
        ),
        (Lang::En, Reading::Profitable { per_euro, roi, max_price }) => format!(
            "Each euro spent returns {per_euro} of net margin (ROI {roi}). You can pay up to {max_price} per meeting before losing money."
        ),
        (Lang::Fr, Reading::BreakEven { max_price }) => format!(
            "La marge couvre tout juste le coût complet. {max_price} par rendez-vous est le prix maximal."
        ),
        (Lang::En, Reading::BreakEven { max_price }) => format!(
            "The margin just covers the full cost. {max_price} per meeting is the highest price."
        ),
        (Lang::Fr, Reading::Loss { loss, max_price: Some(max_price) }) => format!(
            "La campagne perd {loss}. Elle deviendrait rentable sous {max_price} par rendez-vous, ou avec de meilleurs taux de conversion."
        ),
        (Lang::En, Reading::Loss { loss, max_price: Some(max_price) }) => format!(
            "The campaign loses {loss}. It would pay below {max_price} per meeting, or with better conversion rates."
        ),
        (Lang::Fr, Reading::Loss { loss, max_price: None }) => format!(
            "La campagne perd {loss}, et aucun prix par rendez-vous ne suffit à l’équilibrer. Ce sont les taux de conversion, le panier ou la marge qu’il faut revoir."
        ),
        (Lang::En, Reading::Loss { loss, max_price: None }) => format!(
            "The campaign loses {loss}, and no price per meeting would make it break even. The conversion rates, the basket or the margin must change."
        ),
        (Lang::Fr, Reading::NoCost) => "Aucun coût saisi\u{a0}: le ROI n’a pas de sens tant que la campagne ne coûte rien.".to_string(),
        (Lang::En, Reading::NoCost) => "No cost entered: ROI has no meaning while the campaign costs nothing.".to_string(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    StorageNewer,
    StorageOff,
    SaveFailed,
    LinkIgnored,
}

impl NoticeKind {
    pub fn testid(self) -> &'static str {
        match self {
            NoticeKind::StorageNewer => "storage-newer",
            NoticeKind::StorageOff => "storage-off",
            NoticeKind::SaveFailed => "save-failed",
            NoticeKind::LinkIgnored => "link-ignored",
        }
    }
}

pub fn notice_text(lang: Lang, kind: NoticeKind) -> &'static str {
    use NoticeKind::*;
    match (lang, kind) {
        (Lang::Fr, StorageNewer) => "Ce navigateur contient des données d’une version plus récente du calculateur\u{a0}: elles ne sont ni lues ni modifiées ici.",
        (Lang::En, StorageNewer) => "This browser holds data from a newer version of the calculator: it is neither read nor changed here.",
        (Lang::Fr, StorageOff) => "L’enregistrement local est désactivé dans ce navigateur\u{a0}: vos saisies restent valables tant que la page est ouverte. Copiez le lien pour les garder.",
        (Lang::En, StorageOff) => "Local saving is disabled in this browser: your entries last while the page is open. Copy the link to keep them.",
        (Lang::Fr, SaveFailed) => "L’enregistrement a échoué (stockage plein\u{a0}?)\u{a0}: la dernière copie enregistrée est intacte. Copiez le lien pour garder ces chiffres.",
        (Lang::En, SaveFailed) => "Saving failed (storage full?): the last saved copy is intact. Copy the link to keep these figures.",
        (Lang::Fr, LinkIgnored) => "Une partie du lien n’a pas pu être reprise\u{a0}; le reste est chargé\u{a0}:",
        (Lang::En, LinkIgnored) => "Part of the link could not be used; the rest is loaded:",
    }
}

/// One ignored key of a link, in words.
pub fn ignored_text(lang: Lang, item: &crate::link::Ignored) -> String {
    use crate::link::IgnoredReason::*;
    let why = match (lang, &item.reason) {
        (Lang::Fr, UnknownKey) => "paramètre inconnu",
        (Lang::En, UnknownKey) => "unknown parameter",
        (Lang::Fr, UnsupportedVersion) => "version de lien non prise en charge",
        (Lang::En, UnsupportedVersion) => "unsupported link version",
        (Lang::Fr, Invalid(_)) => "valeur refusée",
        (Lang::En, Invalid(_)) => "value rejected",
        (Lang::Fr, TooManyKeys) => "lien trop long, la suite est ignorée",
        (Lang::En, TooManyKeys) => "link too long, the rest is ignored",
        (Lang::Fr, UnsafeTarget) => {
            "adresse refusée (seules les adresses http ou https sont acceptées)"
        }
        (Lang::En, UnsafeTarget) => "address refused (only http or https addresses are accepted)",
        (Lang::Fr, Repeated) => "paramètre répété, la dernière valeur est retenue",
        (Lang::En, Repeated) => "repeated parameter, the last value is used",
        (Lang::Fr, Cut { .. }) => "trop long, coupé à",
        (Lang::En, Cut { .. }) => "too long, cut to",
        (Lang::Fr, BadEncoding) => {
            "codage illisible (un «\u{a0}%\u{a0}» mal formé ou du texte non UTF-8), ignoré"
        }
        (Lang::En, BadEncoding) => {
            "unreadable encoding (a malformed “%” or text that is not UTF-8), ignored"
        }
        (Lang::Fr, OverriddenByFragment) => {
            "aussi donné après le «\u{a0}#\u{a0}» de l’adresse, dont la valeur est retenue"
        }
        (Lang::En, OverriddenByFragment) => {
            "also given after the “#” of the address, whose value is used"
        }
        (Lang::Fr, BadColour) => {
            "couleur refusée (3 ou 6 chiffres hexadécimaux, par exemple 1d4ed8)"
        }
        (Lang::En, BadColour) => "colour refused (3 or 6 hexadecimal digits, e.g. 1d4ed8)",
        (Lang::Fr, BadBackground) => "fond refusé (seule la valeur transparent est acceptée)",
        (Lang::En, BadBackground) => "background refused (only transparent is accepted)",
        (_, TooManyCheckpoints { .. } | Checkpoint(_)) => "",
    };
    let why = match &item.reason {
        Cut { max } => lang.pick(
            format!("{why} {max}\u{a0}caractères"),
            format!("{why} {max} characters"),
        ),
        TooManyCheckpoints { max } => super::track::beyond_checkpoints(lang, *max),
        Checkpoint(refusal) => {
            let field = crate::engine::tracking::parse_checkpoint_key(&item.key)
                .map_or(crate::engine::tracking::CheckpointField::Week, |(_, f)| f);
            super::track::refused_checkpoint(lang, field, refusal)
        }
        _ => why.to_string(),
    };
    // A main-form value gets its field's message, bounds included.
    let field_message = match &item.reason {
        Invalid(problem) => crate::engine::Field::from_key(&item.key)
            .map(|field| super::problem_message(lang, field, problem))
            .or_else(|| super::track::key_problem(lang, &item.key, problem)),
        _ => None,
    };
    let why = match field_message {
        Some(message) => format!("{why}. {message}"),
        None => why,
    };
    let what = if item.value.is_empty() {
        super::quoted(lang, &item.key)
    } else {
        super::quoted(lang, &format!("{}={}", item.key, item.value))
    };
    lang.pick(format!("{what}\u{a0}: {why}"), format!("{what}: {why}"))
}

/// The line after the ignored keys listed: how many more there are.
pub fn ignored_more(lang: Lang, more: usize) -> String {
    match (lang, more) {
        (Lang::Fr, 1) => "… et 1 autre".to_string(),
        (Lang::Fr, _) => format!("… et {more} autres"),
        (Lang::En, _) => format!("… and {more} more"),
    }
}

pub fn dismiss_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Fermer ce message",
        Lang::En => "Dismiss this message",
    }
}

/// Shown instead of a negative break-even or target price: no price per
/// meeting reaches that goal (the exact number stays in `data-value`).
pub fn no_price_reaches(lang: Lang, id: crate::engine::FigureId) -> &'static str {
    use crate::engine::FigureId::MaxPriceForTarget;
    match (lang, id == MaxPriceForTarget) {
        (Lang::Fr, false) => "aucun prix ne rend la campagne rentable",
        (Lang::En, false) => "no price makes the campaign break even",
        (Lang::Fr, true) => "aucun prix n’atteint l’objectif de ROI",
        (Lang::En, true) => "no price reaches the target ROI",
    }
}

/// What the price chart cannot show, said under its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriceChartNote {
    /// Near a zero price the ROI line goes above the axis's top (written).
    RoiAbove(String),
    /// No price reaches the target ROI (written).
    TargetUnreachable(String),
    /// The price for the target ROI (written) is past the chart's right end.
    TargetOffChart(String),
    /// No price breaks even.
    NoBreakEven,
}

pub fn price_chart_note(lang: Lang, note: &PriceChartNote) -> String {
    use PriceChartNote::*;
    match note {
        RoiAbove(top) => lang.pick(
            format!("Aux prix les plus bas, le ROI dépasse {top}\u{a0}: sa courbe sort du cadre."),
            format!("At the lowest prices the ROI goes above {top}: its line leaves the frame."),
        ),
        TargetUnreachable(target) => lang.pick(
            format!("Aucun prix n’atteint le ROI visé ({target})."),
            format!("No price reaches the target ROI ({target})."),
        ),
        TargetOffChart(price) => lang.pick(
            format!("Le prix pour le ROI visé ({price}) est au-delà du graphique."),
            format!("The price for the target ROI ({price}) is beyond the chart."),
        ),
        NoBreakEven => lang
            .pick(
                "Aucun prix par rendez-vous ne rend la campagne rentable.",
                "No price per meeting makes the campaign pay.",
            )
            .to_string(),
    }
}

/// A variant's name: « Prudent », « Central », « Ambitieux ».
pub fn variant_name(lang: Lang, which: Variant) -> &'static str {
    text(
        lang,
        match which {
            Variant::Prudent => Text::Prudent,
            Variant::Central => Text::Central,
            Variant::Ambitious => Text::Ambitious,
        },
    )
}

//! Texts of campaign tracking (`tracking.md`): the panel, its figures, the
//! checkpoint verdict and the invoice check in words, and what a link or a
//! file could not take of a campaign.

use rust_decimal::Decimal;

use super::Lang;
use crate::engine::tracking::{
    CheckpointField, CheckpointFigures, CheckpointProblem, Evidence, Lever, TrackFigureId,
    TrackUndefined, TrackVerdict, TrackedRate, Tracking,
};
use crate::engine::{FieldSpec, Inputs};
use crate::entry::Rejected;
use crate::format::{self, count, money, percent, percent_unsigned};
use crate::scenario::CheckpointRefusal;

crate::listed! {
    /// One fixed text of the tracking panel.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum TrackText {
        Heading,
        Lead,
        Add,
        Full,
        LastWeek,
        Empty,
        EditorLead,
        TableCaption,
        Checkpoint,
        Planned,
        Actions,
        Edit,
        Remove,
        Undo,
        Editing,
        Prior,
        PriorHelp,
        FixFirst,
        FiguresHeading,
        Figure,
        Actual,
        Plan,
        InvoiceHeading,
        OddsHeading,
        Running,
        Pessimistic,
        Median,
        Optimistic,
        VerdictHeading,
        NextPlan,
        NextPlanHelp,
        ChartTitle,
        ChartWeek,
        ChartBooked,
        ChartSales,
        ChartPlanned,
        ChartRoi,
        ChartBand,
        ChartCounts,
    }
}

pub fn track_text(lang: Lang, key: TrackText) -> &'static str {
    use TrackText::*;
    let (fr, en) = match key {
        Heading => ("Suivi de campagne", "Campaign tracking"),
        Lead => (
            "La campagne a commencé\u{a0}? Chaque semaine, notez ce qui s’est passé depuis son début. Le calculateur le compare au plan (le scénario central ci-dessus), réestime les taux d’après ce qui est constaté, projette la fin de la campagne et dit s’il faut continuer, ajuster ou arrêter.",
            "Has the campaign started? Each week, write down what has happened since it began. The calculator compares it with the plan (the central scenario above), re-estimates the rates from what is observed, projects the end of the campaign and says whether to continue, adjust or stop.",
        ),
        Add => ("Ajouter un point d’étape", "Add a checkpoint"),
        Full => ("52 points d’étape au plus.", "52 checkpoints at most."),
        LastWeek => (
            "La semaine 160 est la dernière qu’un point d’étape peut nommer.",
            "Week 160 is the last a checkpoint can name.",
        ),
        Empty => (
            "Aucun point d’étape pour l’instant\u{a0}: ajoutez le premier une fois la campagne lancée.",
            "No checkpoint yet: add the first once the campaign is under way.",
        ),
        EditorLead => (
            "Des cumuls depuis le début de la campagne. Sans montant facturé ni chiffre d’affaires, le calcul reprend ce que les volumes justifient et le panier du plan.",
            "Totals since the campaign began. Without an invoiced amount or revenue, the figures take what the counts justify and the plan’s average sale.",
        ),
        TableCaption => (
            "Points d’étape, et ce que le plan prévoyait à la même semaine",
            "Checkpoints, and what the plan expected by the same week",
        ),
        Checkpoint => ("Point d’étape", "Checkpoint"),
        Planned => ("prévu", "planned"),
        Actions => ("Actions", "Actions"),
        Edit => ("Modifier", "Edit"),
        Remove => ("Supprimer", "Remove"),
        Undo => ("Annuler", "Undo"),
        Editing => ("en cours de modification", "being edited"),
        Prior => ("Poids du plan", "Weight of the plan"),
        PriorHelp => (
            "Combien de rendez-vous constatés valent les taux du plan face à ceux de la campagne. 0\u{a0}: seuls les chiffres constatés comptent.",
            "How many observed meetings the plan’s rates are worth against the campaign’s. 0: only the observed figures count.",
        ),
        FixFirst => (
            "Les chiffres restent ceux du dernier état cohérent\u{a0}: corrigez les valeurs signalées.",
            "The figures stay those of the last consistent state: fix the values marked.",
        ),
        FiguresHeading => ("Au dernier point d’étape", "At the latest checkpoint"),
        Figure => ("Chiffre", "Figure"),
        Actual => ("Constaté ou projeté", "Observed or projected"),
        Plan => ("Plan", "Plan"),
        InvoiceHeading => ("Factures et volumes", "Invoices and counts"),
        OddsHeading => (
            "Chances à la fin de la campagne",
            "Odds at the end of the campaign",
        ),
        Running => ("Calcul en cours…", "Computing…"),
        Pessimistic => ("Pessimiste (P10)", "Pessimistic (P10)"),
        Median => ("Médian (P50)", "Median (P50)"),
        Optimistic => ("Optimiste (P90)", "Optimistic (P90)"),
        VerdictHeading => ("Verdict du point d’étape", "Checkpoint verdict"),
        NextPlan => (
            "Utiliser ces taux comme plan suivant",
            "Use these rates as the next plan",
        ),
        NextPlanHelp => (
            "Met les taux constatés (non honorés, opportunités, signature) dans le formulaire et commence une nouvelle campagne, sans point d’étape. Enregistrez d’abord celle-ci dans vos scénarios pour la garder.",
            "Puts the observed rates (no-shows, opportunities, wins) into the form and starts a new campaign, with no checkpoint. Save this one in your scenarios first to keep it.",
        ),
        ChartTitle => (
            "Plan et réalité\u{a0}: rendez-vous pris et ventes semaine après semaine, ROI projeté (P10–P90) à chaque point d’étape",
            "Plan and reality: booked meetings and sales week by week, projected ROI (P10–P90) at each checkpoint",
        ),
        ChartWeek => ("Semaine", "Week"),
        ChartBooked => ("Rendez-vous pris", "Booked meetings"),
        ChartSales => ("Ventes", "Sales"),
        ChartPlanned => ("trait fin\u{a0}: le plan", "thin line: the plan"),
        ChartRoi => ("ROI projeté", "Projected ROI"),
        ChartBand => ("P10–P90", "P10–P90"),
        ChartCounts => ("Cumuls", "Totals"),
    };
    lang.pick(fr, en)
}

/// The label of a checkpoint's box and column.
pub fn checkpoint_field_label(lang: Lang, field: CheckpointField) -> &'static str {
    use CheckpointField::*;
    let (fr, en) = match field {
        Week => ("Semaine de la campagne", "Campaign week"),
        Booked => ("Rendez-vous pris", "Booked meetings"),
        Held => ("Rendez-vous tenus", "Held meetings"),
        Opps => ("Opportunités", "Opportunities"),
        Sales => ("Ventes signées", "Sales signed"),
        Lost => ("Opportunités perdues", "Opportunities lost"),
        Invoiced => ("Facturé par le prestataire", "Invoiced by the provider"),
        Revenue => ("Chiffre d’affaires signé", "Revenue signed"),
    };
    lang.pick(fr, en)
}

/// One sentence under a checkpoint's box.
pub fn checkpoint_field_help(lang: Lang, field: CheckpointField) -> &'static str {
    use CheckpointField::*;
    let (fr, en) = match field {
        Week => (
            "La semaine 1 est la première de la campagne.",
            "Week 1 is the campaign’s first.",
        ),
        Booked => (
            "Rendez-vous validés depuis le début, tenus ou non.",
            "Meetings booked and validated since the start, held or not.",
        ),
        Held => (
            "Rendez-vous qui ont vraiment eu lieu.",
            "Meetings that actually took place.",
        ),
        Opps => (
            "Rendez-vous tenus devenus une opportunité qualifiée.",
            "Held meetings that became a qualified opportunity.",
        ),
        Sales => (
            "Opportunités conclues par une vente.",
            "Opportunities that ended in a sale.",
        ),
        Lost => (
            "Opportunités perdues pour de bon (les autres sont encore en cours).",
            "Opportunities lost for good (the others are still open).",
        ),
        Invoiced => (
            "Toutes les factures reçues, frais ponctuels compris. Vide\u{a0}: ce que justifient les volumes.",
            "Every invoice received, one-off fee included. Empty: what the counts justify.",
        ),
        Revenue => (
            "Chiffre d’affaires des premières ventes signées. Vide\u{a0}: ventes × panier du plan.",
            "Revenue of the first sales signed. Empty: sales × the plan’s average sale.",
        ),
    };
    lang.pick(fr, en)
}

/// The label of a tracking figure.
pub fn track_figure_label(lang: Lang, id: TrackFigureId) -> &'static str {
    use TrackFigureId::*;
    let (fr, en) = match id {
        Pace => ("Rythme des rendez-vous pris", "Booking pace"),
        Noshow => ("Rendez-vous non honorés", "No-show rate"),
        Opp => (
            "Rendez-vous tenu → opportunité",
            "Held meeting → opportunity",
        ),
        Win => ("Opportunité → vente signée", "Opportunity → sale"),
        NoshowPost => ("Non honorés, réestimé", "No-shows, re-estimated"),
        OppPost => ("Opportunités, réestimé", "Opportunities, re-estimated"),
        WinPost => ("Signature, réestimé", "Win rate, re-estimated"),
        ExpectedInvoice => (
            "Facture justifiée par les volumes",
            "Invoice the counts justify",
        ),
        InvoiceGap => ("Écart de facturation", "Invoice gap"),
        CostPerHeld => (
            "Coût réel par rendez-vous tenu",
            "Actual cost per held meeting",
        ),
        ProjSales => ("Ventes projetées", "Projected sales"),
        ProjTotalCost => ("Coût total projeté", "Projected total cost"),
        ProjNetResult => ("Résultat net projeté", "Projected net result"),
        ProjRoi => ("ROI projeté", "Projected ROI"),
        ProjBreakEvenPrice => (
            "Prix maximal des rendez-vous restants",
            "Highest price for the meetings to come",
        ),
        LossProbability => ("Probabilité de perte", "Probability of a loss"),
        RoiP10 => (
            "ROI projeté, pessimiste (P10)",
            "Projected ROI, pessimistic (P10)",
        ),
        RoiP50 => ("ROI projeté, médian (P50)", "Projected ROI, median (P50)"),
        RoiP90 => (
            "ROI projeté, optimiste (P90)",
            "Projected ROI, optimistic (P90)",
        ),
        Verdict => ("Verdict", "Verdict"),
    };
    lang.pick(fr, en)
}

/// Why a tracking figure shows "—".
pub fn track_undefined(lang: Lang, why: TrackUndefined) -> &'static str {
    let (fr, en) = match why {
        TrackUndefined::NoPlanToDate => (
            "Le plan n’attend encore rien à cette semaine.",
            "The plan expects nothing yet by this week.",
        ),
        TrackUndefined::NoBookedMeetings => (
            "Aucun rendez-vous pris pour l’instant.",
            "No meeting booked yet.",
        ),
        TrackUndefined::NoDecidedOpportunities => (
            "Aucune opportunité gagnée ni perdue pour l’instant.",
            "No opportunity won or lost yet.",
        ),
        TrackUndefined::NoPrice => (
            "Un prix de 0\u{a0}€ par rendez-vous\u{a0}: pas d’équivalent en rendez-vous.",
            "A price of €0 per meeting: no equivalent in meetings.",
        ),
        TrackUndefined::NothingLeftToBill => (
            "Tous les rendez-vous sont déjà facturés.",
            "Every meeting is billed already.",
        ),
        TrackUndefined::Engine(why) => return super::undefined_reason(lang, why),
    };
    lang.pick(fr, en)
}

/// A step of the funnel, as the verdict names it.
pub fn rate_name(lang: Lang, rate: TrackedRate) -> &'static str {
    let (fr, en) = match rate {
        TrackedRate::Noshow => ("rendez-vous non honorés", "no-shows"),
        TrackedRate::Opp => (
            "rendez-vous tenu → opportunité",
            "held meeting → opportunity",
        ),
        TrackedRate::Win => ("opportunité → vente", "opportunity → sale"),
    };
    lang.pick(fr, en)
}

/// The verdict in one word, for the library: "ajuster".
pub fn verdict_word(lang: Lang, verdict: &TrackVerdict) -> &'static str {
    let (fr, en) = match verdict {
        TrackVerdict::Continue => ("continuer", "continue"),
        TrackVerdict::Adjust { .. } => ("ajuster", "adjust"),
        TrackVerdict::Stop { .. } => ("arrêter", "stop"),
        TrackVerdict::Review { .. } => ("à revoir", "review"),
    };
    lang.pick(fr, en)
}

/// The message under a checkpoint's box whose value does not fit the rest
/// of the campaign (`spec`: the box's own bounds): the page's one wording
/// of a box's text not taken.
pub fn checkpoint_problem(lang: Lang, spec: &FieldSpec, problem: &CheckpointProblem) -> String {
    super::rejected_message(lang, spec, &Rejected::Checkpoint(*problem), &[])
}

/// Why a checkpoint of a link or a file was left out, after its key.
pub fn refused_checkpoint(
    lang: Lang,
    field: CheckpointField,
    refusal: &CheckpointRefusal,
) -> String {
    match refusal {
        CheckpointRefusal::Missing => lang
            .pick(
                "valeur manquante, point d’étape ignoré",
                "missing value, checkpoint ignored",
            )
            .to_string(),
        CheckpointRefusal::Problem(problem) => {
            let message = checkpoint_problem(lang, &field.spec(), problem);
            lang.pick(
                format!("point d’étape ignoré. {message}"),
                format!("checkpoint ignored. {message}"),
            )
        }
    }
}

/// A link's key past the last checkpoint.
pub fn beyond_checkpoints(lang: Lang, max: usize) -> String {
    lang.pick(
        format!("au-delà des {max} points d’étape d’une campagne, ignoré"),
        format!("beyond the {max} checkpoints a campaign holds, ignored"),
    )
}

/// "Point d’étape 3, semaine 4": a checkpoint named in a heading or for a
/// screen reader.
pub fn checkpoint_name(lang: Lang, number: usize, week: u32) -> String {
    lang.pick(
        format!("Point d’étape {number}, semaine {week}"),
        format!("Checkpoint {number}, week {week}"),
    )
}

/// Said when a checkpoint is removed (with an undo button next to it).
pub fn checkpoint_removed(lang: Lang, week: u32) -> String {
    lang.pick(
        format!("Point d’étape de la semaine {week} supprimé."),
        format!("Checkpoint of week {week} removed."),
    )
}

/// A count beside what the plan expected: "prévu 15,38".
pub fn planned(lang: Lang, value: &str) -> String {
    lang.pick(format!("prévu {value}"), format!("planned {value}"))
}

/// Where the figures come from when a checkpoint elsewhere than the one
/// being edited needs fixing: "Corrigez le point d’étape 3 (semaine)."
pub fn fix_checkpoint(lang: Lang, number: usize, field: CheckpointField) -> String {
    let field = checkpoint_field_label(lang, field).to_lowercase();
    lang.pick(
        format!("À corriger\u{a0}: point d’étape {number}, {field}."),
        format!("To fix: checkpoint {number}, {field}."),
    )
}

/// Said when the observed rates were put into the form.
pub fn next_plan_loaded(lang: Lang, plan: &Inputs) -> String {
    let rate = |value: Decimal| percent_unsigned(value, lang);
    let (noshow, opp, win) = (rate(plan.noshow), rate(plan.opp), rate(plan.win));
    lang.pick(
        format!("Taux constatés chargés dans le formulaire\u{a0}: non honorés {noshow}, opportunités {opp}, signature {win}. Nouvelle campagne, sans point d’étape."),
        format!("Observed rates loaded into the form: no-shows {noshow}, opportunities {opp}, wins {win}. A new campaign, with no checkpoint."),
    )
}

/// The name of the next campaign's scenario: "PME (suite)", within the
/// 80 characters a name may have (the name is cut, not the suffix).
pub fn next_campaign_name(lang: Lang, name: &str) -> String {
    if name.trim().is_empty() {
        return String::new();
    }
    let suffix = lang.pick(" (suite)", " (next)");
    let room = crate::link::MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
    let kept: String = name.trim().chars().take(room).collect();
    format!("{}{suffix}", kept.trim_end())
}

/// Said beside a copied link that could not carry every checkpoint.
pub fn link_leaves_out(lang: Lang, left_out: usize, total: usize) -> String {
    let kept = total.saturating_sub(left_out);
    lang.pick(
        format!("Le lien porte les {kept} derniers points d’étape sur {total}\u{a0}: un lien ne peut pas être plus long. L’export JSON les garde tous."),
        format!("The link carries the latest {kept} of {total} checkpoints: a link cannot be longer. The JSON export keeps them all."),
    )
}

/// Under the chart: how many trials each past checkpoint's band took
/// (`trials` already formatted).
pub fn band_note(lang: Lang, trials: &str) -> String {
    lang.pick(
        format!("Bande P10–P90 des points d’étape passés\u{a0}: {trials}\u{a0}tirages chacun (le dernier\u{a0}: ceux de la simulation)."),
        format!("P10–P90 band of past checkpoints: {trials} trials each (the latest: the simulation’s)."),
    )
}

/// The library's line for a tracked scenario: "Suivi : ajuster".
pub fn library_tracking(lang: Lang, verdict: &TrackVerdict) -> String {
    let word = verdict_word(lang, verdict);
    lang.pick(format!("Suivi\u{a0}: {word}"), format!("Tracking: {word}"))
}

/// A meeting count as the invoice check says it: "4 rendez-vous".
fn meetings(lang: Lang, value: Decimal) -> String {
    let number = count(value, lang);
    let one = value.abs() == Decimal::ONE || (lang == Lang::Fr && value.abs() < Decimal::ONE);
    match lang {
        Lang::Fr => format!("{number}\u{a0}rendez-vous"),
        Lang::En if one => format!("{number} meeting"),
        Lang::En => format!("{number} meetings"),
    }
}

/// The invoice check in words: whether what was invoiced matches what the
/// counts justify, by how much and how many meetings' worth.
pub fn invoice_check(lang: Lang, invoiced_given: bool, figures: &CheckpointFigures) -> String {
    let (Ok(expected), Ok(invoiced), Ok(gap)) = (
        figures.expected_invoice,
        figures.invoiced,
        figures.invoice_gap,
    ) else {
        return lang
            .pick(
                "Factures et volumes ne peuvent pas être comparés.",
                "Invoices and counts cannot be compared.",
            )
            .to_string();
    };
    let (expected_text, invoiced_text) = (money(expected, lang), money(invoiced, lang));
    if !invoiced_given {
        return lang.pick(
            format!("Aucune facture saisie\u{a0}: le calcul suppose qu’elles correspondent aux volumes ({expected_text})."),
            format!("No invoice entered: the figures assume they match the counts ({expected_text})."),
        );
    }
    if gap.is_zero() {
        return lang.pick(
            format!(
                "Les factures ({invoiced_text}) correspondent à ce que justifient les volumes."
            ),
            format!("The invoices ({invoiced_text}) match what the counts justify."),
        );
    }
    let amount = money(gap.abs(), lang);
    let worth = match figures.invoice_gap_meetings {
        Ok(n) => format!(" ({})", meetings(lang, n.abs())),
        Err(_) => String::new(),
    };
    if gap > Decimal::ZERO {
        lang.pick(
            format!("Les factures dépassent de {amount}{worth} ce que justifient les volumes\u{a0}: {invoiced_text} facturés pour {expected_text}."),
            format!("The invoices exceed what the counts justify by {amount}{worth}: {invoiced_text} invoiced for {expected_text}."),
        )
    } else {
        lang.pick(
            format!("Les factures sont inférieures de {amount}{worth} à ce que justifient les volumes\u{a0}: {invoiced_text} facturés pour {expected_text}."),
            format!("The invoices are {amount}{worth} below what the counts justify: {invoiced_text} invoiced for {expected_text}."),
        )
    }
}

/// A simulated share as the page writes it: "0,3 %"; a few trials out of
/// thousands are not "0 %" (nor are all but a few "100 %").
fn share(lang: Lang, value: f64) -> String {
    if value > 0.0 && value < 0.0005 {
        return lang.pick("moins de 0,1\u{a0}%", "under 0.1%").to_string();
    }
    if (0.9995..1.0).contains(&value) {
        return lang.pick("plus de 99,9\u{a0}%", "over 99.9%").to_string();
    }
    let value = Decimal::from_f64_retain((value * 1000.0).round() / 1000.0).unwrap_or_default();
    percent_unsigned(value, lang)
}

/// What falls short of the plan's goals in the projection: the target
/// ROI, the margin multiple, LTV:CAC ≥ 3.
fn shortfalls(lang: Lang, plan: &Inputs, figures: &CheckpointFigures) -> String {
    let mut parts = Vec::new();
    let roi = figures.proj_roi.ok();
    if roi.is_none_or(|roi| roi < plan.target) {
        let roi = roi.map_or_else(|| format::UNDEFINED.to_string(), |r| percent(r, lang));
        let target = percent(plan.target, lang);
        parts.push(lang.pick(
            format!("ROI {roi} pour un objectif de {target}"),
            format!("ROI {roi} for a target of {target}"),
        ));
    }
    let floor = plan.multiple.checked_mul(plan.price);
    if let (Ok(per_sale), Some(floor)) = (figures.margin_per_sale, floor) {
        if per_sale < floor {
            let (per_sale, times) = (money(per_sale, lang), format::multiple(plan.multiple, lang));
            parts.push(lang.pick(
                format!("marge par vente {per_sale}, sous {times} le prix"),
                format!("margin per sale {per_sale}, under {times} the price"),
            ));
        }
    }
    let ltv = figures.proj_ltv_to_cac.ok();
    if ltv.is_none_or(|ltv| ltv < Decimal::from(3)) {
        let ltv = ltv.map_or_else(
            || format::UNDEFINED.to_string(),
            |x| format::multiple(x, lang),
        );
        parts.push(lang.pick(
            format!("LTV/CAC {ltv} pour 3×\u{a0}au moins"),
            format!("LTV:CAC {ltv} for at least 3×"),
        ));
    }
    let parts = parts.join(", ");
    lang.pick(
        format!("Projeté\u{a0}: {parts}."),
        format!("Projected: {parts}."),
    )
}

/// A rate against the plan: "opportunité → vente à 30,8 % contre 50 % prévus".
fn rate_against_plan(lang: Lang, rate: TrackedRate, observed: Decimal, planned: Decimal) -> String {
    let (name, observed, planned) = (
        rate_name(lang, rate),
        percent_unsigned(observed, lang),
        percent_unsigned(planned, lang),
    );
    lang.pick(
        format!("{name} à {observed} contre {planned} prévus"),
        format!("{name} at {observed} against {planned} planned"),
    )
}

/// How much of the plan's step a rate lost: "38,5 % de ventes en moins que prévu".
fn shortfall_words(lang: Lang, rate: TrackedRate, shortfall: Decimal) -> String {
    let share = percent_unsigned(shortfall, lang);
    match rate {
        TrackedRate::Noshow => lang.pick(
            format!("{share} de rendez-vous tenus en moins que prévu"),
            format!("{share} fewer held meetings than planned"),
        ),
        TrackedRate::Opp => lang.pick(
            format!("{share} d’opportunités en moins que prévu"),
            format!("{share} fewer opportunities than planned"),
        ),
        TrackedRate::Win => lang.pick(
            format!("{share} de ventes en moins que prévu"),
            format!("{share} fewer sales than planned"),
        ),
    }
}

/// What the price lever says: the highest price for the meetings to come.
fn price_words(lang: Lang, price: Decimal, break_even: Decimal) -> String {
    if break_even < Decimal::ZERO {
        return lang
            .pick(
                "aucun prix des rendez-vous restants ne l’équilibre",
                "no price for the meetings to come saves it",
            )
            .to_string();
    }
    let (price, break_even) = (money(price, lang), format::price_ceiling(break_even, lang));
    lang.pick(
        format!("pour l’équilibrer, les rendez-vous restants devraient coûter {break_even} au plus, contre {price}"),
        format!("to break even, the meetings to come would have to cost {break_even} at most, against {price}"),
    )
}

/// The lever in words, in the verdict's sentence.
fn lever_words(lang: Lang, lever: &Lever) -> String {
    match *lever {
        Lever::Rate {
            rate,
            observed,
            planned,
            shortfall,
        } => format!(
            "{}, {}",
            rate_against_plan(lang, rate, observed, planned),
            shortfall_words(lang, rate, shortfall)
        ),
        Lever::Price {
            price, break_even, ..
        } => price_words(lang, price, break_even),
    }
}

/// The count that measures a rate, as the review's evidence names it.
fn evidence_words(lang: Lang, evidence: &Evidence) -> String {
    let name = rate_name(lang, evidence.rate);
    let (observed, to_come) = (
        count(evidence.observed, lang),
        count(evidence.to_come, lang),
    );
    let unit = match evidence.rate {
        TrackedRate::Noshow => lang.pick("rendez-vous pris", "booked meetings"),
        TrackedRate::Opp => lang.pick("rendez-vous tenus", "held meetings"),
        TrackedRate::Win => lang.pick("opportunités décidées", "decided opportunities"),
    };
    lang.pick(
        format!("Ce qui tranchera\u{a0}: {name}, mesuré sur {observed} {unit} à ce jour, {to_come} à venir."),
        format!("What will decide it: {name}, measured on {observed} {unit} so far, {to_come} to come."),
    )
}

/// The checkpoint verdict in plain words: what to do, which lever and by
/// how much, or what evidence would decide.
pub fn verdict_text(lang: Lang, plan: &Inputs, tracking: &Tracking) -> String {
    let figures = &tracking.figures;
    let roi = figures
        .proj_roi
        .map_or_else(|_| format::UNDEFINED.to_string(), |r| percent(r, lang));
    let loss = figures
        .proj_net_result
        .map(|net| money(net.abs(), lang))
        .unwrap_or_default();
    let odds = share(lang, tracking.odds.loss_probability);
    match &tracking.verdict {
        TrackVerdict::Continue => {
            let target = percent(plan.target, lang);
            lang.pick(
                format!("Continuer\u{a0}: le ROI projeté ({roi}) atteint l’objectif ({target}) et les garde-fous tiennent."),
                format!("Continue: the projected ROI ({roi}) reaches the target ({target}) and the guardrails hold."),
            )
        }
        TrackVerdict::Adjust { lever } => {
            let why = shortfalls(lang, plan, figures);
            match lever {
                Some(lever) => {
                    let lever = lever_words(lang, lever);
                    lang.pick(
                        format!("Ajuster\u{a0}: {lever}. {why}"),
                        format!("Adjust: {lever}. {why}"),
                    )
                }
                None => lang.pick(
                    format!("Ajuster\u{a0}: rien ne dévie du plan, c’est le plan qui n’atteint pas ses objectifs. {why}"),
                    format!("Adjust: nothing is behind plan; the plan itself falls short of its goals. {why}"),
                ),
            }
        }
        TrackVerdict::Stop { lever } => {
            let head = lang.pick(
                format!(
                    "Arrêter\u{a0}: la campagne projetée perd {loss}, et {odds} des tirages aussi."
                ),
                format!(
                    "Stop: the projected campaign loses {loss}, and so do {odds} of the trials."
                ),
            );
            match lever {
                Some(Lever::Price {
                    price, break_even, ..
                }) => {
                    let words = price_words(lang, *price, *break_even);
                    let mut chars = words.chars();
                    let words: String = chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect())
                        .unwrap_or_default();
                    format!("{head} {words}.")
                }
                Some(lever) => {
                    let lever = lever_words(lang, lever);
                    lang.pick(
                        format!("{head} Ce qui a le plus dévié\u{a0}: {lever}."),
                        format!("{head} What moved most: {lever}."),
                    )
                }
                None => head,
            }
        }
        TrackVerdict::Review { evidence } => {
            let head = match figures.proj_net_result {
                Ok(_) => lang.pick(
                    format!("À revoir\u{a0}: la projection perd {loss}, mais pas la plupart des tirages ({odds} perdent)."),
                    format!("Review: the projection loses {loss}, but most trials do not ({odds} lose)."),
                ),
                Err(why) => {
                    let why = track_undefined(lang, why);
                    lang.pick(
                        format!("À revoir\u{a0}: la projection n’est pas calculable. {why}"),
                        format!("Review: the projection cannot be worked out. {why}"),
                    )
                }
            };
            match evidence {
                Some(evidence) => format!("{head} {}", evidence_words(lang, evidence)),
                None => lang.pick(
                    format!("{head} Aucun taux n’est incertain\u{a0}: seul un changement du plan décidera."),
                    format!("{head} No rate is uncertain: only a change of plan will decide."),
                ),
            }
        }
    }
}

/// The message for a refused value of a campaign key (`chk2.held`,
/// `track_prior`), with its bounds; `None` for any other key.
pub fn key_problem(lang: Lang, key: &str, problem: &crate::engine::Problem) -> Option<String> {
    let spec = match crate::engine::tracking::parse_checkpoint_key(key) {
        Some((_, field)) => field.spec(),
        None if key == crate::engine::tracking::TRACK_PRIOR_KEY => {
            crate::engine::tracking::TRACK_PRIOR_SPEC
        }
        None => return None,
    };
    Some(super::rejected_message(
        lang,
        &spec,
        &Rejected::Invalid(*problem),
        &[],
    ))
}

/// A tracking figure as the page writes it: rates unsigned, the projected
/// ROI signed, money to the cent, the highest price rounded down (or, below
/// zero, that no price saves the campaign); "—" when undefined.
pub fn track_figure_text(
    lang: Lang,
    id: TrackFigureId,
    figure: &crate::engine::tracking::TrackFigure,
) -> String {
    use TrackFigureId::*;
    let Ok(value) = figure else {
        return format::UNDEFINED.to_string();
    };
    let value = *value;
    match id {
        Pace | Noshow | Opp | Win | NoshowPost | OppPost | WinPost | LossProbability => {
            percent_unsigned(value, lang)
        }
        ProjRoi | RoiP10 | RoiP50 | RoiP90 => percent(value, lang),
        ExpectedInvoice | InvoiceGap | CostPerHeld | ProjTotalCost | ProjNetResult => {
            money(value, lang)
        }
        ProjBreakEvenPrice if value < Decimal::ZERO => lang
            .pick("aucun prix ne l’équilibre", "no price saves it")
            .to_string(),
        ProjBreakEvenPrice => format::price_ceiling(value, lang),
        ProjSales | Verdict => count(value, lang),
    }
}

/// A simulated figure (`None`: no trial had a cost): the loss probability
/// unsigned, ROI percentiles signed, to a tenth of a point.
pub fn odds_text(lang: Lang, id: TrackFigureId, value: Option<f64>) -> String {
    let Some(value) = value else {
        return format::UNDEFINED.to_string();
    };
    match id {
        TrackFigureId::LossProbability => share(lang, value),
        _ => {
            let value =
                Decimal::from_f64_retain((value * 1000.0).round() / 1000.0).unwrap_or_default();
            percent(value, lang)
        }
    }
}

/// What the plan says of the figure `id` (the "Plan" column): its rates,
/// its figures for the whole campaign, what it expected invoiced by the
/// checkpoint's week (`invoice_to_date`), the price it pays.
pub fn plan_figure_text(
    lang: Lang,
    id: TrackFigureId,
    plan: &Inputs,
    outcome: &crate::engine::Outcome,
    invoice_to_date: &crate::engine::tracking::TrackFigure,
) -> String {
    use TrackFigureId::*;
    let figure = |value: &crate::engine::Figure| match value {
        Ok(value) => Ok(*value),
        Err(why) => Err(TrackUndefined::Engine(*why)),
    };
    match id {
        Pace => percent_unsigned(Decimal::ONE, lang),
        Noshow | NoshowPost => percent_unsigned(plan.noshow, lang),
        Opp | OppPost => percent_unsigned(plan.opp, lang),
        Win | WinPost => percent_unsigned(plan.win, lang),
        ExpectedInvoice => track_figure_text(lang, id, invoice_to_date),
        InvoiceGap => money(Decimal::ZERO, lang),
        CostPerHeld => track_figure_text(lang, id, &figure(&outcome.cost_per_held)),
        ProjSales => track_figure_text(lang, id, &figure(&outcome.sales)),
        ProjTotalCost => track_figure_text(lang, id, &figure(&outcome.total_cost)),
        ProjNetResult => track_figure_text(lang, id, &figure(&outcome.net_result)),
        ProjRoi | RoiP10 | RoiP50 | RoiP90 => {
            track_figure_text(lang, ProjRoi, &figure(&outcome.roi))
        }
        ProjBreakEvenPrice => {
            let price = money(plan.price, lang);
            lang.pick(format!("payé {price}"), format!("paying {price}"))
        }
        LossProbability | Verdict => format::UNDEFINED.to_string(),
    }
}

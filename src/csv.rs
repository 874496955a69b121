//! The CSV of one scenario's inputs and results, for spreadsheets. Above
//! the texts (`i18n`): it writes labels and units in the user's language.
//! Pure: the download is `browser::files`.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::engine::Field;
use crate::engine::{evaluate, FigureId, FigureUnit, Variant};
use crate::i18n::library::{library_text, LibraryText as T};
use crate::i18n::page::{text as page_text, Text};
use crate::i18n::{choice_label, field_label, field_unit, figure_label, Lang};
use crate::scenario::Draft;

/// How a spreadsheet in `lang`'s locale reads CSV: French Excel and
/// LibreOffice expect `;` between cells and the decimal comma.
fn separator(lang: Lang) -> char {
    lang.pick(';', ',')
}

/// One text cell: quoted when it holds the separator, a quote or a line
/// break; a leading `=`, `+`, `-` or `@` is escaped with `'` so that a
/// scenario name is never run as a formula.
fn text_cell(text: &str, lang: Lang) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([separator(lang), '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A plain decimal (`-12.5`) as the spreadsheet reads it: `-12,5` in French.
fn number_cell(plain: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => plain.replace('.', ","),
        Lang::En => plain.to_string(),
    }
}

/// A figure in the unit its column states: ratios as percent numbers,
/// amounts to the cent, at most two decimals; empty when undefined.
fn figure_cell(
    id: FigureId,
    figure: &Result<Decimal, crate::engine::Undefined>,
    lang: Lang,
) -> String {
    let Ok(value) = figure else {
        return String::new();
    };
    let value = match id.unit() {
        FigureUnit::Ratio => value.checked_mul(Decimal::ONE_HUNDRED),
        _ => Some(*value),
    };
    value
        .map(|v| {
            let rounded = v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            number_cell(&rounded.normalize().to_string(), lang)
        })
        .unwrap_or_default()
}

fn figure_unit(lang: Lang, id: FigureId) -> &'static str {
    match id.unit() {
        FigureUnit::Count => "",
        FigureUnit::Money => "€",
        FigureUnit::Ratio => "%",
        FigureUnit::Multiple => "×",
        FigureUnit::Month => library_text(lang, T::CsvMonth),
    }
}

/// The CSV of one scenario: its name, the date and the link, then every
/// input and every figure for the prudent, central and ambitious variants,
/// then, for a tracked campaign, one row per checkpoint (its values in
/// force, what the plan expected by its week, its projected ROI) and the
/// latest checkpoint's verdict.
/// UTF-8 with a byte-order mark (so that Excel reads accents and `€`),
/// CRLF line ends, `;` and the decimal comma in French, `,` and the
/// decimal point in English.
pub fn export_csv(draft: &Draft, lang: Lang, date: &str, link: &str) -> String {
    let sep = separator(lang).to_string();
    let mut out = String::from('\u{feff}');
    let mut row = |cells: &[String]| {
        out.push_str(&cells.join(&sep));
        out.push_str("\r\n");
    };
    let text = |t: &str| text_cell(t, lang);
    let label = |key: T| text(library_text(lang, key));
    row(&[label(T::CsvScenario), text(&draft.name)]);
    row(&[label(T::CsvDate), text(date)]);
    row(&[label(T::CsvLink), text(link)]);
    row(&[]);
    let variants = Variant::ALL.map(|which| draft.inputs(which));
    let heading = |first: T| {
        let mut cells = vec![label(first), label(T::CsvUnit)];
        cells.extend(Variant::ALL.iter().map(|which| {
            text(page_text(
                lang,
                match which {
                    Variant::Prudent => Text::Prudent,
                    Variant::Central => Text::Central,
                    Variant::Ambitious => Text::Ambitious,
                },
            ))
        }));
        cells
    };
    row(&heading(T::CsvInput));
    for field in Field::ALL {
        let mut cells = vec![
            text(field_label(lang, field)),
            text(field_unit(lang, field)),
        ];
        cells.extend(variants.iter().map(|inputs| {
            let plain = inputs.plain(field);
            match inputs.number(field) {
                Some(_) => number_cell(&plain, lang),
                None => text(choice_label(lang, field, &plain)),
            }
        }));
        row(&cells);
    }
    row(&[]);
    row(&heading(T::CsvResult));
    let outcomes = variants.map(|inputs| evaluate(&inputs));
    for id in FigureId::ALL {
        let mut cells = vec![text(figure_label(lang, id)), text(figure_unit(lang, id))];
        cells.extend(
            outcomes
                .iter()
                .map(|o| figure_cell(id, &o.figure(id), lang)),
        );
        row(&cells);
    }
    if !draft.checkpoints.is_empty() {
        row(&[]);
        for cells in tracking_rows(draft, lang) {
            row(&cells);
        }
    }
    out
}

/// A plain decimal rounded to two places, as a spreadsheet cell.
fn decimal_cell(value: Decimal, lang: Lang) -> String {
    let rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    number_cell(&rounded.normalize().to_string(), lang)
}

/// The campaign's rows: a heading, one row per checkpoint, the weight of
/// the plan and the latest verdict in words.
fn tracking_rows(draft: &Draft, lang: Lang) -> Vec<Vec<String>> {
    use crate::engine::tracking::{assess, track, CheckpointField as C, TrackFigureId};
    use crate::i18n::track::{
        checkpoint_field_label, track_figure_label, track_text, verdict_text, TrackText,
    };
    let text = |t: &str| text_cell(t, lang);
    let plan = draft.inputs(Variant::Central);
    let campaign = draft.tracking();
    let planned = track_text(lang, TrackText::Planned);
    let label = |field: C| checkpoint_field_label(lang, field);
    let mut heading = vec![
        text(track_text(lang, TrackText::Checkpoint)),
        text(label(C::Week)),
    ];
    for field in [C::Booked, C::Held, C::Opps, C::Sales] {
        heading.push(text(label(field)));
        heading.push(text(&format!("{} ({planned})", label(field))));
    }
    heading.push(text(label(C::Lost)));
    heading.push(text(&format!("{} (€)", label(C::Invoiced))));
    heading.push(text(&format!("{} (€)", label(C::Revenue))));
    heading.push(text(&format!(
        "{} (%)",
        track_figure_label(lang, TrackFigureId::ProjRoi)
    )));
    let mut rows = vec![vec![text(track_text(lang, TrackText::Heading))], heading];
    let figure = |value: &crate::engine::tracking::TrackFigure| {
        value.map(|v| decimal_cell(v, lang)).unwrap_or_default()
    };
    for (index, checkpoint) in campaign.checkpoints.iter().enumerate() {
        let f = assess(&plan, checkpoint, campaign.track_prior);
        let number = |field: C| {
            checkpoint
                .number(field)
                .map(|v| decimal_cell(v, lang))
                .unwrap_or_default()
        };
        let mut cells = vec![(index + 1).to_string(), number(C::Week)];
        for (field, plan_to_date) in [
            (C::Booked, f.booked_plan),
            (C::Held, f.held_plan),
            (C::Opps, f.opps_plan),
            (C::Sales, f.sales_plan),
        ] {
            cells.push(number(field));
            cells.push(figure(&plan_to_date));
        }
        cells.push(number(C::Lost));
        cells.push(figure(&f.invoiced));
        cells.push(figure(&f.revenue));
        cells.push(
            f.proj_roi
                .ok()
                .and_then(|roi| roi.checked_mul(Decimal::ONE_HUNDRED))
                .map(|percent| decimal_cell(percent, lang))
                .unwrap_or_default(),
        );
        rows.push(cells);
    }
    rows.push(vec![
        text(track_text(lang, TrackText::Prior)),
        campaign.track_prior.to_string(),
    ]);
    let (trials, seed) = (
        draft
            .risk
            .trials
            .unwrap_or(crate::engine::risk::DEFAULT_TRIALS),
        draft.risk.seed.unwrap_or(crate::engine::risk::DEFAULT_SEED),
    );
    if let Some(tracking) = track(&plan, &campaign, trials, seed) {
        rows.push(vec![
            text(track_text(lang, TrackText::VerdictHeading)),
            text(&verdict_text(lang, &plan, &tracking)),
        ]);
    }
    rows
}

//! Prudent, central and ambitious side by side: editable inputs and a
//! comparison of their results.
//!
//! The table reads the variants through copies that follow them at once
//! while it is on screen and once typing pauses otherwise: an edit in the
//! form then wakes a dozen effects here instead of the table's ~400
//! reactive nodes (issue #18: they were half of each keystroke's script).

use leptos::prelude::*;

use crate::engine::{Field, FieldKind, FigureId, Inputs, Uncertain, Variant};
use crate::i18n::page::{text, variant_name, Text};
use crate::i18n::{choice_label, field_label, figure_label};
use crate::ui::field::{field_rejected, field_shown, Control};
use crate::ui::figures::{data_value, figure_text};
use crate::ui::state::{Calculator, VariantReading};
use crate::ui::visible::{deferred, deferred_on};

/// The inputs that differ between variants by default come first: the
/// uncertain ones, which the variants move (and the risk panel draws).
const UNCERTAIN: [Field; 6] = [
    Uncertain::Noshow.field(),
    Uncertain::Opp.field(),
    Uncertain::Win.field(),
    Uncertain::Deal.field(),
    Uncertain::Margin.field(),
    Uncertain::Hours.field(),
];

const COMPARED: [FigureId; 5] = [
    FigureId::Sales,
    FigureId::NetResult,
    FigureId::Roi,
    FigureId::CostPerSale,
    FigureId::BreakEvenPrice,
];

/// The table's copies: the three variants, then the central inputs.
#[derive(Clone, Copy)]
struct Followed {
    readings: [VariantReading; 3],
    central: Signal<Inputs>,
}

impl Followed {
    fn new(calc: Calculator, on_screen: RwSignal<bool>) -> Self {
        let reading = |which: Variant| {
            let live = calc.variant(which);
            // Off screen, prudent and ambitious are not even evaluated on a
            // keystroke: what they follow is watched instead (the central
            // scenario, computed for the form anyway, and their own texts).
            let inputs = move || {
                calc.central().track();
                live.texts.track();
                calc.lang.track();
            };
            VariantReading {
                shown: deferred_on(on_screen, inputs, move || live.shown.get()).into(),
                errors: deferred_on(on_screen, inputs, move || live.errors.get()).into(),
                outcome: deferred_on(on_screen, inputs, move || live.outcome.get()).into(),
            }
        };
        Followed {
            readings: Variant::ALL.map(reading),
            central: deferred(on_screen, move || calc.central().with(|c| c.inputs.clone())).into(),
        }
    }

    fn reading(&self, which: Variant) -> VariantReading {
        self.readings[which as usize]
    }
}

#[component]
fn VariantCell(field: Field, which: Variant, reading: VariantReading) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let label = Signal::derive(move || {
        format!(
            "{} — {}",
            field_label(lang.get(), field),
            variant_name(lang.get(), which)
        )
    });
    let id = format!("{}-{}", which.key(), field.key());
    let error_id = format!("error-{id}");
    let overridden = move || {
        calc.variant(which)
            .texts
            .with(|texts| texts.contains_key(&field))
    };
    let rejected = field_rejected(reading, field);
    view! {
        <td class:overridden=overridden class:invalid=move || rejected.with(Option::is_some)>
            <Control field which shown=field_shown(reading, field) id error_id rejected label />
        </td>
    }
}

#[component]
fn InputRow(field: Field, followed: Followed) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    // A memo, so that only the edited field's cell formats its value again.
    let plain = Memo::new(move |_| followed.central.with(|c| c.plain(field)));
    let central = move || {
        let plain = plain.get();
        match field.spec().kind {
            FieldKind::Choice(_) => choice_label(lang.get(), field, &plain).to_string(),
            _ => crate::entry::plain_to_text(field, &plain, lang.get()),
        }
    };
    view! {
        <tr>
            <th scope="row">{move || field_label(lang.get(), field)}</th>
            <VariantCell field which=Variant::Prudent reading=followed.reading(Variant::Prudent) />
            <td class="central-value">{central}</td>
            <VariantCell field which=Variant::Ambitious reading=followed.reading(Variant::Ambitious) />
        </tr>
    }
}

#[component]
fn ResultRow(id: FigureId, followed: Followed) -> impl IntoView {
    let lang = expect_context::<Calculator>().lang;
    let cell = move |which: Variant| {
        let reading = followed.reading(which);
        let figure = Memo::new(move |_| reading.outcome.with(|o| o.figure(id)));
        // Frozen, like the main figures, while a cell of the variant is wrong.
        view! {
            <td
                class:stale=move || reading.frozen()
                data-testid=format!("scenario-{}-{}", which.key(), id.testid())
                data-value=move || figure.with(data_value)
            >
                {move || figure.with(|f| figure_text(lang.get(), id, f))}
            </td>
        }
    };
    view! {
        <tr>
            <th scope="row">{move || figure_label(lang.get(), id)}</th>
            {cell(Variant::Prudent)}
            {cell(Variant::Central)}
            {cell(Variant::Ambitious)}
        </tr>
    }
}

#[component]
pub fn Scenarios() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let others = Field::ALL.iter().filter(|field| !UNCERTAIN.contains(field));
    let reset = move |_| {
        calc.variant(Variant::Prudent).texts.set(Default::default());
        calc.variant(Variant::Ambitious)
            .texts
            .set(Default::default());
    };
    let section = NodeRef::<leptos::html::Section>::new();
    let on_screen = crate::ui::visible::on_screen(move || section.get().map(Into::into));
    let followed = Followed::new(calc, on_screen);
    view! {
        <section node_ref=section class="scenarios" aria-labelledby="scenarios-heading">
            <h2 id="scenarios-heading">{move || text(lang.get(), Text::ScenariosHeading)}</h2>
            <p class="lead">{move || text(lang.get(), Text::ScenariosLead)}</p>
            // Focusable so keyboard users can scroll the table on a phone.
            <div class="table-scroll" tabindex="0">
                <table class="scenario-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || text(lang.get(), Text::ScenarioInput)}</th>
                            {Variant::ALL
                                .iter()
                                .map(|which| {
                                    let which = *which;
                                    view! { <th scope="col">{move || variant_name(lang.get(), which)}</th> }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody class="results-rows">
                        {COMPARED.iter().map(|id| view! { <ResultRow id=*id followed /> }).collect_view()}
                    </tbody>
                    <tbody>
                        {UNCERTAIN.iter().map(|field| view! { <InputRow field=*field followed /> }).collect_view()}
                        {others.map(|field| view! { <InputRow field=*field followed /> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <button type="button" on:click=reset>{move || text(lang.get(), Text::ResetVariant)}</button>
            <crate::ui::charts::ScenarioChart readings=followed.readings />
        </section>
    }
}

//! Prudent, central and ambitious side by side: editable inputs and a
//! comparison of their results.

use leptos::prelude::*;

use crate::engine::{Field, FieldKind, FigureId, Uncertain, Variant};
use crate::i18n::page::{text, variant_name, Text};
use crate::i18n::{choice_label, field_label, figure_label};
use crate::ui::field::{field_rejected, Control};
use crate::ui::figures::{data_value, figure_text};
use crate::ui::state::Calculator;

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

#[component]
fn VariantCell(field: Field, which: Variant) -> impl IntoView {
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
    let rejected = field_rejected(calc, field, which);
    view! {
        <td class:overridden=overridden class:invalid=move || rejected.with(Option::is_some)>
            <Control field which id error_id rejected label />
        </td>
    }
}

#[component]
fn InputRow(field: Field) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    // A memo, so that only the edited field's cell formats its value again.
    let plain = Memo::new(move |_| calc.central().with(|c| c.inputs.plain(field)));
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
            <VariantCell field which=Variant::Prudent />
            <td class="central-value">{central}</td>
            <VariantCell field which=Variant::Ambitious />
        </tr>
    }
}

#[component]
fn ResultRow(id: FigureId) -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let cell = move |which: Variant| {
        let figure = Memo::new(move |_| calc.variant(which).outcome.with(|o| o.figure(id)));
        // Frozen, like the main figures, while a cell of the variant is wrong.
        view! {
            <td
                class:stale=move || calc.variant(which).frozen()
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
    // Laid out once in full before it may be skipped off screen (style:
    // `.scenarios.measured`): the size a skipped table keeps is then its own,
    // not an estimate, and a jump past it lands where it should.
    let measured = RwSignal::new(false);
    Effect::new(move |_| {
        request_animation_frame(move || request_animation_frame(move || measured.set(true)))
    });
    view! {
        <section class="scenarios" class:measured=measured aria-labelledby="scenarios-heading">
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
                        {COMPARED.iter().map(|id| view! { <ResultRow id=*id /> }).collect_view()}
                    </tbody>
                    <tbody>
                        {UNCERTAIN.iter().map(|field| view! { <InputRow field=*field /> }).collect_view()}
                        {others.map(|field| view! { <InputRow field=*field /> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <button type="button" on:click=reset>{move || text(lang.get(), Text::ResetVariant)}</button>
            <crate::ui::charts::ScenarioChart />
        </section>
    }
}

//! The plain-language verdict on the central scenario, headed by its
//! meaning in one word and coloured by it (text first, colour second).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::Outcome;
use crate::format::{money, percent, price_ceiling};
use crate::i18n::answer::{answer_text, AnswerText};
use crate::i18n::page::{reading, Reading};
use crate::lang::Lang;
use crate::ui::state::Calculator;

/// What the verdict says in one word, and the class that colours it.
fn verdict_kind(outcome: &Outcome) -> (AnswerText, &'static str) {
    match (outcome.net_result, outcome.roi) {
        (Ok(net), Ok(_)) if net > Decimal::ZERO => (AnswerText::Profitable, "good"),
        (Ok(net), Ok(_)) if net < Decimal::ZERO => (AnswerText::Loss, "bad"),
        (Ok(_), Ok(_)) => (AnswerText::BreakEven, "even"),
        _ => (AnswerText::NoCost, "even"),
    }
}

fn verdict_text(lang: Lang, outcome: &Outcome) -> String {
    let (Ok(net), Ok(roi)) = (outcome.net_result, outcome.roi) else {
        return reading(lang, &Reading::NoCost);
    };
    let break_even = outcome
        .break_even_price
        .ok()
        .filter(|price| *price >= Decimal::ZERO);
    let max_price = break_even.map(|price| price_ceiling(price, lang));
    // A loss that only a price under one cent would cure has no price that
    // cures it: "it would pay below 0 €" is no advice.
    let cures = break_even.is_some_and(|price| price >= Decimal::new(1, 2));
    let per_euro = money(roi, lang);
    let roi = percent(roi, lang);
    let loss = money(net.abs(), lang);
    let max = max_price.as_deref();
    let text = match net.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater => Reading::Profitable {
            per_euro: &per_euro,
            roi: &roi,
            max_price: max.unwrap_or("—"),
        },
        std::cmp::Ordering::Equal => Reading::BreakEven {
            max_price: max.unwrap_or("—"),
        },
        std::cmp::Ordering::Less => Reading::Loss {
            loss: &loss,
            max_price: max.filter(|_| cures),
        },
    };
    reading(lang, &text)
}

/// The verdict's class (`good`, `bad`, `even`), for whatever else carries
/// its colour (the summary bar).
pub fn verdict_class(outcome: &Outcome) -> &'static str {
    verdict_kind(outcome).1
}

#[component]
pub fn Verdict() -> impl IntoView {
    let calc = expect_context::<Calculator>();
    let lang = calc.lang;
    let kind = Memo::new(move |_| calc.outcome().with(verdict_kind));
    view! {
        <p class=move || format!("verdict {}", kind.get().1) data-testid="verdict" data-kind=move || kind.get().1 aria-live="polite">
            <strong class="verdict-title">{move || answer_text(lang.get(), kind.get().0)}</strong>
            " "
            <span>{move || calc.outcome().with(|outcome| verdict_text(lang.get(), outcome))}</span>
        </p>
    }
}

//! The page's state: what the user typed, per scenario, and what follows
//! from it. Data flows one way: typed text → validated inputs → outcome.

use std::collections::BTreeMap;

use crate::maps::map_of;

use leptos::prelude::*;

use crate::engine::risk::{DEFAULT_SEED, DEFAULT_TRIALS};
use crate::engine::tracking::{Checkpoint, TrackingInputs, DEFAULT_TRACK_PRIOR};
use crate::engine::{
    derive_variant, evaluate, Field, FieldKind, FieldSet, Figure, FigureId, Inputs, Outcome,
    RangeField, RiskInputs, Variant,
};
use crate::entry::{checked_inputs, plain_to_text, problem_of, Checked, InputError, Rejected};
use crate::lang::Lang;
use crate::scenario::{Draft, RiskDraft, SegmentDraft};
use crate::ui::fan_out::{fan_out, FanOut};

/// Texts typed into the form, by field, in the user's locale.
pub type Texts = BTreeMap<Field, String>;

/// Range ends typed into the risk panel, in the user's locale (only the
/// ends the user overrode; the others follow the central scenario).
pub type RangeTexts = BTreeMap<RangeField, String>;

/// One reading of the scenario (prudent, central or ambitious): what was
/// typed, and what follows from it.
#[derive(Clone, Copy)]
pub struct VariantState {
    /// The central scenario: one text per field; prudent and ambitious:
    /// only the fields the user overrode.
    pub texts: RwSignal<Texts>,
    /// Validated; keeps the last valid inputs while a field is wrong
    /// (`errors` then says what to fix).
    pub checked: Memo<Checked>,
    pub outcome: Memo<Outcome>,
    /// What the variant's controls read: the fields in error and the text
    /// each control shows. An edit that changes neither wakes no control,
    /// and no control subscribes to the language or the whole validated
    /// scenario (issue #8: that fan-out was a fifth of each keystroke's
    /// script time at 4× CPU).
    pub errors: Memo<Vec<InputError>>,
    pub shown: Memo<Texts>,
}

impl VariantState {
    /// `texts` read on top of `base` (the defaults for the central scenario,
    /// the values derived from it for the others).
    fn new(
        texts: Texts,
        lang: RwSignal<Lang>,
        base: impl Fn() -> Inputs + Send + Sync + 'static,
    ) -> Self {
        let texts = RwSignal::new(texts);
        // Like the central scenario, a variant keeps its last valid inputs
        // while one of its cells is wrong, rather than falling back to the
        // derived value of that cell.
        let checked = Memo::new(move |previous: Option<&Checked>| {
            keep_last_valid(checked_inputs(&base(), &texts.get(), lang.get()), previous)
        });
        VariantState {
            texts,
            checked,
            outcome: Memo::new(move |_| evaluate(&checked.with(|c| c.inputs.clone()))),
            errors: Memo::new(move |_| checked.with(|c| c.errors.clone())),
            shown: Memo::new(move |_| {
                shown_texts(&texts.read(), &checked.read().inputs, lang.get())
            }),
        }
    }

    /// What its controls and figures read, as it changes.
    pub fn reading(&self) -> VariantReading {
        VariantReading {
            shown: self.shown.into(),
            errors: self.errors.into(),
            outcome: self.outcome.into(),
        }
    }

    /// Whether its figures are frozen on its last valid inputs (one of its
    /// fields is wrong). Reads the errors memo, which changes only when the
    /// errors do, not the scenario, which changes every edit.
    pub fn frozen(&self) -> bool {
        self.reading().frozen()
    }
}

/// What a variant's controls and figures read: its live memos
/// ([`VariantState::reading`]), or copies that an off-screen panel keeps
/// (`ui::scenarios`), which follow them once typing pauses.
#[derive(Clone, Copy)]
pub struct VariantReading {
    pub shown: Signal<Texts>,
    pub errors: Signal<Vec<InputError>>,
    pub outcome: Signal<Outcome>,
}

impl VariantReading {
    /// See [`VariantState::frozen`].
    pub fn frozen(&self) -> bool {
        self.errors.with(|errors| !errors.is_empty())
    }
}

/// Everything the page shows derives from these signals.
#[derive(Clone, Copy)]
pub struct Calculator {
    pub lang: RwSignal<Lang>,
    pub name: RwSignal<String>,
    /// Prudent, central, ambitious, in `Variant::ALL` order.
    variants: [VariantState; 3],
    /// The risk panel's settings (saved and shared with the scenario).
    pub range_texts: RwSignal<RangeTexts>,
    pub trials: RwSignal<u32>,
    pub seed: RwSignal<u64>,
    /// Named segments, each a full scenario (saved and shared too).
    pub segments: RwSignal<Vec<SegmentDraft>>,
    /// The decision tools' inputs that differ from their defaults, plain by key.
    pub tools: RwSignal<BTreeMap<String, String>>,
    /// The campaign's checkpoints as edited: a value may not fit the rest
    /// yet (held above booked), and the tracking panel says what to fix.
    pub checkpoints: RwSignal<Vec<Checkpoint>>,
    pub track_prior: RwSignal<u32>,
    /// The campaign as saved and shared: the checkpoints as edited while
    /// they fit together, else the last ones that did (as the form keeps
    /// its last valid values).
    pub campaign: Memo<TrackingInputs>,
    /// How many scenarios were loaded over what was on screen (library,
    /// pasted link, other tab): what reacts to a new scenario arriving, not
    /// to typing, tracks it.
    pub loads: RwSignal<u64>,
    /// [`Calculator::draft`], built once per change for every reader
    /// (autosave, address, library state) and unchanged by unreadable text.
    snapshot: Memo<Draft>,
    /// The central scenario key by key (`ui::fan_out`): a keystroke wakes
    /// the edited field's control and the figures that changed.
    central_keys: CentralKeys,
}

/// The text a control of `field` shows, from a variant's shown texts.
pub fn shown_of(shown: &Texts, field: Field) -> String {
    shown.get(&field).cloned().unwrap_or_default()
}

/// Why `field` is not taken, from a variant's errors.
pub fn rejected_of(errors: &[InputError], field: Field) -> Option<Rejected> {
    problem_of(errors, field).cloned()
}

/// The central scenario's shown texts, problems and figures, one signal each.
#[derive(Clone, Copy)]
struct CentralKeys {
    shown: FanOut<String, { Field::ALL.len() }>,
    rejected: FanOut<Option<Rejected>, { Field::ALL.len() }>,
    figures: FanOut<Figure, { FigureId::ALL.len() }>,
}

impl CentralKeys {
    fn new(central: VariantState) -> Self {
        CentralKeys {
            shown: fan_out(Field::ALL, move |field| {
                central.shown.with(|s| shown_of(s, field))
            }),
            rejected: fan_out(Field::ALL, move |field| {
                central.errors.with(|e| rejected_of(e, field))
            }),
            figures: fan_out(FigureId::ALL, move |id| {
                central.outcome.with(|outcome| outcome.figure(id))
            }),
        }
    }

    fn sync(&self) {
        self.shown.sync();
        self.rejected.sync();
        self.figures.sync();
    }
}

impl Calculator {
    /// A calculator showing `draft` in `lang`.
    pub fn new(draft: &Draft, lang: Lang) -> Self {
        let lang = RwSignal::new(lang);
        let initial_lang = lang.get_untracked();
        let central = VariantState::new(
            texts_of(&draft.central, initial_lang),
            lang,
            Inputs::default,
        );
        let derived = move |which: Variant, overrides: &crate::scenario::PlainValues| {
            VariantState::new(texts_of(overrides, initial_lang), lang, move || {
                central.checked.with(|c| derive_variant(&c.inputs, which))
            })
        };
        let variants = [
            derived(Variant::Prudent, &draft.prudent),
            central,
            derived(Variant::Ambitious, &draft.ambitious),
        ];
        let checkpoints = RwSignal::new(draft.checkpoints.clone());
        let track_prior = RwSignal::new(draft.track_prior());
        let campaign = Memo::new(move |previous: Option<&TrackingInputs>| {
            let edited = TrackingInputs {
                checkpoints: checkpoints.get(),
                track_prior: track_prior.get(),
            };
            match previous {
                Some(previous) if !edited.validate().is_empty() => TrackingInputs {
                    track_prior: edited.track_prior,
                    ..previous.clone()
                },
                _ => edited,
            }
        });
        let mut calc = Self {
            lang,
            name: RwSignal::new(draft.name.clone()),
            variants,
            range_texts: RwSignal::new(range_texts_of(&draft.risk, initial_lang)),
            trials: RwSignal::new(draft.risk.trials.unwrap_or(DEFAULT_TRIALS)),
            seed: RwSignal::new(draft.risk.seed.unwrap_or(DEFAULT_SEED)),
            segments: RwSignal::new(draft.segments.clone()),
            tools: RwSignal::new(draft.tools.clone()),
            checkpoints,
            track_prior,
            campaign,
            loads: RwSignal::new(0),
            snapshot: Memo::new(|_| Draft::default()),
            central_keys: CentralKeys::new(central),
        };
        // The closure's copy of `calc` still holds the placeholder: it
        // builds the draft from the signals and never reads `snapshot`.
        calc.snapshot = Memo::new(move |_| calc.build_draft());
        calc
    }

    /// One reading of the scenario.
    pub fn variant(&self, which: Variant) -> VariantState {
        self.variants[which as usize]
    }

    /// The central scenario, validated (the main form's).
    pub fn central(&self) -> Memo<Checked> {
        self.variant(Variant::Central).checked
    }

    /// The central scenario's figures.
    pub fn outcome(&self) -> Memo<Outcome> {
        self.variant(Variant::Central).outcome
    }

    /// The text a central field's control shows.
    pub fn shown(&self, field: Field) -> Signal<String> {
        self.central_keys.shown.key(field as usize).into()
    }

    /// Why what was typed into a central field is not taken.
    pub fn rejected(&self, field: Field) -> Signal<Option<Rejected>> {
        self.central_keys.rejected.key(field as usize).into()
    }

    /// One figure of the central scenario.
    pub fn figure(&self, id: FigureId) -> Signal<Figure> {
        self.central_keys.figures.key(id as usize).into()
    }

    /// Switches language, rewriting every readable number in the new
    /// locale (text that does not parse is left as typed).
    pub fn switch_language(&self, to: Lang) {
        let from = self.lang.get_untracked();
        if from == to {
            return;
        }
        for which in Variant::ALL {
            self.variant(which).texts.update(|texts| {
                for (field, text) in texts.iter_mut() {
                    if let Ok(plain) = crate::entry::text_to_plain(*field, text, from) {
                        *text = plain_to_text(*field, &plain, to);
                    }
                }
            });
        }
        self.range_texts.update(|texts| {
            for text in texts.values_mut() {
                *text = crate::format::retyped(text, from, to);
            }
        });
        self.lang.set(to);
    }

    /// What to save or share: the last valid values, as plain text. Reactive.
    pub fn draft(&self) -> Draft {
        self.snapshot.get()
    }

    /// The same, not tracked (work done later, out of any effect).
    pub fn draft_untracked(&self) -> Draft {
        self.snapshot.get_untracked()
    }

    /// Subscribes the running effect to every signal the draft is built
    /// from, without building it: the autosave reads the draft once typing
    /// pauses, not on every keystroke. Keep it in step with `build_draft`.
    pub fn track_draft(&self) {
        self.central().track();
        self.campaign.track();
        self.lang.track();
        for which in [Variant::Prudent, Variant::Ambitious] {
            self.variant(which).texts.track();
        }
        self.name.track();
        self.range_texts.track();
        self.trials.track();
        self.seed.track();
        self.segments.track();
        self.tools.track();
    }

    fn build_draft(&self) -> Draft {
        let central = self.central().with(|c| c.inputs.clone());
        let campaign = self.campaign.get();
        let lang = self.lang.get();
        let overrides = |which: Variant| {
            let texts = self.variant(which).texts;
            texts.with(|texts| {
                map_of(texts.iter().filter_map(|(field, text)| {
                    crate::entry::text_to_plain(*field, text, lang)
                        .ok()
                        .map(|plain| (*field, plain))
                }))
            })
        };
        Draft {
            name: self.name.get(),
            central: map_of(
                Field::ALL
                    .iter()
                    .map(|field| (*field, central.plain(*field))),
            ),
            prudent: overrides(Variant::Prudent),
            ambitious: overrides(Variant::Ambitious),
            risk: self.risk_draft(lang),
            segments: self.segments.get(),
            tools: self.tools.get(),
            checkpoints: campaign.checkpoints,
            track_prior: Some(campaign.track_prior).filter(|k| *k != DEFAULT_TRACK_PRIOR),
        }
    }

    /// The risk settings to save or share: every readable end the base
    /// field accepts, and the trial count and seed when not the defaults.
    fn risk_draft(&self, lang: Lang) -> RiskDraft {
        let ends = self.range_texts.with(|texts| {
            map_of(texts.iter().filter_map(|(field, text)| {
                let plain = crate::format::parse_number(text, lang).ok()?;
                let mut probe = RiskInputs::default();
                probe.set(*field, &plain).ok()?;
                Some((*field, probe.plain(*field)?))
            }))
        });
        RiskDraft {
            ends,
            trials: Some(self.trials.get()).filter(|t| *t != DEFAULT_TRIALS),
            seed: Some(self.seed.get()).filter(|s| *s != DEFAULT_SEED),
        }
    }

    /// Puts what a visitor typed into the prerendered page's boxes (text in
    /// French, the prerendered page's language) into the boxes of the live
    /// one: the main form's inputs and the scenario's name; other boxes are
    /// below the fold, where nobody types in the first seconds.
    pub fn keep_typed(&self, typed: &[(String, String)]) {
        let lang = self.lang.get_untracked();
        for (name, text) in typed {
            if name == "scenario-name" {
                self.name.set(text.clone());
            } else if let Some(field) = Field::from_key(name) {
                let text = crate::format::retyped(text, Lang::Fr, lang);
                self.variant(Variant::Central).texts.update(|texts| {
                    texts.insert(field, text);
                });
            }
        }
        // Before the mount: the live boxes must be built with this text, or
        // writing it a moment later would move the caret the visitor left.
        self.central_keys.sync();
    }

    /// Puts `values` in the main form (the central scenario); the variants'
    /// overrides, the risk settings and the segments stay as they are.
    pub fn load_central(&self, values: &crate::scenario::PlainValues) {
        self.variant(Variant::Central)
            .texts
            .set(texts_of(values, self.lang.get_untracked()));
        self.loads.update(|loads| *loads += 1);
    }

    /// Replaces everything the user sees by `draft`.
    pub fn load(&self, draft: &Draft) {
        let lang = self.lang.get_untracked();
        self.name.set(draft.name.clone());
        let [prudent, central, ambitious] = self.variants;
        central.texts.set(texts_of(&draft.central, lang));
        prudent.texts.set(texts_of(&draft.prudent, lang));
        ambitious.texts.set(texts_of(&draft.ambitious, lang));
        self.range_texts.set(range_texts_of(&draft.risk, lang));
        self.trials.set(draft.risk.trials.unwrap_or(DEFAULT_TRIALS));
        self.seed.set(draft.risk.seed.unwrap_or(DEFAULT_SEED));
        self.segments.set(draft.segments.clone());
        self.tools.set(draft.tools.clone());
        self.checkpoints.set(draft.checkpoints.clone());
        self.track_prior.set(draft.track_prior());
        self.loads.update(|loads| *loads += 1);
    }
}

fn keep_last_valid(fresh: Checked, previous: Option<&Checked>) -> Checked {
    match previous {
        Some(previous) if !fresh.errors.is_empty() => Checked {
            inputs: previous.inputs.clone(),
            errors: fresh.errors,
        },
        _ => fresh,
    }
}

/// Plain values (link, storage) → texts in the user's locale.
fn texts_of(plain: &BTreeMap<Field, String>, lang: Lang) -> Texts {
    map_of(
        plain
            .iter()
            .map(|(field, value)| (*field, plain_to_text(*field, value, lang))),
    )
}

fn shown_texts(typed: &Texts, inputs: &Inputs, lang: Lang) -> Texts {
    map_of(Field::ALL.iter().map(|field| {
        let text = typed
            .get(field)
            .cloned()
            .unwrap_or_else(|| plain_to_text(*field, &inputs.plain(*field), lang));
        (*field, text)
    }))
}

/// Saved or shared range ends → texts in the user's locale.
fn range_texts_of(risk: &RiskDraft, lang: Lang) -> RangeTexts {
    map_of(
        risk.ends
            .iter()
            .map(|(field, value)| (*field, crate::format::plain_for_input(value, lang))),
    )
}

/// Whether a field is typed (a number) rather than chosen.
pub fn is_choice(field: Field) -> bool {
    matches!(field.spec().kind, FieldKind::Choice(_))
}

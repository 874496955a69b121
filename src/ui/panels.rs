//! The split points: each panel below the answer comes in a wasm chunk of
//! its own (`ui::lazy`), and the core does not carry their code.

crate::split_panel!(
    /// The three scenarios side by side.
    scenarios => leptos::prelude::view! { <crate::ui::scenarios::Scenarios /> }
);
crate::split_panel!(
    /// The price, cash and scenario charts.
    charts => leptos::prelude::view! { <crate::ui::charts::Charts /> }
);
crate::split_panel!(
    /// Compare models, plan from a goal, capacity, segments.
    decide => leptos::prelude::view! { <crate::ui::decide::Decide /> }
);
crate::split_panel!(
    /// Ranges, simulation, histogram and tornado.
    risk => leptos::prelude::view! { <crate::ui::risk::RiskPanel /> }
);
crate::split_panel!(
    /// Save, share, export, import and print.
    library => leptos::prelude::view! { <crate::ui::library::Library /> }
);
crate::split_panel!(
    /// Campaign tracking: checkpoints against the plan.
    track => leptos::prelude::view! { <crate::ui::track::TrackPanel /> }
);

//! "Suivi de campagne" (`tracking.md`): the scenario is the plan; the user
//! records checkpoints of what happened, and the panel shows each against
//! the plan to date, the latest one's figures, odds and verdict, and a
//! chart of plan against actual. One component per file; the panel's
//! state is [`state::TrackState`].

pub mod chart;
pub mod checkpoint_box;
pub mod editor;
pub mod figures;
pub mod fix_list;
pub mod next_plan;
pub mod odds;
pub mod panel;
pub mod prior;
pub mod row;
pub mod state;
pub mod status;
pub mod table;
pub mod verdict;

pub use panel::TrackPanel;

//! Texts of the segments panel (`decision-tools.md` §4).

use super::Lang;

crate::listed! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum SegmentText {
        Heading,
        Lead,
        Add,
        Full,
        Empty,
        Rank,
        Segment,
        Actions,
        Load,
        Replace,
        Remove,
        Undo,
        ChartTitle,
    }
}

pub fn segment_text(lang: Lang, key: SegmentText) -> &'static str {
    use SegmentText::*;
    let (fr, en) = match key {
        Heading => ("Quel segment rapporte le plus\u{a0}?", "Which segment pays best?"),
        Lead => (
            "Un segment est un scénario complet pour un type de cible\u{a0}: son prix par rendez-vous, son entonnoir, son panier, sa marge. Réglez le formulaire pour une cible, ajoutez-la, puis passez à la suivante\u{a0}: le classement suit.",
            "A segment is a full scenario for one kind of target: its price per meeting, funnel, basket and margin. Set the form for one target, add it, then move on to the next: the ranking follows.",
        ),
        Add => (
            "Ajouter le scénario du formulaire comme segment",
            "Add the form’s scenario as a segment",
        ),
        Full => ("Douze segments au plus.", "Twelve segments at most."),
        Empty => (
            "Aucun segment pour l’instant.",
            "No segment yet.",
        ),
        Rank => ("Rang", "Rank"),
        Segment => ("Segment", "Segment"),
        Actions => ("Actions", "Actions"),
        Load => ("Charger dans le formulaire", "Load into the form"),
        Replace => ("Remplacer par le formulaire", "Replace with the form"),
        Remove => ("Supprimer", "Remove"),
        Undo => ("Annuler", "Undo"),
        ChartTitle => (
            "Résultat net par segment (barres) et ROI (sous chaque montant)",
            "Net result per segment (bars) and ROI (under each amount)",
        ),
    };
    lang.pick(fr, en)
}

/// The name a new segment gets: "Segment 3".
pub fn default_segment_name(lang: Lang, number: usize) -> String {
    lang.pick(format!("Segment {number}"), format!("Segment {number}"))
}

/// The label of a segment's name box.
pub fn segment_name_label(lang: Lang, number: usize) -> String {
    lang.pick(
        format!("Nom du segment {number}"),
        format!("Name of segment {number}"),
    )
}

/// Said when a segment is removed (with an undo button next to it).
pub fn segment_removed(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("Segment «\u{a0}{name}\u{a0}» supprimé."),
        format!("Segment “{name}” removed."),
    )
}

/// Said when a segment is loaded into the form.
pub fn segment_loaded(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("«\u{a0}{name}\u{a0}» est chargé dans le formulaire."),
        format!("“{name}” is loaded into the form."),
    )
}

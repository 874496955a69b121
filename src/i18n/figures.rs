//! The results: labels and help texts of the engine's figures.

use super::Lang;
use crate::engine::FigureId;

/// The short label of a figure.
pub fn figure_label(lang: Lang, id: FigureId) -> &'static str {
    let (fr, en) = match id {
        FigureId::Held => ("Rendez-vous tenus", "Held meetings"),
        FigureId::Billed => ("Rendez-vous facturés", "Billed meetings"),
        FigureId::Opportunities => ("Opportunités", "Opportunities"),
        FigureId::SalesExpected => ("Ventes attendues", "Expected sales"),
        FigureId::Sales => ("Ventes signées", "Signed sales"),
        FigureId::ProviderCost => ("Coût prestataire", "Provider cost"),
        FigureId::InternalCost => ("Coûts internes", "Internal costs"),
        FigureId::TotalCost => ("Coût complet", "Full cost"),
        FigureId::Revenue => ("Chiffre d’affaires", "Revenue"),
        FigureId::GrossMargin => ("Marge brute", "Gross margin"),
        FigureId::NetResult => ("Résultat net", "Net result"),
        FigureId::Roi => ("ROI", "ROI"),
        FigureId::MarginMultiple => ("Marge ÷ coût complet", "Margin ÷ full cost"),
        FigureId::ProviderCostPerHeld => (
            "Coût prestataire par rendez-vous tenu",
            "Provider cost per held meeting",
        ),
        FigureId::CostPerHeld => (
            "Coût complet par rendez-vous tenu",
            "Full cost per held meeting",
        ),
        FigureId::CostPerSale => ("Coût d’acquisition d’un client", "Cost per new customer"),
        FigureId::MarginPerSale => ("Marge par vente", "Margin per sale"),
        FigureId::LtvRevenue => (
            "Valeur vie client (chiffre d’affaires)",
            "Customer lifetime value (revenue)",
        ),
        FigureId::LtvMargin => (
            "Valeur vie client (marge)",
            "Customer lifetime value (margin)",
        ),
        FigureId::LifetimeMargin => (
            "Marge sur la durée de vie des clients",
            "Margin over the customers’ lifetime",
        ),
        FigureId::LifetimeNet => ("Résultat net sur la durée de vie", "Lifetime net result"),
        FigureId::LifetimeRoi => ("ROI sur la durée de vie", "Lifetime ROI"),
        FigureId::LtvToCac => (
            "Valeur vie client ÷ coût d’acquisition",
            "Lifetime value ÷ acquisition cost",
        ),
        FigureId::BreakEvenPrice => (
            "Prix d’équilibre par rendez-vous",
            "Break-even price per meeting",
        ),
        FigureId::MaxPriceForTarget => (
            "Prix maximal pour le ROI visé",
            "Highest price for the target ROI",
        ),
        FigureId::BreakEvenSaleRate => ("Taux de signature d’équilibre", "Break-even close rate"),
        FigureId::PaybackMonth => ("Mise récupérée au", "Paid back in"),
    };
    lang.pick(fr, en)
}

/// What a figure means and how it is computed, in one to three sentences.
pub fn figure_help(lang: Lang, id: FigureId) -> &'static str {
    let (fr, en) = match id {
        FigureId::Held => (
            "Rendez-vous validés moins les absences\u{a0}: ceux où vos commerciaux rencontrent vraiment le prospect.",
            "Booked meetings minus no-shows: the ones where your salespeople actually meet the prospect.",
        ),
        FigureId::Billed => (
            "Les rendez-vous que le prestataire vous facture\u{a0}: tous les rendez-vous validés ou seulement les tenus, selon le contrat.",
            "The meetings the provider invoices: every booked meeting or only the held ones, depending on the contract.",
        ),
        FigureId::Opportunities => (
            "Rendez-vous tenus qui deviennent une affaire qualifiée dans votre pipeline.",
            "Held meetings that turn into a qualified deal in your pipeline.",
        ),
        FigureId::SalesExpected => (
            "Opportunités × taux de signature, avant tout arrondi. C’est une moyenne, qui peut tomber entre deux clients.",
            "Opportunities × win rate, before any rounding. It is an average, which can fall between two customers.",
        ),
        FigureId::Sales => (
            "Les nouveaux clients retenus pour le calcul\u{a0}: les ventes attendues arrondies à l’unité inférieure en lecture prudente, ou telles quelles en espérance.",
            "The new customers the calculation counts: expected sales rounded down in the prudent reading, or as they are in the expected-value reading.",
        ),
        FigureId::ProviderCost => (
            "Prix par rendez-vous × rendez-vous facturés, plus les frais ponctuels du prestataire.",
            "Price per meeting × billed meetings, plus the provider’s one-off fee.",
        ),
        FigureId::InternalCost => (
            "Temps de vos commerciaux sur les rendez-vous tenus (heures × coût horaire chargé) plus vos coûts internes ponctuels. Souvent oubliés, ils changent la rentabilité réelle.",
            "Your salespeople’s time on held meetings (hours × loaded hourly cost) plus your one-off internal costs. Often left out, they change the real profitability.",
        ),
        FigureId::TotalCost => (
            "Coût prestataire + coûts internes\u{a0}: ce que la campagne coûte vraiment à l’entreprise.",
            "Provider cost + internal costs: what the campaign really costs the company.",
        ),
        FigureId::Revenue => (
            "Ventes signées × panier moyen de la première vente, hors renouvellements.",
            "Signed sales × average first sale, renewals left aside.",
        ),
        FigureId::GrossMargin => (
            "Chiffre d’affaires × taux de marge brute. C’est la marge, et non le chiffre d’affaires, qui paie la campagne.",
            "Revenue × gross margin rate. The margin, not the revenue, is what pays for the campaign.",
        ),
        FigureId::NetResult => (
            "Marge brute − coût complet. Positif\u{a0}: la campagne rapporte plus qu’elle ne coûte.",
            "Gross margin − full cost. Positive: the campaign brings in more than it costs.",
        ),
        FigureId::Roi => (
            "Gain net ÷ coût complet\u{a0}: ce que chaque euro dépensé rapporte en plus de lui-même. À +100\u{a0}%, la campagne rembourse son coût et gagne autant.",
            "Net gain ÷ full cost: what each euro spent earns on top of itself. At +100%, the campaign pays back its cost and earns as much again.",
        ),
        FigureId::MarginMultiple => (
            "Marge brute ÷ coût complet\u{a0}: les euros de marge obtenus pour un euro dépensé. Au-dessus de 1×, la campagne est rentable. C’est ce rapport, diminué de 1, qui donne le ROI (4,8× donne +380\u{a0}%).",
            "Gross margin ÷ full cost: euros of margin earned per euro spent. Above 1×, the campaign is profitable. This ratio minus 1 is the ROI (4.8× gives +380%).",
        ),
        FigureId::ProviderCostPerHeld => (
            "Ce que le prestataire vous coûte pour chaque rendez-vous qui a eu lieu. Les absences facturées et les frais ponctuels le font passer au-dessus du prix affiché.",
            "What the provider costs you for each meeting that took place. Billed no-shows and the one-off fee push it above the list price.",
        ),
        FigureId::CostPerHeld => (
            "Coût complet ÷ rendez-vous tenus\u{a0}: le vrai prix d’un rendez-vous, temps interne compris.",
            "Full cost ÷ held meetings: the real price of a meeting, internal time included.",
        ),
        FigureId::CostPerSale => (
            "Coût complet ÷ ventes signées\u{a0}: ce que coûte chaque nouveau client (le coût d’acquisition client, ou CAC).",
            "Full cost ÷ signed sales: what each new customer costs (the customer acquisition cost, or CAC).",
        ),
        FigureId::MarginPerSale => (
            "Panier moyen × taux de marge\u{a0}: la marge laissée par une première vente.",
            "Average first sale × margin rate: the margin left by one first sale.",
        ),
        FigureId::LtvRevenue => (
            "Première vente plus les renouvellements attendus\u{a0}: chaque année, le chiffre d’affaires annuel d’un client fidèle pondéré par la part de clients encore présents.",
            "First sale plus the expected renewals: each year, a retained customer’s yearly revenue weighted by the share of customers still there.",
        ),
        FigureId::LtvMargin => (
            "Valeur vie client en chiffre d’affaires × taux de marge\u{a0}: ce que rapporte un client sur toute la relation.",
            "Customer lifetime revenue × margin rate: what one customer earns you over the whole relationship.",
        ),
        FigureId::LifetimeMargin => (
            "Ventes signées × valeur vie client en marge\u{a0}: la marge de tous les clients gagnés, renouvellements compris.",
            "Signed sales × customer lifetime margin: the margin from every customer won, renewals included.",
        ),
        FigureId::LifetimeNet => (
            "Marge sur la durée de vie des clients − coût complet.",
            "Margin over the customers’ lifetime − full cost.",
        ),
        FigureId::LifetimeRoi => (
            "Résultat net sur la durée de vie ÷ coût complet. Sans renouvellement compté, il est égal au ROI.",
            "Lifetime net result ÷ full cost. With no renewal counted, it equals the ROI.",
        ),
        FigureId::LtvToCac => (
            "Valeur vie client en marge ÷ coût d’acquisition d’un client. Un repère courant demande au moins 3×.",
            "Customer lifetime margin ÷ cost per new customer. A common rule of thumb asks for at least 3×.",
        ),
        FigureId::BreakEvenPrice => (
            "Le prix par rendez-vous facturé au-delà duquel la campagne perd de l’argent, tout le reste égal. S’il est négatif, aucun prix ne la rend rentable.",
            "The price per billed meeting above which the campaign loses money, everything else unchanged. If it is negative, no price makes it profitable.",
        ),
        FigureId::MaxPriceForTarget => (
            "Le prix par rendez-vous le plus élevé qui permet encore d’atteindre le ROI visé. S’il est négatif, aucun prix ne l’atteint.",
            "The highest price per meeting that still reaches the target ROI. If it is negative, no price reaches it.",
        ),
        FigureId::BreakEvenSaleRate => (
            "Part des rendez-vous tenus qui doivent aboutir à une vente pour couvrir le coût complet, en moyenne et sans arrondi. À comparer à votre taux réel.",
            "Share of held meetings that must end in a sale to cover the full cost, on average and without rounding. Compare it with your actual rate.",
        ),
        FigureId::PaybackMonth => (
            "Le mois à partir duquel la marge cumulée couvre pour de bon tout ce qui a été dépensé, cycle de vente compris. Le mois 1 est le premier mois de la campagne.",
            "The month from which the cumulative margin covers, for good, everything spent so far, sales cycle included. Month 1 is the campaign’s first month.",
        ),
    };
    lang.pick(fr, en)
}

import SchemeLanguage

/// Why a reform changes nothing in a portfolio, for `simulate` to say: a parameter of a scheme
/// no application asks for, or whose new value applies only after the last one was filed.
public enum ReformReach {
    /// One sentence per parameter that cannot change anything, then, when no application at
    /// all changes, a sentence that says so. Empty when the reform changes some application
    /// and each of its parameters reaches some.
    public static func notes(_ summary: SimulationSummary) -> [String] {
        var notes: [String] = []
        for override in summary.reform.overrides {
            let named = "« \(override.parameter) » du dispositif \(override.scheme)"
            guard let totals = summary.schemes[override.scheme] else {
                notes.append("\(named) ne change rien : le portefeuille n'a aucune demande de ce dispositif")
                continue
            }
            if let from = override.from, let last = totals.lastFiled, from > last {
                notes.append("\(named) ne change rien : sa nouvelle valeur s'applique aux demandes déposées à compter du "
                             + "\(from.frenchLong), et la dernière demande de ce dispositif dans le portefeuille a été déposée le "
                             + "\(last.frenchLong)")
            }
        }
        let changed = summary.schemes.values.reduce(0) { $0 + $1.changed }
        if summary.applications > 0, changed == 0, !summary.interrupted {
            // A call's projects left out of the envelope in both runs: their amounts may change
            // with no decision changing, and the envelope that would fund them all with them.
            let moved = summary.schemes.keys.sorted().compactMap { id -> String? in
                guard let call = summary.schemes[id]?.call, call.before.needed != call.after.needed else { return nil }
                return "pour l'appel à projets \(id), elle change toutefois le montant des projets admissibles qui ne sont pas retenus : "
                    + "l'enveloppe qui les financerait tous passe de \(FrenchFormat.money(call.before.needed)) à \(FrenchFormat.money(call.after.needed))"
            }
            let why = !moved.isEmpty ? moved.joined(separator: " ; ")
                : notes.count == summary.reform.overrides.count && !notes.isEmpty
                ? "pour les raisons dites ci-dessus"
                : "ses paramètres ne jouent pour aucune de ces demandes (un plafond qu'aucune n'atteint, par exemple), ou leurs nouvelles valeurs sont celles d'aujourd'hui"
            notes.append("la réforme ne change aucune décision du portefeuille : ni l'issue ni le montant d'aucune des "
                         + "\(FrenchFormat.count(summary.applications, "demande")) ; \(why)")
        }
        return notes
    }

    /// One sentence per call whose selection could not be made in a run, with why: its amounts
    /// then count every admissible project.
    public static func unselectedCalls(_ summary: SimulationSummary) -> [String] {
        summary.schemes.keys.sorted().compactMap { id in
            guard let call = summary.schemes[id]?.call, let reason = call.before.unselected ?? call.after.unselected else { return nil }
            let which = call.before.unselected != nil && call.after.unselected != nil ? "ni aujourd'hui ni avec la réforme"
                : call.before.unselected != nil ? "aujourd'hui" : "avec la réforme"
            return "l'appel à projets \(id) n'a pu être sélectionné \(which) : \(reason) ; le rapport compte tous ses projets "
                + "admissibles comme accordés, sans classement ni enveloppe"
        }
    }
}

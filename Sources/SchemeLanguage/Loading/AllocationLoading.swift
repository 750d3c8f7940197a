import YAMLReader

extension SchemeBuilder {
    /// An allocation (`kind: allocation`) is computed by the authority for each of its
    /// establishments: no one applies, so nothing that decides on an application has a meaning.
    /// Its amount is required; its eligibility, period of application, pieces, limits across
    /// applications, monthly schedule and selection are refused, each with what to do instead.
    func checkAllocation(_ document: YAMLNode, amount: YAMLNode?, refused: [(key: String, node: YAMLNode?)]) {
        if amount == nil {
            log.error("une dotation (kind: allocation) se calcule : déclarez « amount », ses étapes et l'étape « result » qui donne la dotation",
                      at: document.mark, path: "amount")
        }
        for (key, node) in refused {
            guard let node else { continue }
            log.error("\(Self.refusalReason(key)) : retirez « \(key) »", at: node.mark, path: key)
        }
    }

    /// `part: true` names a part of an allocation: on any other scheme nothing would read it, and
    /// the author would believe a notice shows it.
    func refuseParts(in amount: YAMLNode?) {
        guard let steps = amount?.mapping?.first(where: { $0.key.scalar == "steps" })?.value.sequence else { return }
        for (index, step) in steps.enumerated() {
            guard let part = step.mapping?.first(where: { $0.key.scalar == "part" }) else { continue }
            log.error("« part » désigne une part d'une dotation (kind: allocation) ; ce dispositif n'en est pas une : retirez « part »",
                      at: part.key.mark, path: "amount.steps[\(index)].part")
        }
    }

    /// Why a field has no meaning for an allocation, in French.
    private static func refusalReason(_ key: String) -> String {
        switch key {
        case "eligibility":
            "une dotation (kind: allocation) n'a pas de demandeur, donc pas de critères d'éligibilité ; une condition qui module une part s'écrit dans sa formule (if … then … else …)"
        case "in_force":
            "une dotation (kind: allocation) n'a pas de date de dépôt à laquelle appliquer une période ; datez plutôt les versions de ses paramètres (versions)"
        case "pieces":
            "une dotation (kind: allocation) ne demande pas de pièces justificatives ; les données viennent des comptes de l'établissement"
        case "limits":
            "une dotation (kind: allocation) ne lit pas le registre des décisions : une limite entre demandes n'y a pas de sens"
        case "schedule":
            "une dotation (kind: allocation) n'est pas un versement mensuel"
        default:
            "une dotation (kind: allocation) n'est pas un appel : elle n'a pas de sélection"
        }
    }
}

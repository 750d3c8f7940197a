import ExactDecimal
import YAMLReader

/// An amount whose basis the rules fix HT (`basis: HT`), as an application may give it:
/// `60 000 €` or `60 000 € HT` (the question asks HT), `{ttc: 72 000 €, tva: 20 %}` (the HT base is
/// derived, to the cent, and shown with what was written), or `72 000 € TTC` alone, which is a
/// question to the applicant rather than a guess.
enum TaxBasis {
    static func decode(_ node: YAMLNode, index: Int, input: InputDefinition, into facts: inout FactValues, path: String,
                       log: DiagnosticLog, typed: (YAMLNode, String) -> Value?) -> Value? {
        if let pairs = node.mapping { return inclusive(pairs, node: node, index: index, into: &facts, path: path, log: log, typed: typed) }
        guard let text = node.scalar else { return typed(node, path) }
        let trimmed = text.trimmingSuffix(" HT")
        if trimmed.count != text.count { return typed(node.replacingScalar(trimmed), path) }
        if text.hasSuffix(" TTC") || text.hasSuffix("€TTC") {
            facts.clarifications[index] = "\(input.question) Le montant déclaré (\(text)) est toutes taxes comprises : "
                + "indiquez le montant hors taxes, ou le montant TTC avec son taux de TVA ({ttc: \(text.trimmingSuffix(" TTC")), tva: 20 %})."
            return nil
        }
        return typed(node, path)
    }

    /// `{ttc: 72 000 €, tva: 20 %}`: the HT base is TTC / (1 + rate), rounded to the cent.
    private static func inclusive(_ pairs: [YAMLPair], node: YAMLNode, index: Int, into facts: inout FactValues, path: String,
                                  log: DiagnosticLog, typed: (YAMLNode, String) -> Value?) -> Value? {
        let keys = Set(pairs.compactMap(\.key.scalar))
        guard keys == ["ttc", "tva"], let ttcNode = pairs.first(where: { $0.key.scalar == "ttc" })?.value,
              let rateNode = pairs.first(where: { $0.key.scalar == "tva" })?.value else {
            log.error("un montant TTC s'écrit {ttc: 72 000 €, tva: 20 %} (ou le montant hors taxes : 60 000 € HT)", at: node.mark, path: path)
            return nil
        }
        guard case .success(.money(let amount)) = ScalarParsing.value(ttcNode, as: .money),
              case .success(.rate(let rate)) = ScalarParsing.value(rateNode, as: .rate), !rate.isNegative else {
            log.error("un montant TTC s'écrit {ttc: 72 000 €, tva: 20 %} : un montant en euros et un taux de TVA positif", at: node.mark, path: path)
            return nil
        }
        do throws(DecimalError) {
            let divisor = try DecimalNumber(1).adding(rate)
            let excluding = try amount.divided(by: divisor, scale: 2, rounding: .halfUp)
            facts.taxInclusive[index] = Application.TaxInclusive(amount: amount, rate: rate)
            return typed(node.replacingScalar(FrenchFormat.moneyCanonical(excluding) + " €"), path)
        } catch {
            log.error("le montant hors taxes ne peut être calculé exactement à partir de ce montant TTC", at: node.mark, path: path)
            return nil
        }
    }
}

private extension YAMLNode {
    /// The same node, at the same place, holding another text.
    func replacingScalar(_ text: String) -> YAMLNode {
        YAMLNode(content: .scalar(text), mark: mark, tag: tag, isPlainScalar: true)
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

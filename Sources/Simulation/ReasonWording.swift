import Evaluator
import RuleSet
import SchemeLanguage

/// A `ChangeReason` in French, with the scheme's own labels: the criterion's, the step's, the
/// parameter's and the limit's, parameters in a label written at the reform's values.
public struct ReasonWording: Sendable {
    public let base: Scheme
    public let reformed: Scheme

    public init(base: Scheme, reformed: Scheme) {
        self.base = base
        self.reformed = reformed
    }

    /// The reason as a clause: « le critère « … » n'est plus rempli, car … ». `date` is the
    /// day whose parameter values are quoted (the application's filing date); nil leaves the
    /// values out. Empty for `.none`.
    public func text(_ reason: ChangeReason, on date: LocalDate?) -> String {
        let effect = self.effect(reason)
        guard !effect.isEmpty else { return "" }
        let cause = self.cause(reason, on: date)
        return cause.isEmpty ? effect : "\(effect), car \(cause)"
    }

    /// The primary reason, then the secondary one after « . De plus, ».
    public func text(_ primary: ChangeReason, _ secondary: ChangeReason?, on date: LocalDate?) -> String {
        let first = text(primary, on: date)
        guard let secondary, secondary != .none else { return first }
        return "\(first). De plus, \(text(secondary, on: date))"
    }

    private func effect(_ reason: ChangeReason) -> String {
        let subject = Int(reason.subject)
        switch reason.effect {
        case .none: return ""
        case .criterionFailed: return "le critère « \(criterion(subject)) » n'est plus rempli"
        case .criterionMet: return "le critère « \(criterion(subject)) » est désormais rempli"
        case .criterionChanged: return "le critère « \(criterion(subject)) » ne peut plus être apprécié de la même façon"
        case .capBinds: return "l'étape « \(step(subject)) » limite désormais l'aide"
        case .capReleased: return "l'étape « \(step(subject)) » ne limite plus l'aide"
        case .step: return "l'étape « \(step(subject)) » du calcul change de valeur"
        case .amount: return "le montant calculé change"
        case .outcome: return "l'issue change sans qu'aucun critère ne change de verdict"
        case .selectionLost:
            return "les projets mieux classés utilisent davantage l'enveloppe de l'appel (aides plus élevées ou projets devenus admissibles)"
        case .selectionGained: return "les projets mieux classés laissent assez de l'enveloppe de l'appel"
        case .selectionMoved: return "la sélection de l'appel les place autrement, hors des projets retenus"
        }
    }

    private func cause(_ reason: ChangeReason, on date: LocalDate?) -> String {
        let index = Int(reason.causeIndex)
        switch reason.cause {
        case .none: return ""
        case .parameter:
            guard index < base.parameters.count else { return "" }
            let parameter = base.parameters[index]
            let label = "le paramètre « \(parameter.label) »"
            guard let date, let before = parameter.value(on: date), let after = reformed.parameters[index].value(on: date) else {
                return "\(label) est modifié par la réforme"
            }
            return "\(label) passe de \(FrenchFormat.value(before, type: parameter.type)) à \(FrenchFormat.value(after, type: parameter.type))"
        case .limitRose, .limitFell:
            guard index < base.limits.count else { return "" }
            let way = reason.cause == .limitRose ? "augmenté" : "diminué"
            return "les demandes déposées plus tôt ont \(way) le cumul « \(base.limits[index].label) »"
        }
    }

    private func criterion(_ index: Int) -> String {
        guard index < reformed.criteria.count else { return "?" }
        return ParameterText.fillLatest(reformed.criteria[index].label, of: reformed)
    }

    private func step(_ index: Int) -> String {
        guard let steps = reformed.amount?.steps, index < steps.count else { return "?" }
        return steps[index].label
    }

    /// What happens to `count` applications: « 135 demandes deviennent défavorables ».
    public static func shift(_ shift: ChangeReason.Shift, count: Int) -> String {
        let applications = FrenchFormat.count(count, "demande")
        let verb = { (singular: String, plural: String) in FrenchFormat.agreed(count, singular, plural) }
        switch shift {
        case .outcome(.favorable, .unfavorable): return "\(applications) \(verb("devient défavorable", "deviennent défavorables"))"
        case .outcome(.unfavorable, .favorable): return "\(applications) \(verb("devient favorable", "deviennent favorables"))"
        case .outcome(let before, let after):
            return "\(applications) \(verb("passe", "passent")) de l'issue « \(before.rawValue) » à l'issue « \(after.rawValue) »"
        case .placement(.retained, _): return "\(applications) \(verb("n'est plus retenue", "ne sont plus retenues")) dans l'appel à projets"
        case .placement(_, .retained): return "\(applications) \(verb("est désormais retenue", "sont désormais retenues")) dans l'appel à projets"
        case .placement(let before, let after):
            return "\(applications) \(verb("passe", "passent")) de « \(before?.rawValue ?? "non admissible") » à « \(after?.rawValue ?? "non admissible") »"
        case .more: return "\(applications) \(verb("reçoit", "reçoivent")) davantage"
        case .less: return "\(applications) \(verb("reçoit", "reçoivent")) moins"
        }
    }
}

/// The CSV's reason for each row, each wording made once per scheme, each text once per reason
/// and values quoted: a million rows share a few dozen texts, so that the cache stays small
/// while a call's held projects fill memory.
final class ReasonTexts {
    private let base: SchemeCatalog
    private let reformed: SchemeCatalog
    private var wordings: [String: ReasonWording] = [:]
    private struct Key: Hashable {
        let scheme: String
        let primary: ChangeReason
        let secondary: ChangeReason?
        /// The values the text quotes: the causes' parameters before and after, on the filing date.
        let values: [Value?]
    }
    private var texts: [Key: String] = [:]
    /// Past this many texts the cache stops growing: they are then made for each row.
    private static let limit = 4_096

    init(base: SchemeCatalog, reformed: SchemeCatalog) {
        self.base = base
        self.reformed = reformed
    }

    func text(scheme: String, _ change: SimulationSummary.Change, filed: LocalDate) -> String {
        guard change.reason != .none, let wording = wording(scheme) else { return "" }
        var values: [Value?] = []
        for reason in [change.reason, change.secondary ?? .none] where reason.cause == .parameter {
            let index = Int(reason.causeIndex)
            guard index < wording.base.parameters.count, index < wording.reformed.parameters.count else { continue }
            values.append(wording.base.parameters[index].value(on: filed))
            values.append(wording.reformed.parameters[index].value(on: filed))
        }
        let key = Key(scheme: scheme, primary: change.reason, secondary: change.secondary, values: values)
        if let known = texts[key] { return known }
        let text = wording.text(change.reason, change.secondary, on: filed)
        if texts.count < Self.limit { texts[key] = text }
        return text
    }

    private func wording(_ scheme: String) -> ReasonWording? {
        if let known = wordings[scheme] { return known }
        guard let before = base.schemes[scheme], let after = reformed.schemes[scheme] else { return nil }
        let wording = ReasonWording(base: before, reformed: after)
        wordings[scheme] = wording
        return wording
    }
}

import SchemeLanguage

/// Runs the `tests:` cases of a scheme and says, for each, what was expected and what came out.
public enum SchemeTestRunner {
    public struct CaseResult: Sendable {
        public let testCase: SchemeTestCase
        /// Empty when the case passes.
        public let mismatches: [String]
        public var passed: Bool { mismatches.isEmpty }
    }

    public static func run(_ scheme: Scheme) -> [CaseResult] {
        let shared = SchemeEvaluator(scheme: scheme)
        return scheme.tests.map { testCase in
            do {
                let evaluator = testCase.parameters.isEmpty ? shared : SchemeEvaluator(scheme: settingParameters(of: scheme, for: testCase))
                let evaluation = try evaluator.evaluate(testCase.application, referenceDate: testCase.referenceDate)
                return CaseResult(testCase: testCase, mismatches: compare(testCase, evaluation))
            } catch {
                return CaseResult(testCase: testCase, mismatches: ["l'évaluation a échoué : \(error)"])
            }
        }
    }

    public static func compare(_ expected: SchemeTestCase, _ obtained: Evaluation) -> [String] {
        var mismatches: [String] = []
        if obtained.outcome != expected.outcome {
            mismatches.append("issue : attendu \(expected.outcome.rawValue), obtenu \(obtained.outcome.rawValue)")
        }
        if let amount = expected.amount?.decimal, obtained.amount?.final != amount {
            let got = obtained.amount?.final.map(FrenchFormat.money) ?? "aucun montant"
            mismatches.append("montant : attendu \(FrenchFormat.money(amount)), obtenu \(got)")
        }
        mismatches += stepMismatches(expected, obtained)
        if let failed = expected.failed {
            let got = Set(obtained.failedCriteria.map { obtained.scheme.criteria[$0.index].id })
            if got != failed { mismatches.append("critères non remplis : attendu \(listed(failed)), obtenu \(listed(got))") }
        }
        if let missing = expected.missing {
            let got = Set(obtained.missing.map { item -> String in
                switch item {
                case .fact(let index), .months(let index, _): obtained.scheme.inputs[index].id
                case .piece(let id), .decision(let id): id
                }
            })
            if got != missing { mismatches.append("éléments manquants : attendu \(listed(missing)), obtenu \(listed(got))") }
        }
        return mismatches
    }

    /// The scheme with the values the case gives its unset parameters, marked fictitious: how
    /// a case is evaluated, by `run` and by whoever evaluates a case on its own.
    public static func settingParameters(of scheme: Scheme, for testCase: SchemeTestCase) -> Scheme {
        let given = Dictionary(testCase.parameters.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first })
        let parameters = scheme.parameters.map { parameter in
            given[parameter.id].map { parameter.with(versions: [Parameter.Version(from: nil, value: $0, fictitious: true)]) } ?? parameter
        }
        return scheme.replacing(parameters: parameters, rulesHash: scheme.rulesHash)
    }

    /// The steps whose value differs from the one the case expects (`steps:`).
    private static func stepMismatches(_ expected: SchemeTestCase, _ obtained: Evaluation) -> [String] {
        guard let steps = obtained.scheme.amount?.steps else { return [] }
        return expected.steps.compactMap { id, value in
            guard let index = steps.firstIndex(where: { $0.id == id }) else { return nil }
            let got = obtained.amount?.steps[index]
            if let got, got.decimal == value.decimal { return nil }
            let type = steps[index].expression.type
            let shown = got.map { FrenchFormat.value($0, type: type) } ?? "aucune valeur"
            return "étape \(id) : attendu \(FrenchFormat.value(value, type: type)), obtenu \(shown)"
        }
    }

    private static func listed(_ ids: Set<String>) -> String {
        ids.isEmpty ? "aucun" : "[" + ids.sorted().joined(separator: ", ") + "]"
    }
}

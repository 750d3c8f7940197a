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
        let evaluator = SchemeEvaluator(scheme: scheme)
        return scheme.tests.map { testCase in
            do {
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

    private static func listed(_ ids: Set<String>) -> String {
        ids.isEmpty ? "aucun" : "[" + ids.sorted().joined(separator: ", ") + "]"
    }
}

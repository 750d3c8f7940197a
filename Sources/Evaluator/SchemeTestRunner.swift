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
                return CaseResult(testCase: testCase, mismatches: ["evaluation failed: \(error)"])
            }
        }
    }

    public static func compare(_ expected: SchemeTestCase, _ obtained: Evaluation) -> [String] {
        var mismatches: [String] = []
        if obtained.outcome != expected.outcome {
            mismatches.append("outcome: expected \(expected.outcome.rawValue), obtained \(obtained.outcome.rawValue)")
        }
        if let amount = expected.amount?.decimal, obtained.amount?.final != amount {
            let got = obtained.amount?.final.map { "\($0) €" } ?? "no amount"
            mismatches.append("amount: expected \(amount) €, obtained \(got)")
        }
        if let failed = expected.failed {
            let got = Set(obtained.failedCriteria.map { obtained.scheme.criteria[$0.index].id })
            if got != failed { mismatches.append("failed criteria: expected \(listed(failed)), obtained \(listed(got))") }
        }
        if let missing = expected.missing {
            let got = Set(obtained.missing.map { item -> String in
                switch item {
                case .fact(let index), .months(let index, _): obtained.scheme.inputs[index].id
                case .piece(let id), .decision(let id): id
                }
            })
            if got != missing { mismatches.append("missing: expected \(listed(missing)), obtained \(listed(got))") }
        }
        return mismatches
    }

    private static func listed(_ ids: Set<String>) -> String {
        ids.isEmpty ? "none" : "[" + ids.sorted().joined(separator: ", ") + "]"
    }
}

import Evaluator
import SchemeLanguage

/// A page of questions: at most `Questionnaire.pageSize`, in the order the evaluator needs them.
public struct InterviewPage: Sendable {
    /// From 1; the applicant's page, before them, is step 0.
    public let number: Int
    public let questions: [Question]
    /// Whether every question of the page has an answer the rules accept.
    public let isComplete: Bool
}

/// Where a person is in the questionnaire, worked out again from the answers at every request,
/// since nothing is stored between them.
///
/// The pages are a function of the answers: page 1 asks the first facts the evaluator finds
/// missing in an application without facts; page *n* + 1, the first facts it still finds missing
/// once the answers of pages 1 to *n* are given. So a page is the same whenever it is shown, a
/// person can go back and change any answer, and a question whose fact the rules no longer need
/// after a change is no longer on any page: it is not shown, and once the questionnaire reaches
/// its end, its stale answer is dropped (`answers`) and never reaches the dossier. Until then it
/// travels on, since another change may make it needed again.
///
/// The questionnaire stops early on a refusal: once a criterion fails, no answer can make the
/// application favourable, and the result says why.
public struct Interview: Sendable {
    /// The pages reached: each complete page leads to the next; the last may be incomplete.
    public let pages: [InterviewPage]
    /// Whether the evaluator needs nothing more: the result can be shown.
    public let isFinished: Bool
    /// Whether it finished on a criterion that failed.
    public let isRefused: Bool
    /// The answers to carry on: all of them while asking, only those of the pages' questions
    /// (and the applicant's) once finished.
    public let answers: Answers
    /// What is wrong with answers given, by field, in French.
    public let problems: [FieldProblem]
    /// Why the rules cannot be applied to these answers at all (an expression that overflows,
    /// a value the text leaves unset): nothing a person can correct, said plainly.
    public let failures: [String]
    /// The facts of the pages, read, in the order they were asked: what the dossier holds.
    let facts: [(id: String, yaml: String)]
    /// How many more facts the evaluator needed, beyond the current page, when it was last
    /// run: an estimate of the pages to come, which later answers may change.
    public let laterQuestions: Int

    /// The first page with a question still to answer, if any.
    public var currentPage: InterviewPage? { pages.first { !$0.isComplete } }

    /// The problems of one field.
    public func problems(of field: Field) -> [FieldProblem] { problems.filter { $0.field == field } }
}

extension Questionnaire {
    /// The pages these answers lead to, and what is wrong with them.
    public func interview(_ answers: Answers) -> Interview {
        let evaluator = DocumentEvaluator(catalog: catalog)
        var (read, problems) = readFacts(answers, evaluator: evaluator)
        var failures: [String] = []
        var pages: [InterviewPage] = []
        var kept: [String] = []
        var finished = false
        var refused = false
        var later = 0
        // Each round adds a page's facts, starts again without an answer the rules could not
        // use, or stops: at most two rounds per input, and one more.
        for _ in 0...(2 * questions.count + 1) {
            let run = self.run(.placeholder, facts: kept.compactMap { id in read[id].map { (id, $0.yaml) } },
                               pieces: allPieces, evaluator: evaluator)
            // A value the rules cannot use (a birth date after the filing date) is the answer's
            // problem: it is dropped and the round run again without it.
            if !run.problems.isEmpty {
                problems += run.problems
                let blamed = Set(run.problems.compactMap { if case .fact(let id) = $0.field { id } else { nil } })
                guard !blamed.isEmpty else { break }
                for id in blamed { read[id] = nil }
                (kept, pages) = ([], [])
                continue
            }
            failures += run.failures
            guard let evaluation = run.evaluation, run.failures.isEmpty else { break }
            if !evaluation.failedCriteria.isEmpty {
                (finished, refused) = (true, true)
                break
            }
            let asked = missingFacts(of: run).filter { !kept.contains($0) && questions[$0] != nil }
            guard !asked.isEmpty else {
                finished = true
                break
            }
            let page = asked.prefix(pageSize).compactMap { questions[$0] }
            let complete = page.allSatisfy { read[$0.id] != nil }
            pages.append(InterviewPage(number: pages.count + 1, questions: page, isComplete: complete))
            later = asked.count - page.count
            guard complete else { break }
            kept += page.map(\.id)
        }
        let asked = Set(pages.flatMap(\.questions).map(\.id))
        return Interview(pages: pages, isFinished: finished, isRefused: refused,
                         answers: finished ? answers.keeping(facts: asked) : answers,
                         problems: problems.filter { if case .fact(let id) = $0.field { asked.contains(id) } else { true } },
                         failures: failures, facts: kept.compactMap { id in read[id].map { (id, $0.yaml) } },
                         laterQuestions: finished ? 0 : later)
    }

    /// Every piece of the schemes evaluated: while asking, pieces are taken as joined.
    var allPieces: [String] {
        schemeIDs.flatMap { catalog.schemes[$0]?.pieces.map(\.id) ?? [] }
    }

    /// Each answer read against its input; then every value read is checked by the decoder
    /// at once, and an answer it refuses (outside the input's bounds) is dropped with its problem.
    func readFacts(_ answers: Answers, evaluator: DocumentEvaluator) -> ([String: ReadAnswer], [FieldProblem]) {
        var read: [String: ReadAnswer] = [:]
        var problems: [FieldProblem] = []
        for id in answers.facts.keys.sorted() {
            guard let question = questions[id] else { continue }
            switch AnswerReading.read(answers, input: question.input) {
            case .success(let answer)?: read[id] = answer
            case .failure(let problem)?: problems.append(problem)
            case nil: break
            }
        }
        // The decoder reports every refused fact at once; a second pass is only a safeguard.
        for _ in 0..<2 where !read.isEmpty {
            let facts = read.keys.sorted().map { ($0, read[$0]!.yaml) }
            let run = self.run(.placeholder, facts: facts, pieces: allPieces, evaluator: evaluator)
            let refused = run.problems.filter { if case .fact = $0.field { true } else { false } }
            guard !refused.isEmpty else { break }
            problems += refused
            for problem in refused { if case .fact(let id) = problem.field { read[id] = nil } }
        }
        return (read, problems)
    }
}

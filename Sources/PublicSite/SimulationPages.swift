import Decisions
import Documents
import Evaluator
import Questionnaire
import SchemeLanguage

/// The questionnaire of a scheme and its result, page by page. Nothing is kept between two
/// requests: each page carries every answer in hidden fields, with its step (`etape`), and the
/// button pressed (`aller`) says where to go — on (`suivant`), back (`precedent`), or to a step
/// to change its answers (`modifier-N`). The pages themselves are worked out again from the
/// answers each time (`Questionnaire.interview`), so a page is the same whenever it is shown.
///
/// Step 0 asks who applies; steps 1 to n the scheme's questions, a few per page, in the order
/// the evaluator needs them; then the result, with the dossier and the simulation to download.
struct SimulationPages {
    let site: PublicSite
    let scheme: Scheme
    let questionnaire: Questionnaire

    /// Field names of the pages' own, beside the answers.
    static let stepField = "etape"
    static let actionField = "aller"

    init?(site: PublicSite, scheme: Scheme, day: LocalDate) {
        guard let questionnaire = Questionnaire(catalog: site.catalog, schemeID: scheme.id, filed: day, pageSize: site.pageSize) else { return nil }
        self.site = site
        self.scheme = scheme
        self.questionnaire = questionnaire
    }

    var path: String { "/dispositifs/\(scheme.id)/simulation" }

    /// `GET …/simulation`: the first step, blank.
    func start() -> SiteResponse {
        let answers = Answers()
        return QuestionForm(pages: self, answers: answers, interview: questionnaire.interview(answers)).applicant(problems: [])
    }

    /// `POST …/simulation`: the answers of a step, and where the button pressed goes.
    func answer(_ form: [(String, String)]) -> SiteResponse {
        let answers = Answers(form: form)
        let step = form.last { $0.0 == Self.stepField }.flatMap { Int($0.1) } ?? 0
        let action = form.last { $0.0 == Self.actionField }?.1 ?? "suivant"
        let interview = questionnaire.interview(answers)
        let forms = QuestionForm(pages: self, answers: interview.isFinished ? interview.answers : answers, interview: interview)
        if !interview.failures.isEmpty { return forms.cannotSimulate(interview.failures) }
        if action == "precedent" { return show(step - 1, forms) }
        if action.hasPrefix("modifier-"), let target = Int(action.dropFirst("modifier-".count)) { return show(target, forms) }
        // On: the step just sent must be answered in full before the next one.
        if step == 0 {
            let problems = questionnaire.applicantProblems(answers)
            if !problems.isEmpty { return forms.applicant(problems: problems) }
        } else if step <= interview.pages.count {
            let problems = missingAnswers(interview.pages[step - 1], answers: answers) + interview.problems.filter { problem in
                interview.pages[step - 1].questions.contains { Field.fact($0.id) == problem.field }
            }
            if !problems.isEmpty { return forms.questions(interview.pages[step - 1], problems: problems) }
        }
        return next(interview, answers: answers, forms)
    }

    /// After a step answered in full: the first page with a question left, else the result —
    /// unless the applicant's step still lacks an answer.
    private func next(_ interview: Interview, answers: Answers, _ forms: QuestionForm) -> SiteResponse {
        if let page = interview.currentPage { return forms.questions(page, problems: interview.problems(onPage: page)) }
        let applicant = questionnaire.applicantProblems(answers)
        guard applicant.isEmpty else { return forms.applicant(problems: applicant) }
        switch questionnaire.dossier(interview) {
        case .success(let dossier): return ResultPage(pages: self, interview: interview, dossier: dossier).render()
        case .failure(.problems(let problems)): return forms.applicant(problems: problems)
        case .failure(.rules(let failures)): return forms.cannotSimulate(failures)
        case .failure(.unfinished): return forms.applicant(problems: [])
        }
    }

    /// A step shown again to be changed, with the problems its answers have.
    private func show(_ step: Int, _ forms: QuestionForm) -> SiteResponse {
        guard step >= 1 else { return forms.applicant(problems: []) }
        let pages = forms.interview.pages
        guard let page = step <= pages.count ? pages[step - 1] : forms.interview.currentPage ?? pages.last else {
            return forms.applicant(problems: [])
        }
        return forms.questions(page, problems: forms.interview.problems(onPage: page))
    }

    /// « Répondez à cette question. » for each question of the page left without an answer.
    private func missingAnswers(_ page: InterviewPage, answers: Answers) -> [FieldProblem] {
        page.questions.compactMap { question in
            AnswerReading.read(answers, input: question.input) == nil ? FieldProblem(.fact(question.id), "Répondez à cette question.") : nil
        }
    }

    /// `POST …/simulation/dossier.yaml` and the simulation documents: from the answers posted,
    /// once the questionnaire is finished; otherwise its current page, to finish it.
    func download(_ file: Download, form: [(String, String)]) -> SiteResponse {
        let interview = questionnaire.interview(Answers(form: form))
        guard interview.isFinished, case .success(let dossier) = questionnaire.dossier(interview) else {
            let forms = QuestionForm(pages: self, answers: Answers(form: form), interview: interview)
            let unfinished = forms.interview.currentPage.map { forms.questions($0, problems: []) } ?? forms.applicant(problems: [])
            return SiteResponse(status: 400, contentType: unfinished.contentType, body: unfinished.body)
        }
        let base = String(dossier.fileName.dropLast(".yaml".count))
        switch file {
        case .dossier:
            return .download(Array(dossier.text.utf8), contentType: "application/yaml; charset=utf-8", fileName: dossier.fileName)
        case .markdown:
            return .download(MarkdownDecision.utf8(record(dossier)), contentType: "text/markdown; charset=utf-8", fileName: base + ".simulation.md")
        case .html:
            guard let document = SimulationDocument.make(record(dossier)) else { return site.notFound() }
            return .download(HTMLRendering.utf8(document), contentType: "text/html; charset=utf-8", fileName: base + ".simulation.html")
        }
    }

    /// The simulation's record, as `guichet evaluate` makes it outside a working folder: a
    /// simulation on the day, without a register.
    func record(_ dossier: Dossier) -> DecisionRecord {
        var issuance = Issuance(stage: .simulation, referenceDate: questionnaire.filed)
        issuance.registerRead = false
        return DecisionRecord(dossier.evaluation, issuance: issuance)
    }

    /// « PDESI », or the scheme's title up to its first dash, for page titles.
    var shortName: String {
        if !scheme.id.contains("-"), scheme.id.count <= 8 { return scheme.id.uppercased() }
        let head = scheme.title.split(separator: " – ").first.map(String.init) ?? scheme.title
        guard head.count > 60 else { return head }
        return String(head.prefix(57).split(separator: " ").dropLast().joined(separator: " ")) + "…"
    }
}

extension Interview {
    /// The problems of the questions of a page.
    func problems(onPage page: InterviewPage) -> [FieldProblem] {
        problems.filter { problem in page.questions.contains { Field.fact($0.id) == problem.field } }
    }
}

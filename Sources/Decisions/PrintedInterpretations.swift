import SchemeLanguage

extension DecisionRecord {
    /// The interpretations this decision prints, in the scheme's order; never an `internal` one,
    /// a note for the authors of the rules.
    ///
    /// A refusal prints those that bear on its grounds (`RefusalGrounds`): an unfavourable
    /// decision states the considerations of law it rests on (CRPA L. 211-2 and L. 211-5), and a
    /// reading of the text that decided no ground is none of them — printed anyway, it buries
    /// those that did. Any other outcome prints every public interpretation, as the simulation
    /// and the fiche always have (an act of grant prints none: see `ActAnnex`).
    public var printedInterpretations: [Interpretation] {
        let published = scheme.interpretations.filter { $0.audience == .public }
        guard outcome == .unfavorable else { return published }
        return RefusalGrounds(self).interpretations(among: published)
    }
}

/// What a refusal rests on, as the parts of its scheme an interpretation may name in `applies_to`.
///
/// A refusal rests on the criteria it failed, and on what their conditions read: the parameters
/// (a ceiling, an age) and the limits (the aid already granted). A refusal with every criterion
/// met rests on its amount, computed as nothing: on the steps of the amount and of the monthly
/// schedule, and on what they read — a schedule that stops at the first month leaves nothing to pay.
struct RefusalGrounds {
    private(set) var targets: Set<Interpretation.Target> = []

    init(_ record: DecisionRecord) {
        let scheme = record.scheme
        for row in record.failed {
            targets.insert(Interpretation.Target(.criterion, row.id))
            guard let criterion = scheme.criteria.first(where: { $0.id == row.id }) else { continue }
            read([criterion.condition, criterion.applicability].compactMap { $0 }, in: scheme)
        }
        guard record.failed.isEmpty else { return }
        let amountSteps = scheme.amount?.steps ?? []
        let scheduleSteps = scheme.schedule?.steps ?? []
        for step in amountSteps + scheduleSteps { targets.insert(Interpretation.Target(.step, step.id)) }
        let bounds = scheme.schedule.map { [$0.start, $0.months, $0.maxMonths, $0.stop].compactMap { $0 } } ?? []
        read((amountSteps + scheduleSteps).map(\.expression) + bounds, in: scheme)
    }

    /// The parameters and limits that `expressions` read.
    private mutating func read(_ expressions: [Expression], in scheme: Scheme) {
        for expression in expressions {
            for index in expression.parameterIndices { targets.insert(Interpretation.Target(.parameter, scheme.parameters[index].id)) }
            for index in expression.limitIndices { targets.insert(Interpretation.Target(.limit, scheme.limits[index].id)) }
        }
    }

    /// Among a scheme's public interpretations, those a refusal on these grounds prints: those
    /// tied by `applies_to` to one of them.
    ///
    /// A general interpretation (without `applies_to`) bears on the scheme as a whole — who
    /// decides, on which texts, what follows a grant — and grounds no refusal: the act states
    /// the competence of its author and its texts in its « Vu », and the rules of the processing
    /// are communicable on request (CRPA L. 311-3-1) and published by `guichet explain`. It is
    /// printed only when the scheme ties none of its public interpretations to anything: its
    /// authors have not said which bears on which ground, and leaving one out could drop a
    /// consideration the refusal rests on, so they are all printed, as before `applies_to`.
    func interpretations(among published: [Interpretation]) -> [Interpretation] {
        guard published.contains(where: { !$0.isGeneral }) else { return published }
        return published.filter { interpretation in interpretation.appliesTo.contains(where: targets.contains) }
    }
}

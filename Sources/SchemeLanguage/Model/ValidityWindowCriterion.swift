import YAMLReader

/// A scheme's period of application as a criterion, evaluated first like any other: a refusal
/// for an application filed outside it is then stated, cited and printed by the same machinery
/// as every other ground, and `explain` shows it among the criteria.
extension ValidityWindow {
    /// The id of the criterion made from `in_force`: test cases name it in `failed`.
    public static let criterionID = "periode-application"

    /// The criterion checking the filing date against the window, citing the window's source.
    public func criterion(at mark: SourceMark) -> Criterion {
        Criterion(id: Self.criterionID, label: label, failure: failure, condition: condition(at: mark),
                  formula: formula, source: source, mark: mark, window: self)
    }

    /// « La demande est déposée pendant la période d'application du dispositif (à compter du 9 octobre 2020). »
    public var label: String {
        "La demande est déposée pendant la période d'application du dispositif (\(span))."
    }

    /// The ground in general terms, as `explain` prints it.
    public var failure: String {
        "La demande est déposée en dehors de la période d'application du dispositif, qui s'applique aux demandes déposées \(span)."
    }

    /// The ground as a decision states it, with the application's own filing date.
    public func failure(filed: LocalDate) -> String {
        "La demande a été déposée le \(filed.frenchLong) ; le dispositif s'applique aux demandes déposées \(span)."
    }

    /// « à compter du 9 octobre 2020 », « jusqu'au 31 décembre 2021 », « du 1er janvier 2020 au 31 décembre 2021 ».
    public var span: String {
        switch (from, until) {
        case (let from?, let until?): "du \(from.frenchLong) au \(until.frenchLong)"
        case (let from?, nil): "à compter du \(from.frenchLong)"
        case (nil, let until?): "jusqu'au \(until.frenchLong)"
        case (nil, nil): "sans limite de date"
        }
    }

    /// The condition as `explain` shows it: `filing_date >= 2020-10-09 and filing_date <= 2021-12-31`.
    public var formula: String {
        let bounds = [from.map { "\(Builtin.filingDate.rawValue) >= \($0)" }, until.map { "\(Builtin.filingDate.rawValue) <= \($0)" }]
        let written = bounds.compactMap { $0 }
        return written.isEmpty ? "true" : written.joined(separator: " and ")
    }

    /// The same condition as `formula`, built rather than parsed: nothing in it can be misspelt.
    private func condition(at mark: SourceMark) -> Expression {
        let filed = Expression(node: .builtin(.filingDate), type: .date, mark: mark)
        let bounds = [from.map { (BinaryOperator.greaterOrEqual, $0) }, until.map { (BinaryOperator.lessOrEqual, $0) }]
        let comparisons = bounds.compactMap { $0 }.map { comparison, day in
            Expression(node: .binary(comparison, filed, Expression(node: .literal(.date(day)), type: .date, mark: mark)),
                       type: .boolean, mark: mark)
        }
        guard let first = comparisons.first else { return Expression(node: .literal(.boolean(true)), type: .boolean, mark: mark) }
        return comparisons.dropFirst().reduce(first) { joined, next in
            Expression(node: .binary(.and, joined, next), type: .boolean, mark: mark)
        }
    }
}

extension Criterion {
    /// The ground a decision prints when the criterion fails: its `failure`, or for the period
    /// of application, the filing date against the window.
    public func failure(filed: LocalDate) -> String {
        window?.failure(filed: filed) ?? failure
    }
}

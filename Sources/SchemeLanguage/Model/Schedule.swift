/// Amounts paid month by month: each month computed by named steps, from a first month, for a
/// number of months asked, within a maximum, stopping at a boundary ("no month is paid from
/// the month the person turns 25").
public struct ScheduleDefinition: Sendable {
    /// The date whose month is the first month paid.
    public let start: Expression
    /// The number of months asked.
    public let months: Expression
    /// The most months paid, when the text sets one.
    public let maxMonths: Expression?
    /// Evaluated for each month in turn: the schedule stops at the first month where it holds.
    public let stop: Expression?
    /// Why the schedule stops there, printed in the decision.
    public let stopReason: String?
    /// The steps computing one month, in the written order.
    public let steps: [AmountDefinition.Step]
    public let evaluationOrder: [Int]
    /// The step whose value is the month's aid.
    public let result: Int
    public let source: String?

    public init(start: Expression, months: Expression, maxMonths: Expression?, stop: Expression?, stopReason: String?,
                steps: [AmountDefinition.Step], evaluationOrder: [Int], result: Int, source: String?) {
        self.start = start
        self.months = months
        self.maxMonths = maxMonths
        self.stop = stop
        self.stopReason = stopReason
        self.steps = steps
        self.evaluationOrder = evaluationOrder
        self.result = result
        self.source = source
    }
}

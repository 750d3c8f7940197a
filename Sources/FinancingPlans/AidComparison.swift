import ExactDecimal

/// The aid a financing plan asks of a funder against the aid its scheme computes.
public enum AidComparison: Equatable, Sendable {
    case equal
    /// The plan counts more than the aid computed: the plan is not funded as written.
    case planAsksMore(gap: DecimalNumber)
    /// The plan counts less than the aid computed.
    case planAsksLess(gap: DecimalNumber)

    public init(requested: DecimalNumber, computed: DecimalNumber) {
        guard let gap = Sum.gap(requested, computed) else {
            self = .equal
            return
        }
        self = computed < requested ? .planAsksMore(gap: gap) : .planAsksLess(gap: gap)
    }
}

import ExactDecimal
import YAMLReader

/// A financing table as a text prints it, written as a data file (`Rules/plans/*.yaml`): its
/// columns, each row with the line of the text it is printed on and its amounts as printed, the
/// totals the text prints, and the rules the table must keep. `PlanChecker` recomputes them.
public struct FinancingTable: Sendable {
    /// The data file it was read from.
    public let file: String
    public let title: String
    /// The text the lines refer to, as its path from the data file's folder, if given.
    public let text: String?
    public let columns: [Column]
    public let rows: [Row]
    public let totals: [Total]
    public let checks: [Check]

    /// One column of amounts, or of words (a funding mode) when `isText`.
    public struct Column: Sendable {
        public let id: String
        public let label: String
        public let isText: Bool
    }

    /// One value of a row or a total, as printed, and what it reads as.
    public struct Cell: Sendable {
        /// The text as printed (« 676 000 € », « - », « ? », « ETP »).
        public let printed: String
        /// The amount, or nil when the text prints no figure there (« ? », « ETP », « / »).
        public let amount: DecimalNumber?
        public let mark: SourceMark
        /// The line of the text it is printed on, when not its row's (`{value: …, line: …}`).
        public let line: Int?
    }

    /// One line of the table.
    public struct Row: Sendable {
        public let id: String
        public let label: String
        /// The line of the text where its amounts are printed.
        public let line: Int
        public let mark: SourceMark
        /// Its position in the file, for field paths (`rows[3]`).
        public let index: Int
        public let cells: [String: Cell]
    }

    /// A total the text prints: the sum of some rows (all when `of` is empty) or of other totals.
    public struct Total: Sendable {
        public let id: String
        public let label: String
        public let line: Int
        public let mark: SourceMark
        public let index: Int
        /// The ids of the rows or totals it adds up; empty: every row.
        public let of: [String]
        public let cells: [String: Cell]
    }

    /// A rule each row (and each total) must keep.
    public struct Check: Sendable {
        public enum Rule: Sendable {
            /// `total` equals the sum of `parts`.
            case sum(total: String, parts: [String])
            /// `value` is at most `rate` × `bound`.
            case atMost(value: String, bound: String, rate: DecimalNumber)
            /// `value` is at least `rate` × `bound` (a matching rule, own funds).
            case atLeast(value: String, bound: String, rate: DecimalNumber)
        }
        public let id: String
        public let label: String
        public let rule: Rule
        /// The lines of the text that state the rule, as written (`13765-13769`), if any.
        public let lines: String?
        /// Whether totals must keep it too (default), or rows only.
        public let appliesToTotals: Bool
        public let mark: SourceMark

        /// The columns the rule reads.
        public var columns: [String] {
            switch rule {
            case .sum(let total, let parts): [total] + parts
            case .atMost(let value, let bound, _), .atLeast(let value, let bound, _): [value, bound]
            }
        }
    }

    /// The column named `id`, if any.
    public func column(_ id: String) -> Column? { columns.first { $0.id == id } }
}

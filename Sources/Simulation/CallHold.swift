import Evaluator
import ExactDecimal
import SchemeLanguage
import YAMLReader

/// A call's applications, held back until the whole portfolio is evaluated: only the projects
/// its selection retains within the envelope are granted, and the selection ranks them all.
///
/// Memory: per application admissible in either run, the few fields the totals and the CSV need
/// (`SimulationSummary.Item`) and what the selection ranks it by (its ranking values, shared by
/// the two runs when they are the same): never the whole evaluation. Only call schemes are held,
/// and of them only admissible projects; the others are added up as they come.
final class CallHold {
    private let before: CallSelector
    private let after: CallSelector
    /// Why no selection is made in each run: an envelope the text leaves unset.
    private let unselectedBefore: String?
    private let unselectedAfter: String?
    private var envelopeBefore: DecimalNumber?
    private var envelopeAfter: DecimalNumber?
    private var envelopeRead = (before: false, after: false)
    /// The applications admissible in either run, with what the selection ranks them by.
    private var items = ChunkedList<SimulationSummary.Item>()
    /// The category of each item that has one, by its position: most calls have none.
    private var categoriesBefore: [Int: String] = [:]
    private var categoriesAfter: [Int: String] = [:]

    let scheme: String

    init?(before: Scheme, after: Scheme) {
        scheme = before.id
        guard let before = CallSelector(scheme: before), let after = CallSelector(scheme: after) else { return nil }
        self.before = before
        self.after = after
        unselectedBefore = Self.unselected(before)
        unselectedAfter = Self.unselected(after)
    }

    /// Whether any run makes a selection: otherwise nothing needs holding.
    var selects: Bool { unselectedBefore == nil || unselectedAfter == nil }

    private static func unselected(_ selector: CallSelector) -> String? {
        do throws(EvaluationError) {
            try selector.checkEnvelope()
            return nil
        } catch {
            return error.message
        }
    }

    /// Holds one application admissible in either run, and returns true; returns false for one
    /// admissible in neither, which the selection does not see: the caller adds it at once, so
    /// that only admissible projects are kept. Throws when its ranking values or its envelope
    /// cannot be evaluated.
    func hold(_ old: Evaluation, _ new: Evaluation, breakdown: BreakdownReader?, reason: ChangeReason) throws -> Bool {
        guard old.outcome == .favorable || new.outcome == .favorable else { return false }
        var item = SimulationSummary.Item(old, new, breakdown: breakdown, reason: reason)
        if old.outcome == .favorable, unselectedBefore == nil {
            let entry = try before.entry(old)
            item.keysBefore = interned(entry.keys)
            if let category = entry.category { categoriesBefore[items.count] = category }
            if !envelopeRead.before {
                envelopeBefore = try before.envelope(for: old)?.amount
                envelopeRead.before = true
            }
        }
        if new.outcome == .favorable, unselectedAfter == nil {
            let entry = try after.entry(new)
            // One array for both runs when the values are the same: half the memory.
            item.keysAfter = item.keysBefore == entry.keys ? item.keysBefore : interned(entry.keys)
            if let category = entry.category { categoriesAfter[items.count] = category }
            if !envelopeRead.after {
                envelopeAfter = try after.envelope(for: new)?.amount
                envelopeRead.after = true
            }
        }
        // The name goes to the store in the item's order, once nothing can fail any more (an
        // application that fails is not held); a full store leaves it in the item.
        if names.count == items.count, names.append(item.applicant) { item.applicant = "" }
        items.append(item)
        return true
    }

    /// Ranking values are few (a yes or no and a filing date, say): each set is kept once, so
    /// that a million projects share a few hundred arrays.
    private var keys = Interned<[Value?]>()
    /// The items' applicants, by the item's position, while they are held.
    private var names = NameStore()

    private func interned(_ keys: [Value?]) -> [Value?] {
        self.keys.interned(keys)
    }

    /// Selects in each run, then adds every held application with the amounts granted: a
    /// retained project's, nothing for the others. `row` receives each one's CSV line; an
    /// application whose amounts cannot be added is returned, to be reported.
    func release(into summary: inout SimulationSummary, row: (SimulationSummary.Item, SimulationSummary.Change) -> Void) -> [SimulationSummary.Item] {
        var failed: [SimulationSummary.Item] = []
        var figures = SimulationSummary.CallFigures()
        figures.before = place(selector: before, envelope: envelopeBefore, unselected: unselectedBefore, run: \.before)
        figures.after = place(selector: after, envelope: envelopeAfter, unselected: unselectedAfter, run: \.after)
        for (index, var item) in items.enumerated() {
            if index < names.count { item.applicant = names[index] }
            guard let change = try? summary.add(item) else {
                failed.append(item)
                continue
            }
            row(item, change)
        }
        items = ChunkedList()
        keys = Interned()
        names = NameStore()
        categoriesBefore = [:]
        categoriesAfter = [:]
        summary.schemes[scheme]?.call = figures
        return failed
    }

    /// The figures of a call no run can select, from its totals: every admissible project is
    /// counted as granted, and the report says why.
    func unselectedFigures(_ totals: SimulationSummary.SchemeTotals) -> SimulationSummary.CallFigures {
        var figures = SimulationSummary.CallFigures()
        figures.before.admissible = totals.outcomesBefore[.favorable] ?? 0
        figures.after.admissible = totals.outcomesAfter[.favorable] ?? 0
        figures.before.needed = totals.amountBefore
        figures.after.needed = totals.amountAfter
        figures.before.unselected = unselectedBefore
        figures.after.unselected = unselectedAfter
        return figures
    }

    /// One run's selection: sets each admissible item's place, and its amount to nothing unless
    /// it is retained. Without a selection, every admissible project keeps its amount.
    private func place(selector: CallSelector, envelope: DecimalNumber?,
                       unselected: String?, run: WritableKeyPath<SimulationSummary.Item, DecimalNumber>) -> SimulationSummary.CallFigures.Run {
        var figures = SimulationSummary.CallFigures.Run()
        for item in items where (run == \.before ? item.outcomeBefore : item.outcomeAfter) == .favorable {
            figures.admissible += 1
            // An overflow here has its application reported when the totals are added.
            figures.needed = (try? figures.needed.adding(item[keyPath: run])) ?? figures.needed
        }
        if let unselected {
            figures.unselected = unselected
            return figures
        }
        // Each entry is made from its item when the selection needs it: no array of them.
        var indices: [Int] = []
        indices.reserveCapacity(figures.admissible)
        for index in 0..<items.count where (run == \.before ? items[index].keysBefore : items[index].keysAfter) != nil {
            indices.append(index)
        }
        let placements: CallSelector.Placements
        do {
            let items = self.items, categories = run == \.before ? categoriesBefore : categoriesAfter
            placements = try selector.place(count: indices.count, entry: { position in
                let item = items[indices[position]]
                return CallSelector.Entry(id: item.application, category: categories[indices[position]],
                                          keys: (run == \.before ? item.keysBefore : item.keysAfter) ?? [], amount: item[keyPath: run])
            }, envelope: envelope)
        } catch {
            figures.unselected = (error as? EvaluationError)?.message ?? "\(error)"
            return figures
        }
        figures.retained = placements.retained
        figures.waiting = placements.waiting
        figures.notRetained = placements.notRetained
        figures.used = placements.used
        for (position, placement) in placements.placements.enumerated() {
            let index = indices[position]
            if run == \.before { items[index].placementBefore = placement } else { items[index].placementAfter = placement }
            if placement != .retained { items[index][keyPath: run] = .zero }
        }
        return figures
    }
}

/// A list that grows by chunks of a fixed size: no reallocation copies the whole list, whose
/// old and new buffers would otherwise be held together at twice the size (a million held
/// applications would need their memory three times over at the last doubling).
struct ChunkedList<Element>: Sequence {
    private static var chunkSize: Int { 4_096 }
    private var chunks: [[Element]] = []
    private(set) var count = 0

    mutating func append(_ element: Element) {
        if count % Self.chunkSize == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    subscript(index: Int) -> Element {
        get { chunks[index / Self.chunkSize][index % Self.chunkSize] }
        set { chunks[index / Self.chunkSize][index % Self.chunkSize] = newValue }
    }

    func makeIterator() -> FlattenSequence<[[Element]]>.Iterator {
        chunks.joined().makeIterator()
    }
}

/// Values held by the million, kept once each when they repeat: a value met again is replaced
/// by the copy met first, whose storage they then share. The table stops growing at `limit`
/// entries, for values all different would only make it larger.
struct Interned<Value: Hashable> {
    private var table: Set<Value> = []
    private let limit = 1 << 16

    mutating func interned(_ value: Value) -> Value {
        if let shared = table.firstIndex(of: value) { return table[shared] }
        if table.count < limit { table.insert(value) }
        return value
    }
}

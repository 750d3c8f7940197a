/// Where a batch puts its entries as it goes: whole (`[BatchEntry]`), or in a few bytes each
/// (`CompactEntries`) so that a batch of a million applications holds no more than it must.
protocol EntrySink {
    /// The next entry; `document` is the position in the batch's `FilingIndex` of the document
    /// it is about, if any.
    mutating func append(_ entry: BatchEntry, document: Int?)
    /// The register failed after committing `committed` of the decisions handed to it: those
    /// handed to it since are not in it, and their entries say so.
    mutating func markUnrecorded(from committed: Int)
}

extension Array: EntrySink where Element == BatchEntry {
    mutating func append(_ entry: BatchEntry, document: Int?) {
        append(entry)
    }

    mutating func markUnrecorded(from committed: Int) {
        for index in indices where (self[index].recordOrdinal ?? -1) >= committed && self[index].unrecorded == nil {
            self[index].unrecorded = BatchRunner.unrecorded(at: self[index].mark)
        }
    }
}

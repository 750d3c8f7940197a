import Documents

/// Table cells as ODF. A document has dozens of cells, each with the same tags around its
/// text: the tags up to the text are laid out once for each kind of cell and appended as bytes.
///
/// They are not noted as known to the checksum (`FixedXML`): the cells' texts between them
/// would then be checksummed in dozens of short pieces, and zlib's CRC-32 of a short piece was
/// measured (perf) much slower per byte than of a long one: content.xml's CRC took longer.
///
/// Keeping each cell's XML for the run instead, keyed by its text, was measured slower (perf,
/// 20 000 applications): hashing the text, the lock and the reference counting of the kept
/// values cost more than laying the cell out, which reads the text in a few SIMD-friendly passes.
enum ODFCells {
    /// A cell's automatic style and its paragraph's named style.
    enum Kind: Sendable {
        /// A header row's cell.
        case header
        /// A cell of a table's body.
        case body
        /// The label of labelled fields (`Block.fields`).
        case label
        /// The value of labelled fields.
        case value

        /// A row's opening tag and its first cell's tags up to the text (`ODFTables.row`).
        var rowOpening: [UInt8] {
            switch self {
            case .header: ODFCells.headerRowOpening
            case .body: ODFCells.bodyRowOpening
            case .label: ODFCells.labelRowOpening
            case .value: ODFCells.valueRowOpening
            }
        }

        /// The end of a cell and the next one's tags up to its text.
        var between: [UInt8] {
            switch self {
            case .header: ODFCells.headerBetween
            case .body: ODFCells.bodyBetween
            case .label: ODFCells.labelBetween
            case .value: ODFCells.valueBetween
            }
        }
    }

    /// The end of a cell: its paragraph's and its own.
    private static let closing = Array("</text:p></table:table-cell>".utf8)

    private static func opening(cellStyle: String, paragraphStyle: ODFStyle) -> [UInt8] {
        Array("<table:table-cell table:style-name=\"\(cellStyle)\" office:value-type=\"string\"><text:p \(paragraphStyle.styleNameAttribute)".utf8)
    }

    private static let headerOpening = opening(cellStyle: ODFTables.headerCell, paragraphStyle: ODFStyles.headerCell)
    private static let bodyOpening = opening(cellStyle: ODFTables.cell, paragraphStyle: ODFStyles.cell)
    private static let labelOpening = opening(cellStyle: ODFTables.fieldCell, paragraphStyle: ODFStyles.label)
    private static let valueOpening = opening(cellStyle: ODFTables.fieldCell, paragraphStyle: ODFStyles.cell)
    private static let headerRowOpening = Array(ODFTables.rowOpening.utf8) + headerOpening
    private static let bodyRowOpening = Array(ODFTables.rowOpening.utf8) + bodyOpening
    private static let labelRowOpening = Array(ODFTables.rowOpening.utf8) + labelOpening
    private static let valueRowOpening = Array(ODFTables.rowOpening.utf8) + valueOpening
    private static let headerBetween = closing + headerOpening
    private static let bodyBetween = closing + bodyOpening
    private static let labelBetween = closing + labelOpening
    private static let valueBetween = closing + valueOpening
}

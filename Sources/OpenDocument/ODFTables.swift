import Documents
import Synchronization

/// Tables as ODF: a `table:table` as wide as the text, its columns in the document's relative
/// widths, its header row repeated on each page (`table:table-header-rows`), and each row kept on
/// one page. LibreOffice Writer offers no cell styles an author could restyle, so the borders and
/// the rows' keeping are automatic styles; the text in the cells has named styles
/// (« Guichet Cellule », « Guichet En-tête de tableau », « Guichet Libellé »).
enum ODFTables {
    /// The width the columns' absolute widths are computed on: the default template's text width,
    /// an A4 page less its 1.8 cm side margins (21 − 2 × 1.8 = 17.4 cm). The table is aligned on
    /// the margins, so LibreOffice fits it to the template's page whatever its size, keeping the
    /// relative widths.
    private static let textWidthMillimetres = 174

    private static let row = "GuichetAuto_Ligne"
    static let cell = "GuichetAuto_Cellule"
    static let headerCell = "GuichetAuto_Cellule_En-tete"
    static let fieldCell = "GuichetAuto_Cellule_Champ"

    /// The styles every table shares, written once per document.
    static let sharedStyles = FixedXML(Array("""
        <style:style style:name="\(row)" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>\
        <style:style style:name="\(cell)" style:family="table-cell"><style:table-cell-properties fo:padding-top="0.06cm" fo:padding-bottom="0.06cm" \
        fo:padding-left="0.12cm" fo:padding-right="0.12cm" fo:border="0.5pt solid #555555"/></style:style>\
        <style:style style:name="\(headerCell)" style:family="table-cell"><style:table-cell-properties fo:padding-top="0.06cm" fo:padding-bottom="0.06cm" \
        fo:padding-left="0.12cm" fo:padding-right="0.12cm" fo:border="0.5pt solid #555555" fo:background-color="#e6e6e6"/></style:style>\
        <style:style style:name="\(fieldCell)" style:family="table-cell"><style:table-cell-properties fo:padding-top="0.04cm" fo:padding-bottom="0.04cm" \
        fo:padding-left="0.1cm" fo:padding-right="0.1cm" fo:border="none" fo:border-bottom="0.5pt solid #bbbbbb"/></style:style>
        """.utf8))

    /// Each column's relative width (at least 1) a table is laid out with; nil for a table
    /// without a column, which is not laid out (its number is taken all the same).
    static func widths(of table: Table) -> [Int]? {
        // A loop, not `rows.map(\.count).max()`: no key path applied to each row, no array.
        var columns = table.header.count
        for cells in table.rows { columns = max(columns, cells.count) }
        guard columns > 0 else { return nil }
        return (0..<columns).map { $0 < table.widths.count ? max(table.widths[$0], 1) : 1 }
    }

    /// The widths of labelled fields' two columns.
    static let fieldWidths = [35, 65]

    /// The table, numbered `number`, in columns of `widths` (`widths(of:)`); its automatic
    /// styles are `styles(number:widths:)`.
    static func table(_ table: Table, number: Int, widths: [Int], into xml: inout PartXML) {
        let columns = widths.count
        xml.append(opening(number: number, widths: widths).xml)
        if !table.header.isEmpty {
            xml.raw(literal: "<table:table-header-rows>")
            row(table.header, columns: columns, kind: .header, into: &xml)
            xml.raw(literal: "</table:table-header-rows>")
        }
        for cells in table.rows {
            row(cells, columns: columns, kind: .body, into: &xml)
        }
        xml.raw(literal: "</table:table>")
    }

    /// Labelled values, at least one: a two-column table (`fieldWidths`) without header or
    /// vertical borders.
    static func fields(_ fields: [Field], number: Int, into xml: inout PartXML) {
        xml.append(opening(number: number, widths: fieldWidths).xml)
        for field in fields {
            xml.write { xml in
                xml.raw(bytes: ODFCells.Kind.label.rowOpening)
                ODFInline.text(Text(field.label), into: &xml)
                xml.raw(bytes: ODFCells.Kind.value.between)
                ODFInline.text(field.value, into: &xml)
            }
            xml.raw(literal: "</text:p></table:table-cell></table:table-row>")
        }
        xml.raw(literal: "</table:table>")
    }

    /// The automatic styles of table `number` laid out in columns of `widths`: its width, its columns'.
    static func styles(number: Int, widths: [Int]) -> FixedXML {
        opening(number: number, widths: widths).styles
    }

    /// The table's element and its columns, with their automatic styles: the same bytes for the
    /// same number and widths, so worked out once for them (`Opening`).
    private static func opening(number: Int, widths: [Int]) -> Opening {
        let key = OpeningKey(number: number, widths: widths)
        return openings.withLock { $0[key] } ?? {
            let made = Opening(number: number, widths: widths)
            openings.withLock { if $0.count < 1_000 { $0[key] = made } }
            return made
        }()
    }

    private struct OpeningKey: Hashable {
        let number: Int
        let widths: [Int]
    }

    /// The openings made so far: a batch writes the same few tables, numbered alike, in every act.
    private static let openings = Mutex<[OpeningKey: Opening]>([:])

    /// A table's automatic styles (its width, its columns') and its element with its columns.
    private struct Opening: Sendable {
        let styles: FixedXML
        let xml: FixedXML

        init(number: Int, widths: [Int]) {
            var styles = MarkupText(capacity: 1_024)
            var xml = MarkupText(capacity: 512)
            let name = "GuichetAuto_Tableau\(number)"
            styles.raw("<style:style style:name=\"\(name)\" style:family=\"table\"><style:table-properties style:width=\"17.4cm\" table:align=\"margins\" ")
            styles.raw(literal: "fo:margin-top=\"0.15cm\" fo:margin-bottom=\"0.35cm\"/></style:style>")
            let total = widths.reduce(0, +)
            for (index, width) in widths.enumerated() {
                let tenthsOfMillimetre = width * textWidthMillimetres * 10 / total
                styles.raw("<style:style style:name=\"\(name).\(index + 1)\" style:family=\"table-column\"><style:table-column-properties ")
                styles.raw("style:column-width=\"\(tenthsOfMillimetre / 10).\(tenthsOfMillimetre % 10)mm\" style:rel-column-width=\"\(width * 1000)*\"/></style:style>")
            }
            xml.raw("<table:table table:name=\"Tableau\(number)\" table:style-name=\"\(name)\">")
            for index in widths.indices {
                xml.raw("<table:table-column table:style-name=\"\(name).\(index + 1)\"/>")
            }
            self.styles = FixedXML(styles.utf8)
            self.xml = FixedXML(xml.utf8)
        }
    }

    /// A row's opening tag, the same for every row. Tags are written in pieces, without
    /// building a string for each cell: a document has hundreds of cells.
    static let rowOpening = "<table:table-row table:style-name=\"\(row)\">"

    /// A row of `columns` cells (at least one), the missing ones empty. The tags between two
    /// texts go as one piece (`ODFCells.Kind.rowOpening`, `between`): a document has hundreds of cells.
    private static func row(_ cells: [Text], columns: Int, kind: ODFCells.Kind, into xml: inout PartXML) {
        xml.write { xml in
            for index in 0..<columns {
                xml.raw(bytes: index == 0 ? kind.rowOpening : kind.between)
                ODFInline.text(index < cells.count ? cells[index] : Text(""), into: &xml)
            }
        }
        xml.raw(literal: "</text:p></table:table-cell></table:table-row>")
    }
}

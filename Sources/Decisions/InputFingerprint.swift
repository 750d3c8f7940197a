import ExactDecimal
import Platform
import SchemeLanguage

/// A hash of what an application says, independent of how its file is laid out.
///
/// Two files with the same facts in another order, or written flat rather than nested, have the
/// same fingerprint; any change of a fact, a piece, a confirmation, a finding or an outcome
/// given changes it. The application is first written in a compact binary form (facts by their
/// index in the scheme, whose own hash the decision also carries), then hashed: this runs for
/// every decision a batch records.
public enum InputFingerprint {
    public static func sha256(_ application: Application, scheme: Scheme) -> String {
        SHA256.hex(of: encoding(application))
    }

    static func encoding(_ application: Application) -> [UInt8] {
        var bytes = FingerprintBytes()
        bytes.text("guichet-input/1")
        bytes.text(application.schemeID)
        bytes.text(application.id)
        bytes.date(application.filed)
        bytes.text(application.applicant.name)
        bytes.optionalText(application.applicant.kind)
        bytes.optionalText(application.applicant.address)
        bytes.optionalText(application.subject)
        for (index, value) in application.facts.enumerated() {
            guard let value else { continue }
            bytes.tag(0x10)
            bytes.integer(index)
            bytes.value(value)
        }
        for (index, months) in application.monthlyFacts.sorted(by: { $0.key < $1.key }) {
            for (month, value) in months.sorted(by: { $0.key < $1.key }) {
                bytes.tag(0x11)
                bytes.integer(index)
                bytes.date(month)
                bytes.value(value)
            }
        }
        bytes.tag(0x12)
        for index in application.pieces.indices { bytes.integer(index) }
        bytes.tag(0x13)
        for index in application.confirmed.indices { bytes.integer(index) }
        for id in application.findings.keys.sorted() {
            let finding = application.findings[id]!
            bytes.tag(0x14)
            bytes.text(id)
            bytes.tag(finding.satisfied ? 1 : 0)
            bytes.optionalText(finding.note)
        }
        for id in application.outcomes.keys.sorted() {
            bytes.tag(0x15)
            bytes.text(id)
            bytes.text(application.outcomes[id]!.rawValue)
        }
        return bytes.bytes
    }
}

/// Appends tagged, length-prefixed fields, so that no two applications share an encoding.
private struct FingerprintBytes {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(512)
    }

    mutating func tag(_ tag: UInt8) { bytes.append(tag) }

    mutating func integer(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func text(_ text: String) {
        integer(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func optionalText(_ text: String?) {
        if let text {
            tag(1)
            self.text(text)
        } else {
            tag(0)
        }
    }

    mutating func date(_ date: LocalDate) {
        integer(date.year * 10_000 + date.month * 100 + date.day)
    }

    mutating func decimal(_ value: DecimalNumber) {
        // Normalised, so that 1 and 1.00 encode alike.
        let normalized = value.normalized
        withUnsafeBytes(of: normalized.significand.littleEndian) { bytes.append(contentsOf: $0) }
        integer(normalized.scale)
    }

    mutating func value(_ value: Value) {
        switch value {
        case .boolean(let flag): tag(flag ? 0x01 : 0x02)
        case .integer(let number):
            tag(0x03)
            integer(number)
        case .number(let number):
            tag(0x04)
            decimal(number)
        case .money(let amount):
            tag(0x05)
            decimal(amount)
        case .rate(let rate):
            tag(0x06)
            decimal(rate)
        case .date(let day):
            tag(0x07)
            date(day)
        case .text(let string):
            tag(0x08)
            text(string)
        case .enumeration(let item):
            tag(0x09)
            text(item)
        case .set(let members):
            tag(0x0A)
            integer(members.count)
            for member in members { text(member) }
        case .list(let items):
            tag(0x0B)
            integer(items.count)
            for item in items { self.value(item) }
        }
    }
}

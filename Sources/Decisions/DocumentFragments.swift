import Documents
import SchemeLanguage
import Synchronization

/// The texts that are the same in every act of a batch: a scheme's « Vu », and the mentions
/// filled from the rules folder and guichet.yaml (personal data, routes of appeal). A batch that
/// decides thousands of applications works each out once and reuses it, instead of filling the
/// same templates for every act.
///
/// One value serves one run: give every `Issuance` of the run the same one. Each text is kept
/// under the scheme's id and fingerprint and every other value it is made from, so that a text
/// is only ever reused where working it out again would give the same words.
public final class DocumentFragments: Sendable {
    /// The values kept, scheme by scheme: a run decides on one scheme or a few, and a scheme's
    /// table is found by its identity, so that no name repeats the scheme's id and fingerprint
    /// (a hundred bytes to copy and hash at every lookup).
    private let state = Mutex(State())

    private struct State {
        var tables: [ObjectIdentifier: SchemeTable] = [:]
        /// How many values all the tables keep.
        var count = 0
    }

    /// One scheme's values. It holds the scheme, so that no other scheme can take its identity
    /// while the run lasts.
    private struct SchemeTable {
        let scheme: Scheme
        var values: [Name: KeptValue] = [:]
    }

    /// What a value is kept under: the UTF-8 bytes of its key's parts, each after its length,
    /// so that no two lists of parts give the same name, whatever characters the parts hold.
    /// Bytes, not a `String`: a String hashes and compares by Unicode canonical equivalence,
    /// which for French words (« données », « La présente décision ») cost more than the lookup
    /// saved; two keys spelled with the same bytes are the same key, which is all a key needs.
    struct Name: Hashable, Sendable {
        let bytes: [UInt8]

        init(_ parts: [String]) {
            self.init(marker: nil, key: parts)
        }

        /// The name of `key`: `marker` when given (which sets apart the values kept with their
        /// source), then the key's parts.
        init(marker: String?, key: [String]) {
            var count = marker.map { $0.utf8.count + 4 } ?? 0
            for part in key { count += part.utf8.count + 4 }
            bytes = Self.joined(count: count) { write in
                if let marker { write(marker) }
                for part in key { write(part) }
            }
        }

        /// The parts `parts` gives to its `write`, each after its length, in one buffer of
        /// `count` bytes: what the parts take, each with its four-byte length.
        private static func joined(count: Int, _ parts: ((String) -> Void) -> Void) -> [UInt8] {
            // Sound: `write` stores each part's length and bytes from offset 0 on, and the
            // parts given take `count` bytes in all, which `count` ends at.
            [UInt8](unsafeUninitializedCapacity: count) { buffer, written in
                let raw = UnsafeMutableRawBufferPointer(buffer)
                parts { part in write(part, into: raw, at: &written) }
            }
        }

        /// Stores the length of `part`, then its UTF-8 bytes, at `offset`, which it moves past them.
        /// The caller has made room for them.
        private static func write(_ part: String, into raw: UnsafeMutableRawBufferPointer, at offset: inout Int) {
            part.withUTF8Bytes { utf8 in
                raw.storeBytes(of: UInt32(utf8.count).littleEndian, toByteOffset: offset, as: UInt32.self)
                offset += 4
                if let start = utf8.baseAddress {
                    (raw.baseAddress! + offset).copyMemory(from: start, byteCount: utf8.count)
                    offset += utf8.count
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        /// The same bytes, compared as one block: every value a document takes from the run's
        /// fragments is looked up by one.
        static func == (lhs: Name, rhs: Name) -> Bool {
            lhs.bytes.withUnsafeBytes { left in rhs.bytes.withUnsafeBytes { ExactText.equal(left, $0) } }
        }
    }

    /// A value kept, of whatever type: a class, so that taking it back as the type asked for is
    /// a class cast (a pointer compared), not the cast of an existential value.
    private class KeptValue: @unchecked Sendable {}
    // Sound: `KeptValue` holds nothing, and its subclasses only constants of Sendable types.

    /// A value kept with no source.
    private final class Plain<Value: Sendable>: KeptValue, @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// A value and what it was made from.
    private final class Kept<Source: Equatable & Sendable, Value: Sendable>: KeptValue, @unchecked Sendable {
        let source: Source
        let value: Value
        init(source: Source, value: Value) { (self.source, self.value) = (source, value) }
    }

    public init() {}

    /// How many values a run keeps at most: some are keyed by an application's facts (the
    /// grounds of a refusal), and a run of a million applications must not keep them all. Past
    /// it, a value is worked out again each time, as without fragments.
    static let limit = 20_000

    /// What is kept under `name` for `scheme`, if anything.
    private func kept(_ name: Name, scheme: Scheme) -> KeptValue? {
        state.withLock { $0.tables[ObjectIdentifier(scheme)]?.values[name] }
    }

    /// Keeps `value` under `name` for `scheme`, replacing what was kept there; a new name only
    /// while fewer than `limit` values are kept.
    private func keep(_ value: KeptValue, as name: Name, scheme: Scheme) {
        state.withLock { state in
            let id = ObjectIdentifier(scheme)
            let known = state.tables[id]?.values[name] != nil
            guard known || state.count < Self.limit else { return }
            state.tables[id, default: SchemeTable(scheme: scheme)].values[name] = value
            if !known { state.count += 1 }
        }
    }

    /// The value kept under `key` for `scheme`, made by `make` the first time.
    func value<Value: Sendable>(_ key: [String], scheme: Scheme, make: () -> Value) -> Value {
        let name = Name(marker: nil, key: key)
        if let kept = kept(name, scheme: scheme) as? Plain<Value> { return kept.value }
        let made = make()
        keep(Plain(made), as: name, scheme: scheme)
        return made
    }

    /// `make(source)`, kept under `key` and reused only while asked for with a source equal to
    /// the one it was made from (another source replaces it), so that a key too coarse — or two
    /// keys whose parts join alike — costs a working out, never a wrong text. Values taken from
    /// the run's fragments share their storage, which makes the comparison nearly free.
    func value<Source: Equatable & Sendable, Value: Sendable>(_ key: [String], scheme: Scheme, from source: Source,
                                                              make: (Source) -> Value) -> Value {
        let name = Name(marker: "\u{2}", key: key)
        if let kept = kept(name, scheme: scheme) as? Kept<Source, Value>, kept.source == source { return kept.value }
        let made = make(source)
        keep(Kept(source: source, value: made), as: name, scheme: scheme)
        return made
    }
}

extension Issuance {
    /// `make(source)`, as one shared block laid out once for the run when the run keeps
    /// fragments (`DocumentFragments.value(_:scheme:from:make:)`); the blocks themselves otherwise.
    func sharedBlocks<Source: Equatable & Sendable>(_ key: [String], scheme: Scheme, from source: Source,
                                                    make: (Source) -> [Block]) -> [Block] {
        guard let fragments else { return make(source) }
        return [.shared(fragments.value(key, scheme: scheme, from: source) { SharedBlocks(make($0)) })]
    }

    /// `make(source)`, or the value the run's fragments keep for an equal source
    /// (`DocumentFragments.value(_:scheme:from:make:)`).
    func fragment<Source: Equatable & Sendable, Value: Sendable>(_ key: [String], scheme: Scheme, from source: Source,
                                                                 make: (Source) -> Value) -> Value {
        guard let fragments else { return make(source) }
        return fragments.value(key, scheme: scheme, from: source, make: make)
    }

    /// `make()`, or the value the run's fragments keep for it (`DocumentFragments`).
    func fragment<Value: Sendable>(_ key: [String], scheme: Scheme, make: () -> Value) -> Value {
        guard let fragments else { return make() }
        return fragments.value(key, scheme: scheme, make: make)
    }
}

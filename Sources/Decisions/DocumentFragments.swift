import Documents
import SchemeLanguage
import Synchronization

/// The texts that are the same in every act of a batch: a scheme's « Vu », and the mentions
/// filled from the rules folder and guichet.yaml (personal data, routes of appeal). A batch that
/// decides thousands of applications works each out once and reuses it, instead of filling the
/// same templates for every act.
///
/// One value serves one run: give every `Issuance` of the run the same one. Each text is kept
/// under its scheme (the very object: schemes are immutable) and every other value it is made
/// from, so that a text is only ever reused where working it out again would give the same words.
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

    /// What a value is kept under: its key's parts, compared by their UTF-8 bytes, and whether
    /// it is kept with its source. The parts themselves, not their bytes joined in a buffer of
    /// their own: a document looks up a dozen values, and building that buffer cost as much as
    /// the lookup. Bytes, not Swift's `==`: a String hashes and compares by Unicode canonical
    /// equivalence, which for French words (« données », « La présente décision ») cost more
    /// than the lookup saved; two keys spelled with the same bytes are the same key, which is
    /// all a key needs. Two lists of parts are the same name only part by part, whatever
    /// characters the parts hold.
    struct Name: Hashable, Sendable {
        /// Whether the value is kept with its source (`value(_:scheme:from:make:)`), which sets
        /// it apart from a value kept under the same parts without one.
        let sourced: Bool
        let parts: [String]

        init(_ parts: [String], sourced: Bool = false) {
            (self.parts, self.sourced) = (parts, sourced)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(sourced)
            for part in parts {
                part.withUTF8Bytes { utf8 in
                    hasher.combine(utf8.count)
                    hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
                }
            }
        }

        static func == (lhs: Name, rhs: Name) -> Bool {
            lhs.sourced == rhs.sourced && ExactText.same(lhs.parts, rhs.parts)
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
        let name = Name(key)
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
        let name = Name(key, sourced: true)
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

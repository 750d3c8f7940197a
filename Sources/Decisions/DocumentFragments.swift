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
    private let texts = Mutex<[String: any Sendable]>([:])

    public init() {}

    /// The value kept under `key` for `scheme`, made by `make` the first time.
    func value<Value: Sendable>(_ key: [String], scheme: Scheme, make: () -> Value) -> Value {
        let name = ([scheme.id, scheme.rulesHash] + key).joined(separator: "\u{1F}")
        // Unwrapped before the cast: nil cast to an optional `Value` would pass for a kept nil.
        if let kept = texts.withLock({ $0[name] }), let known = kept as? Value { return known }
        let made = make()
        texts.withLock { $0[name] = made }
        return made
    }
}

extension DocumentFragments {
    /// What a part of a document is made from, and the part rendered once (`SharedBlocks`).
    private struct Kept<Source: Equatable & Sendable>: Sendable {
        let source: Source
        let blocks: SharedBlocks
    }

    /// The blocks `make(source)` laid out once for the run: kept under `key`, and reused only
    /// while made from a source equal to `source` (another source replaces them), so that a key
    /// too coarse costs a rendering, never a wrong text. Values taken from the run's fragments
    /// share their storage, which makes the comparison nearly free.
    func shared<Source: Equatable & Sendable>(_ key: [String], scheme: Scheme, from source: Source,
                                              make: (Source) -> [Block]) -> SharedBlocks {
        let name = ([scheme.id, scheme.rulesHash, "blocs"] + key).joined(separator: "\u{1F}")
        if let kept = texts.withLock({ $0[name] }) as? Kept<Source>, kept.source == source { return kept.blocks }
        let made = SharedBlocks(make(source))
        texts.withLock { $0[name] = Kept(source: source, blocks: made) }
        return made
    }
}

extension Issuance {
    /// `make(source)`, as one shared block laid out once for the run when the run keeps
    /// fragments (`DocumentFragments.shared`); the blocks themselves otherwise.
    func sharedBlocks<Source: Equatable & Sendable>(_ key: [String], scheme: Scheme, from source: Source,
                                                    make: (Source) -> [Block]) -> [Block] {
        guard let fragments else { return make(source) }
        return [.shared(fragments.shared(key, scheme: scheme, from: source, make: make))]
    }

    /// `make()`, or the value the run's fragments keep for it (`DocumentFragments`).
    func fragment<Value: Sendable>(_ key: [String], scheme: Scheme, make: () -> Value) -> Value {
        guard let fragments else { return make() }
        return fragments.value(key, scheme: scheme, make: make)
    }
}

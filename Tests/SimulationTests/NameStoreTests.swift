@testable import Simulation
import Testing

/// The names of a call's held projects, kept as bytes: each comes back as it was given.
@Suite struct NameStoreTests {
    @Test func everyNameComesBackWholeAcrossChunks() {
        // Enough names that their bytes run over several 4 096-byte chunks, some of them
        // multi-byte (« Syndicat mixte de la Côte d'Opale »), one empty.
        let names = (0..<1_000).map { index in
            index % 7 == 0 ? "" : index % 3 == 0 ? "Syndicat mixte de la Côte d'Opale n°\(index)" : "Commune n°\(index)"
        }
        var store = NameStore()
        for name in names {
            let kept = store.append(name)
            #expect(kept)
        }
        #expect(store.count == names.count)
        for (index, name) in names.enumerated() { #expect(store[index] == name, "\(index)") }
    }
}

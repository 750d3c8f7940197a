import Testing
import YAMLReader

@Suite("Anchors and aliases")
struct AliasTests {
    @Test("An alias stands for the anchored node, marks included")
    func reuse() throws {
        let root = try document("""
            base: &base
              rate: 0.5
              ceiling: 300
            first: *base
            list: [&one 1, *one, *one]
            """)
        let first = try #require(root["first"])
        #expect(first["rate"]?.scalar == "0.5")
        #expect(first["ceiling"]?.scalar == "300")
        #expect(first.at == "1:7")  // the anchor starts the node
        #expect(root["list"]?.sequence?.compactMap(\.scalar) == ["1", "1", "1"])
    }

    @Test("An alias may be a key when it stands for a scalar")
    func aliasAsKey() throws {
        let root = try document("a: &k name\n*k : value\n")
        #expect(root.mapping?.last?.key.scalar == "name")
        #expect(root["name"]?.scalar == "value")
    }

    @Test("An aliased key counts for duplicate detection")
    func aliasDuplicateKey() {
        let error = #expect(throws: YAMLError.self) {
            try document("m:\n  &k a: 1\n  *k : 2\n")
        }
        #expect(error?.message.hasPrefix("clé « a » en double (déjà ligne 2, colonne 3)") == true)
        #expect(error?.at == "3:3")
    }

    @Test("An unknown alias is an error at the alias")
    func unknownAlias() {
        let error = #expect(throws: YAMLError.self) { try document("a: 1\nb: *nowhere\n", file: "x.yaml") }
        #expect(error?.message.hasPrefix("alias « *nowhere » inconnu") == true)
        #expect(error?.description.hasPrefix("x.yaml:2:4: erreur :") == true)
    }

    @Test("An alias to an enclosing node is refused")
    func recursiveAlias() {
        let error = #expect(throws: YAMLError.self) { try document("a: &loop [1, *loop]\n") }
        #expect(error?.message.contains("récursive") == true)
        #expect(error?.at == "1:14")
    }

    @Test("A billion laughs document is refused")
    func billionLaughs() {
        var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(refs)]\n"
        }
        let error = #expect(throws: YAMLError.self) { try document(text) }
        #expect(error?.message.hasPrefix("trop d'alias développés (une attaque « billion laughs » ?)") == true)
    }

    @Test("The alias expansion cap is configurable and counts whole subtrees")
    func expansionCap() throws {
        // The anchored sequence is 4 nodes (itself and 3 items); two aliases make 8.
        let text = "a: &a [1, 2, 3]\nb: *a\nc: *a\n"
        var limits = YAMLDocumentReader.Limits()
        limits.maxAliasExpansion = 8
        #expect(try documents(text, limits: limits).count == 1)
        limits.maxAliasExpansion = 7
        let error = readingError(text, limits: limits)
        #expect(error?.message.hasPrefix("trop d'alias développés") == true)
        #expect(error?.at == "3:4")
    }
}

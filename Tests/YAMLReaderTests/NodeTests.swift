import Testing
import YAMLReader

@Suite("Node content")
struct NodeTests {
    @Test("Scalars, sequences and mappings with their accessors and kind names")
    func kinds() throws {
        let root = try document("s: text\nq: [1, 2]\nm: {a: b}\n")
        #expect(root.kindName == "un ensemble de champs")
        #expect(root.mapping?.map(\.key.scalar) == ["s", "q", "m"])
        #expect(root.scalar == nil && root.sequence == nil)
        let scalar = try #require(root["s"])
        #expect(scalar.scalar == "text" && scalar.kindName == "une valeur simple")
        #expect(scalar.sequence == nil && scalar.mapping == nil)
        let sequence = try #require(root["q"])
        #expect(sequence.kindName == "une liste")
        #expect(sequence.sequence?.compactMap(\.scalar) == ["1", "2"])
        #expect(root["m"]?["a"]?.scalar == "b")
    }

    @Test("Mapping pairs keep document order")
    func order() throws {
        let root = try document("z: 1\na: 2\nm: 3\nb: 4\n")
        #expect(root.mapping?.compactMap(\.key.scalar) == ["z", "a", "m", "b"])
    }

    @Test("Plain and quoted scalars can be told apart")
    func plainVersusQuoted() throws {
        let root = try document("a: yes\nb: \"yes\"\nc: 'yes'\nd: |\n  yes\n")
        #expect(root["a"]?.isPlainScalar == true)
        #expect(root["b"]?.isPlainScalar == false)
        #expect(root["c"]?.isPlainScalar == false)
        #expect(root["d"]?.isPlainScalar == false)
        #expect(root["d"]?.scalar == "yes\n")
        #expect(root.isPlainScalar == false)
    }

    @Test("Nulls are plain empty, ~, null, Null or NULL scalars, or tagged !!null")
    func nulls() throws {
        let root = try document("""
            empty:
            tilde: ~
            lower: null
            title: Null
            upper: NULL
            quoted: "null"
            quotedEmpty: ''
            mixed: nUll
            word: nullable
            tagged: !!null ""
            forcedString: !!str null
            """)
        for key in ["empty", "tilde", "lower", "title", "upper", "tagged"] {
            #expect(root[key]?.isNull == true, "\(key) should be null")
        }
        for key in ["quoted", "quotedEmpty", "mixed", "word", "forcedString"] {
            #expect(root[key]?.isNull == false, "\(key) should not be null")
        }
        #expect(root["tilde"]?.scalar == "~")
        #expect(root.isNull == false)
    }

    @Test("Explicit tags are kept, core tags in their short form")
    func tags() throws {
        let root = try document("a: !!str 12\nb: !local x\nc: plain\nd: !!seq [1]\ne: !<tag:example.com,2024:x> y\n")
        #expect(root["a"]?.tag == "!!str")
        #expect(root["a"]?.scalar == "12")
        #expect(root["b"]?.tag == "!local")
        #expect(root["c"]?.tag == nil)
        #expect(root["d"]?.tag == "!!seq")
        #expect(root["e"]?.tag == "tag:example.com,2024:x")
    }

    @Test("Block scalars and escapes are decoded by libyaml")
    func scalarStyles() throws {
        let root = try document("""
            literal: |
              line one
              line two
            folded: >
              folded
              text
            escaped: "tab\\tnewline\\nunicode\\u00e9"
            single: 'it''s'
            """)
        #expect(root["literal"]?.scalar == "line one\nline two\n")
        #expect(root["folded"]?.scalar == "folded text\n")
        #expect(root["escaped"]?.scalar == "tab\tnewline\nunicodeé")
        #expect(root["single"]?.scalar == "it's")
    }

    @Test("A hand-built node derives its nullness")
    func publicInitialiser() {
        let mark = SourceMark(file: "x.yaml", line: 1, column: 1)
        #expect(YAMLNode(content: .scalar("~"), mark: mark, isPlainScalar: true).isNull)
        #expect(!YAMLNode(content: .scalar("~"), mark: mark, isPlainScalar: false).isNull)
        #expect(YAMLNode(content: .scalar("x"), mark: mark, tag: "!!null").isNull)
        #expect(!YAMLNode(content: .sequence([]), mark: mark).isNull)
        let pair = YAMLPair(key: YAMLNode(content: .scalar("k"), mark: mark, isPlainScalar: true),
                            value: YAMLNode(content: .mapping([]), mark: mark))
        #expect(pair.key.scalar == "k" && pair.value.mapping?.isEmpty == true)
    }
}

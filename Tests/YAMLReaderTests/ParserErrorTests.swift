import Testing
import YAMLReader

@Suite("libyaml errors")
struct ParserErrorTests {
    @Test("A parser error carries its context and the problem position")
    func contextAndProblem() {
        let error = readingError("a:\n  b: 1\n c: 2\n", file: "rules.yaml")
        #expect(error?.message.hasPrefix(
            "while parsing a block mapping (started at line 1, column 1): did not find expected key") == true)
        #expect(error?.description.hasPrefix("rules.yaml:3:2: error: while parsing a block mapping") == true)
    }

    @Test("Tab indentation gets a hint to indent with spaces", arguments: [
        ("a: 1\nb:\n\tc: 2\n", "3:1"),
        ("\tkey: value\n", "1:1"),
        ("list:\n\t- x\n", "2:1"),
        ("key: value\n\tother: 2\n", "2:1"),
        ("a: 1\r\nb:\r\n\tc: 2\r\n", "3:1"),
    ])
    func tabs(text: String, at: String) {
        let error = readingError(text)
        #expect(error?.message.contains("tab characters cannot be used for indentation in YAML; indent with spaces") == true)
        #expect(error?.at == at)
    }

    @Test("Other characters that cannot start a token get no tab hint")
    func reservedCharacter() {
        let error = readingError("a: @home\n")
        #expect(error?.message.contains("found character that cannot start any token") == true)
        #expect(error?.message.contains("tab") == false)
        #expect(error?.at == "1:4")
    }

    @Test("An unterminated quoted scalar says the quote is never closed")
    func unterminatedQuote() {
        let double = readingError("name: \"Dupont\nnext: 1\n")
        #expect(double?.message.hasPrefix("while scanning a quoted scalar (started at line 1, column 7): found unexpected end of stream") == true)
        #expect(double?.message.contains("add the closing quote") == true)
        let single = readingError("name: 'Dupont")
        #expect(single?.message.contains("add the closing quote") == true)
    }

    @Test("A flow collection cut short says which bracket is missing")
    func truncatedFlow() {
        let sequence = readingError("a: [1, 2")
        #expect(sequence?.message.hasPrefix("while parsing a flow sequence (started at line 1, column 4)") == true)
        #expect(sequence?.message.contains("the text ends before the sequence is closed; add the missing ']'") == true)
        let mapping = readingError("a: {x: 1,\n  y: 2\n")
        #expect(mapping?.message.contains("the text ends before the mapping is closed; add the missing '}'") == true)
    }

    @Test("A ': ' inside a plain value is explained")
    func colonInValue() {
        let error = readingError("title: Aide: logement\n")
        #expect(error?.message.hasPrefix("mapping values are not allowed in this context") == true)
        #expect(error?.message.contains("put the value in quotes") == true)
        #expect(error?.at == "1:12")
    }

    @Test("A badly indented sequence item is explained")
    func sequenceIndentation() {
        let error = readingError("- a\nb: 1\n")
        #expect(error?.message.contains("did not find expected '-' indicator") == true)
        #expect(error?.message.contains("check the indentation") == true)
    }
}

/// libyaml's problems and contexts, which it writes in English, in French: every text its
/// scanner, parser and reader (version 0.2) can give. A text not listed — from a later libyaml —
/// is shown as it is, between guillemets, and said to be libyaml's.
enum LibYAMLWording {
    static func problem(_ text: String) -> String {
        problems[text] ?? "« \(text) » (message de libyaml)"
    }

    static func context(_ text: String) -> String {
        contexts[text] ?? "« \(text) » (libyaml)"
    }

    private static let problems: [String: String] = [
        "did not find expected key": "clé attendue introuvable",
        "did not find expected '-' indicator": "tiret « - » attendu introuvable",
        "did not find expected ',' or ']'": "« , » ou « ] » attendu introuvable",
        "did not find expected ',' or '}'": "« , » ou « } » attendu introuvable",
        "did not find expected <document start>": "début de document (« --- ») attendu introuvable",
        "did not find expected <stream-start>": "début du texte attendu introuvable",
        "did not find expected node content": "valeur attendue introuvable",
        "did not find expected alphabetic or numeric character": "lettre ou chiffre attendu introuvable",
        "did not find expected comment or line break": "commentaire ou fin de ligne attendu introuvable",
        "did not find expected whitespace or line break": "espace ou fin de ligne attendu introuvable",
        "did not find expected whitespace": "espace attendue introuvable",
        "did not find expected digit or '.' character": "chiffre ou « . » attendu introuvable",
        "did not find expected hexdecimal number": "nombre hexadécimal attendu introuvable",
        "did not find expected tag URI": "URI d'étiquette attendue introuvable",
        "did not find expected version number": "numéro de version attendu introuvable",
        "did not find expected '!'": "« ! » attendu introuvable",
        "did not find the expected '>'": "« > » attendu introuvable",
        "did not find URI escaped octet": "octet échappé d'URI attendu introuvable",
        "could not find expected ':'": "« : » attendu introuvable",
        "could not find expected directive name": "nom de directive attendu introuvable",
        "found a tab character that violates indentation": "tabulation dans le retrait",
        "found a tab character that violate indentation": "tabulation dans le retrait",
        "found a tab character where an indentation space is expected": "tabulation à la place d'une espace de retrait",
        "found an incorrect leading UTF-8 octet": "premier octet UTF-8 incorrect",
        "found an incorrect trailing UTF-8 octet": "octet UTF-8 de continuation incorrect",
        "found an indentation indicator equal to 0": "indicateur de retrait égal à 0",
        "found character that cannot start any token": "caractère qui ne peut commencer aucun élément",
        "found duplicate %TAG directive": "directive %TAG en double",
        "found duplicate %YAML directive": "directive %YAML en double",
        "found extremely long version number": "numéro de version beaucoup trop long",
        "found incompatible YAML document": "document YAML d'une version incompatible",
        "found invalid Unicode character escape code": "code d'échappement Unicode invalide",
        "found undefined tag handle": "préfixe d'étiquette non défini",
        "found unexpected ':'": "« : » inattendu",
        "found unexpected document indicator": "marque de document (« --- » ou « ... ») inattendue",
        "found unexpected end of stream": "fin du texte inattendue",
        "found unexpected non-alphabetical character": "caractère non alphabétique inattendu",
        "found unknown directive name": "nom de directive inconnu",
        "found unknown escape character": "caractère d'échappement inconnu",
        "block sequence entries are not allowed in this context": "un élément de liste (« - ») n'est pas admis à cet endroit",
        "mapping keys are not allowed in this context": "une clé n'est pas admise à cet endroit",
        "mapping values are not allowed in this context": "une valeur de champ (« : ») n'est pas admise à cet endroit",
        "input is too long": "texte trop long",
        "invalid leading UTF-8 octet": "premier octet de caractère UTF-8 invalide",
        "incomplete UTF-8 octet sequence": "caractère UTF-8 incomplet",
        "invalid trailing UTF-8 octet": "octet de continuation UTF-8 invalide",
        "invalid length of a UTF-8 sequence": "longueur de séquence UTF-8 invalide",
        "invalid Unicode character": "caractère Unicode invalide",
        "incomplete UTF-16 character": "caractère UTF-16 incomplet",
        "unexpected low surrogate area": "demi-code bas UTF-16 inattendu",
        "incomplete UTF-16 surrogate pair": "paire de demi-codes UTF-16 incomplète",
        "expected low surrogate area": "demi-code bas UTF-16 attendu",
    ]

    private static let contexts: [String: String] = [
        "while parsing a block mapping": "dans l'ensemble de champs",
        "while parsing a block collection": "dans la liste",
        "while parsing a flow sequence": "dans la liste entre [ ]",
        "while parsing a flow mapping": "dans l'ensemble de champs entre { }",
        "while parsing a node": "dans la valeur",
        "while parsing a block node": "dans la valeur",
        "while parsing a flow node": "dans la valeur",
        "while parsing a quoted scalar": "dans le texte entre guillemets",
        "while scanning a quoted scalar": "dans le texte entre guillemets",
        "while scanning a plain scalar": "dans la valeur",
        "while scanning a block scalar": "dans le bloc de texte (| ou >)",
        "while scanning a simple key": "après la clé",
        "while scanning for the next token": "en lisant la suite",
        "while scanning an anchor": "dans l'ancre (&)",
        "while scanning an alias": "dans l'alias (*)",
        "while scanning a tag": "dans l'étiquette (!)",
        "while parsing a tag": "dans l'étiquette (!)",
        "while scanning a directive": "dans la directive",
        "while scanning a %YAML directive": "dans la directive %YAML",
        "while scanning a %TAG directive": "dans la directive %TAG",
        "while parsing a %TAG directive": "dans la directive %TAG",
        "while parsing a tag directive": "dans la directive %TAG",
        "while scanning a tag directive": "dans la directive %TAG",
        "while parsing": "en lisant le texte",
    ]
}

import SchemeLanguage
import YAMLReader

/// A minimal valid scheme, to which each test adds the piece it exercises.
enum Fixture {
    static let header = """
        id: demo
        title: Aide de démonstration
        kind: individual-aid
        authority:
          name: Département du Pas-de-Calais
          signatory: Le Président du Conseil départemental
          court: tribunal administratif de Lille
        sources:
          delib:
            deliberation: Délibération n°2020-999 du 28 septembre 2020
            article: article 1
            lines: 1-2
            quote: Texte.

        """

    static let inputs = """
        inputs:
          depense:
            type: money
            question: Quelle est la dépense ?
            statement: "La dépense s'élève à {value}."
            min: 0 €
          categorie:
            type: integer
            question: Quelle catégorie ?
            statement: "La catégorie est {value}."
          statut:
            type: enum
            question: Quel statut ?
            statement: "Le statut est {value}."
            values: [commune, epci, association]
          naissance:
            type: date
            question: Date de naissance ?
            statement: "Né le {value}."
          taux_local:
            type: rate
            question: Quel taux ?
            statement: "Le taux est de {value}."
          enjeux:
            type: set
            question: Quels enjeux ?
            statement: "Enjeux : {value}."
            values: [a, b, c]
        parameters:
          taux:
            label: Taux
            value: 50 %
          plafond:
            label: Plafond
            value: 40 000 €
          forfait:
            label: Forfait
            versions:
              2019-01-01: 775 €
              2020-09-01: 1 150 €

        """

    /// A scheme whose only criterion is `condition`.
    static func scheme(criterion condition: String, amount: String? = nil) -> String {
        var text = header + inputs + """
            eligibility:
              - id: critere
                label: Critère
                failure: Échec
                when: \(condition)

            """
        if let amount {
            text += """
                amount:
                  steps:
                    - id: montant
                      label: Montant
                      value: \(amount)
                      wording: Montant calculé
                  result: montant

                """
        }
        return text
    }

    static func load(_ text: String) -> Result<Scheme, DiagnosticList> {
        SchemeLoader.load(bytes: Array(text.utf8), file: "demo.yaml")
    }

    /// The diagnostics of a scheme expected not to load.
    static func errors(_ text: String) -> [Diagnostic] {
        switch load(text) {
        case .success: return []
        case .failure(let list): return list.diagnostics
        }
    }

    /// The line number in `text` of the first line containing `fragment` (1-based).
    static func line(of fragment: String, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.contains(fragment) }.map { $0 + 1 }
    }
}

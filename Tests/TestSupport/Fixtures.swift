import Evaluator
import Foundation
import RuleSet
import SchemeLanguage
import YAMLReader

public enum Load {
    public static func scheme(_ text: String, file: String = "inline.yaml") throws -> Scheme {
        switch SchemeLoader.load(bytes: Array(text.utf8), file: file) {
        case .success(let scheme): return scheme
        case .failure(let list): throw list
        }
    }

    /// The errors a scheme's text gives, none when it loads.
    public static func diagnostics(_ text: String) -> [Diagnostic] {
        switch SchemeLoader.load(bytes: Array(text.utf8), file: "inline.yaml") {
        case .success: return []
        case .failure(let list): return list.diagnostics
        }
    }

    /// The real `pdesi`, loaded with its rules folder: the shared deliberations it cites and its test cases.
    public static func pdesi() throws -> Scheme {
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        guard let scheme = catalog.schemes["pdesi"] else { throw DiagnosticList(catalog.failures.flatMap(\.diagnostics)) }
        return scheme
    }

    public static func application(_ text: String, scheme: Scheme) throws -> Application {
        let document = try YAMLDocumentReader.singleDocument(text: text, file: "application.yaml")
        switch ApplicationDecoder(scheme: scheme).decode(document) {
        case .success(let application): return application
        case .failure(let list): throw list
        }
    }

    /// Decided on `decidedOn`, or, as a scheme's test case without a `date`, on the day the
    /// application was filed.
    public static func evaluate(_ text: String, scheme: Scheme, decidedOn: LocalDate? = nil) throws -> Evaluation {
        let application = try application(text, scheme: scheme)
        return try SchemeEvaluator(scheme: scheme).evaluate(application, referenceDate: decidedOn ?? application.filed)
    }
}

/// A small scheme exercising each language feature, independent of the real rules.
public enum DemoScheme {
    /// The identity, authority and one source (`delib`) every test scheme starts with: a scheme
    /// loaded on its own, so written in full.
    public static func header(id: String = "demo", title: String = "Aide de démonstration") -> String {
        """
        id: \(id)
        title: \(title)
        kind: individual-aid
        authority:
          name: Département du Pas-de-Calais
          signatory: Le Président du Conseil départemental
          court: tribunal administratif de Lille
        sources:
          delib: {deliberation: Délibération n°2020-999 du 28 septembre 2020, article: article 1, lines: 1-2, quote: Texte cité.}

        """
    }

    public static func text(amount: String = "base * taux", rounding: String = "half-up", extraCriteria: String = "") -> String {
        header() + """
        pieces:
          devis: {label: Devis}
        inputs:
          a: {type: boolean, question: A ?, statement: {true: A est vrai., false: A est faux.}}
          b: {type: boolean, question: B ?, statement: {true: B est vrai., false: B est faux.}}
          c: {type: boolean, question: C ?, confirm: true, statement: {true: C est vrai., false: C est faux.}}
          base: {type: money, question: Dépense ?, piece: devis, min: 0 €, statement: "La dépense s'élève à {value}."}
          x: {type: number, question: X ?, statement: "X vaut {value}."}
          y: {type: number, question: Y ?, statement: "Y vaut {value}."}
        parameters:
          taux: {label: Taux, value: 50 %}
        eligibility:
          - {id: a-ou-b, label: A ou B, failure: Ni A ni B., when: a or b, source: delib}
          - {id: a-et-c, label: A et C, failure: Pas A et C., when: "not a or c", source: delib}
          - {id: manuel, label: Appréciation, failure: Appréciation défavorable., manual: true}
        \(extraCriteria)
        amount:
          steps:
            - {id: montant, label: Montant, value: "\(amount)", wording: Montant calculé}
          result: montant
          rounding: {step: 0.01 €, rule: \(rounding)}
        """
    }

    public static func application(_ facts: String, pieces: String = "[devis]", extra: String = "") -> String {
        """
        scheme: demo
        id: D-1
        filed: 2020-10-01
        applicant: {name: Commune de Test}
        facts: {\(facts)}
        pieces: \(pieces)
        \(extra)
        """
    }
}

/// A PDESI application with every attestation given and confirmed: only the facts a test
/// varies are parameters.
public enum PDESIFixture {
    public static func application(_ id: String, filed: String = "2020-10-15", siren: String = "216200001", category: String,
                            expense: String, site: String = "ESI-62-0001") -> String {
        """
        scheme: pdesi
        id: \(id)
        filed: \(filed)
        applicant: {name: Commune de Test}
        facts:
          porteur: {habilite_pdesi: true, siren: "\(siren)"}
          esi: {categorie: \(category), identifiant: \(site)}
          projet: {enjeux: [accessibilite], respect_normes: true, validation_proprietaire: true, projet_animation: true, depense_eligible_ht: "\(expense)"}
        pieces: [attestation-habilitation, attestation-normes, accord-proprietaire, projet-animation, devis]
        confirmed: all
        """
    }

    /// A category-1 application whose expense is written as the test gives it, unquoted (`60.000 €`,
    /// `{ttc: 72 000 €, tva: 20 %}`), with the applicant's kind when it matters and its financing
    /// plan's lines (indented under `financing_plan:`) when it has one.
    public static func expense(_ expense: String, id: String = "T", filed: String = "2020-10-12", kind: String? = "commune",
                               plan: String? = nil) -> String {
        """
        scheme: pdesi
        id: \(id)
        filed: \(filed)
        applicant: {name: Commune de Test\(kind.map { ", kind: \($0)" } ?? "")}
        facts:
          porteur: {habilite_pdesi: true, siren: "216200001"}
          esi: {categorie: inscrit_1, identifiant: ESI-1}
          projet:
            enjeux: [accessibilite]
            respect_normes: true
            validation_proprietaire: true
            projet_animation: true
            depense_eligible_ht: \(expense)
        \(plan.map { "financing_plan:\n" + $0 } ?? "")
        pieces: [attestation-habilitation, attestation-normes, accord-proprietaire, projet-animation, devis]
        confirmed: all
        """
    }
}

/// The values the bundled rules leave unset (`unset: true`), as `Applications/parametres-fictifs.yaml`
/// gives them to try the samples: fictitious, and said so wherever a document shows one.
public enum FictitiousParameters {
    public static let file = Repository.path("Applications/parametres-fictifs.yaml")

    public static func apply(to catalog: SchemeCatalog) -> SchemeCatalog {
        let (settings, diagnostics) = ParameterSettings.load(path: file)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        let (set, problems) = catalog.setting(settings ?? [])
        precondition(problems.isEmpty, "\(problems)")
        return set
    }

    /// The repository's rules with those values.
    public static func rules() -> SchemeCatalog {
        apply(to: SchemeCatalog.load(directory: Repository.path("Rules")))
    }
}

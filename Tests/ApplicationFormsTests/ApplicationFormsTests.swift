@testable import ApplicationForms
import Foundation
import RuleSet
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// The JSON Schema of application files: every sample fits its scheme's schema, a wrong value
/// does not, and the schema says what the scheme says (questions, help, codes and labels).
@Suite struct ApplicationSchemaTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    /// Every document of the sample folders, with the schema of what its header names.
    func samples() throws -> [(file: String, document: YAMLNode, schema: JSON)] {
        var found: [(file: String, document: YAMLNode, schema: JSON)] = []
        for folder in ["pdesi", "pdesi-enveloppe", "medecins", "logement"] {
            for file in YAMLFiles.list(Repository.path("Applications/\(folder)")).files {
                let reader = try YAMLDocumentReader(path: file)
                while let document = try reader.nextDocument() {
                    let header = document.mapping ?? []
                    if let id = header.first(where: { $0.key.scalar == "scheme" })?.value.scalar {
                        found.append((file, document, ApplicationSchema.schema(for: try #require(catalog.schemes[id]))))
                    } else if let family = header.first(where: { $0.key.scalar == "family" })?.value.scalar {
                        found.append((file, document, ApplicationSchema.schema(forFamily: family, schemes: catalog.family(family))))
                    }
                }
            }
        }
        return found
    }

    @Test func everySampleApplicationFitsItsSchema() throws {
        let samples = try samples()
        #expect(samples.count >= 40)
        for (file, document, schema) in samples {
            let errors = SchemaValidator(schema: schema).errors(EditorView.json(document))
            #expect(errors.isEmpty, "\(file): \(errors)")
        }
    }

    func pdesiErrors(_ change: (String) -> String) throws -> [String] {
        let text = change(try String(contentsOfFile: Repository.path("Applications/pdesi/01-wimereux-sentier-littoral.yaml"), encoding: .utf8))
        let document = try YAMLDocumentReader.singleDocument(text: text, file: "a.yaml")
        return SchemaValidator(schema: ApplicationSchema.schema(for: try #require(catalog.schemes["pdesi"]))).errors(EditorView.json(document))
    }

    /// `oui` for a boolean, a misspelt fact, a code no scheme knows, a missing reference.
    @Test func wrongValuesAreRejected() throws {
        #expect(try pdesiErrors { $0 }.isEmpty)
        #expect(try pdesiErrors { $0.replacing("habilite_pdesi: true", with: "habilite_pdesi: oui") }
            .contains("$.facts.porteur.habilite_pdesi: anyOf"))
        #expect(try pdesiErrors { $0.replacing("respect_normes:", with: "respect_norme:") }
            .contains("$.facts.projet: additional property respect_norme"))
        #expect(try pdesiErrors { $0.replacing("[perennisation_acces, developpement_touristique]", with: "[tourisme]") }
            .contains("$.facts.projet.enjeux: anyOf"))
        #expect(try pdesiErrors { $0.replacing("id: PDESI-2020-001\n", with: "") } == ["$: required id"])
        #expect(try pdesiErrors { $0.replacing("filed: 2020-10-12", with: "filed: 12/10/2020") } == ["$.filed: pattern"])
        #expect(try pdesiErrors { $0.replacing("depense_eligible_ht: 60 000 €", with: "depense_eligible_ht: 0") }
            .contains("$.facts.projet.depense_eligible_ht: anyOf"), "below its min of 0,01 €")
    }

    /// The schema says what the scheme says: question as title, help and the form as
    /// description, codes with their labels.
    @Test func eachFactCarriesItsQuestionHelpAndCodes() throws {
        let schema = ApplicationSchema.schema(for: try #require(catalog.schemes["pdesi"]))
        #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        let facts = try #require(schema["properties"]?["facts"]?["properties"])
        let category = try #require(facts["esi.categorie"])
        #expect(category["title"] == .string("Dans quelle catégorie l'E.S.I. est-il inscrit ou classé au P.D.E.S.I. ?"))
        let choice = try #require(category["anyOf"].flatMap { if case .array(let options) = $0 { options.first } else { nil } })
        #expect(choice["enum"] == .array(["inscrit_1", "inscrit_2", "classe", "non_inscrit"].map(JSON.string)))
        #expect(choice["oneOf"]?.text.contains("\"const\": \"classe\",\n    \"description\": \"E.S.I. classé au P.D.E.S.I. en 3e catégorie\"") == true)
        // Nested and flat alike.
        #expect(facts["esi"]?["properties"]?["categorie"] == category)
        let boolean = try #require(facts["projet.respect_normes"])
        #expect(boolean["description"]?.text.contains("Répondez true (oui) ou false (non).") == true)
    }

    @Test func theSameSchemeGivesTheSameSchemaByteForByte() throws {
        let scheme = try #require(catalog.schemes["fonds-solvabilisation"])
        #expect(ApplicationSchema.schema(for: scheme).text == ApplicationSchema.schema(for: scheme).text)
        #expect(ApplicationSchema.schema(for: scheme).text.hasSuffix("}\n"))
    }
}

/// The skeleton of `guichet new`: every question in French, the codes listed, and once filled,
/// a file that loads.
@Suite struct ApplicationSkeletonTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    @Test func theSkeletonAsksEveryQuestionAndListsTheCodes() throws {
        let scheme = try #require(catalog.schemes["pdesi"])
        let skeleton = ApplicationSkeleton.yaml(for: scheme)
        // The facts a financing plan gives are not asked: the plan is, commented out.
        for input in scheme.inputs where input.planFigure == nil { #expect(skeleton.contains("\n  \(input.id):\n"), "\(input.id)") }
        for input in scheme.inputs where input.planFigure != nil { #expect(!skeleton.contains("\(input.id):"), "\(input.id)") }
        #expect(skeleton.contains("\n# financing_plan:\n#   expenses:\n"))
        #expect(skeleton.contains("  # Le propriétaire du site a-t-il validé le projet d'aménagement ?\n"))
        #expect(skeleton.contains("  # Répondez true (oui) ou false (non)."))
        #expect(skeleton.contains("  #   classe       E.S.I. classé au P.D.E.S.I. en 3e catégorie\n"))
        #expect(skeleton.contains("# Date de dépôt, AAAA-MM-JJ"))
        #expect(skeleton.split(separator: "\n").allSatisfy { $0.count <= 100 })
        // Empty, the skeleton is a document a decoder reads, and says what is missing.
        let document = try YAMLDocumentReader.singleDocument(text: skeleton, file: "new.yaml")
        guard case .failure(let list) = ApplicationDecoder(scheme: scheme).decode(document) else { Issue.record("an empty skeleton loaded"); return }
        #expect(list.diagnostics.contains { $0.message.hasPrefix("champ « id » manquant") })
    }

    /// Filled as its comments say, the skeleton loads.
    @Test func theFilledSkeletonLoads() throws {
        let scheme = try #require(catalog.schemes["pdesi"])
        let values = ["id": "PDESI-2021-001", "filed": "2021-03-15", "  name": "Commune d'Ardres", "  kind": "commune",
                      "  porteur.habilite_pdesi": "true", "  esi.categorie": "classe", "  projet.enjeux": "[accessibilite, environnement]",
                      "  projet.respect_normes": "true", "  projet.validation_proprietaire": "false", "  projet.projet_animation": "true",
                      "  projet.depense_eligible_ht": "12 500,50 €", "  porteur.siren": "\"216200001\"", "  esi.identifiant": "ESI-62-0200"]
        var lines = ApplicationSkeleton.yaml(for: scheme).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() where line.hasSuffix(":") {
            if let value = values[String(line.dropLast())] { lines[index] = line + " " + value }
        }
        let filled = lines.joined(separator: "\n").replacing("pieces: []", with: "pieces: [devis]")
        let application = try Load.application(filled, scheme: scheme)
        #expect(application.id == "PDESI-2021-001")
        #expect(application.facts[try #require(scheme.inputIndex("projet.depense_eligible_ht"))] == ScalarParsing.value("12500.50", as: .money))
        #expect(application.facts[try #require(scheme.inputIndex("projet.enjeux"))] == .set(["accessibilite", "environnement"]))
    }

    @Test func aHouseholdsSkeletonNamesItsFamilyAndItsAids() throws {
        let skeleton = ApplicationSkeleton.yaml(forFamily: "logement", schemes: catalog.family("logement"))
        #expect(skeleton.contains("\nfamily: logement\n"))
        #expect(skeleton.contains("\nrequests: []\n"))
        #expect(skeleton.contains("#   fsl-acces"))
    }

    /// No text of a scheme can end a comment and write a field.
    @Test func commentsCannotBeBrokenOutOf() {
        let lines = ApplicationSkeleton.comment("Question ?\nid: forged\u{2028}filed: 2020", indent: "  ")
        #expect(lines == ["  # Question ? id: forged filed: 2020"])
    }
}

/// A scheme that reads another's outcome: its skeleton and its schema say how to give it.
@Suite struct DependentSchemeFormTests {
    let scheme: Scheme

    init() throws {
        scheme = try Load.scheme(DemoScheme.header() + """
            inputs:
              a: {type: boolean, question: A ?, statement: {true: A est vrai., false: A est faux.}}
            eligibility:
              - {id: c, label: C, failure: F, when: "a and outcome(\\"fsl\\") != \\"favorable\\"", source: delib}
            """)
    }

    @Test func theOutcomesItReadsAreOffered() throws {
        #expect(ApplicationSkeleton.yaml(for: scheme).hasSuffix("# outcomes:\n#   fsl: favorable\n"))
        let outcomes = try #require(ApplicationSchema.schema(for: scheme)["properties"]?["outcomes"])
        let document = try YAMLDocumentReader.singleDocument(text: "scheme: demo\nid: D-1\nfiled: 2021-01-04\napplicant: {name: N}\noutcomes: {fsl: incomplet}\n", file: "a.yaml")
        #expect(SchemaValidator(schema: ApplicationSchema.schema(for: scheme)).errors(EditorView.json(document)).isEmpty)
        #expect(outcomes["properties"]?["fsl"]?["enum"]?.text.contains("\"à instruire\"") == true)
    }
}

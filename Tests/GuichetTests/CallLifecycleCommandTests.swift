import Foundation
import Register
import TestSupport
import Testing

/// The PDESI call as an instructor runs it, command after command, on the bundled samples:
/// init, instruction, a proposal within the envelope, a vote that amends one amount, the
/// notifications, the register and the open data.
@Suite(.serialized) struct CallLifecycleCommandTests {
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    let rules = ["--rules", Repository.path("Rules")]
    let samples = Repository.path("Applications/pdesi")

    init() throws {
        temporary = try TemporaryFolder("call-lifecycle")
    }

    @discardableResult
    func guichet(_ arguments: [String], expect status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> (output: String, errors: String) {
        try CommandLine.expecting(status, arguments, in: folder, sourceLocation: sourceLocation)
    }

    /// A document as written; `plain` reads its no-break spaces (thousands, « n° ») as spaces.
    func text(_ name: String) throws -> String {
        try String(contentsOfFile: "\(folder)/decisions/\(name)", encoding: .utf8)
    }

    func plain(_ text: String) -> String { text.withPlainSpaces }

    /// A working folder whose guichet.yaml gives the PDESI envelope, which the text leaves unset,
    /// its fictitious sample value.
    func initialise() throws {
        try guichet(["init", "--authority", "cd62", "--signataire-prenom", "Claire", "--signataire-nom", "EXEMPLE",
                     "--signataire-qualite", "Présidente du Conseil départemental", "--service", "Direction des sports"])
        let configuration = try String(contentsOfFile: "\(folder)/guichet.yaml", encoding: .utf8)
        try (configuration + "parameters:\n  pdesi:\n    enveloppe_appel: {value: 150 000 €, fictitious: true}\n")
            .write(toFile: "\(folder)/guichet.yaml", atomically: true, encoding: .utf8)
    }

    func decideTheCall() throws {
        try initialise()
        try guichet(["evaluate", samples, "--date", "2020-12-14"] + rules)
        try guichet(["select", "pdesi", samples, "--seance", "CP20201214", "--date", "2020-12-14"] + rules)
        try guichet(["decide", "pdesi", samples, "--seance", "CP20201214", "--acte", "CP20201214-22", "--date", "2020-12-14",
                     "--montant", "PDESI-2020-002=35 000 €"] + rules)
    }

    /// A request for pieces is sent to the applicant: written in every format, like an act;
    /// a fiche stays an instructor's document, in Markdown and JSON.
    @Test func aRequestForPiecesIsWrittenInEveryFormat() throws {
        try initialise()
        try guichet(["evaluate", samples, "--date", "2020-12-14"] + rules)
        for format in ["md", "html", "odt", "json"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/decisions/PDESI-2020-012.\(format)"), "\(format)")
        }
        #expect(try text("PDESI-2020-012.html").contains("Demande de pièces du service instructeur"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/decisions/PDESI-2020-001.odt"), "a fiche is no letter")
    }

    /// A template guichet.yaml names but that is not there stops the command at that line, and
    /// says what to do; nothing is written with another template in its place.
    @Test func aMissingTemplateIsAnErrorAtItsLineInGuichetYaml() throws {
        try initialise()
        let configuration = try String(contentsOfFile: "\(folder)/guichet.yaml", encoding: .utf8)
        try (configuration + "template: modeles/absent.odt\n").write(toFile: "\(folder)/guichet.yaml", atomically: true, encoding: .utf8)
        let line = configuration.split(separator: "\n", omittingEmptySubsequences: false).count
        let run = try guichet(["evaluate", samples, "--date", "2020-12-14"] + rules, expect: 1)
        #expect(run.errors.contains("guichet.yaml:\(line):11: erreur : modèle modeles/absent.odt : le modèle que nomme guichet.yaml (template) est introuvable"),
                "\(run.errors)")
        #expect(run.errors.contains("retirez la ligne pour utiliser"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/decisions/PDESI-2020-012.odt"))
    }

    /// The draft report goes to the members of the Commission permanente: in every format.
    @Test func theDraftReportIsWrittenInEveryFormat() throws {
        try initialise()
        try guichet(["evaluate", samples, "--date", "2020-12-14"] + rules)
        try guichet(["select", "pdesi", samples, "--seance", "CP20201214", "--date", "2020-12-14"] + rules)
        for format in ["md", "html", "odt"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/decisions/proposition-pdesi-CP20201214.\(format)"), "\(format)")
        }
        #expect(try text("proposition-pdesi-CP20201214.html").contains("Projet de rapport à la Commission permanente"))
    }

    @Test func fichesAwardNothingUntilTheCommissionVotes() throws {
        try initialise()
        try guichet(["evaluate", samples, "--date", "2020-12-14"] + rules)
        let fiche = try text("PDESI-2020-001.md")
        #expect(fiche.contains("Fiche d'instruction"))
        #expect(!fiche.contains("est accordée") && !fiche.contains("Décision d'attribution"))
        let granted = try guichet(["register", "granted", "216208934"])
        #expect(granted.output.contains("Aucune aide décidée"), "a fiche is no award: \(granted.output)")
    }

    @Test func theProposalStaysWithinTheEnvelopeAndTheRegisterHoldsWhatWasVoted() throws {
        try decideTheCall()
        let proposal = plain(try text("proposition-pdesi-CP20201214.md"))
        #expect(proposal.contains("Projet — soumis au vote de la Commission permanente"))
        #expect(proposal.contains("| 150 000,00 € (valeur fictive, pour les essais) | 149 999,99 € | 0,01 € |"), "total against the envelope")
        // A second project of the Boulonnais in 2020 is capped by the first one proposed at the sitting.
        #expect(proposal.contains("PDESI-2020-010"))
        let act = plain(try text("PDESI-2020-002.decision.md"))
        #expect(act.contains("vous notifier la délibération n° CP20201214-22 du 14 décembre 2020 par laquelle la Commission permanente"))
        #expect(act.contains("le ramenant de 40 000,00 € à 35 000,00 €"))
        #expect(act.contains("Claire EXEMPLE"))
        let register = try DecisionRegister.openExisting(path: "\(folder)/.guichet/registre.sqlite")
        let awarded = try register.currentEntries().filter { $0.stage.isDecided && $0.outcome == .favorable }
        #expect(Dictionary(uniqueKeysWithValues: awarded.map { ($0.application, $0.amountText ?? "") }) == [
            "PDESI-2020-001": "30000.00", "PDESI-2020-017": "40000.00", "PDESI-2020-002": "35000.00", "PDESI-2020-014": "39999.99",
        ])
    }

    @Test func aNotifiedDecisionStaysAsItWasWhateverIsRunAgain() throws {
        try decideTheCall()
        try guichet(["notify", "pdesi", "--date", "2020-12-21"] + rules)
        let notified = try text("PDESI-2020-001.notification.md")
        let act = try text("PDESI-2020-001.decision.md")
        #expect(notified.hasPrefix("> **Acte notifié le 21 décembre 2020.** Le texte qui suit est celui de la décision n° CP20201214-22"))
        #expect(notified.hasSuffix(act), "the act notified is the act decided, byte for byte")
        // The same application with another amount, instructed again: nothing changes.
        let changed = try String(contentsOfFile: "\(samples)/01-wimereux-sentier-littoral.yaml", encoding: .utf8)
            .replacingOccurrences(of: "depense_eligible_ht: 60 000 €", with: "depense_eligible_ht: 20 000 €")
        try changed.write(toFile: "\(folder)/changed.yaml", atomically: true, encoding: .utf8)
        let rerun = try guichet(["evaluate", "changed.yaml", "--date", "2021-01-04"] + rules)
        #expect(rerun.output.contains("inchangée (notifiée au registre)"))
        #expect(try text("PDESI-2020-001.notification.md") == notified)
        let decide = try guichet(["decide", "pdesi", "changed.yaml", "--seance", "CP20201214", "--acte", "X", "--date", "2021-01-04"] + rules,
                                 expect: 1)
        #expect(decide.errors.contains("aucune demande n'est proposée"))
        let granted = try guichet(["register", "granted", "21620893400010"])
        #expect(plain(granted.output).contains("30 000,00 €") && granted.output.contains("notifiée le 21 décembre 2020"))
    }

    @Test func theOpenDataListsEachSubsidyWithItsDeliberation() throws {
        try decideTheCall()
        let configuration = try String(contentsOfFile: "\(folder)/guichet.yaml", encoding: .utf8)
        try (configuration + "siret: \"00000000000000\"\n").write(toFile: "\(folder)/guichet.yaml", atomically: true, encoding: .utf8)
        let export = try guichet(["register", "export", "--format", "scdl", "--conditions-versement", "unique",
                                  "--periode-versement", "2020-12-14/2021-12-31", "--notification-ue", "non"] + rules)
        let lines = export.output.split(separator: "\r\n").map(String.init)
        #expect(lines.first?.hasPrefix("nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire") == true)
        #expect(lines.count == 5, "four subsidies: \(lines)")
        #expect(lines.contains { $0.contains("Commune de Wimereux,21620893400010,,") && $0.contains(",30000.00,aide en numéraire,unique,") })
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count >= 16 })
    }

    @Test func aSimulationTouchesNoRegisterAndSaysSoOnEveryPage() throws {
        let run = try guichet(["evaluate", samples, "--date", "2020-12-14"] + rules)
        #expect(run.errors.contains("simulation"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/.guichet"))
        for name in try FileManager.default.contentsOfDirectory(atPath: "\(folder)/decisions") where name.hasSuffix(".md") {
            #expect(try text(name).hasPrefix("> **Simulation — ce document n'est pas une décision"), "\(name)")
        }
        #expect(try text("PDESI-2020-010.md").contains("Aucun registre des décisions n'a été consulté : les aides déjà attribuées ne sont pas comptées"),
                "a simulation without the register says it counts no earlier aid")
        let dry = try guichet(["evaluate", samples, "--date", "2020-12-14", "--dry-run", "--out", "dry"] + rules)
        #expect(dry.output.contains(" simulations : "))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/dry"), "--dry-run writes nothing")
    }

    @Test func withdrawingAfterFourMonthsForIllegalityIsRefused() throws {
        try decideTheCall()
        let late = try guichet(["withdraw", "pdesi", samples, "--demande", "PDESI-2020-001", "--motif", "illegalite",
                                "--expose", "erreur de catégorie", "--acte", "R-1", "--date", "2021-04-15"] + rules, expect: 1)
        #expect(late.errors.contains("le délai de quatre mois suivant la décision du 14 décembre 2020 a expiré le 14 avril 2021"))
        try guichet(["withdraw", "pdesi", samples, "--demande", "PDESI-2020-001", "--motif", "illegalite",
                     "--expose", "erreur de catégorie", "--acte", "R-1", "--date", "2021-04-14"] + rules)
        let act = try text("PDESI-2020-001.retrait-1.md")
        #expect(act.contains("article L. 242-1") && act.contains("la Commission permanente du Conseil départemental a décidé de retirer"))
        let history = try guichet(["register", "history", "PDESI-2020-001"])
        #expect(history.output.contains("R-1 du 14 avril 2021") && history.output.contains("CP20201214-22"))
    }

    /// The GP call's laureates are designated by the President once the committee has chosen,
    /// and the candidatures not admissible refused: decide takes the sitting's proposals, not
    /// every fiche (an incomplete one, one still to examine and those ranked after are left).
    @Test func aCallDecidedByThePresidentDecidesOnItsProposalsOnly() throws {
        try initialise()
        let applications = Repository.path("Applications/medecins")
        try guichet(["evaluate", applications, "--date", "2020-11-20"] + rules)
        try guichet(["select", "medecins-salaries", applications, "--seance", "COMITE-2020-11-20", "--date", "2020-11-20"] + rules)
        let decide = try guichet(["decide", "medecins-salaries", applications, "--acte", "ARR-2020-77", "--date", "2020-11-25"] + rules,
                                 expect: 64)
        #expect(decide.errors.contains("--seance"), "a call is decided on its proposals: \(decide.errors)")
        let decided = try guichet(["decide", "medecins-salaries", applications, "--seance", "COMITE-2020-11-20", "--acte", "ARR-2020-77",
                                   "--date", "2020-11-25"] + rules)
        #expect(decided.output.contains("6 décisions enregistrées"), "\(decided.output)")
        let acts = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/decisions").filter { $0.hasSuffix(".decision.md") }.sorted()
        #expect(acts == ["MED-2020-01", "MED-2020-05", "MED-2020-06", "MED-2020-07", "MED-2020-08", "MED-2020-09"].map { "\($0).decision.md" })
        for act in acts {
            let text = try text(act)
            if ["MED-2020-06.decision.md", "MED-2020-08.decision.md", "MED-2020-09.decision.md"].contains(act) {
                #expect(text.contains("**déclarant irrecevable une candidature à l'appel") && text.contains("est **irrecevable**"), "\(act)")
                #expect(text.contains("Considérant qu'"), "its grounds: \(act)")
            } else {
                #expect(text.contains("**retenant une candidature à l'appel") && text.contains("est **retenue** au titre de l'appel"), "\(act)")
            }
        }
    }

    /// An amendment for an application the sitting was not asked about stops the vote before
    /// anything is recorded, and an amount of zero is refused.
    @Test func aMistypedAmendmentDecidesNothing() throws {
        try initialise()
        try guichet(["evaluate", samples, "--date", "2020-12-14"] + rules)
        try guichet(["select", "pdesi", samples, "--seance", "CP20201214", "--date", "2020-12-14"] + rules)
        let typo = try guichet(["decide", "pdesi", samples, "--seance", "CP20201214", "--acte", "CP20201214-22", "--date", "2020-12-14",
                                "--montant", "PDESI-2020-02=35 000 €"] + rules, expect: 1)
        #expect(typo.errors.contains("PDESI-2020-02 : aucune proposition à la séance CP20201214"), "\(typo.errors)")
        let register = try DecisionRegister.openExisting(path: "\(folder)/.guichet/registre.sqlite")
        #expect(try register.currentEntries().allSatisfy { !$0.stage.isDecided }, "nothing decided")
        let zero = try guichet(["decide", "pdesi", samples, "--seance", "CP20201214", "--acte", "CP20201214-22", "--date", "2020-12-14",
                                "--montant", "PDESI-2020-002=0 €"] + rules, expect: 64)
        #expect(zero.errors.contains("un montant voté est positif"))
    }

    /// A partial withdrawal, then another: each act has its own file, and the four months for
    /// illegality run from the decision that created the rights, not from the first withdrawal.
    @Test func withdrawalsKeepTheirActsAndTheFirstDecisionsClock() throws {
        try decideTheCall()
        try guichet(["withdraw", "pdesi", samples, "--demande", "PDESI-2020-014", "--motif", "conditions-non-respectees",
                     "--expose", "le ponton n'a pas été réalisé en entier", "--acte", "R-1", "--date", "2021-06-01", "--montant", "20 000 €"] + rules)
        let late = try guichet(["withdraw", "pdesi", samples, "--demande", "PDESI-2020-014", "--motif", "illegalite",
                                "--expose", "erreur", "--acte", "R-2", "--date", "2021-06-02"] + rules, expect: 1)
        #expect(late.errors.contains("suivant la décision du 14 décembre 2020 a expiré le 14 avril 2021"), "\(late.errors)")
        try guichet(["withdraw", "pdesi", samples, "--demande", "PDESI-2020-014", "--motif", "conditions-non-respectees",
                     "--expose", "le ponton n'a pas été réalisé", "--acte", "R-2", "--date", "2021-07-01",
                     "--observations", "2021-06-15"] + rules)
        let first = plain(try text("PDESI-2020-014.retrait-1.md")), second = plain(try text("PDESI-2020-014.retrait-2.md"))
        #expect(first.contains("ramené de 39 999,99 € à 20 000,00 €"), "\(first)")
        #expect(second.contains("a décidé de retirer"), "\(second)")
        #expect(second.contains("invité, le 15 juin 2021"), "the contradictory procedure is stated: \(second)")
        #expect(first.contains("Procédure contradictoire préalable non renseignée"), "and said missing when it is")
        try guichet(["notify", "pdesi", "--demande", "PDESI-2020-014", "--date", "2021-07-05"] + rules)
        #expect(try text("PDESI-2020-014.retrait-2.notification.md").hasSuffix(try text("PDESI-2020-014.retrait-2.md")))
        let granted = try guichet(["register", "granted", "21620765400015"])
        #expect(granted.output.contains("Aucune aide décidée"), "the aid is withdrawn: \(granted.output)")
    }

    /// A household's file gives one act per scheme, each under its own name, and each notified.
    @Test func aHouseholdsActsDoNotOverwriteEachOther() throws {
        try initialise()
        let household = Repository.path("Applications/logement/20-menage-deux-aides.yaml")
        try guichet(["evaluate", household, "--date", "2020-12-15"] + rules)
        for scheme in ["fsl-acces", "fonds-solvabilisation"] {
            try guichet(["decide", scheme, household, "--acte", "D-\(scheme)", "--date", "2020-12-15"] + rules)
            try guichet(["notify", scheme, "--date", "2020-12-18"] + rules)
        }
        for scheme in ["fsl-acces", "fonds-solvabilisation"] {
            let act = try text("MEN-2020-0401.\(scheme).decision.md")
            #expect(act.contains("D-\(scheme)"))
            #expect(try text("MEN-2020-0401.\(scheme).notification.md").hasSuffix(act))
        }
    }

    /// The text gives no amount for the PDESI envelope: in a working folder whose guichet.yaml
    /// does not set it, select refuses the call, naming the parameter and where to set it, and
    /// writes and records nothing.
    @Test func aCallWhoseEnvelopeIsUnsetIsRefused() throws {
        try guichet(["init", "--authority", "cd62", "--signataire-prenom", "Claire", "--signataire-nom", "EXEMPLE",
                     "--signataire-qualite", "Présidente du Conseil départemental"])
        let refused = try guichet(["select", "pdesi", samples, "--seance", "CP20201214", "--date", "2020-12-14"] + rules, expect: 1)
        #expect(refused.errors.hasPrefix(Repository.path("Rules/pdesi.yaml") + ":"), "located in the rules: \(refused.errors)")
        #expect(refused.errors.contains(": erreur : l'enveloppe de l'appel n'est pas fixée, aucune sélection n'est faite sans elle : "
                                        + "le paramètre « enveloppe_appel » du dispositif pdesi"), "\(refused.errors)")
        #expect(refused.errors.contains("Fixez-la dans guichet.yaml, sous parameters: {pdesi: {enveloppe_appel: …}}"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/decisions"), "nothing written")
        let register = try DecisionRegister.openExisting(path: "\(folder)/.guichet/registre.sqlite")
        #expect(try register.currentEntries().isEmpty, "nothing recorded")
        // A value of another unit is refused where it is written.
        let configuration = try String(contentsOfFile: "\(folder)/guichet.yaml", encoding: .utf8)
        try (configuration + "parameters:\n  pdesi:\n    enveloppe_appel: 50 %\n").write(toFile: "\(folder)/guichet.yaml", atomically: true, encoding: .utf8)
        let wrong = try guichet(["select", "pdesi", samples, "--seance", "CP20201214", "--date", "2020-12-14"] + rules, expect: 1)
        #expect(wrong.errors.contains("guichet.yaml:"), "\(wrong.errors)")
        #expect(wrong.errors.contains(": erreur : attendu un montant en euros, comme 150 000 €, trouvé « 50 % », pour « enveloppe_appel » du dispositif pdesi "
                                      + "[parameters.pdesi.enveloppe_appel]"), "\(wrong.errors)")
    }

    /// Outside a working folder, the README's sample call runs with the values of
    /// Applications/parametres-fictifs.yaml, and its documents say they are fictitious.
    @Test func theSampleCallRunsWithItsFictitiousEnvelope() throws {
        let run = try guichet(["select", "pdesi", Repository.path("Applications/pdesi-enveloppe"),
                               "--parametres", FictitiousParameters.file] + rules)
        #expect(plain(run.output).contains("| 150 000,00 € (valeur fictive, pour les essais) | 125 000,00 € | 25 000,00 € |"), "\(run.output)")
        #expect(plain(try text("proposition-pdesi-simulation.md")).contains("150 000,00 € (valeur fictive, pour les essais)"))
        let explained = try guichet(["explain", "pdesi", "--parametres", FictitiousParameters.file] + rules)
        #expect(plain(explained.output).contains("| `enveloppe_appel` | Enveloppe de l'appel à projets 2020 | 150 000,00 € (valeur fictive, pour les essais) |"))
    }

    /// A simulation made in a working folder goes to simulations/, never over a recorded fiche.
    @Test func aSimulationInAWorkingFolderLeavesTheFichesAlone() throws {
        try initialise()
        try guichet(["evaluate", samples, "--date", "2020-12-14"] + rules)
        let fiche = try text("PDESI-2020-001.md")
        try guichet(["evaluate", samples, "--date", "2021-06-01", "--simulation"] + rules)
        #expect(try text("PDESI-2020-001.md") == fiche)
        let simulation = try String(contentsOfFile: "\(folder)/simulations/PDESI-2020-001.md", encoding: .utf8)
        #expect(simulation.hasPrefix("> **Simulation — ce document n'est pas une décision"))
    }

    /// The act notified must be the act decided: an act edited since is refused, named.
    @Test func anActEditedAfterTheDecisionIsNotNotified() throws {
        try decideTheCall()
        let path = "\(folder)/decisions/PDESI-2020-001.decision.md"
        try (try text("PDESI-2020-001.decision.md") + "\nAjout.\n").write(toFile: path, atomically: true, encoding: .utf8)
        let notify = try guichet(["notify", "pdesi", "--date", "2020-12-21"] + rules, expect: 1)
        #expect(notify.errors.contains("PDESI-2020-001 non notifiée : l'acte decisions/PDESI-2020-001.decision.md n'est plus celui qui a été décidé"),
                "\(notify.errors)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/decisions/PDESI-2020-001.notification.md"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/decisions/PDESI-2020-017.notification.md"), "the others are notified")
    }

    @Test func initRefusesASiretThatIsNotFourteenDigits() throws {
        let run = try guichet(["init", "--siret", "2262000160001"], expect: 64)
        #expect(run.errors.contains("--siret attend les 14 chiffres du SIRET de l'autorité"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/guichet.yaml"))
    }

    /// The contradictory procedure's date lies between the decision and the act that withdraws it.
    @Test func anObservationsDateOutsideTheProcedureIsRefused() throws {
        try decideTheCall()
        let run = try guichet(["withdraw", "pdesi", samples, "--demande", "PDESI-2020-001", "--motif", "conditions-non-respectees",
                               "--expose", "travaux non réalisés", "--acte", "R-9", "--date", "2021-03-01",
                               "--observations", "2021-04-01"] + rules, expect: 1)
        #expect(run.errors.contains("l'invitation à présenter des observations (1er avril 2021) doit se placer entre la décision"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/decisions/PDESI-2020-001.retrait-1.md"))
    }
}

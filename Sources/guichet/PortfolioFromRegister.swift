import ArgumentParser
import Batch
import Evaluator
import Platform
import Portfolios
import Register
import SchemeLanguage

extension Portfolio {
    /// `guichet portfolio from-register --year 2020 FILES…`: last year's decided files, as a
    /// pseudonymised portfolio a reform can be trialled on.
    struct FromRegister: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "from-register",
            abstract: "Écrit le portefeuille des demandes décidées dans l'année, d'après le registre, pseudonymisé.",
            discussion: """
                Le registre garde chaque décision et l'empreinte des faits sur lesquels elle a été prise, pas \
                les faits : donnez les dossiers de demande du poste (fichiers ou dossiers). Une demande est \
                reprise quand le registre la montre décidée (décision ou notification) par un acte de \
                l'année, et que son dossier porte les faits décidés ; une décision dont le dossier manque ou \
                a changé depuis est signalée, jamais devinée. Le portefeuille ne garde que ce que lisent les \
                règles : une personne physique y est désignée par le pseudonyme du registre, sans adresse ni \
                objet, ses identifiants (« personal: true ») par leur empreinte, et les notes des \
                instructeurs sont omises. Le fichier est lisible par son seul propriétaire. Codes de \
                sortie : 0 en cas de succès, y compris quand l'année ne compte aucune décision (la commande \
                le dit) ; 1 si le registre ne peut être lu, si un dossier ne peut l'être, ou si une \
                décision de l'année n'a pas son dossier ; 64 pour un usage incorrect.
                """)

        @Argument(help: ArgumentHelp("Les dossiers de demande (fichiers ou dossiers) sur lesquels le poste a décidé.", valueName: "DEMANDES"))
        var paths: [String]

        @Option(name: .long, help: ArgumentHelp("L'année des actes qui ont décidé les demandes.", valueName: "ANNÉE"))
        var year: Int

        @Option(name: .long, help: ArgumentHelp("Les seules décisions de ce dispositif (par défaut : tous).", valueName: "DISPOSITIF"))
        var scheme: String?

        @Option(name: .long, help: ArgumentHelp("Le fichier du portefeuille à écrire (par défaut : portfolio-registre-ANNÉE.yaml).", valueName: "FICHIER"))
        var out: String?

        @OptionGroup var register: RegisterOption
        @OptionGroup var rules: RulesOption

        func validate() throws {
            guard (1900...9999).contains(year) else { throw ValidationError("--year attend une année, comme 2020 (reçu : \(year))") }
        }

        func run() throws {
            let catalog = try rules.catalog()
            if let scheme { _ = try rules.scheme(scheme, in: catalog) }
            // Without its key, the register gives no pseudonyms: its error says so, where.
            let (entries, pseudonym) = try register.query { register in (try register.currentEntries(), try register.pseudonymizer()) }
            var portfolio = RegisterPortfolio(entries: entries, year: year, scheme: scheme, pseudonym: pseudonym)
            guard portfolio.decisionCount > 0 else {
                Console.out("Aucune décision de \(year)\(scheme.map { " du dispositif « \($0) »" } ?? "") au registre \(register.path) : aucun portefeuille écrit.")
                return
            }
            let failures = BatchFiles.documents(in: paths, with: DocumentEvaluator(catalog: catalog)) { portfolio.add($0, catalog: catalog) }
            failures.flatMap(\.diagnostics).forEach { Console.error($0.description) }
            let path = out ?? "portfolio-registre-\(year).yaml"
            try write(portfolio.text, to: path)
            Console.out("\(path) : \(FrenchFormat.count(portfolio.count, "demande décidée", "demandes décidées")) en \(year), sur \(FrenchFormat.count(portfolio.decisionCount, "décision")) de l'année au registre ; pseudonymisé, lisible par vous seul")
            try report(portfolio, failures: failures.count)
        }

        private func write(_ text: String, to path: String) throws {
            do {
                try OwnerOnlyFile.write(text, to: path)
            } catch {
                Console.say(.error, "le portefeuille ne peut être écrit : \(error.reason)", at: error.path)
                throw ExitCode.failure
            }
        }

        /// The decisions left out, each with why; exit code 1 when any is, for the portfolio
        /// would not be the year's.
        private func report(_ portfolio: RegisterPortfolio, failures: Int) throws {
            for (entry, mark) in portfolio.changed {
                Console.say(.error, "le dossier de la demande \(entry.application) (\(entry.scheme)) ne porte plus les faits décidés "
                            + "le \(entry.stageRecord.act?.date.frenchLong ?? "—") : elle n'est pas reprise ; donnez le dossier tel qu'il a été décidé", at: mark.description)
            }
            let missing = portfolio.missing
            for entry in missing.prefix(20) {
                Console.say(.error, "aucun dossier donné ne porte la demande \(entry.application) (\(entry.scheme)), décidée le "
                            + "\(entry.stageRecord.act?.date.frenchLong ?? "—") : donnez le fichier ou le dossier qui la contient", at: register.path)
            }
            if missing.count > 20 { Console.say(.note, "et \(FrenchFormat.count(missing.count - 20, "autre décision")) sans dossier") }
            guard portfolio.changed.isEmpty, missing.isEmpty, failures == 0 else {
                Console.say(.error, "le portefeuille ne contient pas toutes les décisions de \(year) (voir ci-dessus) : une simulation n'en donnerait qu'une partie")
                throw ExitCode.failure
            }
        }
    }
}

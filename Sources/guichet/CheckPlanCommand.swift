import ArgumentParser
import FinancingPlans
import Platform
import SchemeLanguage

/// `guichet check-plan`: the financing tables a text prints, written as data files, recomputed.
struct CheckPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-plan",
        abstract: "Vérifie les tableaux de financement d'un texte (totaux imprimés, règles déclarées) et les plans de financement des demandes.",
        discussion: """
            Chaque FICHIER (ou chaque fichier *.yaml d'un DOSSIER) décrit un tableau de financement \
            tel que le texte l'imprime : ses colonnes, chaque ligne avec son numéro de ligne dans le \
            texte et ses montants imprimés, les totaux imprimés et les règles que le tableau doit \
            respecter (une colonne somme d'autres, une part au plus ou au moins égale à un taux d'une \
            autre). Format : Rules/plans/README.md. La commande vérifie d'abord que chaque valeur \
            figure sur la ligne du texte citée, puis refait chaque total et chaque règle en décimales \
            exactes. Chaque incohérence est écrite sur la sortie d'erreur avec le fichier:ligne:colonne \
            de la donnée, la ligne du texte et l'écart ; une règle qu'un montant non imprimé (« ? », \
            « ETP ») empêche de vérifier est un avertissement. Un fichier qui liste des ressources \
            (resources) est le plan de financement d'une demande (Rules/plans/demandes) : les \
            ressources doivent égaler les dépenses HT ou TTC, chaque part déclarée est vérifiée, et \
            un maître d'ouvrage public doit apporter au moins 20 % des financements publics \
            (article L. 1111-10 du code général des collectivités territoriales), sauf dérogation \
            invoquée, laissée à l'instructeur ; avec --demandes, la part du Département dans le plan \
            est comparée à l'aide que le dispositif calcule pour la demande (application: …), en \
            simulation. Un bilan par fichier est écrit sur la sortie \
            standard. Codes de sortie : 0 si les tableaux sont cohérents (avertissements \
            permis), 1 si une incohérence est trouvée, 2 si un fichier ne peut être lu ou ne décrit ni \
            un tableau ni un plan (valeur absente de la ligne du texte citée comprise), 64 pour un usage incorrect.
            """)

    @Argument(help: ArgumentHelp("Les fichiers de tableaux ou de plans de financement, ou des dossiers qui en contiennent (par exemple Rules/plans).", valueName: "FICHIER"))
    var paths: [String]

    @Option(name: .customLong("demandes"), help: ArgumentHelp(
        "Les fichiers ou dossiers des demandes que les plans financent (application: …) : l'aide que leur dispositif calcule est comparée à la part du Département dans le plan (simulation, sans registre : les aides déjà accordées ne sont pas comptées).",
        valueName: "CHEMIN"))
    var applications: [String] = []

    @OptionGroup var rules: RulesOption

    @Option(name: .long, help: ArgumentHelp("Date de la simulation des demandes : les paramètres datés prennent la valeur en vigueur ce jour-là ; par défaut, aujourd'hui.",
                                            valueName: "AAAA-MM-JJ"), transform: DatingOptions.date)
    var date: LocalDate?

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("donnez au moins un fichier de tableau, par exemple « guichet check-plan Rules/plans »") }
    }

    func run() throws {
        var aids: PlanAids?
        if !applications.isEmpty {
            let catalog = try rules.catalog()
            Console.report(catalog)
            aids = PlanAids(catalog: catalog, paths: applications, date: date ?? WorkingFolder.today())
        }
        var unreadable = false
        var inconsistent = false
        for path in paths {
            let listing = FileListing.yamlFiles(at: path, recursive: false)
            for problem in listing.problems {
                Console.say(.error, problem.reason, at: problem.path)
                unreadable = true
            }
            for file in listing.files {
                switch Self.check(file, aids: aids) {
                case .consistent: break
                case .inconsistent: inconsistent = true
                case .unreadable: unreadable = true
                }
            }
        }
        if unreadable { throw ExitCode(2) }
        if inconsistent { throw ExitCode.failure }
    }

    enum Verdict { case consistent, inconsistent, unreadable }

    /// Checks one data file, prints its findings and its summary line.
    static func check(_ file: String, aids: PlanAids? = nil) -> Verdict {
        switch PlanFile.load(path: file) {
        case .failure(let failure):
            for finding in failure.findings { Console.error(finding.description) }
            Console.out("illisible  \(file) : \(FrenchFormat.count(failure.findings.count, "erreur")) dans le fichier ; corrigez-le et relancez « guichet check-plan »")
            return .unreadable
        case .success(.table(let table)): return check(table, file: file)
        case .success(.application(let plan)):
            let findings = ApplicationPlanChecker.check(plan) + (aids?.findings(for: plan) ?? [])
            let counts = "\(FrenchFormat.count(plan.expenses.count, "dépense")), \(FrenchFormat.count(plan.resources.count, "ressource"))"
            return summarize(findings, file: file, title: plan.title, counts: counts)
        }
    }

    /// A table of the text: its values on their lines, then its totals and rules.
    static func check(_ table: FinancingTable, file: String) -> Verdict {
        do {
            if let text = try SourceText.load(for: table) {
                let faults = text.transcriptionFaults(in: table)
                if !faults.isEmpty {
                    for fault in faults { Console.error(fault.description) }
                    Console.out("illisible  \(file) : \(FrenchFormat.count(faults.count, "valeur")) absente\(faults.count > 1 ? "s" : "") des lignes citées du texte")
                    return .unreadable
                }
            }
        } catch {
            Console.say(.error, "texte cité illisible : \(error.reason) ; corrigez « text » dans le fichier du tableau", at: file)
            return .unreadable
        }
        let counts = "\(FrenchFormat.count(table.rows.count, "ligne")), \(FrenchFormat.count(table.totals.count, "total", "totaux")), "
            + FrenchFormat.count(table.checks.count, "règle")
        return summarize(PlanChecker.check(table), file: file, title: table.title, counts: counts)
    }

    /// Prints the findings, then « cohérent  FILE (titre) : … : 0 incohérence, 2 avertissements ».
    static func summarize(_ findings: [PlanFinding], file: String, title: String, counts: String) -> Verdict {
        for finding in findings { Console.error(finding.description) }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        Console.out("\(errors == 0 ? "cohérent " : "incohérent") \(file) (\(title)) : \(counts) : "
                    + "\(FrenchFormat.count(errors, "incohérence")), \(FrenchFormat.count(warnings, "avertissement"))")
        return errors == 0 ? .consistent : .inconsistent
    }
}

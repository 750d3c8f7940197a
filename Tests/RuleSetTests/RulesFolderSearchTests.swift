import RuleSet
import Testing

/// Where the rules are looked for without `--rules`, in order, and what is said when none is found.
@Suite struct RulesFolderSearchTests {
    func search(option: String? = nil, environment: String? = nil, executable: String? = nil, folders: Set<String>) -> RulesFolderSearch {
        RulesFolderSearch(option: option, environment: environment, executable: executable, isFolder: folders.contains)
    }

    @Test func aFolderGivenIsTheOnlyOneLookedAt() {
        let given = search(option: "mes-regles", environment: "/env/Rules", folders: ["Rules", "/env/Rules"])
        #expect(given.found == nil)
        #expect(given.looked.map(\.path) == ["mes-regles"])
        #expect(given.failure == "le dossier de règles mes-regles (donné à la commande) n'existe pas ou n'est pas un dossier : donnez le chemin d'un dossier de règles")
        let variable = search(environment: "/env/Rules", folders: ["Rules"])
        #expect(variable.found == nil)
        #expect(variable.failure.contains("(variable GUICHET_RULES) n'existe pas"))
    }

    @Test func theCurrentFolderComesBeforeTheInstalledRules() {
        let here = search(executable: "/opt/guichet/bin/guichet", folders: ["Rules", "/opt/guichet/share/guichet/Rules"])
        #expect(here.found?.path == "Rules")
        #expect(here.found?.origin == .currentFolder)
        let installed = search(executable: "/opt/guichet/bin/guichet", folders: ["/opt/guichet/share/guichet/Rules"])
        #expect(installed.found?.path == "/opt/guichet/share/guichet/Rules")
        #expect(installed.found?.origin == .installed)
    }

    @Test func nothingFoundSaysEveryPlaceLookedAt() {
        let none = search(executable: "/opt/guichet/bin/guichet", folders: [])
        #expect(none.found == nil)
        #expect(none.failure == "aucun dossier de règles trouvé ; cherché : Rules (dossier courant) : absent ; "
            + "/opt/guichet/share/guichet/Rules (règles installées avec guichet) : absent. Donnez --rules DOSSIER, ou la variable GUICHET_RULES")
    }
}

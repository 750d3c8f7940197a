import ArgumentParser
import Imports
import SchemeLanguage

extension RulesOption {
    /// The rules folder's reference of communes, read only when the reform joins a scheme to
    /// it (`breakdown: {pdesi: {commune: porteur.siren}}`); its errors printed and exit code 1.
    func communes(for reform: Reform) throws -> CommuneReference? {
        guard !reform.communes.isEmpty else { return nil }
        switch CommuneReference.load(rulesFolder: try folder()) {
        case .success(let reference): return reference
        case .failure(let list):
            for diagnostic in list.diagnostics { Console.error(diagnostic.description) }
            Console.error("La réforme « \(reform.name) » ventile par commune (commune: dans breakdown) : corrigez le référentiel "
                          + "des communes, ou retirez cette ventilation de \(reform.file), et relancez la commande.")
            throw ExitCode.failure
        }
    }
}

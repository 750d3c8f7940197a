import YAMLReader

extension SchemeBuilder {
    /// A text that may name parameters (`{plafond_inscrit}`): each name must be a parameter of
    /// the scheme, and a figure that is a parameter's value must be written by its name.
    /// `also` are the other names the text may write (`value`, the steps of the amount), `what`
    /// says what a name must be in the error for an unknown one.
    func template(_ node: YAMLNode, path: String, also: [String] = [], what: String = "aucun paramètre du dispositif") -> String? {
        guard let text = log.text(node, path: path) else { return nil }
        let known = Set(parameterList.map(\.id) + also)
        for name in ParameterText.names(in: text) where !known.contains(name) {
            let suggestion = Suggestion.closest(to: name, among: known.sorted()).map { " (vouliez-vous dire « {\($0)} » ?)" } ?? ""
            log.error("{\(name)} ne nomme \(what)\(suggestion)", at: node.mark, path: path)
        }
        for (figure, names) in parameterFigures.writtenValues(in: text) {
            let written = names.map { "{\($0)}" }.joined(separator: " ou ")
            log.error("le texte écrit « \(figure) », valeur d'un paramètre : écrivez \(written), pour qu'une décision dise toujours la valeur appliquée",
                      at: node.mark, path: path)
        }
        return text
    }
}

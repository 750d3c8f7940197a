import Documents
import Evaluator
import SchemeLanguage

/// A letter of the instructing service asking for what is missing: the service and its agent
/// (CRPA L. 111-2), the deadline to produce them and what follows if they do not come
/// (`mentions.yaml`, chosen by the kind of beneficiary: L. 114-5 for « le public »), the state
/// of the examination, and the notice on personal data when the letter concerns a person. It
/// is no decision, and says so at its top.
enum RequestForPieces {
    static func make(_ record: DecisionRecord) -> Document {
        let application = record.application
        let request = record.grants ? "La demande" : "La candidature"
        var document = Document(title: "\(record.documentTitle) — \(application.id)", letterhead: ActParts.letterhead(record))
        if let notice = record.stageNotice { document.append(.notice(.strong(notice + "."))) }
        document.append(contentsOf: [
            .paragraph(.strong("Objet : ") + "\(FrenchGrammar.lowercasedFirst(record.documentTitle)) — dispositif « \(record.scheme.title) »"),
            .paragraph("Madame, Monsieur,"),
            .paragraph(Text("\(request) présentée \(FrenchGrammar.by(application.applicant.name)) au titre du dispositif « \(record.scheme.title) », déposée le \(application.filed.frenchLong), ne peut pas être instruite en l'état : les éléments listés ci-dessous sont nécessaires à son examen.")),
            .numbered(ExaminationTables.missingItems(record, withIDs: false).map { Text($0) }),
        ])
        if let deadline = record.mention("delai-pieces") {
            document.append(contentsOf: deadline.paragraphs.map { .paragraph(Text($0)) })
            if !deadline.missing.isEmpty {
                document.append(.paragraph(.strong("Mention à compléter avant tout envoi : \(deadline.missing.joined(separator: " ; ")).")))
            }
        }
        document.append(.paragraph("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."))
        // The service writes, not the authority: no signature block of an act.
        let agent = record.issuance.deployment.service?.agent.map { "\($0.firstName) \($0.name), \(FrenchGrammar.lowercasedFirst($0.title))" }
        document.append(.paragraph(Text(agent.map { "Le service instructeur — \($0)" } ?? "Le service instructeur")))
        document.append(contentsOf: ActParts.mention(record.mention("donnees-personnelles")))
        document.append(contentsOf: [.pageBreak, .heading("Annexe — État de l'examen de la demande \(application.id)", level: 2),
                                     .table(ExaminationTables.criteria(record, forAct: true))])
        document.append(contentsOf: ActParts.footer(record))
        return document
    }
}

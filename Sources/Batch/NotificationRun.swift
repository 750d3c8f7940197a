import Decisions
import Platform
import Register
import SchemeLanguage

/// Records that acts were notified, and issues the notified acts.
///
/// The act notified is the act decided, byte for byte: each is read back from the output folder
/// where `decide` (or `withdraw`) wrote it and checked against the SHA-256 the register recorded
/// then. The notified document is that act under a line giving the notification date; nothing
/// is evaluated again, so no later change of a file, of the rules or of another decision can
/// alter or block it. Once notified, a decision stays decided.
public struct NotificationRun {
    public let scheme: Scheme
    public let notifiedOn: LocalDate
    public let actor: Actor?
    /// Only these applications, when given; otherwise every act of the scheme not yet notified.
    public let only: Set<String>?

    public init(scheme: Scheme, notifiedOn: LocalDate, actor: Actor?, only: Set<String>?) {
        self.scheme = scheme
        self.notifiedOn = notifiedOn
        self.actor = actor
        self.only = only
    }

    public struct Result {
        public var notified: [(id: String, document: String)] = []
        public var skipped: [(id: String, reason: String)] = []
        /// Acts notified on or after the day before which the text wants them notified
        /// (`Scheme.notificationDeadline`), each with that day: notified all the same.
        public var late: [(id: String, deadline: LocalDate)] = []
    }

    public func run(register: DecisionRegister, output: OutputFolder) throws -> Result {
        var result = Result()
        try register.batch { session in
            let waiting = try session.awaitingNotification(scheme: scheme.id)
            for id in (only ?? []).sorted() where !waiting.contains(where: { $0.application == id }) {
                let stage = try session.current(scheme: scheme.id, application: id)?.stage
                result.skipped.append((id, stage.map { "elle est au stade « \($0.frenchName) » : seul un acte décidé, non encore notifié, se notifie" }
                                           ?? "elle n'a aucune inscription au registre"))
            }
            for entry in waiting where only?.contains(entry.application) ?? true {
                do {
                    result.notified.append((entry.application, try notify(entry, session: session, output: output)))
                    if let rule = scheme.notificationDeadline, rule.isLate(notifiedOn: notifiedOn, filedOn: entry.filed) {
                        result.late.append((entry.application, rule.deadline(forFilingOn: entry.filed)))
                    }
                } catch let refusal as Refusal {
                    result.skipped.append((entry.application, refusal.description))
                }
            }
        }
        return result
    }

    /// Writes the notified act and records it; the act must be the one decided.
    private func notify(_ entry: RegisterEntry, session: RegisterSession, output: OutputFolder) throws -> String {
        guard let act = entry.stageRecord.act, let file = entry.decisionFile, let hash = entry.stageRecord.documentHash else {
            throw Refusal("le registre ne dit ni l'acte ni son document")
        }
        guard act.date <= notifiedOn else { throw Refusal("la date de notification précède celle de l'acte (\(act.date.frenchLong))") }
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(output.path(file))
        } catch {
            throw Refusal("l'acte \(output.path(file)) est introuvable (\(error.reason)) : notifiez depuis le dossier où il a été écrit (--out)")
        }
        guard SHA256.hex(of: bytes) == hash, let text = String(validating: bytes, as: UTF8.self) else {
            throw Refusal("l'acte \(output.path(file)) n'est plus celui qui a été décidé (son empreinte diffère) : restaurez-le depuis vos archives")
        }
        try checkRenditions(of: file, entry.stageRecord, output: output)
        let name = Self.notificationName(of: file)
        let kind = entry.stageRecord.withdrawal == nil ? "la décision" : "l'acte de retrait"
        let cover = "> **Acte notifié le \(notifiedOn.frenchLong).** Le texte qui suit est celui de \(kind) n° \(act.reference) "
            + "du \(act.date.frenchLong), tel qu'il a été pris (empreinte SHA-256 `\(hash)`).\n\n"
        try output.write(cover + text, to: "\(name).md")
        try output.write(json(entry, act: act, file: file, hash: hash), to: "\(name).json")
        var stage = entry.stageRecord
        stage.stage = .notified
        stage.notifiedOn = notifiedOn
        stage.actor = actor?.name
        stage.recordedAt = actor?.at
        try session.record(entry.moved(to: stage, decisionFile: "\(name).md"))
        return output.path("\(name).md")
    }

    /// The act's HTML and ODT, when they were written with it, must be the ones decided too: the
    /// person who receives the ODT or the printed HTML receives the act decided, byte for byte.
    private func checkRenditions(of file: String, _ stage: StageRecord, output: OutputFolder) throws {
        let base = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        for (format, hash) in [("html", stage.htmlHash), ("odt", stage.odtHash)] {
            guard let hash else { continue }
            let path = output.path("\(base).\(format)")
            let bytes: [UInt8]
            do {
                bytes = try RegularFile.read(path)
            } catch {
                throw Refusal("l'acte \(path) ne peut être lu (\(error.reason)) : notifiez depuis le dossier où il a été écrit (--out), ou restaurez-le depuis vos archives")
            }
            guard SHA256.hex(of: bytes) == hash else {
                throw Refusal("l'acte \(path) n'est plus celui qui a été décidé (son empreinte diffère) : restaurez-le depuis vos archives")
            }
        }
    }

    /// `X.decision.md` → `X.notification`; `X.retrait-2.md` → `X.retrait-2.notification`.
    static func notificationName(of act: String) -> String {
        var base = act.hasSuffix(".md") ? String(act.dropLast(3)) : act
        if base.hasSuffix(".decision") { base = String(base.dropLast(".decision".count)) }
        return base + ".notification"
    }

    /// The notification for other software: which act, its fingerprint, when it was notified.
    private func json(_ entry: RegisterEntry, act: DecisionAct, file: String, hash: String) -> String {
        var text = "{\n  \"format\": \"guichet-notification/1\",\n  \"scheme\": "
        JSONString.append(entry.scheme, to: &text)
        text += ",\n  \"application\": "
        JSONString.append(entry.application, to: &text)
        text += ",\n  \"act\": {\"body\": "
        JSONString.append(act.body.rawValue, to: &text)
        text += ", \"reference\": "
        JSONString.append(act.reference, to: &text)
        text += ", \"date\": \"\(act.date)\"},\n  \"act_file\": "
        JSONString.append(file, to: &text)
        text += ",\n  \"act_sha256\": \"\(hash)\",\n  \"notified_on\": \"\(notifiedOn)\"\n}\n"
        return text
    }
}

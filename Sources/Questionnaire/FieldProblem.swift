/// A place of the questionnaire's forms an answer is typed in.
public enum Field: Hashable, Sendable {
    case applicantName
    case applicantKind
    case subject
    /// The answer to a question, by the id of its input.
    case fact(String)
    /// The form as a whole: a problem no field can be blamed for.
    case form

    /// The form field's name (`FormNames`), which a page's error links point to.
    public var formName: String {
        switch self {
        case .applicantName: FormNames.applicantName
        case .applicantKind: FormNames.applicantKind
        case .subject: FormNames.subject
        case .fact(let id): FormNames.answer(id)
        case .form: "formulaire"
        }
    }
}

/// What is wrong with an answer, in French, for the person who typed it: shown next to its
/// field and in the summary at the top of the page.
public struct FieldProblem: Error, Sendable, Equatable {
    public let field: Field
    public let message: String

    public init(_ field: Field, _ message: String) {
        self.field = field
        self.message = message
    }
}

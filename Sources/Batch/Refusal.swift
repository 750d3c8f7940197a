/// Why a lifecycle command cannot do what it was asked, in French, before anything is recorded:
/// an amended amount for an application that is not proposed, a withdrawal past its time limit.
public struct Refusal: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

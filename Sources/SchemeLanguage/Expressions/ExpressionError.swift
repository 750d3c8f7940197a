/// An error in an expression, at an offset of its text; the loader turns it into a located diagnostic.
public struct ExpressionError: Error, Sendable, Equatable {
    public let message: String
    /// Offset in Unicode scalars from the start of the expression text.
    public let offset: Int

    init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}

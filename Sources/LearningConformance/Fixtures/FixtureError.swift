import LearningContract

/// A fixture or roles file that cannot be used: exit code 2, with the file and the JSON pointer at fault.
public struct FixtureError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var pointer: JSONPointer
    public var message: String

    public init(file: String, pointer: JSONPointer = .root, message: String) {
        self.file = file; self.pointer = pointer; self.message = message
    }

    public var description: String {
        pointer.tokens.isEmpty ? "\(file): \(message)" : "\(file) at \(pointer): \(message)"
    }
}

/// Why a state document (admin endpoint, `--state FILE`) cannot be applied.
public struct EmulatorStateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

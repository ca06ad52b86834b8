/// The process exit status of a command.
///
/// A struct rather than an enum so a command can return any status (`ExitCode(rawValue: 70)`) while
/// the ones scripts rely on keep stable names. The meanings are this tool's own (assumed, not from the docs).
public struct ExitCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }
    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// Everything checked out.
    public static let success = ExitCode(0)
    /// The input was read and judged: invalid payloads, deviations from the contract.
    public static let failure = ExitCode(1)
    /// The command line was wrong, or the input could not be read at all.
    public static let usage = ExitCode(2)
    /// The conformance target could not be reached or timed out.
    public static let unreachable = ExitCode(3)

    public var description: String {
        switch self {
        case .success: "0 (success)"
        case .failure: "1 (failure)"
        case .usage: "2 (usage)"
        case .unreachable: "3 (unreachable)"
        default: String(rawValue)
        }
    }
}

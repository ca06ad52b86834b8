/// Why an emulator configuration (flags, `--faults FILE`, `--state FILE`) cannot be used.
public enum EmulatorConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidFault(String, String)
    case invalidFile(String, String)
    case invalidValue(String)

    public var description: String {
        switch self {
        case .invalidValue(let why): why
        case .invalidFault(let flag, let why): "invalid fault '\(flag)': \(why)"
        case .invalidFile(let path, let why): "\(path): \(why)"
        }
    }
}

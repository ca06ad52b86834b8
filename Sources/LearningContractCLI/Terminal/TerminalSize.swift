#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's size, for progress lines; help text does not use it (it always wraps at 80).
public enum TerminalSize {
    /// Used when the descriptor is not a terminal and `COLUMNS` says nothing.
    public static let fallbackColumns = 80

    /// Columns of the terminal on `fileDescriptor` (ioctl `TIOCGWINSZ`), else `COLUMNS`, else 80.
    public static func columns(fileDescriptor: Int32 = 1, environment: [String: String] = [:]) -> Int {
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return fallbackColumns
    }

    /// Whether `fileDescriptor` is a terminal (`isatty`).
    public static func isTerminal(_ fileDescriptor: Int32) -> Bool { isatty(fileDescriptor) == 1 }
}

import Foundation

/// A status line that rewrites itself in place (`\r` + clear line) on a terminal, and prints nothing
/// otherwise, so logs and pipes never see progress noise.
public final class ProgressLine: @unchecked Sendable {
    private let output: any TextOutput
    private let isTerminal: Bool
    private let width: Int
    private let lock = NSLock()
    private var isShowing = false

    /// Carriage return, then erase the whole line.
    static let clearLine = "\r\u{1B}[2K"

    public init(output: any TextOutput, isTerminal: Bool, width: Int = TerminalSize.fallbackColumns) {
        self.output = output
        self.isTerminal = isTerminal
        self.width = max(width, 10)
    }

    /// Progress on the context's standard error (which keeps standard output clean for results).
    public convenience init(context: CLIContext) {
        self.init(output: context.stderr, isTerminal: context.stderrIsTerminal, width: context.terminalWidth)
    }

    /// Replaces the line with `text`, cut to fit the width so it never wraps (a wrapped line cannot be rewritten).
    public func update(_ text: String) {
        guard isTerminal else { return }
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let fitted = flat.count < width ? flat : String(flat.prefix(width - 2)) + "…"
        lock.withLock {
            output.write(Self.clearLine + fitted)
            isShowing = true
        }
    }

    /// Erases the line, leaving the cursor at its start for whatever is printed next.
    public func clear() {
        guard isTerminal else { return }
        lock.withLock {
            if isShowing { output.write(Self.clearLine) }
            isShowing = false
        }
    }
}

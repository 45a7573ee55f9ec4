#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place that asks libc about the terminal.
enum Terminal {
    /// Whether stderr is a terminal: progress bars are drawn only then, never into a pipe or a log file.
    static var stderrIsInteractive: Bool { isatty(STDERR_FILENO) != 0 }

    /// The terminal's width in columns, 80 when it cannot be told.
    static var columns: Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}

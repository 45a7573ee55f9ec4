import Foundation

/// A one-line progress bar on stderr, with rate and ETA, for long replays:
///
/// ```
/// replaying [##############----------------]  47%  47000/100000 events  52310/s  ETA 1s
/// ```
///
/// It draws only when stderr is a terminal, waits half a second before the first draw (short runs show
/// nothing), redraws at most ten times a second, and erases itself when done, so stdout and logs never
/// see it.
final class ProgressBar {
    private let enabled: Bool
    private let started = Date()
    /// Rate and ETA are per phase (copying, then replaying, say), which run at very different speeds.
    private var phase = ""
    private var phaseStarted = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool = Terminal.stderrIsInteractive) {
        self.enabled = enabled
    }

    func update(phase: String, done: Int64, total: Int64) {
        guard enabled, total > 0 else { return }
        let now = Date()
        if phase != self.phase {
            self.phase = phase
            phaseStarted = now
        }
        guard now.timeIntervalSince(started) >= 0.5, now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
        lastDraw = now
        drawn = true
        Output.err("\r\u{1B}[K" + ProgressBar.line(phase: phase, done: done, total: total,
                                                   elapsed: now.timeIntervalSince(phaseStarted), width: Terminal.columns))
    }

    /// Erases the bar, if it was drawn.
    func finish() {
        if drawn { Output.err("\r\u{1B}[K") }
        drawn = false
    }

    /// The text of the bar, without control characters; fits in `width` columns.
    static func line(phase: String, done: Int64, total: Int64, elapsed: TimeInterval, width: Int) -> String {
        let fraction = min(1, Double(done) / Double(max(total, 1)))
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : nil
        let tail = String(format: " %3d%%  %lld/%lld events  %.0f/s  ETA %@", Int(fraction * 100), done, total, rate,
                          eta.map(ProgressBar.duration) ?? "?")
        let barWidth = max(10, min(40, width - phase.count - tail.count - 4))
        let filled = Int(fraction * Double(barWidth))
        return "\(phase) [" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
            + "]" + tail
    }

    /// `45s`, `3m05s`, `1h02m`.
    static func duration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return String(format: "%dm%02ds", seconds / 60, seconds % 60) }
        return String(format: "%dh%02dm", seconds / 3600, (seconds % 3600) / 60)
    }
}

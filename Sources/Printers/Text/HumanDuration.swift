public import KubeModel

/// apimachinery's `duration.HumanDuration` for a whole number of elapsed seconds.
///
/// Precision drops as the duration grows (`2m9s`, `179m`, `3h30m`, `2d1h`, `729d`, `2y1d`), and a
/// clock skew of one second still reads `0s`.
public func humanDuration(_ seconds: Int64) -> String {
    if seconds < -1 { return "<invalid>" }
    if seconds < 0 { return "0s" }
    if seconds < 120 { return "\(seconds)s" }
    let minutes = seconds / 60
    if minutes < 10 {
        let remainder = seconds % 60
        return remainder == 0 ? "\(minutes)m" : "\(minutes)m\(remainder)s"
    }
    if minutes < 180 { return "\(minutes)m" }
    let hours = seconds / 3600
    if hours < 8 {
        let remainder = minutes % 60
        return remainder == 0 ? "\(hours)h" : "\(hours)h\(remainder)m"
    }
    if hours < 48 { return "\(hours)h" }
    if hours < 24 * 8 {
        let remainder = hours % 24
        return remainder == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(remainder)h"
    }
    if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
    if hours < 24 * 365 * 8 {
        let days = (hours / 24) % 365
        return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
    }
    return "\(hours / 24 / 365)y"
}

/// kubectl's `translateTimestampSince`: the age of `timestamp` at `now`, `<unknown>` when unset.
public func age(of timestamp: Timestamp?, now: Timestamp) -> String {
    guard let timestamp else { return "<unknown>" }
    return humanDuration(now.seconds - timestamp.seconds)
}

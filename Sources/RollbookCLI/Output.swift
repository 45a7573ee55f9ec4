import Foundation

/// stdout and stderr, written unbuffered-by-line so interleaving matches kubectl's.
enum Output {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

import Foundation

// Usage: embed-migrations OUTPUT.swift FILE.sql...
// Writes `embeddedMigrations`, an ordered list of (name, sql) pairs.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: embed-migrations OUTPUT.swift FILE.sql...\n".utf8))
    exit(64)
}
var source = "// Generated from Migrations/*.sql by Tools/embed-migrations. Do not edit.\n"
source += "let embeddedMigrations: [(name: String, sql: String)] = [\n"
for path in arguments.dropFirst().sorted() {
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let sql = try String(contentsOfFile: path, encoding: .utf8)
    // A raw string with enough #s that no SQL text can end it early.
    var hashes = "#"
    while sql.contains("\"" + hashes) { hashes += "#" }
    source += "    (\(String(reflecting: name)), \(hashes)\"\"\"\n\(sql)\n\"\"\"\(hashes)),\n"
}
source += "]\n"
try source.write(toFile: output, atomically: true, encoding: .utf8)

import Foundation
import RollbookCLI

exit(RollbookCommand.run(Array(CommandLine.arguments.dropFirst())))

import Foundation
import KubeModel
import Manifests

/// libFuzzer's entry point: one input is one manifest file given to `rollbook apply -f`.
///
/// It goes through everything `apply` does before the store: decoding (YAML or JSON, strict fields), the
/// kubectl error text, defaulting, validation and its message, the template hash, and printing the object back
/// as `-o yaml` and `-o json` would. Any trap, crash or sanitizer report is a bug; thrown errors are fine.
@_cdecl("LLVMFuzzerTestOneInput")
public func manifestFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let result = ManifestDecoder.decodeAll(data, source: "fuzz.yaml")
    for error in result.errors { _ = error.kubectlMessage(verb: .patching) }
    for outcome in result.documents {
        switch outcome {
        case .failure(let error):
            _ = error.kubectlMessage
        case .success(let document):
            exercise(document)
        }
    }
    return 0
}

private func exercise(_ document: ManifestDocument) {
    var deployment = document.object.deployment
    deployment.applyDefaults()
    let errors = deployment.validate()
    _ = validationErrorMessage(kind: "Deployment", name: deployment.metadata.name, errors: errors)
    _ = deployment.validate(old: deployment)
    _ = TemplateHash.compute(deployment.spec.template, collisionCount: deployment.status.collisionCount)
    _ = LastApplied.configuration(for: document.raw, namespace: "default")
    _ = ObjectPrinter.yaml(document.raw)
    _ = ObjectPrinter.json(document.raw)
}

/// libFuzzer's driver, called from our own `main`: SwiftPM links an executable's entry point as `main`, so
/// libFuzzer's `main` is never pulled in and we hand it the command line ourselves.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum ManifestFuzzer {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, manifestFuzzerTestOneInput))
    }
}

import Testing
import TestSupport

/// A bare Pod's images may change (ValidatePodUpdate; `patch`, `set image`): the kubelet kills the container whose definition changed and
/// starts it with the new image, whatever the restart policy; other spec changes stay refused. Describe checked
/// against kubectl v1.32.4 through `rollbook serve`.
struct PodImageUpdateGoldenTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: solo
        spec:
          restartPolicy: Never
          containers:
          - name: app
            image: nginx:1.27
        """

    @Test func anImageChangeRestartsTheContainer() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.27"),
            (0, "create -f solo.yaml"),
            (10, #"patch pod solo -p '{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}'"#),
            (11, "get pods"),
            (20, #"patch pod solo -p '{"spec":{"activeDeadlineSeconds":30}}'"#),
            (20, #"patch pod solo -p '{"spec":{"containers":[{"name":"app","image":"nginx:1.28 "}]}}'"#),
            (25, "set image pod/solo app=nginx:1.29"),
            (30, "describe pod solo"),
        ]
        try expectGolden(try ScenarioScript(files: ["solo.yaml": Self.pod], steps: steps).run(),
                         named: "fidelity/pod-image-update.txt")
    }
}

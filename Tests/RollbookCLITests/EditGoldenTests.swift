import Testing
import TestSupport

/// `edit` with a scripted editor (`KUBE_EDITOR`): a change is sent as a strategic merge patch; a file saved as it was
/// opened cancels; a change the server refuses reopens the file with the causes on top, and saving that unchanged gives
/// up and names the copy kept; `-o json` edits JSON, without comments. Each step was checked against kubectl v1.32.4
/// editing a twin store through `rollbook serve`.
struct EditGoldenTests {
    /// The n-th call makes the n-th edit; it shows the head of what it was given on stderr.
    static let editor = """
        dir=$(dirname "$0")
        n=$(($(cat "$dir/count") + 1)); echo $n > "$dir/count"
        echo "[editor call $n: $(basename "$1")]" >&2
        head -9 "$1" >&2
        case $n in
        1) sed -i '0,/replicas: 1$/s//replicas: 3/' "$1" ;;
        3) sed -i 's/replicas: 3$/replicas: -1/' "$1" ;;
        5) sed -i 's/"image": "nginx:1.27"/"image": "nginx:1.28"/' "$1" ;;
        esac
        """

    @Test func editsPatchRefuseAndCancel() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.27"),
            (0, "images load nginx:1.28"),
            (0, "create deployment web --image=nginx:1.27"),
            (5, "edit deployment web --output-patch"),
            (10, "edit deployment web"),
            (15, "edit deployments web"),
            (20, "edit deploy/web -o json"),
            (30, "get deployment web -o wide"),
            (30, "rollout history deployment/web"),
        ]
        var script = ScenarioScript(files: ["editor.sh": Self.editor, "count": "0", "tmp/.keep": ""], steps: steps)
        script.environment = ["KUBE_EDITOR": "sh $DIR/editor.sh", "TMPDIR": "$DIR/tmp"]
        try expectGolden(try script.run(), named: "fidelity/edit.txt")
    }

    /// Client-side refusals: a file that does not read as YAML fails validation (go-yaml's message, lines counted
    /// without the comments) and is reopened; an emptied one too; another namespace is refused at once; a type alone
    /// edits every object of it.
    static let refusingEditor = """
        dir=$(dirname "$0")
        n=$(($(cat "$dir/count") + 1)); echo $n > "$dir/count"
        echo "[editor call $n]" >&2
        case $n in
        1) sed -i 's/^spec:/spec: [oops/' "$1" ;;
        2) grep "^#" "$1" >&2 ;;
        3) : > "$1" ;;
        5) sed -i 's/^  namespace: default/  namespace: other/' "$1" ;;
        6) grep -c "^  kind: Deployment" "$1" >&2 ;;
        esac
        """

    @Test func refusesOnTheClient() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.27"),
            (0, "create deployment web --image=nginx:1.27"),
            (0, "create deployment api --image=nginx:1.27"),
            (5, "edit deployment web"),
            (5, "edit deployment web"),
            (5, "edit deployment web"),
            (5, "edit deployments"),
            (5, "edit pods -n empty"),
        ]
        var script = ScenarioScript(files: ["editor.sh": Self.refusingEditor, "count": "0", "tmp/.keep": ""], steps: steps)
        script.environment = ["KUBE_EDITOR": "sh $DIR/editor.sh", "TMPDIR": "$DIR/tmp"]
        try expectGolden(try script.run(), named: "fidelity/edit-refused.txt")
    }
}
